// Runs one HTTP request for the UrlFetchApp fake and prints the answer as JSON. The fake calls
// this with execFileSync, which blocks like Apps Script's synchronous UrlFetchApp.fetch.
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const request = JSON.parse(input);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? 30000),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const headers = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    process.stdout.write(JSON.stringify({ status: response.status, headers, base64: bytes.toString('base64') }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error?.cause?.code ?? error?.message ?? error) }));
  }
});

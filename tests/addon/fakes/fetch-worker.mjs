// Runs the HTTP requests of the UrlFetchApp fake. The test thread posts a request, then blocks
// in Atomics.wait (like Apps Script's synchronous UrlFetchApp.fetch) until this worker has
// posted the answer and raised the flag. One long-lived worker: no process per request.
import { workerData } from 'node:worker_threads';

const { flag: flagBuffer, port } = workerData;
const flag = new Int32Array(flagBuffer);

port.on('message', async (request) => {
  let answer;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.bodyBase64 ? Buffer.from(request.bodyBase64, 'base64') : (request.body ?? undefined),
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? 30000),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const headers = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    answer = { status: response.status, headers, base64: bytes.toString('base64') };
  } catch (error) {
    answer = { error: String(error?.cause?.code ?? error?.message ?? error) };
  }
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});

/**
 * A multipart/form-data body as bytes, for POST /api/v1/imports. Built by hand because the
 * transport is injected (UrlFetchApp takes a byte array; tests use a fake), and Apps Script has
 * no TextEncoder.
 */

/** UTF-8 bytes of a string (file names and form values may hold Vietnamese). */
export function encodeUtf8(text: string): number[] {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

export type MultipartFile = { fieldName: string; fileName: string; contentType: string; bytes: readonly number[] };

function quote(value: string): string {
  return value.replace(/["\r\n\\]/g, '_');
}

export function buildMultipart(fields: Record<string, string>, file: MultipartFile, boundary: string): { contentType: string; bytes: number[] } {
  const bytes: number[] = [];
  const push = (text: string): void => {
    for (const byte of encodeUtf8(text)) bytes.push(byte);
  };
  for (const [name, value] of Object.entries(fields)) {
    push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
  }
  push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.fieldName)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`);
  // Apps Script byte arrays are signed (-128..127); both forms carry the same bits.
  for (const byte of file.bytes) bytes.push(byte & 0xff);
  push(`\r\n--${boundary}--\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes };
}

/** The file name of a Content-Disposition header (filename*=UTF-8'' first, then filename=). */
export function fileNameFromDisposition(header: string | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

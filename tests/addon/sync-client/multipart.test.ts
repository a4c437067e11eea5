import { describe, expect, it } from 'vitest';
import { buildMultipart, encodeUtf8, fileNameFromDisposition } from '../../../addon/src/sync-client/multipart.js';

describe('the multipart upload body', () => {
  it('is read back by a standard form parser: fields, file name with accents, and the bytes of the file (signed as Apps Script gives them)', async () => {
    const content = 'creator_key,name\r\nKOC-HUE-1,Ngô Huế\r\n';
    const signed = Array.from(Buffer.from(content, 'utf8')).map((byte) => (byte > 127 ? byte - 256 : byte));
    const body = buildMultipart({ dryRun: 'true', createMissing: 'false' }, { fieldName: 'file', fileName: 'nhà sáng tạo.csv', contentType: 'text/csv', bytes: signed }, 'XyZ123');
    const form = await new Response(Uint8Array.from(body.bytes), { headers: { 'content-type': body.contentType } }).formData();
    expect(form.get('dryRun')).toBe('true');
    expect(form.get('createMissing')).toBe('false');
    const file = form.get('file') as File;
    expect(file.name).toBe('nhà sáng tạo.csv');
    expect(await file.text()).toBe(content);
  });

  it('encodes UTF-8 like Node does, including characters outside the BMP', () => {
    const text = 'Tết 🎉 ₫';
    expect(encodeUtf8(text)).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });

  it('takes the file name from Content-Disposition, preferring the UTF-8 form', () => {
    expect(fileNameFromDisposition(`attachment; filename="chien-dich.csv"; filename*=UTF-8''chi%E1%BA%BFn-d%E1%BB%8Bch.csv`, 'x.csv')).toBe('chiến-dịch.csv');
    expect(fileNameFromDisposition('attachment; filename="creators.xlsx"', 'x.xlsx')).toBe('creators.xlsx');
    expect(fileNameFromDisposition(undefined, 'fallback.csv')).toBe('fallback.csv');
  });
});

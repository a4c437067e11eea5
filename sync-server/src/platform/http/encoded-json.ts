/**
 * A JSON answer serialised and compressed once, sent many times. Cached answers (the campaign
 * list) keep this form, so a hit costs neither JSON.stringify nor gzip, and the wire carries
 * about a sixth of the bytes: a page of 50 campaigns is ~35 KB of JSON and ~6 KB gzipped.
 * The add-on's UrlFetchApp and every browser ask for gzip; clients that do not get plain JSON.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const gzipAsync = promisify(gzip);

export type EncodedJson = { json: Buffer; gzip: Buffer };

export async function encodeJson(value: unknown): Promise<EncodedJson> {
  const json = Buffer.from(JSON.stringify(value));
  return { json, gzip: await gzipAsync(json) };
}

export function sendEncodedJson(request: Request, response: Response, body: EncodedJson): void {
  response.vary('Accept-Encoding');
  response.type('application/json');
  if (request.acceptsEncodings('gzip', 'identity') === 'gzip') {
    response.set('Content-Encoding', 'gzip').send(body.gzip);
  } else {
    response.send(body.json);
  }
}

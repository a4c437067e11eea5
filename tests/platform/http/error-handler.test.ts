import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../../sync-server/src/platform/http/error-handler.js';

/** What the handler answers for an error that reached it. */
function answerFor(error: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    set: () => response,
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
      return response;
    },
  } as unknown as Response;
  errorHandler(error, { method: 'POST', path: '/api/v1/sync/push' } as Request, response, () => {});
  return sent;
}

describe('the error handler as the last net for values the readers let through', () => {
  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22003', 'numeric field overflow'],
    ['54000', 'index row size 3016 exceeds btree version 4 maximum 2704'],
  ])('a database refusal %s (%s) is a 422 in plain words, not a 500 with the database text', (code, message) => {
    const { status, body } = answerFor(Object.assign(new Error(message), { code }));
    expect(status).toBe(422);
    expect(body).toEqual({
      code: 'VALUE_NOT_STORABLE',
      detail: "A value in the request can't be stored: text with a NUL or broken character, text too long for its column, or a number too large. Nothing was changed.",
      errors: {},
    });
  });

  it.each([
    ['08006', 'connection terminated'],
    ['22012', 'division by zero'],
  ])('any other database failure (%s, %s) stays a 500 that says nothing of the database', (code, message) => {
    const { status, body } = answerFor(Object.assign(new Error(message), { code }));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain(message);
  });
});

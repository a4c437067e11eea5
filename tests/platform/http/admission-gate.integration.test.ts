import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmissionGate } from '../../../sync-server/src/platform/http/admission-gate.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

/** A task that runs until the test lets it finish: no timing in these tests. */
function heldTask() {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => finished, finish };
}

describe('the admission gate', () => {
  it('refuses a newcomer at once with 503 when it would wait longer than maxWaitMs at the recent pace, and says how long', async () => {
    // One at a time, a queue of 100, at most 250 ms of waiting; before any task finished the pace is taken as 100 ms a task.
    const gate = createAdmissionGate({ concurrency: 1, maxQueued: 100, maxWaitMs: 250, busyMessage: 'busy' });
    const tasks = [heldTask(), heldTask(), heldTask()];
    const admitted = tasks.map(({ task }) => gate.run(task));
    const refusal = await gate.run(async () => 'never').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'BUSY', httpStatus: 503, retryAfterSeconds: 1 });
    for (const { finish } of tasks) finish();
    await Promise.all(admitted);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it('counts a place taken before the body is read, refuses past it, and gives it back when the request ends without running', async () => {
    const gate = createAdmissionGate({ concurrency: 1, maxQueued: 0, busyMessage: 'busy' });
    const fakeResponse = () => Object.assign(new EventEmitter(), { locals: {} as Record<string, unknown> }) as unknown as Response;
    const holdPlace = (response: Response) =>
      new Promise<unknown>((resolve) => gate.holdPlace({} as Request, response, ((error?: unknown) => resolve(error)) as NextFunction));

    const first = fakeResponse();
    expect(await holdPlace(first)).toBeUndefined();
    expect(await holdPlace(fakeResponse())).toMatchObject({ code: 'BUSY' });
    // The first request's body turned out malformed: it ends without running, and its place is free again.
    first.emit('close');
    const second = fakeResponse();
    expect(await holdPlace(second)).toBeUndefined();
    second.emit('close');
    expect(gate.waiting).toBe(0);
  });
});

describe('a push that finds the server full over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One push at a time and no waiting room.
    server = await startTestServer({ pushAdmission: { concurrency: 1, maxQueued: 0 } });
  });
  afterAll(async () => server?.dispose());

  it('is answered 503 with Retry-After before its body is read, while a slow upload holds the only place', async () => {
    const authorization = `Bearer ${await server.tokenFor('minh.tran')}`;
    const { hostname, port } = new URL(server.url);
    // The first push sends its headers, then its body only when the test says so.
    const slow = httpRequest({ hostname, port, path: '/api/v1/sync/push', method: 'POST', headers: { authorization, 'content-type': 'application/json' } });
    const slowAnswer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      slow.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      slow.on('error', reject);
    });
    slow.flushHeaders();
    slow.write('{"idempotencyKey":"slow-upload-1","tables":[{"table":"brands","rows":[');

    // A second push is refused without its body being parsed: not even its malformed JSON is noticed.
    // The poll waits for the slow push to take the place; on a loaded machine that can take seconds.
    await expect
      .poll(async () => {
        const response = await fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{"not json' });
        return { status: response.status, retryAfter: response.headers.get('retry-after'), code: ((await response.json()) as { code: string }).code };
      }, { timeout: 20_000, interval: 100 })
      .toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), code: 'BUSY' });

    slow.end('{"rowNumber":2,"rowVersion":null,"values":{"code":"SLOW-UPLOAD","name":"Tải chậm","description":null}}]}]}');
    const answer = await slowAnswer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ applied: true });
    // The place is free again.
    const after = await fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{"not json' });
    expect(after.status).toBe(400);
  });
});

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { createAdmissionGate } from '../../sync-server/src/platform/http/admission-gate.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { isUsingPostgresServer } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('pushes are admitted a few at a time', () => {
  it('runs at most `concurrency` tasks at once, in arrival order, and refuses arrivals beyond the queue with a retry time', async () => {
    const gate = createAdmissionGate({ concurrency: 2, maxQueued: 3, busyMessage: 'busy' });
    const started: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const task = (id: number) => async () => {
      started.push(id);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
      return id;
    };
    const admitted = [1, 2, 3, 4, 5].map((id) => gate.run(task(id)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect([gate.running, gate.waiting]).toEqual([2, 3]);
    const refusal = await gate.run(task(6)).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'BUSY', httpStatus: 503, retryAfterSeconds: expect.any(Number) });
    expect(await Promise.all(admitted)).toEqual([1, 2, 3, 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(mostAtOnce).toBe(2);
  });

  // On the embedded database every query runs on the server's own thread, so two pushes never
  // overlap there; the gate matters (and is tested over HTTP) on a PostgreSQL server.
  describe.skipIf(!isUsingPostgresServer())('over HTTP, on PostgreSQL', () => {
    let server: TestServer;
    let blocker: pg.Client;

    beforeAll(async () => {
      // One push at a time and no waiting room: a second push while one runs is turned away.
      server = await startTestServer({ pushAdmission: { concurrency: 1, maxQueued: 0 } });
      blocker = new pg.Client({ connectionString: server.databaseUrl });
      await blocker.connect();
    });
    afterAll(async () => {
      await blocker?.end();
      await server?.dispose();
    });

    const send = async (idempotencyKey: string, prefix: string) =>
      fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { ...(await server.authAs('minh.tran')), 'content-type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey,
          tables: [{ table: 'creators', rows: Array.from({ length: 50 }, (_, index) => ({ rowNumber: index + 2, rowVersion: null, values: { creator_key: `${prefix}-${index}`, name: `Nhà sáng tạo ${index}`, status: 'active' } })) }],
        }),
      });
    const countCreators = (prefix: string) => server.database.prisma.creator.count({ where: { creatorKey: { startsWith: `${prefix}-` } } });

    it('answers a push that finds the server busy with 503 and Retry-After, applies nothing, and the same push sent again is applied once', async () => {
      // Hold the first push inside the gate: it waits for this lock to store its answer.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sync_pushes IN SHARE ROW EXCLUSIVE MODE');
      const first = send(randomUUID(), 'FIRST');
      await expect.poll(async () => (await blocker.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0].n, { timeout: 10_000 }).toBe(1);

      const secondKey = randomUUID();
      const busy = await send(secondKey, 'SECOND');
      expect(busy.status).toBe(503);
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const refusal = errorResponseSchema.parse(await busy.json());
      expect(refusal).toMatchObject({ code: 'BUSY', detail: expect.stringMatching(/busy/i) });
      expect(await countCreators('SECOND')).toBe(0);

      await blocker.query('COMMIT');
      expect((await first).status).toBe(200);
      // The add-on's retry: the same push under the same key, applied once.
      const retried = await send(secondKey, 'SECOND');
      expect(retried.status).toBe(200);
      expect(pushResponseSchema.parse(await retried.json()).applied).toBe(true);
      expect([await countCreators('FIRST'), await countCreators('SECOND')]).toEqual([50, 50]);
    });
  });
});

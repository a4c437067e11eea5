/**
 * Several servers on one PostgreSQL database and one Redis (issue 11, item 9): two real
 * `npm start` processes behind no balancer, the test itself choosing which one each request
 * goes to. What a team running N instances relies on: the push guarantees hold across them,
 * a caller's limit is one limit, and a change through one is in the next read from the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { createApiToken } from '../../sync-server/src/modules/auth/api-tokens.service.js';
import { seedSampleData } from '../../sync-server/src/modules/seed/seed.service.js';
import { projectRoot } from '../../sync-server/src/platform/project-paths.js';
import { createTestDatabase, isUsingPostgresServer, type TestDatabase } from '../support/test-database.js';
import { testCertificatesJson, TEST_AUDIENCE } from '../support/test-server.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function isRedisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const skipReason = !isUsingPostgresServer() ? 'needs TEST_DATABASE_URL (PostgreSQL: the embedded database is one process by nature)' : !(await isRedisReachable()) ? `needs Redis at ${REDIS_URL}` : null;
if (skipReason) console.log(`multi-server tests skipped: ${skipReason}`);

type ServerProcess = { url: string; child: ChildProcess; output: () => string };

/** `npm start` in a child process (node + tsx, as the benchmark runs it), on a free port; resolves once it listens. */
async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 45 s:\n${output}`)), 45_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code}:\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

describe.skipIf(skipReason !== null)('two servers on one PostgreSQL database and one Redis', () => {
  const RATE_LIMIT = 30;
  const FAILED_SIGN_IN_LIMIT = 4;
  const keyPrefix = `bc-test-${randomUUID().slice(0, 8)}:`;
  let database: TestDatabase;
  let redis: Redis;
  let certificatesDir: string;
  let servers: ServerProcess[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedSampleData(database.prisma);
    for (const username of ['minh.tran', 'huong.le', 'lan.nguyen']) tokens[username] = (await createApiToken(database.prisma, { username, name: 'multi-server test' })).token;
    certificatesDir = mkdtempSync(join(tmpdir(), 'bc-multi-'));
    writeFileSync(join(certificatesDir, 'certs.json'), testCertificatesJson());
    redis = new Redis(REDIS_URL);
    const env = {
      DATABASE_URL: database.url!,
      SEED_SAMPLE_DATA: 'false',
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      FAILED_SIGN_IN_LIMIT: String(FAILED_SIGN_IN_LIMIT),
      // As behind a load balancer: the caller's address comes from X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      GOOGLE_ID_TOKEN_AUDIENCE: TEST_AUDIENCE,
      GOOGLE_ID_TOKEN_CERTS_FILE: join(certificatesDir, 'certs.json'),
      // Ten pushes per server really run at once.
      PUSH_CONCURRENCY: '10',
      DATABASE_POOL_SIZE: '15',
    };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopServerProcess));
    if (redis) {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    if (certificatesDir) rmSync(certificatesDir, { recursive: true, force: true });
    await database?.dispose();
  });

  const serverAt = (index: number) => servers[index % servers.length]!;
  const send = (index: number, path: string, username: string, init: RequestInit = {}) =>
    fetch(`${serverAt(index).url}${path}`, { ...init, headers: { authorization: `Bearer ${tokens[username]}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  const pullCampaign = async (index: number, code: string, username: string) => {
    const response = await send(index, '/api/v1/sync/pull?tables=campaigns', username);
    expect(response.status).toBe(200);
    const row = pullResponseSchema.parse(await response.json()).tables[0]!.rows.find((candidate) => candidate.values.code === code);
    if (!row) throw new Error(`campaign ${code} was not pulled`);
    return row;
  };

  it('20 concurrent pushes of one row from the same pulled version, split across both servers: exactly one `updated`, 19 conflicts, no lost edit', async () => {
    const code = 'CC-TET-2026';
    const pulled = await pullCampaign(0, code, 'minh.tran');
    const names = Array.from({ length: 20 }, (_, writer) => `Chiến dịch Tết 2026 – người ${writer + 1}`);
    const answers = await Promise.all(
      names.map(async (name, writer) => {
        const response = await send(writer, '/api/v1/sync/push', 'minh.tran', {
          method: 'POST',
          body: JSON.stringify({ idempotencyKey: randomUUID(), tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, name } }] }] }),
        });
        expect(response.status, `writer ${writer + 1} through server ${(writer % 2) + 1}`).toBe(200);
        return pushResponseSchema.parse(await response.json()).tables[0]!.results[0]!;
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 'updated')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'conflict')).toHaveLength(19);
    const winner = names[statuses.indexOf('updated')];
    const stored = await database.prisma.campaign.findFirstOrThrow({ where: { code }, select: { name: true, rowVersion: true } });
    expect(stored).toEqual({ name: winner, rowVersion: pulled.rowVersion + 1 });
    // Each conflict, whichever server answered it, carries the winner's row.
    for (const answer of answers.filter((candidate) => candidate.status === 'conflict')) expect(answer.serverValues).toMatchObject({ name: winner });
  });

  it('a change made through one server is in the next campaign list read from the other, even after that list was cached', async () => {
    const code = 'HNF-MUT-TET-2026';
    const listPath = '/api/v1/campaigns?limit=100';
    const nameInList = async (index: number) => {
      const response = await send(index, listPath, 'lan.nguyen');
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ code: string; name: string }> }).items.find((item) => item.code === code)?.name;
    };
    const before = await nameInList(1);
    expect(await nameInList(1)).toBe(before); // now cached on server 2
    const pulled = await pullCampaign(0, code, 'lan.nguyen');
    const renamed = `Mứt Tết – đổi tên ${randomUUID().slice(0, 6)}`;
    const pushed = await send(0, '/api/v1/sync/push', 'lan.nguyen', {
      method: 'POST',
      body: JSON.stringify({ idempotencyKey: randomUUID(), tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, name: renamed } }] }] }),
    });
    expect(pushResponseSchema.parse(await pushed.json()).tables[0]!.results[0]!.status).toBe('updated');
    expect(await nameInList(1)).toBe(renamed);
  });

  it('a caller’s request limit is one limit across both servers, not one each', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < RATE_LIMIT + 1; request += 1) statuses.push((await send(request, '/api/v1/tables', 'huong.le')).status);
    // Half of them through each server: with counts per process, each would have allowed 30.
    expect(statuses.slice(0, RATE_LIMIT)).toEqual(Array(RATE_LIMIT).fill(200));
    expect(statuses[RATE_LIMIT]).toBe(429);
    expect((await send(1, '/api/v1/tables', 'huong.le')).status).toBe(429);
    // Another caller has a limit of their own.
    expect((await send(1, '/api/v1/tables', 'minh.tran')).status).toBe(200);
  });

  it('failed sign-ins from one address are counted across both servers', async () => {
    const from = { 'x-forwarded-for': '203.0.113.50' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < FAILED_SIGN_IN_LIMIT + 1; attempt += 1) {
      const response = await fetch(`${serverAt(attempt).url}/api/v1/tables`, { headers: { ...from, authorization: `Bearer bc_wrong${attempt}${'0'.repeat(28)}` } });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(FAILED_SIGN_IN_LIMIT).fill(401), 429]);
    const refused = await fetch(`${serverAt(1).url}/api/v1/tables`, { headers: { ...from, authorization: `Bearer ${tokens['minh.tran']}` } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // The counts are in Redis, under this deployment's prefix only.
    expect((await redis.keys(`${keyPrefix}rl:failed-sign-ins:*`)).length).toBeGreaterThan(0);
  });
});

describe('a server told to use Redis that is not there', () => {
  it('does not start, and says what to do', async () => {
    const started = startServerProcess({ REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: '', BOOKING_CENTER_DATA_DIR: 'memory://', SEED_SAMPLE_DATA: 'false' });
    const failure = await started.then(
      async (server) => {
        await stopServerProcess(server);
        return null;
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(failure).toMatch(/exited with code 1/);
    expect(failure).toContain('REDIS_URL is set but Redis at 127.0.0.1:1 could not be reached');
    expect(failure).toContain('unset REDIS_URL to run a single server');
  }, 60_000);
});

/**
 * npm run bench:api
 *
 * Load on the HTTP API at 150 concurrent connections (and at 1, for the service time alone) (002 §12.3: p95 < 200 ms, 0 errors), on a
 * fresh PostgreSQL database it creates and drops (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432), with data generated set-based (10,000 campaigns and
 * 52,000 related rows, the campaigns benchmark's data set).
 *
 * The server runs in a child process and autocannon in this one: loopback only, the two
 * cores shared by the server, PostgreSQL and the load. Measured, each for BENCH_SECONDS
 * (default 10), at each level of BENCH_CONNECTIONS:
 *   list          GET /api/v1/campaigns, a filtered and sorted page of 50 with counts, budget and
 *                 flags, as every client asks for it (gzip); pages are cached per database snapshot;
 *   list-uncached the same on a second server whose cache is off: every request computes its page
 *                 (what the first reader after each write pays);
 *   list-floor    the same list query straight in SQL from as many callers (the issue's floor);
 *   push          POST /api/v1/sync/push of 500 new creator rows (a new idempotency key each time);
 *   push-floor    the same 500 rows upserted straight in SQL, one statement per push, no checks;
 *   stress        002 §12.3's stress target, once, at BENCH_STRESS_CONNECTIONS (default 600): the
 *                 list, then the push, each for BENCH_SECONDS. Every answer must be served or a
 *                 quick 503 with Retry-After: it counts served, 503s (with and without
 *                 Retry-After), other 5xx, other refusals, timeouts (no answer within
 *                 BENCH_TIMEOUT_SECONDS, default 10) and connection errors.
 * BENCH_LOADS picks some of them (comma-separated).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { createApiToken } from '../sync-server/src/modules/auth/api-tokens.service.js';
import { openDatabase } from '../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { createScratchDatabase } from '../sync-server/src/platform/database/scratch-database.js';
import { projectRoot } from '../sync-server/src/platform/project-paths.js';
import { DEFAULT_TENANT_ID } from '../sync-server/src/platform/database/tenant-scope.js';
import { runAsOwner } from './bench-databases.js';
import { GENERATE_STATEMENTS, LIST_FLOOR_SQL } from './campaigns-data.js';

// 150 is the load; 1 shows the service time of a single request, without queueing.
const CONNECTION_LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,150').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOADS = new Set((process.env.BENCH_LOADS ?? 'list,list-uncached,list-floor,push,push-floor,stress').split(',').map((load) => load.trim()));
const PUSH_ROWS = 500;
const STRESS_CONNECTIONS = Number(process.env.BENCH_STRESS_CONNECTIONS ?? 600);
const TIMEOUT_SECONDS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 10);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LIST_PATH = '/api/v1/campaigns?statuses=planned&statuses=running&objectives=sale&objectives=traffic&hasCreators=true&sort=start_date&limit=50';

type Result = { name: string; requests: number; errors: number; non2xx: number; p50: number; p95: number; p99: number; throughput: number };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function prepareDatabase(databaseUrl: string): Promise<string> {
  const database = await openDatabase({ kind: 'postgresql', url: databaseUrl });
  database.tenant.tenantId = DEFAULT_TENANT_ID;
  try {
    await applyMigrations(database.migrationAdapterFactory);
    const started = performance.now();
    // As the owner, in the default tenant: the rows land there, and ANALYZE (the data set's last
    // statement) really analyzes, which the application's role may not.
    await runAsOwner(databaseUrl, GENERATE_STATEMENTS);
    console.log(`  generated the data set in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const lead = await database.prisma.user.findFirstOrThrow({ where: { role: 'lead' }, orderBy: { username: 'asc' } });
    return (await createApiToken(database.prisma, { username: lead.username, name: 'bench' })).token;
  } finally {
    await database.close();
  }
}

async function startServerProcess(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  // BENCH_SERVER_PROFILE_DIR=dir writes the server's CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_SERVER_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', SEED_SAMPLE_DATA: 'false', DATABASE_POOL_SIZE: '20', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
  });
  return child;
}

async function stopServerProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
}

/** Runs autocannon and reads p50/p95/p99 from every response time it reports (autocannon itself has no p95). */
async function runLoad(name: string, options: autocannon.Options): Promise<Result> {
  const samples: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  });
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? 0;
  return { name, requests: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx, p50: at(50), p95: at(95), p99: at(99), throughput: result.requests.total / SECONDS };
}

async function loadList(baseUrl: string, token: string, connections: number, label = 'filtered page of 50'): Promise<Result> {
  return runLoad(`GET /api/v1/campaigns (${label}), ${connections} conn.`, {
    url: `${baseUrl}${LIST_PATH}`,
    connections,
    duration: SECONDS,
    // As the add-on's UrlFetchApp and every browser do.
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
  });
}

type StressResult = {
  name: string;
  served: number;
  busy: number;
  busyWithoutRetryAfter: number;
  other5xx: number;
  otherRefusals: number;
  timeouts: number;
  connectionErrors: number;
  p99Served: number;
  p99Busy: number;
  statuses: Record<string, number>;
};

/**
 * A load at 600 connections, counted by what each caller got back. autocannon's own tally
 * lumps every non-2xx together; here a 503 is counted apart, and only with Retry-After as
 * an answer that tells the caller what to do.
 */
async function runStress(name: string, options: autocannon.Options): Promise<StressResult> {
  const result: StressResult = { name, served: 0, busy: 0, busyWithoutRetryAfter: 0, other5xx: 0, otherRefusals: 0, timeouts: 0, connectionErrors: 0, p99Served: 0, p99Busy: 0, statuses: {} };
  const servedTimes: number[] = [];
  const busyTimes: number[] = [];
  const finished = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        ...options,
        timeout: TIMEOUT_SECONDS,
        setupClient: (client) => {
          // autocannon's types say IncomingHttpHeaders; it really passes the parser's status and raw header list.
          (client as unknown as EventEmitter).on('headers', ({ statusCode, headers }: { statusCode: number; headers: string[] }) => {
            if (statusCode !== 503) return;
            const hasRetryAfter = headers.some((value, index) => index % 2 === 0 && value.toLowerCase() === 'retry-after');
            if (!hasRetryAfter) result.busyWithoutRetryAfter += 1;
          });
        },
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) {
        result.served += 1;
        servedTimes.push(responseTime);
      } else if (status === 503) {
        result.busy += 1;
        busyTimes.push(responseTime);
      } else if (status >= 500) result.other5xx += 1;
      else result.otherRefusals += 1;
    });
  });
  result.timeouts = finished.timeouts;
  result.connectionErrors = finished.errors - finished.timeouts;
  const p99 = (samples: number[]) => samples.sort((a, b) => a - b)[Math.max(0, Math.ceil(samples.length * 0.99) - 1)] ?? 0;
  result.p99Served = p99(servedTimes);
  result.p99Busy = p99(busyTimes);
  return result;
}

function printStress(results: StressResult[]): void {
  if (results.length === 0) return;
  console.log(`\nStress: ${STRESS_CONNECTIONS} connections, ${SECONDS} s each, an answer later than ${TIMEOUT_SECONDS} s counts as a timeout\n`);
  console.log('| load | served | p99 served ms | 503 + Retry-After | p99 503 ms | 503 without Retry-After | other 5xx | other refusals | timeouts | connection errors | every answer served or a quick 503 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const result of results) {
    const isClean = result.busyWithoutRetryAfter + result.other5xx + result.otherRefusals + result.timeouts + result.connectionErrors === 0;
    console.log(`| ${result.name} | ${result.served} | ${result.p99Served.toFixed(0)} | ${result.busy - result.busyWithoutRetryAfter} | ${result.p99Busy.toFixed(0)} | ${result.busyWithoutRetryAfter} | ${result.other5xx} | ${result.otherRefusals} | ${result.timeouts} | ${result.connectionErrors} | ${isClean ? 'yes' : 'no'} |`);
  }
  for (const result of results) console.log(`  ${result.name}: statuses ${JSON.stringify(result.statuses)}`);
}

let pushBatch = 0;
/** 500 new creators, never seen before (each push, and each floor statement, gets its own). */
function newCreatorRows() {
  pushBatch += 1;
  return Array.from({ length: PUSH_ROWS }, (_, index) => ({
    creator_key: `LOAD-${pushBatch}-${index}`,
    name: `Creator tải ${pushBatch}-${index}`,
    status: 'active',
    priority_score: 1 + (index % 10),
    location: 'Hà Nội',
    niche: 'beauty',
  }));
}

function pushOptions(baseUrl: string, token: string, connections: number): autocannon.Options {
  return {
    url: `${baseUrl}/api/v1/sync/push`,
    connections,
    duration: SECONDS,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const rows = newCreatorRows().map((values, index) => ({ rowNumber: index + 2, rowVersion: null, values }));
          return { ...request, body: JSON.stringify({ idempotencyKey: randomUUID(), tables: [{ table: 'creators', rows }] }) };
        },
      },
    ],
  };
}

async function loadPush(baseUrl: string, token: string, connections: number): Promise<Result> {
  return runLoad(`POST /api/v1/sync/push (${PUSH_ROWS} new rows), ${connections} conn.`, pushOptions(baseUrl, token, connections));
}

async function stressLoads(baseUrl: string, token: string): Promise<StressResult[]> {
  const list = await runStress(`GET /api/v1/campaigns (filtered page of 50), ${STRESS_CONNECTIONS} conn.`, {
    url: `${baseUrl}${LIST_PATH}`,
    connections: STRESS_CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
  });
  const push = await runStress(`POST /api/v1/sync/push (${PUSH_ROWS} new rows), ${STRESS_CONNECTIONS} conn.`, pushOptions(baseUrl, token, STRESS_CONNECTIONS));
  return [list, push];
}

/** Runs `statement` from as many concurrent callers as connections, for as long as the HTTP loads. */
async function loadSql(name: string, databaseUrl: string, connections: number, statement: () => [string, unknown[]]): Promise<Result> {
  // The login user bypasses row-level security; the tenant setting gives new rows tenant_id's
  // default (app_current_tenant()) and its foreign-key check, as the server's rows get them.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, options: `-c app.tenant_id=${DEFAULT_TENANT_ID}` });
  const samples: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const [text, values] = statement();
      const started = performance.now();
      try {
        await pool.query(text, values);
        samples.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? 0;
  return { name, requests: samples.length, errors, non2xx: 0, p50: at(50), p95: at(95), p99: at(99), throughput: samples.length / SECONDS };
}

/** The list floor: the same filters and sort in SQL, no counts or flags. */
function loadListFloor(databaseUrl: string, connections: number): Promise<Result> {
  return loadSql(`the same list query in SQL (floor), ${connections} callers`, databaseUrl, connections, () => [LIST_FLOOR_SQL, [['planned', 'running'], ['sale', 'traffic']]]);
}

/** The push floor: the same 500 rows in one upsert, without validation, rules, audit or answer. */
const PUSH_FLOOR_SQL = `
INSERT INTO creators (creator_key, name, status, priority_score, location, niche)
SELECT r.creator_key, r.name, r.status::creator_status, r.priority_score, r.location, r.niche
FROM jsonb_to_recordset($1::jsonb) AS r(creator_key text, name text, status text, priority_score int, location text, niche text)
ON CONFLICT (tenant_id, creator_key) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, priority_score = EXCLUDED.priority_score,
  location = EXCLUDED.location, niche = EXCLUDED.niche`;

function loadPushFloor(databaseUrl: string, connections: number): Promise<Result> {
  return loadSql(`the same 500 rows upserted in SQL (floor), ${connections} callers`, databaseUrl, connections, () => [PUSH_FLOOR_SQL, [JSON.stringify(newCreatorRows())]]);
}

function printTable(results: Result[]): void {
  console.log(`\n${SECONDS} s per load, server and database on loopback\n`);
  console.log('| load | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | p95 < 200 ms, 0 errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const result of results) {
    const meets = result.name.includes('(floor)') ? '' : result.p95 < 200 && result.errors + result.non2xx === 0 ? 'yes' : 'no';
    console.log(`| ${result.name} | ${result.requests} | ${result.throughput.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.errors} | ${result.non2xx} | ${meets} |`);
  }
  for (const connections of CONNECTION_LEVELS) {
    const find = (prefix: string, suffix: string) => results.find((result) => result.name.startsWith(prefix) && result.name.endsWith(suffix));
    const floor = find('the same list', `${connections} callers`);
    for (const list of [find('GET /api/v1/campaigns (filtered', `${connections} conn.`), find('GET /api/v1/campaigns (every request', `${connections} conn.`)]) {
      if (list && floor && floor.p95 > 0) {
        console.log(`At ${connections}, ${list.name.slice(22, list.name.indexOf(')') + 1)}: p95 = ${(list.p95 / floor.p95).toFixed(2)}× the SQL floor's; throughput = ${((list.throughput / floor.throughput) * 100).toFixed(0)} % of the floor's.`);
      }
    }
    const push = find('POST', `${connections} conn.`);
    const pushFloor = find('the same 500 rows', `${connections} callers`);
    if (push && pushFloor && pushFloor.throughput > 0) {
      console.log(`At ${connections}, push: ${(push.throughput * PUSH_ROWS).toFixed(0)} rows/s = ${((push.throughput / pushFloor.throughput) * 100).toFixed(0)} % of the SQL floor's ${(pushFloor.throughput * PUSH_ROWS).toFixed(0)} rows/s.`);
    }
  }
}

let server: ChildProcess | undefined;
let uncachedServer: ChildProcess | undefined;
const scratch = await createScratchDatabase(serverUrl, 'bench_api');
try {
  console.log('Preparing the benchmark database…');
  const token = await prepareDatabase(scratch.url);
  const port = await freePort();
  server = await startServerProcess(port, scratch.url);
  const baseUrl = `http://127.0.0.1:${port}`;
  let uncachedUrl = '';
  if (LOADS.has('list-uncached')) {
    const uncachedPort = await freePort();
    uncachedServer = await startServerProcess(uncachedPort, scratch.url, { CAMPAIGN_LIST_CACHE_ENTRIES: '0' });
    uncachedUrl = `http://127.0.0.1:${uncachedPort}`;
  }
  const probe = await fetch(`${baseUrl}${LIST_PATH}`, { headers: { authorization: `Bearer ${token}` } });
  if (probe.status !== 200) throw new Error(`the list endpoint answered ${probe.status}: ${await probe.text()}`);
  console.log(`  one list page is ${((await probe.arrayBuffer()).byteLength / 1024).toFixed(1)} KB of JSON`);
  console.log(`Loading ${baseUrl} …`);
  const results: Result[] = [];
  for (const connections of CONNECTION_LEVELS) {
    if (LOADS.has('list')) results.push(await loadList(baseUrl, token, connections));
    if (LOADS.has('list-uncached')) results.push(await loadList(uncachedUrl, token, connections, 'every request computes its page'));
    if (LOADS.has('list-floor')) results.push(await loadListFloor(scratch.url, connections));
    if (LOADS.has('push')) results.push(await loadPush(baseUrl, token, connections));
    if (LOADS.has('push-floor')) results.push(await loadPushFloor(scratch.url, connections));
  }
  const stress = LOADS.has('stress') ? await stressLoads(baseUrl, token) : [];
  if (results.length) printTable(results);
  printStress(stress);
} catch (error) {
  console.error(`The API benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  // Let the servers finish their requests and close their pools before the database is dropped.
  await Promise.all([server, uncachedServer].map(stopServerProcess));
  await scratch.drop().catch(() => undefined);
}

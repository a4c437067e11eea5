/**
 * npm run bench:campaigns
 *
 * Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432,
 * a new database on that server, dropped at the end), generates its own data set-based, then
 * measures, next to a hand-written single SQL query over the same tables (the floor):
 *   1. flags + metrics for 1,000 campaigns with 52,000 related rows, in one call (target < 300 ms);
 *   2. a filtered, sorted list page over 10,000 campaigns (target < 50 ms).
 * Then, on PostgreSQL, the cost of row-level security (issue 12: ≤ 10 %): the same three calls on
 * a copy of the database where the owner has switched row-level security off on every table
 * (the role switch and the tenant statement still run), timed on and off in turn, run by run.
 * And the cost of the tenant-scope wrapper itself: a Prisma query outside a transaction runs in
 * a BEGIN / scope / COMMIT of its own, so a list page of two lone queries pays it twice.
 * BENCH_EMBEDDED=0 skips the embedded (PGlite) figures. BENCH_RUNS sets the timed runs,
 * BENCH_RLS_RUNS the paired runs of the on/off and wrapper comparisons.
 */
import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../sync-server/src/generated/prisma/client.js';
import { IN_MEMORY_DATA_DIR } from '../sync-server/src/platform/database/database-target.js';
import { openDatabase, type Database } from '../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { createScratchDatabase, type ScratchDatabase } from '../sync-server/src/platform/database/scratch-database.js';
import { DEFAULT_TENANT_ID } from '../sync-server/src/platform/database/tenant-scope.js';
import type { Actor } from '../sync-server/src/modules/access/actor.js';
import { getCampaignsHealth, listCampaigns, type CampaignListQuery } from '../sync-server/src/modules/campaigns/index.js';
import { copyScratchDatabase, disableRowLevelSecurity, loadAverage, runAsOwner, runAsOwnerEmbedded } from './bench-databases.js';
import { BENCH_CAMPAIGNS, BENCH_METRICS_SET, GENERATE_STATEMENTS, LIST_FLOOR_SQL, METRICS_FLOOR_SQL, RELATED_COUNT_SQL } from './campaigns-data.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PAIRED_RUNS = Number(process.env.BENCH_RLS_RUNS ?? 60);
const WARMUP = 3;
const ACTOR: Actor = { userId: null, role: 'admin', label: 'bench', source: 'cli' };
const LIST_QUERY: CampaignListQuery = { statuses: ['planned', 'running'], objectives: ['sale', 'traffic'], hasCreators: true, sort: 'start_date', limit: 50 };
const SEARCH_QUERY: CampaignListQuery = { search: 'chien dich tet', statuses: ['running'], sort: 'newest', limit: 50 };
const TODAY = '2026-01-20';

type Row = { kind: string; name: string; target: number | null; ours: number[]; floor: number[]; note: string };
/** Two ways of doing the same thing, timed in turn (a, b, then b, a, …) so that noise hits both. */
type Pair = { name: string; a: number[]; b: number[] };

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function timePaired(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = PAIRED_RUNS): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < WARMUP; i += 1) {
    await a();
    await b();
  }
  const samples = { a: [] as number[], b: [] as number[] };
  const once = async (fn: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await fn();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      await once(a, samples.a);
      await once(b, samples.b);
    } else {
      await once(b, samples.b);
      await once(a, samples.a);
    }
  }
  return samples;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * The data set, written as the owner in the default tenant (so ANALYZE analyzes: the
 * application's role may not), then counted through the application's role and row-level
 * security, as the measured calls will see it.
 */
async function generate(database: Database, writeAsOwner: (statements: readonly string[]) => Promise<void>): Promise<void> {
  const start = performance.now();
  await writeAsOwner(GENERATE_STATEMENTS);
  const counts = await database.prisma.$queryRawUnsafe<{ related: number; campaigns: number }[]>(RELATED_COUNT_SQL);
  if (!counts[0]?.campaigns) throw new Error('the generated campaigns are not visible in the default tenant');
  console.log(`  generated ${counts[0]?.campaigns} campaigns, ${counts[0]?.related} rows related to the first ${BENCH_METRICS_SET}, in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** The database handle acting in the default tenant, as a command does. */
async function openInDefaultTenant(url: string): Promise<Database> {
  const database = await openDatabase({ kind: 'postgresql', url });
  database.tenant.tenantId = DEFAULT_TENANT_ID;
  return database;
}

async function measure(database: Database, kind: string, floorQuery: (sql: string, params: unknown[]) => Promise<unknown>, floorNote: string): Promise<Row[]> {
  const ids = await metricIds(database);
  const health = await getCampaignsHealth(database.prisma, ids, { today: TODAY });
  const flagged = health.filter((item) => item.flags.length > 0).length;
  const page = await listCampaigns(database.prisma, ACTOR, LIST_QUERY, { today: TODAY });
  const searchPage = await listCampaigns(database.prisma, ACTOR, SEARCH_QUERY, { today: TODAY });
  console.log(`  sanity: ${health.length} campaigns with metrics (${flagged} flagged), list page of ${page.items.length}, search page of ${searchPage.items.length}`);

  const rows: Row[] = [];
  rows.push({
    kind,
    name: `flags + metrics, ${BENCH_METRICS_SET} campaigns`,
    target: 300,
    ours: await time(() => getCampaignsHealth(database.prisma, ids, { today: TODAY })),
    floor: await time(() => floorQuery(METRICS_FLOOR_SQL, [ids])),
    note: floorNote,
  });
  rows.push({
    kind,
    name: `list page (filters + sort), ${BENCH_CAMPAIGNS} campaigns`,
    target: 50,
    ours: await time(() => listCampaigns(database.prisma, ACTOR, LIST_QUERY, { today: TODAY })),
    floor: await time(() => floorQuery(LIST_FLOOR_SQL, [['planned', 'running'], ['sale', 'traffic']])),
    note: floorNote,
  });
  rows.push({
    kind,
    name: `list page (search "chien dich tet"), ${BENCH_CAMPAIGNS} campaigns`,
    target: 50,
    ours: await time(() => listCampaigns(database.prisma, ACTOR, SEARCH_QUERY, { today: TODAY })),
    floor: await time(() =>
      floorQuery(
        `SELECT id, code, name FROM campaigns c WHERE c.deleted_at IS NULL AND c.status = 'running'
           AND booking_center_search_key(c.code || ' ' || c.name) LIKE '%chien%' AND booking_center_search_key(c.code || ' ' || c.name) LIKE '%dich%'
           AND booking_center_search_key(c.code || ' ' || c.name) LIKE '%tet%'
         ORDER BY c.created_at DESC, c.id DESC LIMIT 51`,
        [],
      ),
    ),
    note: floorNote,
  });
  return rows;
}

async function metricIds(database: Database): Promise<string[]> {
  return (await database.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM campaigns ORDER BY code LIMIT ${BENCH_METRICS_SET}`)).map((row) => row.id);
}

/**
 * Row-level security on (`on`) against off (`off`, a copy of the same database with the policies
 * switched off), each call timed on both in turn. Everything else is equal: both handles switch
 * to the application's role and set the tenant in every transaction.
 */
async function measureRowLevelSecurity(on: Database, off: Database): Promise<Pair[]> {
  const [onIds, offIds] = [await metricIds(on), await metricIds(off)];
  const codes = async (database: Database, query: CampaignListQuery) => (await listCampaigns(database.prisma, ACTOR, query, { today: TODAY })).items.map((item) => item.code).join();
  for (const query of [LIST_QUERY, SEARCH_QUERY]) {
    if ((await codes(on, query)) !== (await codes(off, query))) throw new Error('the copy without row-level security lists other campaigns than the original');
  }
  const pairs: Pair[] = [];
  const pair = async (name: string, call: (database: Database, ids: string[]) => Promise<unknown>) => {
    const { a, b } = await timePaired(() => call(on, onIds), () => call(off, offIds));
    pairs.push({ name, a, b });
  };
  await pair(`flags + metrics, ${BENCH_METRICS_SET} campaigns`, (database, ids) => getCampaignsHealth(database.prisma, ids, { today: TODAY }));
  await pair(`list page (filters + sort), ${BENCH_CAMPAIGNS} campaigns`, (database) => listCampaigns(database.prisma, ACTOR, LIST_QUERY, { today: TODAY }));
  await pair(`list page (search "chien dich tet"), ${BENCH_CAMPAIGNS} campaigns`, (database) => listCampaigns(database.prisma, ACTOR, SEARCH_QUERY, { today: TODAY }));
  return pairs;
}

/**
 * What the tenant-scope wrapper costs a read. A lone Prisma query is sent as BEGIN, the scope
 * statement, the query, COMMIT (three more round trips than the query); a list page is two
 * queries. a = as lone queries (how the routes call it today), b = both in one `$transaction`.
 * And one `SELECT 1` through the scoped client against a client on the same pool without the
 * wrapper: the wrapper's own price per lone query.
 */
async function measureScopeWrapper(scratch: ScratchDatabase, database: Database): Promise<Pair[]> {
  const pairs: Pair[] = [];
  const lone = await timePaired(
    () => listCampaigns(database.prisma, ACTOR, LIST_QUERY, { today: TODAY }),
    () => database.prisma.$transaction((transaction) => listCampaigns(transaction, ACTOR, LIST_QUERY, { today: TODAY })),
  );
  pairs.push({ name: 'list page: lone queries (a) vs one $transaction (b)', ...lone });
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  const unscoped = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const trivial = await timePaired(
      () => database.prisma.$queryRawUnsafe('SELECT 1'),
      () => unscoped.$queryRawUnsafe('SELECT 1'),
    );
    pairs.push({ name: 'SELECT 1: scoped lone query (a) vs unscoped Prisma (b)', ...trivial });
  } finally {
    await unscoped.$disconnect();
    await pool.end().catch(() => undefined);
  }
  return pairs;
}

type PostgresResults = { rows: Row[]; rowLevelSecurity: Pair[]; scopeWrapper: Pair[] };

async function benchPostgres(serverUrl: string): Promise<PostgresResults> {
  const scratch = await createScratchDatabase(serverUrl, 'bc_bench');
  let twin: ScratchDatabase | undefined;
  const opened: Database[] = [];
  const floorClient = new pg.Client({ connectionString: scratch.url });
  console.log(`PostgreSQL: database ${scratch.name} on ${new URL(serverUrl).host}`);
  try {
    const migrator = await openInDefaultTenant(scratch.url);
    try {
      await applyMigrations(migrator.migrationAdapterFactory);
      await generate(migrator, (statements) => runAsOwner(scratch.url, statements));
    } finally {
      await migrator.close();
    }
    // The twin is a copy of the same pages and statistics; only row-level security differs.
    twin = await copyScratchDatabase(serverUrl, scratch, 'bc_bench_norls');
    const tables = await disableRowLevelSecurity(twin.url);
    console.log(`  copied to ${twin.name}; row-level security switched off there on ${tables} tables`);
    const on = await openInDefaultTenant(scratch.url);
    opened.push(on);
    const off = await openInDefaultTenant(twin.url);
    opened.push(off);
    await floorClient.connect();
    const rows = await measure(on, 'PostgreSQL', (sql, params) => floorClient.query(sql, params), 'floor: pg driver');
    const rowLevelSecurity = await measureRowLevelSecurity(on, off);
    const scopeWrapper = await measureScopeWrapper(scratch, on);
    return { rows, rowLevelSecurity, scopeWrapper };
  } finally {
    await floorClient.end().catch(() => undefined);
    for (const database of opened) await database.close();
    await twin?.drop().catch(() => undefined);
    await scratch.drop();
  }
}

async function benchEmbedded(): Promise<Row[]> {
  console.log('Embedded (PGlite, in memory)');
  const database = await openDatabase({ kind: 'embedded', dataDir: IN_MEMORY_DATA_DIR });
  database.tenant.tenantId = DEFAULT_TENANT_ID;
  try {
    await applyMigrations(database.migrationAdapterFactory);
    await generate(database, (statements) => runAsOwnerEmbedded(database.migrationAdapterFactory, statements));
    return await measure(database, 'embedded', (sql, params) => database.prisma.$queryRawUnsafe(sql, ...params), 'floor: same client, raw');
  } finally {
    await database.close();
  }
}

function printTable(rows: Row[]): void {
  const format = (value: number) => value.toFixed(1).padStart(8);
  console.log('');
  console.log(`| database   | measurement                                         |  ours p50 |  ours p95 | floor p50 | floor p95 | ratio p50 | target   |`);
  console.log(`|------------|-----------------------------------------------------|-----------|-----------|-----------|-----------|-----------|----------|`);
  for (const row of rows) {
    const oursP50 = percentile(row.ours, 50);
    const floorP50 = percentile(row.floor, 50);
    const target = row.target === null ? '' : `${oursP50 < row.target ? 'ok' : 'MISS'} <${row.target}`;
    console.log(
      `| ${row.kind.padEnd(10)} | ${row.name.padEnd(51)} | ${format(oursP50)}ms | ${format(percentile(row.ours, 95))}ms | ${format(floorP50)}ms | ${format(percentile(row.floor, 95))}ms | ${(oursP50 / floorP50).toFixed(2).padStart(8)}× | ${target.padEnd(8)} |`,
    );
  }
  console.log(`\n${RUNS} timed runs after ${WARMUP} warm-up runs each. Targets apply to PostgreSQL. Floors: PostgreSQL through the bare pg driver; embedded through the same Prisma client.`);
}

/** a against b, p50 and p95 of each, and the median of the run-by-run ratios (robust to drift). */
function printPairs(title: string, labels: { a: string; b: string; ratio: string }, pairs: Pair[], note: string): void {
  const format = (value: number) => value.toFixed(2).padStart(8);
  console.log(`\n${title}`);
  console.log(`| measurement                                             | ${labels.a.padEnd(9)} p50 |      p95 | ${labels.b.padEnd(9)} p50 |      p95 | ${labels.ratio} p50 | paired median |`);
  console.log(`|---------------------------------------------------------|---------------|----------|---------------|----------|${'-'.repeat(labels.ratio.length + 6)}|---------------|`);
  for (const pair of pairs) {
    const paired = percentile(pair.a.map((value, index) => value / pair.b[index]!), 50);
    console.log(
      `| ${pair.name.padEnd(55)} | ${format(percentile(pair.a, 50))} ms | ${format(percentile(pair.a, 95))} | ${format(percentile(pair.b, 50))} ms | ${format(percentile(pair.b, 95))} | ${(percentile(pair.a, 50) / percentile(pair.b, 50)).toFixed(3).padStart(labels.ratio.length + 3)}× | ${paired.toFixed(3).padStart(12)}× |`,
    );
  }
  console.log(note);
}

const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
console.log(`load average at the start: ${loadAverage()}`);
const rows: Row[] = [];
const postgres = await benchPostgres(serverUrl);
rows.push(...postgres.rows);
if (process.env.BENCH_EMBEDDED !== '0') rows.push(...(await benchEmbedded()));
printTable(rows);
printPairs(
  'Row-level security, PostgreSQL: on vs off (a copy of the same database, policies switched off; role switch and tenant statement in both)',
  { a: 'RLS on', b: 'RLS off', ratio: 'on/off' },
  postgres.rowLevelSecurity,
  `${PAIRED_RUNS} runs of each after ${WARMUP} warm-up runs, on and off in turn. Issue 12: on/off ≤ 1.10.`,
);
printPairs(
  'Tenant-scope wrapper, PostgreSQL, row-level security on',
  { a: 'a', b: 'b', ratio: 'a/b' },
  postgres.scopeWrapper,
  `${PAIRED_RUNS} runs of each, a and b in turn. load average at the end: ${loadAverage()}`,
);

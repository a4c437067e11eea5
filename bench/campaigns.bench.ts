/**
 * npm run bench:campaigns
 *
 * Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432,
 * a new database on that server, dropped at the end), generates its own data set-based, then
 * measures, next to a hand-written single SQL query over the same tables (the floor):
 *   1. flags + metrics for 1,000 campaigns with 52,000 related rows, in one call (target < 300 ms);
 *   2. a filtered, sorted list page over 10,000 campaigns (target < 50 ms).
 * BENCH_EMBEDDED=0 skips the embedded (PGlite) figures. BENCH_RUNS sets the timed runs.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { IN_MEMORY_DATA_DIR } from '../sync-server/src/platform/database/database-target.js';
import { openDatabase, type Database } from '../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { createScratchDatabase } from '../sync-server/src/platform/database/scratch-database.js';
import type { Actor } from '../sync-server/src/modules/access/actor.js';
import { getCampaignsHealth, listCampaigns, type CampaignListQuery } from '../sync-server/src/modules/campaigns/index.js';
import { BENCH_CAMPAIGNS, BENCH_METRICS_SET, GENERATE_STATEMENTS, LIST_FLOOR_SQL, METRICS_FLOOR_SQL, RELATED_COUNT_SQL } from './campaigns-data.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const ACTOR: Actor = { userId: null, role: 'admin', label: 'bench', source: 'cli' };
const LIST_QUERY: CampaignListQuery = { statuses: ['planned', 'running'], objectives: ['sale', 'traffic'], hasCreators: true, sort: 'start_date', limit: 50 };
const SEARCH_QUERY: CampaignListQuery = { search: 'chien dich tet', statuses: ['running'], sort: 'newest', limit: 50 };
const TODAY = '2026-01-20';

type Row = { kind: string; name: string; target: number | null; ours: number[]; floor: number[]; note: string };

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

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function generate(database: Database): Promise<void> {
  const start = performance.now();
  for (const statement of GENERATE_STATEMENTS) await database.prisma.$executeRawUnsafe(statement);
  const counts = await database.prisma.$queryRawUnsafe<{ related: number; campaigns: number }[]>(RELATED_COUNT_SQL);
  console.log(`  generated ${counts[0]?.campaigns} campaigns, ${counts[0]?.related} rows related to the first ${BENCH_METRICS_SET}, in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function measure(database: Database, kind: string, floorQuery: (sql: string, params: unknown[]) => Promise<unknown>, floorNote: string): Promise<Row[]> {
  const ids = (await database.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM campaigns ORDER BY code LIMIT ${BENCH_METRICS_SET}`)).map((row) => row.id);
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

async function benchPostgres(serverUrl: string): Promise<Row[]> {
  const scratch = await createScratchDatabase(serverUrl, 'bc_bench');
  console.log(`PostgreSQL: database ${scratch.name} on ${new URL(serverUrl).host}`);
  const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
  const floorClient = new pg.Client({ connectionString: scratch.url });
  try {
    await applyMigrations(database.migrationAdapterFactory);
    await generate(database);
    await floorClient.connect();
    return await measure(database, 'PostgreSQL', (sql, params) => floorClient.query(sql, params), 'floor: pg driver');
  } finally {
    await floorClient.end().catch(() => undefined);
    await database.close();
    await scratch.drop();
  }
}

async function benchEmbedded(): Promise<Row[]> {
  console.log('Embedded (PGlite, in memory)');
  const database = await openDatabase({ kind: 'embedded', dataDir: IN_MEMORY_DATA_DIR });
  try {
    await applyMigrations(database.migrationAdapterFactory);
    await generate(database);
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

const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const rows: Row[] = [];
rows.push(...(await benchPostgres(serverUrl)));
if (process.env.BENCH_EMBEDDED !== '0') rows.push(...(await benchEmbedded()));
printTable(rows);

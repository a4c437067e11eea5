// npm run bench:import [-- --rows 100000] [--skip-pglite] [--only creators] [--rls-off-first]
// 1. Issue 10's measure: N rows of creators.csv through the CLI (`npm run import`, a child
//    process, through the write door with its audit and events), against psql's \copy into a
//    staging table + INSERT … ON CONFLICT into creators, same file, same run; and the CLI's peak
//    memory at N/4 and N rows (it must stay flat).
// 2. 3 × N rows (creators, channels, campaign assignments) through importPath, against COPY +
//    upsert of the same files; then the embedded PGlite figure.
// Both parts also run on a twin database without row-level security (issue 12: its cost ≤ 10 %):
// a copy of the migrated database on which the owner switched it off on every table; the role
// switch and the tenant statement still run. On and off take turns (on, off, off, on for first
// and unchanged imports; --rls-off-first swaps them, for a second run).
// Creates and drops its own databases.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../sync-server/src/platform/database/open-database.js';
import type { Actor } from '../sync-server/src/modules/access/actor.js';
import { applyMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { createScratchDatabase, type ScratchDatabase } from '../sync-server/src/platform/database/scratch-database.js';
import { importPath } from '../sync-server/src/modules/imports/import-files.service.js';
import { DEFAULT_TENANT_ID } from '../sync-server/src/platform/database/tenant-scope.js';
import { copyScratchDatabase, disableRowLevelSecurity, loadAverage } from './bench-databases.js';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: process.env.BENCH_ROWS ?? '100000' }, 'skip-pglite': { type: 'boolean', default: false }, only: { type: 'string' }, 'rls-off-first': { type: 'boolean', default: false } },
});
const rows = Number(args.rows);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const campaigns = 10;
const BENCH_IMPORTER: Actor = { userId: null, role: 'admin', label: 'bench:import', source: 'import' };

async function generate(dir: string): Promise<void> {
  await writeFile(join(dir, 'brands.csv'), 'code,name\nBENCH,Bench brand\n');
  const campaignLines = ['code,name,brand_code,objective,status'];
  // Draft: a running campaign needs creators first, and the door checks it.
  for (let i = 0; i < campaigns; i++) campaignLines.push(`CAMP-${i},Chiến dịch ${i},BENCH,sale,draft`);
  await writeFile(join(dir, 'campaigns.csv'), `${campaignLines.join('\n')}\n`);
  const creators = ['creator_key,name,location,niche,status,priority_score'];
  const channels = ['creator_key,platform,handle,follower_count,avg_view_10'];
  const links = ['campaign_code,creator_key,role,note'];
  const cities = ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Cần Thơ'];
  for (let i = 0; i < rows; i++) {
    creators.push(`kol.${i},Nguyễn Văn ${i},${cities[i % 4]},beauty,active,${(i % 10) + 1}`);
    channels.push(`kol.${i},tiktok,@kol${i},${(i * 37) % 1_000_000},${(i * 13) % 100_000}`);
    links.push(`CAMP-${i % campaigns},kol.${i},main,Ghi chú ${i}`);
  }
  await writeFile(join(dir, 'creators.csv'), `${creators.join('\n')}\n`);
  await writeFile(join(dir, 'creator_channels.csv'), `${channels.join('\n')}\n`);
  await writeFile(join(dir, 'campaign_creators.csv'), `${links.join('\n')}\n`);
}

/** The import acts in the install's one tenant, as `npm run import` does without --tenant. */
async function migratedDatabase(scratch: ScratchDatabase): Promise<Database> {
  const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
  database.tenant.tenantId = DEFAULT_TENANT_ID;
  await applyMigrations(database.migrationAdapterFactory);
  return database;
}

/** A copy of a migrated, closed scratch database with row-level security off on every table. */
async function withoutRowLevelSecurity(source: ScratchDatabase, prefix: string): Promise<ScratchDatabase> {
  const twin = await copyScratchDatabase(serverUrl, source, prefix);
  await disableRowLevelSecurity(twin.url);
  return twin;
}

type FirstAndAgain<T> = { first: T; second: T };

/**
 * A first import and an unchanged re-import with row-level security on and off, in the order
 * on, off, off, on (off, on, on, off with --rls-off-first): a noisy moment of the shared machine
 * hits both about alike, and neither always runs first.
 */
async function firstAndAgainInTurn<T>(on: () => Promise<T> | T, off: () => Promise<T> | T): Promise<{ on: FirstAndAgain<T>; off: FirstAndAgain<T> }> {
  const [a, b] = args['rls-off-first'] ? [off, on] : [on, off];
  const aFirst = await a();
  const bFirst = await b();
  const bSecond = await b();
  const aSecond = await a();
  const [resultA, resultB] = [{ first: aFirst, second: aSecond }, { first: bFirst, second: bSecond }];
  return args['rls-off-first'] ? { on: resultB, off: resultA } : { on: resultA, off: resultB };
}

/** The data files of the timed part, in dependency order, as a folder of their own. */
async function splitFolders(dir: string): Promise<{ setup: string; data: string }> {
  const setup = join(dir, 'setup');
  const data = join(dir, 'data');
  execFileSync('mkdir', ['-p', setup, data]);
  execFileSync('mv', [join(dir, 'brands.csv'), join(dir, 'campaigns.csv'), setup]);
  execFileSync('mv', [join(dir, 'creators.csv'), join(dir, 'creator_channels.csv'), join(dir, 'campaign_creators.csv'), data]);
  return { setup, data };
}

/** One timed import of the data folder, as `npm run import` runs it: through the write door, on a pool connection on PostgreSQL. */
async function importData(database: Database, folders: { setup: string; data: string }): Promise<number> {
  const started = performance.now();
  const result = await importPath(database.prisma, folders.data, { actor: BENCH_IMPORTER, bulkTransaction: database.bulkTransaction });
  if (!result.isSuccess) throw new Error(`import failed: ${JSON.stringify(result.results.map((entry) => entry.problems.slice(0, 3)))}`);
  return (performance.now() - started) / 1000;
}

async function timeOurs(database: Database, folders: { setup: string; data: string }): Promise<{ first: number; second: number }> {
  await importPath(database.prisma, folders.setup);
  return { first: await importData(database, folders), second: await importData(database, folders) };
}

/** Ours with row-level security on and off, in turn. */
async function timeOursOnAndOff(on: Database, off: Database, folders: { setup: string; data: string }) {
  await importPath(on.prisma, folders.setup);
  await importPath(off.prisma, folders.setup);
  return firstAndAgainInTurn(
    () => importData(on, folders),
    () => importData(off, folders),
  );
}

// The floors run as the superuser, who bypasses row-level security. They set the tenant first, so
// that tenant_id's column default (app_current_tenant()) and its foreign key to tenants are paid
// as by our import; their conflict targets are the per-tenant natural keys, and their key
// lookups name the tenant, as a hand-written tenant-aware upsert would.
const FLOOR_TENANT = `SET app.tenant_id = '${DEFAULT_TENANT_ID}';`;

function rawSql(dataDir: string): string {
  return `\\set ON_ERROR_STOP on
${FLOOR_TENANT}
BEGIN;
CREATE TEMP TABLE s_creators (creator_key text, name text, location text, niche text, status text, priority_score text) ON COMMIT DROP;
\\copy s_creators FROM '${join(dataDir, 'creators.csv')}' CSV HEADER
INSERT INTO creators (creator_key, name, location, niche, status, priority_score)
  SELECT creator_key, name, location, niche, status::creator_status, priority_score::int FROM s_creators
  ON CONFLICT (tenant_id, creator_key) DO UPDATE SET name = excluded.name, location = excluded.location, niche = excluded.niche, status = excluded.status, priority_score = excluded.priority_score, deleted_at = NULL
  WHERE (creators.name, creators.location, creators.niche, creators.status, creators.priority_score, creators.deleted_at) IS DISTINCT FROM (excluded.name, excluded.location, excluded.niche, excluded.status, excluded.priority_score, NULL);
COMMIT;
BEGIN;
CREATE TEMP TABLE s_channels (creator_key text, platform text, handle text, follower_count text, avg_view_10 text) ON COMMIT DROP;
\\copy s_channels FROM '${join(dataDir, 'creator_channels.csv')}' CSV HEADER
INSERT INTO creator_channels (creator_id, platform, handle, follower_count, avg_view_10)
  SELECT c.id, s.platform::channel_platform, s.handle, s.follower_count::int, s.avg_view_10::int FROM s_channels s JOIN creators c ON c.tenant_id = '${DEFAULT_TENANT_ID}' AND c.creator_key = s.creator_key
  ON CONFLICT (tenant_id, platform, handle) DO UPDATE SET creator_id = excluded.creator_id, follower_count = excluded.follower_count, avg_view_10 = excluded.avg_view_10, deleted_at = NULL
  WHERE (creator_channels.creator_id, creator_channels.follower_count, creator_channels.avg_view_10, creator_channels.deleted_at) IS DISTINCT FROM (excluded.creator_id, excluded.follower_count, excluded.avg_view_10, NULL);
COMMIT;
BEGIN;
CREATE TEMP TABLE s_links (campaign_code text, creator_key text, role text, note text) ON COMMIT DROP;
\\copy s_links FROM '${join(dataDir, 'campaign_creators.csv')}' CSV HEADER
INSERT INTO campaign_creators (campaign_id, creator_id, role, note)
  SELECT k.id, c.id, s.role::campaign_creator_role, s.note FROM s_links s JOIN campaigns k ON k.tenant_id = '${DEFAULT_TENANT_ID}' AND k.code = s.campaign_code JOIN creators c ON c.tenant_id = '${DEFAULT_TENANT_ID}' AND c.creator_key = s.creator_key
  ON CONFLICT (campaign_id, creator_id) DO UPDATE SET role = excluded.role, note = excluded.note, deleted_at = NULL
  WHERE (campaign_creators.role, campaign_creators.note, campaign_creators.deleted_at) IS DISTINCT FROM (excluded.role, excluded.note, NULL);
COMMIT;
`;
}

async function timeRaw(scratch: ScratchDatabase, folders: { setup: string; data: string }, dir: string): Promise<{ first: number; second: number }> {
  const database = await migratedDatabase(scratch);
  try {
    await importPath(database.prisma, folders.setup);
  } finally {
    await database.close();
  }
  const script = join(dir, 'raw.sql');
  await writeFile(script, rawSql(folders.data));
  const url = new URL(scratch.url);
  const run = () => {
    const started = performance.now();
    execFileSync('psql', ['-q', '-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', '-d', scratch.name, '-f', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    return (performance.now() - started) / 1000;
  };
  return { first: run(), second: run() };
}

const format = (seconds: number) => `${Math.round((3 * rows) / seconds).toLocaleString('en-US')} rows/s (${seconds.toFixed(1)} s)`;

/** The CLI on one file, as a user runs it; wall time and peak resident memory (GNU time). */
function runCli(databaseUrl: string, file: string): { seconds: number; peakMb: number | undefined } {
  const started = performance.now();
  const timeFile = join(tmpdir(), `bc-bench-time-${process.pid}`);
  const hasGnuTime = existsSync('/usr/bin/time');
  const command = hasGnuTime ? '/usr/bin/time' : 'npm';
  // Exactly what a user types: npm run import (its node flags included).
  const commandArgs = [...(hasGnuTime ? ['-f', '%M', '-o', timeFile, 'npm'] : []), 'run', '--silent', 'import', '--', '--path', file];
  execFileSync(command, commandArgs, { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = hasGnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  return { seconds, peakMb };
}

function creatorsFloorSql(file: string): string {
  return `\\set ON_ERROR_STOP on
${FLOOR_TENANT}
BEGIN;
CREATE TEMP TABLE s_creators (creator_key text, name text, location text, niche text, status text, priority_score text) ON COMMIT DROP;
\\copy s_creators FROM '${file}' CSV HEADER
INSERT INTO creators (creator_key, name, location, niche, status, priority_score)
  SELECT creator_key, name, location, niche, status::creator_status, priority_score::int FROM s_creators
  ON CONFLICT (tenant_id, creator_key) DO UPDATE SET name = excluded.name, location = excluded.location, niche = excluded.niche, status = excluded.status, priority_score = excluded.priority_score, deleted_at = NULL
  WHERE (creators.name, creators.location, creators.niche, creators.status, creators.priority_score, creators.deleted_at) IS DISTINCT FROM (excluded.name, excluded.location, excluded.niche, excluded.status, excluded.priority_score, NULL);
COMMIT;
`;
}

async function benchCreatorsCli(dir: string): Promise<void> {
  const file = join(dir, 'data', 'creators.csv');
  const quarter = join(dir, 'quarter', 'creators.csv');
  execFileSync('mkdir', ['-p', join(dir, 'quarter')]);
  const lines = readFileSync(file, 'utf8').split('\n');
  await writeFile(quarter, `${lines.slice(0, Math.floor(rows / 4) + 1).join('\n')}\n`);
  const ours = await createScratchDatabase(serverUrl, 'bench_cli');
  const floor = await createScratchDatabase(serverUrl, 'bench_cli_floor');
  const small = await createScratchDatabase(serverUrl, 'bench_cli_small');
  const scratches = [ours, floor, small];
  try {
    for (const scratch of [ours, floor, small]) await (await migratedDatabase(scratch)).close();
    const oursOff = await withoutRowLevelSecurity(ours, 'bench_cli_norls');
    scratches.push(oursOff);
    const cli = await firstAndAgainInTurn(
      () => runCli(ours.url, file),
      () => runCli(oursOff.url, file),
    );
    const { first, second } = cli.on;
    const { first: offFirst, second: offSecond } = cli.off;
    const smallRun = runCli(small.url, quarter);
    const script = join(dir, 'creators-floor.sql');
    await writeFile(script, creatorsFloorSql(file));
    const url = new URL(floor.url);
    const psql = () => {
      const started = performance.now();
      execFileSync('psql', ['-q', '-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', '-d', floor.name, '-f', script], { stdio: ['ignore', 'ignore', 'inherit'] });
      return (performance.now() - started) / 1000;
    };
    const floorFirst = psql();
    const floorSecond = psql();
    const rate = (count: number, seconds: number) => `${Math.round(count / seconds).toLocaleString('en-US')} rows/s (${seconds.toFixed(1)} s)`;
    const mb = (value: number | undefined) => (value === undefined ? 'n/a (no /usr/bin/time)' : `${Math.round(value)} MB`);
    console.log(`creators.csv, ${rows.toLocaleString('en-US')} rows, through the CLI (npm run import, process start included)`);
    console.log(`  CLI                 first: ${rate(rows, first.seconds)}   unchanged again: ${rate(rows, second.seconds)}`);
    console.log(`  CLI, RLS off        first: ${rate(rows, offFirst.seconds)}   unchanged again: ${rate(rows, offSecond.seconds)}`);
    console.log(`  RLS on / off (time) first: ${(first.seconds / offFirst.seconds).toFixed(3)}×   unchanged again: ${(second.seconds / offSecond.seconds).toFixed(3)}×   (issue 12: ≤ 1.10×)`);
    console.log(`  psql \\copy + upsert first: ${rate(rows, floorFirst)}   unchanged again: ${rate(rows, floorSecond)}`);
    console.log(`  first vs floor: ${(floorFirst / first.seconds).toFixed(2)}×   unchanged vs our first: ${(first.seconds / second.seconds).toFixed(2)}×`);
    console.log(`  CLI peak memory: ${mb(smallRun.peakMb)} at ${Math.floor(rows / 4).toLocaleString('en-US')} rows, ${mb(first.peakMb)} at ${rows.toLocaleString('en-US')} rows (first), ${mb(second.peakMb)} (unchanged)`);
  } finally {
    for (const scratch of scratches) await scratch.drop().catch(() => {});
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bc-bench-'));
  const ours = await createScratchDatabase(serverUrl, 'bench_ours');
  const raw = await createScratchDatabase(serverUrl, 'bench_raw');
  let oursOff: ScratchDatabase | undefined;
  console.log(`load average at the start: ${loadAverage()}; ${args['rls-off-first'] ? 'RLS off' : 'RLS on'} goes first`);
  try {
    await generate(dir);
    const folders = await splitFolders(dir);
    await benchCreatorsCli(dir);
    if (args.only === 'creators') return;
    console.log(`${rows.toLocaleString('en-US')} creators + ${rows.toLocaleString('en-US')} channels + ${rows.toLocaleString('en-US')} campaign_creators = ${(3 * rows).toLocaleString('en-US')} rows`);

    await (await migratedDatabase(ours)).close();
    oursOff = await withoutRowLevelSecurity(ours, 'bench_ours_norls');
    const on = await openDatabase({ kind: 'postgresql', url: ours.url });
    const off = await openDatabase({ kind: 'postgresql', url: oursOff.url });
    on.tenant.tenantId = DEFAULT_TENANT_ID;
    off.tenant.tenantId = DEFAULT_TENANT_ID;
    let times;
    try {
      times = await timeOursOnAndOff(on, off, folders);
    } finally {
      await on.close();
      await off.close();
    }
    const oursTimes = times.on;
    const rawTimes = await timeRaw(raw, folders, dir);
    console.log(`PostgreSQL, our import     first: ${format(oursTimes.first)}   unchanged again: ${format(oursTimes.second)}`);
    console.log(`  the same, RLS off        first: ${format(times.off.first)}   unchanged again: ${format(times.off.second)}`);
    console.log(`  RLS on / off (time)      first: ${(oursTimes.first / times.off.first).toFixed(3)}×   unchanged again: ${(oursTimes.second / times.off.second).toFixed(3)}×   (issue 12: ≤ 1.10×)`);
    console.log(`PostgreSQL, COPY + upsert  first: ${format(rawTimes.first)}   unchanged again: ${format(rawTimes.second)}`);
    console.log(`Ratio ours / raw           first: ${((rawTimes.first / oursTimes.first) * 100).toFixed(0)} %   unchanged again: ${((rawTimes.second / oursTimes.second) * 100).toFixed(0)} %`);


    if (!args['skip-pglite']) {
      const embedded = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
      embedded.tenant.tenantId = DEFAULT_TENANT_ID;
      try {
        await applyMigrations(embedded.migrationAdapterFactory);
        const times = await timeOurs(embedded, folders);
        console.log(`PGlite (embedded), ours    first: ${format(times.first)}   unchanged again: ${format(times.second)}`);
      } finally {
        await embedded.close();
      }
    }
    console.log(`load average at the end: ${loadAverage()}`);
  } finally {
    await ours.drop().catch(() => {});
    await oursOff?.drop().catch(() => {});
    await raw.drop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`The benchmark stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/**
 * Migrations that survive a crash, on the database this run tests (an embedded PGlite folder, or a
 * scratch database on the PostgreSQL server of TEST_DATABASE_URL). The crash is a real kill -9 of
 * `npm run db:migrate`, at the moment it says it is inside a migration whose changes are made and
 * not committed (BOOKING_CENTER_PAUSE_IN_MIGRATION).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { IN_MEMORY_DATA_DIR, type DatabaseTarget } from '../../sync-server/src/platform/database/database-target.js';
import { openDatabase, type Database } from '../../sync-server/src/platform/database/open-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../../sync-server/src/platform/database/scratch-database.js';
import { applyMigrations, markMigrationApplied, readMigrationList } from '../../sync-server/src/platform/database/schema-engine.js';
import { AppError } from '../../sync-server/src/platform/errors/app-error.js';
import { killAllChildren, killHard, runChild, startChild } from '../support/child-process.js';
import { isUsingPostgresServer } from '../support/test-database.js';
import { queryAsOwner, runAsOwner } from '../support/owner-sql.js';

type Place = { target: DatabaseTarget; env: Record<string, string>; dispose(): Promise<void> };

/** An empty database a child process can open: a folder, or a scratch database on the server. */
async function createEmptyPlace(): Promise<Place> {
  if (isUsingPostgresServer()) {
    const scratch: ScratchDatabase = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'bc_migcrash');
    return { target: { kind: 'postgresql', url: scratch.url }, env: { DATABASE_URL: scratch.url }, dispose: () => scratch.drop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bc-migcrash-db-'));
  return { target: { kind: 'embedded', dataDir }, env: { BOOKING_CENTER_DATA_DIR: dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}

type MigrationRow = { migration_name: string; is_finished: boolean; is_rolled_back: boolean };

async function readMigrationRows(database: Database): Promise<MigrationRow[]> {
  return queryAsOwner<MigrationRow>(database, 
    `SELECT migration_name, finished_at IS NOT NULL AS is_finished, rolled_back_at IS NOT NULL AS is_rolled_back FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
}

async function migrationFailure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('migrations that survive a crash', () => {
  const places: Place[] = [];
  const databases: Database[] = [];
  const folders: string[] = [];
  const place = async () => {
    const created = await createEmptyPlace();
    places.push(created);
    return created;
  };
  const open = async (target: DatabaseTarget) => {
    const database = await openDatabase(target);
    databases.push(database);
    return database;
  };
  afterEach(async () => {
    await killAllChildren();
    await Promise.all(databases.splice(0).map((database) => database.close()));
  });
  afterAll(async () => {
    await Promise.all(places.map((created) => created.dispose()));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('after kill -9 inside a migration, npm run db:migrate applies it again and finishes the job', async () => {
    const names = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
    const interrupted = names[1]!;
    const { target, env } = await place();

    const killed = startChild('scripts/db-migrate.ts', [], { ...env, BOOKING_CENTER_PAUSE_IN_MIGRATION: interrupted });
    await killed.waitFor(new RegExp(`paused inside migration ${interrupted}`));
    await killHard(killed);

    const rerun = await runChild('scripts/db-migrate.ts', [], env);
    expect(rerun.output).toContain(`migration ${interrupted} was interrupted on an earlier run (the process stopped during it) and saved nothing; applying it again`);
    expect(rerun.output).toContain(`Applied ${names.length - 1} migration(s)`);
    expect(rerun.exitCode, rerun.output).toBe(0);

    const database = await open(target);
    const rows = await readMigrationRows(database);
    expect(rows.filter((row) => row.is_finished && !row.is_rolled_back).map((row) => row.migration_name)).toEqual(names);
    expect(rows.filter((row) => row.is_rolled_back).map((row) => row.migration_name)).toEqual([interrupted]);
    // The interrupted migration's own work (the row bookkeeping triggers) is in place, once.
    const [triggers] = await database.prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM pg_trigger WHERE tgname = 'brands_touch_row'`);
    expect(triggers?.count).toBe(1);
  });

  it('a database stuck by an older version (a migration recorded as unfinished though its SQL was saved) gets a plain message and the one command that repairs it', async () => {
    // The newest migration that cannot simply run twice (it creates a table): one written with
    // CREATE OR REPLACE would just apply again, and nothing would be stuck.
    const last = (await readMigrationList()).migrationDirectories
      .filter((directory) => directory.migrationFile.content.tag === 'ok' && /CREATE TABLE/.test(directory.migrationFile.content.value))
      .map((directory) => directory.path)
      .at(-1)!;
    const { target, env } = await place();
    const preparing = await openDatabase(target);
    try {
      await applyMigrations(preparing.migrationAdapterFactory);
      await runAsOwner(preparing, `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${last}'`);
    } finally {
      await preparing.close();
    }

    const stuck = await runChild('scripts/db-migrate.ts', [], env);
    expect(stuck.exitCode).toBe(1);
    expect(stuck.output).toContain(`The database could not be brought up to date: migration ${last} failed: `);
    expect(stuck.output).toContain(`record it as applied with: npm run db:migrate -- --mark-applied ${last}`);
    expect(stuck.output).not.toMatch(/wasm|P3009|\n\s+at /);

    const repaired = await runChild('scripts/db-migrate.ts', ['--mark-applied', last], env);
    expect(repaired.output).toContain(`Recorded ${last} as applied`);
    const after = await runChild('scripts/db-migrate.ts', [], env);
    expect(after.output).toContain('is up to date: no migration to apply.');
    expect(after.exitCode).toBe(0);
  });

  describe('on a migrations folder of our own', () => {
    const writeMigrations = async (migrations: Record<string, string>) => {
      const dir = await mkdtemp(join(tmpdir(), 'bc-migrations-'));
      folders.push(dir);
      for (const [name, sql] of Object.entries(migrations)) {
        await mkdir(join(dir, name));
        await writeFile(join(dir, name, 'migration.sql'), sql);
      }
      return dir;
    };
    const openEmpty = async () => (isUsingPostgresServer() ? open((await place()).target) : open({ kind: 'embedded', dataDir: IN_MEMORY_DATA_DIR }));
    const tableNames = async (database: Database) =>
      (await queryAsOwner<{ table_name: string }>(database, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY 1`)).map(
        (row) => row.table_name,
      );

    it('a migration whose SQL fails is refused in plain words, saves none of its statements, and the next run tries it again instead of P3009', async () => {
      const dir = await writeMigrations({
        '001_first': 'CREATE TABLE first_table (id int);',
        '002_broken': 'CREATE TABLE half_made (id int);\nCREATE TABLE first_table (id int);\n-- a comment on the last line',
      });
      const database = await openEmpty();

      const failure = await migrationFailure(applyMigrations(database.migrationAdapterFactory, dir));
      expect(failure.reason).toBe('MIGRATION_FAILED');
      expect(failure.userMessage).toMatch(/^The database could not be brought up to date: migration 002_broken failed: relation "first_table" already exists\. None of its changes were saved; the migrations before it are in place\./);
      expect(await tableNames(database)).toEqual(['first_table']);

      const again = await migrationFailure(applyMigrations(database.migrationAdapterFactory, dir));
      expect(again.userMessage).toContain('migration 002_broken failed: relation "first_table" already exists');
      expect(again.userMessage).not.toContain('P3009');
    });

    it('once the broken migration is fixed, the next run applies it', async () => {
      const broken = await writeMigrations({ '001_first': 'CREATE TABLE first_table (id int);', '002_second': 'CREATE TABLE first_table (id int);' });
      const database = await openEmpty();
      await migrationFailure(applyMigrations(database.migrationAdapterFactory, broken));

      const fixed = await writeMigrations({ '001_first': 'CREATE TABLE first_table (id int);', '002_second': 'CREATE TABLE second_table (id int);' });
      expect(await applyMigrations(database.migrationAdapterFactory, fixed)).toEqual(['002_second']);
      expect(await tableNames(database)).toEqual(['first_table', 'second_table']);
      expect(await markMigrationApplied(database.migrationAdapterFactory, '002_second', fixed)).toBe(false);
    });
  });
});

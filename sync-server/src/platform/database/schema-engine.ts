import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { t } from '../../contract/i18n/translate.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { logger } from '../logging/logger.js';
import { migrationsDir as defaultMigrationsDir, prismaSchemaPath } from '../project-paths.js';
import { ensureApplicationRole } from './application-role.js';
import { plainDatabaseMessage } from './database-errors.js';

// Prisma's CLI runs a native schema engine that cannot be downloaded on every machine. The
// same engine ships as WebAssembly on npm; we drive it directly so that migrations are
// created and applied the same way everywhere (see docs/prisma-offline notes in README).

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm');
type WasmImports = Record<string, unknown>;
type WasmExports = Record<string, unknown>;
// Node has WebAssembly at run time; its types live in the DOM lib, which a server should not load.
const webAssembly = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: Record<string, WasmImports>): Promise<{ instance: { exports: WasmExports } }> };
}).WebAssembly;
let engineModule: Promise<SchemaEngineModule> | undefined;

function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as SchemaEngineModule & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    const wasmBytes = await readFile(join(dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const imports: WasmImports = { ...(bindings as unknown as WasmImports) };
    // The engine arms 10-second timers (connection and lock timeouts) that it never clears;
    // unref'd, they no longer keep a finished command's process alive for those 10 seconds.
    for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (callback: () => void, milliseconds: number) => setTimeout(callback, milliseconds >>> 0).unref();
    }
    const { instance } = await webAssembly.instantiate(wasmBytes, { './schema_engine_bg.js': imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

const noFilters = { externalTables: [], externalEnums: [] };

async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine, schemaText: string) => Promise<T>,
  prepareConnection: (connection: SqlDriverAdapter) => SqlDriverAdapter = (connection) => connection,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const schemaText = await readFile(prismaSchemaPath, 'utf8');
  // The engine does not hand its connections back when freed; a PostgreSQL session left open
  // would keep holding Prisma's migration advisory lock and stall the next migrate by 10 s.
  const connections: SqlDriverAdapter[] = [];
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => remember(connections, prepareConnection(await adapterFactory.connect())),
    connectToShadowDb: async () => remember(connections, await adapterFactory.connectToShadowDb()),
  };
  const engine = await SchemaEngine.new(
    { datamodels: [[prismaSchemaPath, schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(trackingFactory),
  );
  try {
    return await run(engine, schemaText);
  } finally {
    engine.free();
    await Promise.all(connections.map((connection) => connection.dispose()));
  }
}

function remember(connections: SqlDriverAdapter[], connection: SqlDriverAdapter): SqlDriverAdapter {
  connections.push(connection);
  return connection;
}

/** The migrations folder as the engine wants it: Prisma's standard layout, read from disk. */
export async function readMigrationList(dir = defaultMigrationsDir): Promise<MigrationList> {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * Applies what is not applied yet, as `prisma migrate deploy` does; returns the names applied.
 * Safe to interrupt: each migration commits together with the record that it finished, and a
 * migration a killed process left unfinished is rolled back and applied again on the next run.
 * Failures are an AppError with a plain message (MIGRATION_FAILED), never the engine's stack.
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory, dir = defaultMigrationsDir): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  const guard = createMigrationGuard(migrationsList);
  let rolledBack: string[] = [];
  try {
    rolledBack = await rollBackInterruptedMigrations(adapterFactory);
    const applied = await withSchemaEngine(
      adapterFactory,
      async (engine) => (await engine.applyMigrations({ migrationsList, filters: noFilters })).appliedMigrationNames,
      guard.prepareConnection,
    );
    await ensureApplicationRole(adapterFactory);
    return applied;
  } catch (error) {
    throw toMigrationError(error, guard.failure, rolledBack);
  }
}

// Prisma's migration lock (a PostgreSQL advisory lock): held by whichever process is migrating.
const PRISMA_MIGRATION_LOCK = 72707369;

/**
 * A `_prisma_migrations` row without finished_at and without rolled_back_at is a migration that
 * never finished: Prisma calls it failed (P3009) and refuses every later migration. Its SQL ran in
 * one transaction with the finished mark (createMigrationGuard), so none of it was committed:
 * marking it rolled back (what `prisma migrate resolve --rolled-back` does) lets it be applied
 * again. Under Prisma's lock, so a migration another server is running right now is left alone.
 */
async function rollBackInterruptedMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const connection = await adapterFactory.connect();
  const query = (sql: string) => connection.queryRaw({ sql, args: [], argTypes: [] });
  // pg_advisory_lock returns void, which a driver adapter cannot read as a result: execute it.
  const execute = (sql: string) => connection.executeRaw({ sql, args: [], argTypes: [] });
  try {
    const [exists] = (await query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL`)).rows;
    if (!exists?.[0]) return [];
    await execute(`SELECT pg_advisory_lock(${PRISMA_MIGRATION_LOCK})`);
    try {
      const { rows } = await query(
        `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL RETURNING "migration_name", "logs"`,
      );
      for (const [name, logs] of rows) {
        logger.warn(
          { migration: name, previousError: logs ?? undefined },
          logs
            ? `migration ${String(name)} failed on an earlier run and saved nothing; applying it again`
            : `migration ${String(name)} was interrupted on an earlier run (the process stopped during it) and saved nothing; applying it again`,
        );
      }
      return rows.map(([name]) => String(name));
    } finally {
      await execute(`SELECT pg_advisory_unlock(${PRISMA_MIGRATION_LOCK})`);
    }
  } finally {
    await connection.dispose();
  }
}

/**
 * `npm run db:migrate -- --mark-applied NAME`: records a migration as applied without running it,
 * as `prisma migrate resolve --applied` does, for a database that has its changes but no record.
 * Returns false when the migration is already recorded as applied.
 */
export async function markMigrationApplied(adapterFactory: SqlMigrationAwareDriverAdapterFactory, name: string, dir = defaultMigrationsDir): Promise<boolean> {
  const directory = (await readMigrationList(dir)).migrationDirectories.find((candidate) => candidate.path === name);
  const content = directory?.migrationFile.content;
  if (!directory || content?.tag !== 'ok') {
    throw new AppError({ code: 'NOT_FOUND', reason: 'MIGRATION_NOT_FOUND', userMessage: t('database.migrationNotFound', { name }) });
  }
  const connection = await adapterFactory.connect();
  const run = (sql: string, args: unknown[] = []) => connection.queryRaw({ sql, args, argTypes: args.map(() => ({ scalarType: 'string' as const, arity: 'scalar' as const })) });
  const execute = (sql: string) => connection.executeRaw({ sql, args: [], argTypes: [] });
  try {
    await execute(`SELECT pg_advisory_lock(${PRISMA_MIGRATION_LOCK})`);
    try {
      const applied = await run(`SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = $1 AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`, [name]);
      if (applied.rows.length) return false;
      await run(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`, [name]);
      await run(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") VALUES (gen_random_uuid()::text, $1, $2, now(), now(), 1)`,
        [sha256(content.value), name],
      );
      return true;
    } finally {
      await execute(`SELECT pg_advisory_unlock(${PRISMA_MIGRATION_LOCK})`);
    }
  } finally {
    await connection.dispose();
  }
}

type MigrationGuard = {
  prepareConnection(connection: SqlDriverAdapter): SqlDriverAdapter;
  /** The migration whose SQL failed, and the database's own words. */
  readonly failure?: { migration: string; message: string };
};

/**
 * Runs each migration's SQL in one transaction that also marks its `_prisma_migrations` row
 * finished. The engine records a migration in three steps (insert the row, run the script, set
 * finished_at); a process killed between them left a half-recorded migration. Now the script and
 * its mark commit together or not at all. The engine knows a script only by its text, and
 * records it by its SHA-256 (the row's checksum): that is how a script is matched to its row.
 */
function createMigrationGuard(migrationsList: MigrationList): MigrationGuard {
  const namesByChecksum = new Map<string, string>();
  for (const directory of migrationsList.migrationDirectories) {
    const { content } = directory.migrationFile;
    if (content.tag === 'ok') namesByChecksum.set(sha256(content.value), directory.path);
  }
  const guard: { failure?: { migration: string; message: string }; prepareConnection(connection: SqlDriverAdapter): SqlDriverAdapter } = {
    prepareConnection(connection) {
      const runScript = connection.executeScript.bind(connection);
      connection.executeScript = async (script: string) => {
        const checksum = sha256(script);
        const name = namesByChecksum.get(checksum);
        if (!name) return runScript(script);
        const markFinished = `UPDATE "_prisma_migrations" SET "finished_at" = now() WHERE "checksum" = '${checksum}' AND "migration_name" = '${name.replace(/'/g, "''")}' AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`;
        // "\n;" ends a last statement that a trailing comment would otherwise swallow.
        const transaction = `BEGIN;\n${script}\n;\n${markFinished};\n`;
        try {
          if (process.env.BOOKING_CENTER_PAUSE_IN_MIGRATION === name) {
            await runScript(transaction);
            await pauseForever(name);
          }
          await runScript(`${transaction}COMMIT;`);
        } catch (error) {
          // An error inside BEGIN leaves the session in a failed transaction until it is ended.
          await runScript('ROLLBACK').catch(() => {});
          guard.failure = { migration: name, message: plainDatabaseMessage(error) };
          throw error;
        }
      };
      return connection;
    },
  };
  return guard;
}

/**
 * For the crash tests only: stops inside a migration whose changes are made and not committed,
 * and says so, so that a test can kill the process at exactly that point.
 */
function pauseForever(migration: string): Promise<never> {
  process.stderr.write(`paused inside migration ${migration} (BOOKING_CENTER_PAUSE_IN_MIGRATION): its changes are made, not committed\n`);
  return new Promise(() => {
    setInterval(() => {}, 60_000);
  });
}

function toMigrationError(error: unknown, failure: MigrationGuard['failure'], rolledBack: string[]): AppError {
  if (isAppError(error)) return error;
  if (failure) {
    // Before this guard, a process killed just after a migration's SQL committed left it unmarked:
    // applying it again then fails on its own changes. Only a person can tell; one command records it.
    const wasInterrupted = rolledBack.includes(failure.migration);
    const next = t(wasInterrupted ? 'database.migrationWasInterrupted' : 'database.migrationFixThenRerun', { migration: failure.migration });
    return new AppError({
      code: 'INTERNAL',
      reason: 'MIGRATION_FAILED',
      userMessage: t('database.migrationFailed', { migration: failure.migration, message: failure.message, next }),
      internalMessage: `migration ${failure.migration} failed: ${failure.message}`,
      cause: error,
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  // The engine's messages end in a Rust backtrace ("   0: sql_schema_connector::…"): keep the sentences.
  const sentences = text.split('\n').filter((line) => !/^\s*\d+: |^\s+(at|with) /.test(line)).join(' ').replace(/\s+/g, ' ').trim();
  const code = (error as { code?: unknown } | null)?.code;
  return new AppError({
    code: 'INTERNAL',
    reason: 'MIGRATION_FAILED',
    userMessage: t('database.schemaEngineFailed', { details: sentences || t('database.schemaEngineStopped'), code: typeof code === 'string' ? code : 'none' }),
    internalMessage: text,
    cause: error,
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Applies pending migrations, without loading the schema engine when there are none: one query
 * of `_prisma_migrations` against the migration folders. The engine (WebAssembly) costs a
 * command-line run about a second and a hundred megabytes; most runs have nothing to apply.
 */
export async function applyPendingMigrations(database: { sql: <T>(text: string, values?: unknown[]) => Promise<T[]>; migrationAdapterFactory: SqlMigrationAwareDriverAdapterFactory }, dir = defaultMigrationsDir): Promise<string[]> {
  const { migrationDirectories } = await readMigrationList(dir);
  try {
    const applied = await database.sql<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    const names = new Set(applied.map((row) => row.migration_name));
    if (migrationDirectories.every((directory) => names.has(directory.path))) return [];
  } catch {
    // No _prisma_migrations yet: a new database, which the engine sets up.
  }
  return applyMigrations(database.migrationAdapterFactory, dir);
}

/**
 * The SQL that would bring the migrations up to `schema.prisma`: empty when they agree.
 * Runs on an in-memory PGlite used as the shadow database, so it needs no server.
 */
export async function diffMigrationsToSchema(dir = defaultMigrationsDir): Promise<string> {
  const { createEmbeddedPostgres, EmbeddedAdapterFactory } = await import('./embedded-postgres.js');
  const shadow = await createEmbeddedPostgres('memory://');
  try {
    const migrationsList = await readMigrationList(dir);
    return await withSchemaEngine(new EmbeddedAdapterFactory(shadow), async (engine, schemaText) => {
      const result = await engine.diff({
        from: migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [{ path: prismaSchemaPath, content: schemaText }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return isEmptyMigrationScript(result.stdout ?? '') ? '' : (result.stdout ?? '');
    });
  } finally {
    await shadow.close();
  }
}

function isEmptyMigrationScript(sql: string): boolean {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}

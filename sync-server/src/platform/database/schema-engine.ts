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
import { migrationsDir as defaultMigrationsDir, prismaSchemaPath } from '../project-paths.js';

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
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const schemaText = await readFile(prismaSchemaPath, 'utf8');
  // The engine does not hand its connections back when freed; a PostgreSQL session left open
  // would keep holding Prisma's migration advisory lock and stall the next migrate by 10 s.
  const connections: SqlDriverAdapter[] = [];
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => remember(connections, await adapterFactory.connect()),
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

/** Applies what is not applied yet, as `prisma migrate deploy` does; returns the names applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory, dir = defaultMigrationsDir): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  return withSchemaEngine(adapterFactory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
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

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { IN_MEMORY_DATA_DIR } from '../../sync-server/src/platform/database/database-target.js';
import { openDatabase, type Database } from '../../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../../sync-server/src/platform/database/schema-engine.js';

export type TestDatabase = Database & {
  /** A DATABASE_URL-style target, for tests that start a child process on the same data. */
  url?: string;
  dispose(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file. Embedded (in-memory PGlite) by default;
 * with TEST_DATABASE_URL set, a new database on that PostgreSQL server, dropped on dispose,
 * so tests never see each other's rows and clean up everything they create.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'embedded', dataDir: IN_MEMORY_DATA_DIR });
    await applyMigrations(database.migrationAdapterFactory);
    return { ...database, dispose: () => database.close() };
  }

  const name = `bc_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabaseName(serverUrl, name);
  const database = await openDatabase({ kind: 'postgresql', url });
  await applyMigrations(database.migrationAdapterFactory);
  return {
    ...database,
    url,
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function isUsingPostgresServer(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL?.trim());
}

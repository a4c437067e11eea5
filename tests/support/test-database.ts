import { IN_MEMORY_DATA_DIR } from '../../sync-server/src/platform/database/database-target.js';
import { createScratchDatabase } from '../../sync-server/src/platform/database/scratch-database.js';
import { openDatabase, type Database } from '../../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../../sync-server/src/platform/database/schema-engine.js';
import { runAsOwner } from './owner-sql.js';
import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';

export type TestDatabase = Database & {
  /** A DATABASE_URL-style target, for tests that start a child process on the same data. */
  url?: string;
  /**
   * Runs SQL as the database's owner, outside row-level security: for a test's own housekeeping
   * (TRUNCATE, which the application role may not run since it ignores the policies).
   */
  runAsOwner(script: string): Promise<void>;
  dispose(): Promise<void>;
};


/**
 * A fresh, migrated database for one test file. Embedded (in-memory PGlite) by default;
 * with TEST_DATABASE_URL set, a new database on that PostgreSQL server, dropped on dispose,
 * so tests never see each other's rows and clean up everything they create. Its statements act
 * in the default tenant unless the test says otherwise (runInTenant, or `tenant.tenantId`).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'embedded', dataDir: IN_MEMORY_DATA_DIR });
    await applyMigrations(database.migrationAdapterFactory);
    database.tenant.tenantId = DEFAULT_TENANT_ID;
    return { ...database, runAsOwner: (script) => runAsOwner(database, script), dispose: () => database.close() };
  }

  const scratch = await createScratchDatabase(serverUrl, 'bc_test');
  const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
  await applyMigrations(database.migrationAdapterFactory);
  database.tenant.tenantId = DEFAULT_TENANT_ID;
  return {
    ...database,
    url: scratch.url,
    runAsOwner: (script) => runAsOwner(database, script),
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}

export function isUsingPostgresServer(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL?.trim());
}

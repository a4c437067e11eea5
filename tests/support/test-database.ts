import { IN_MEMORY_DATA_DIR } from '../../sync-server/src/platform/database/database-target.js';
import { createScratchDatabase } from '../../sync-server/src/platform/database/scratch-database.js';
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

  const scratch = await createScratchDatabase(serverUrl, 'bc_test');
  const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
  await applyMigrations(database.migrationAdapterFactory);
  return {
    ...database,
    url: scratch.url,
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}

export function isUsingPostgresServer(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL?.trim());
}

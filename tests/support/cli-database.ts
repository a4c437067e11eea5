/**
 * A migrated database for commands run as child processes (`npm run import` and the like), and
 * a way to look at it between runs. On PostgreSQL (TEST_DATABASE_URL) a fresh database, dropped
 * on dispose. On the embedded database a PGlite folder on disk: one process opens it at a time,
 * so the test opens it only to look, while no command runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrismaClient } from '../../sync-server/src/generated/prisma/client.js';
import { openDatabase } from '../../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../../sync-server/src/platform/database/schema-engine.js';
import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';
import { createTestDatabase, isUsingPostgresServer } from './test-database.js';

export type CliDatabase = {
  /** The environment that points a child process at this database. */
  env: Record<string, string>;
  /** Runs `look` on the database while no command holds it. */
  read<T>(look: (prisma: PrismaClient) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
};

export async function createCliDatabase(): Promise<CliDatabase> {
  if (isUsingPostgresServer()) {
    const database = await createTestDatabase();
    return { env: { DATABASE_URL: database.url! }, read: (look) => look(database.prisma), dispose: () => database.dispose() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bc-cli-db-'));
  const open = () => openDatabase({ kind: 'embedded', dataDir });
  const preparing = await open();
  try {
    await applyMigrations(preparing.migrationAdapterFactory);
  } finally {
    await preparing.close();
  }
  return {
    env: { BOOKING_CENTER_DATA_DIR: dataDir, SEED_SAMPLE_DATA: 'false' },
    async read(look) {
      const database = await open();
      database.tenant.tenantId = DEFAULT_TENANT_ID;
      try {
        return await look(database.prisma);
      } finally {
        await database.close();
      }
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * SQL as the database's owner, outside row-level security, for tests that look at or repair the
 * database itself (the migration history, TRUNCATE): the application's own statements run as
 * the role `booking_center_app`, which may do neither (platform/database/tenant-scope.ts).
 */
import type { Database } from '../../sync-server/src/platform/database/open-database.js';

async function withOwnerConnection<T>(database: Pick<Database, 'migrationAdapterFactory'>, work: (adapter: Awaited<ReturnType<Database['migrationAdapterFactory']['connect']>>) => Promise<T>): Promise<T> {
  const adapter = await database.migrationAdapterFactory.connect();
  try {
    return await work(adapter);
  } finally {
    await adapter.dispose();
  }
}

/** Rows of one statement, as objects keyed by column name. */
export function queryAsOwner<T>(database: Pick<Database, 'migrationAdapterFactory'>, sql: string): Promise<T[]> {
  return withOwnerConnection(database, async (adapter) => {
    const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
    return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])) as T);
  });
}

/** A script of statements (TRUNCATE …; UPDATE _prisma_migrations …). */
export function runAsOwner(database: Pick<Database, 'migrationAdapterFactory'>, script: string): Promise<void> {
  return withOwnerConnection(database, (adapter) => adapter.executeScript(script));
}

/**
 * A database restored from a backup onto another server has its tables but not the server-wide
 * role the application's statements switch to, nor its grants. The next start (or command) puts
 * them back, with no SQL by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../sync-server/src/platform/database/schema-engine.js';
import { runAsOwner } from '../support/owner-sql.js';
import { createTestDatabase, isUsingPostgresServer, type TestDatabase } from '../support/test-database.js';

describe('the application role after a restore', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('is created again with its grants when the database lost them, and the application reads again', async () => {
    await database.prisma.brand.create({ data: { code: 'RESTORED', name: 'From the backup' } });
    // The embedded database is a server of its own: the role itself can go. On a shared PostgreSQL
    // server other databases use it, so there only this database's grants go.
    await runAsOwner(
      database,
      isUsingPostgresServer()
        ? 'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM booking_center_app; REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM booking_center_app;'
        : 'DROP OWNED BY booking_center_app; DROP ROLE booking_center_app;',
    );
    await expect(database.prisma.brand.count()).rejects.toThrow(/booking_center_app|permission denied/);

    expect(await applyMigrations(database.migrationAdapterFactory)).toEqual([]);
    expect(await database.prisma.brand.findMany({ select: { code: true } })).toEqual([{ code: 'RESTORED' }]);
  });
});

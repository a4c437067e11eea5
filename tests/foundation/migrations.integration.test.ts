import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema, readMigrationList } from '../../sync-server/src/platform/database/schema-engine.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('database migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('applies every migration to an empty database, and a second apply does nothing', async () => {
    const onDisk = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
    const applied = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(onDisk);
    expect(await applyMigrations(database.migrationAdapterFactory)).toEqual([]);
  });

  it('schema.prisma and the migrations agree (a schema change without its migration fails here)', async () => {
    const missingSql = await diffMigrationsToSchema();
    expect(missingSql, `Run: npm run db:migration -- <name>\n${missingSql}`).toBe('');
  });

  it('names tables and columns in snake_case, as the spec does', async () => {
    const columns = await database.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const notSnake = columns.filter((column) => !/^[a-z0-9_]+$/.test(column.table_name) || !/^[a-z0-9_]+$/.test(column.column_name));
    expect(notSnake).toEqual([]);
    expect(columns.some((column) => column.table_name === 'campaigns' && column.column_name === 'budget_planned')).toBe(true);
  });

  it('refuses to change or delete audit log entries, even with SQL', async () => {
    await database.prisma.auditLog.create({
      data: { actorLabel: 'system', source: 'system', entityType: 'campaign', entityId: '00000000-0000-0000-0000-000000000001', action: 'create' },
    });
    await expect(database.prisma.$executeRawUnsafe(`UPDATE audit_logs SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe(`DELETE FROM audit_logs`)).rejects.toThrow(/append-only/);
    expect(await database.prisma.auditLog.count({ where: { action: 'create' } })).toBe(1);
  });

  it('keeps row bookkeeping on every table (a new table without its trigger fails here)', async () => {
    const tablesWithoutTrigger = await database.prisma.$queryRawUnsafe<{ table_name: string }[]>(`
      SELECT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.column_name = 'sync_seq'
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
                        WHERE r.relname = c.table_name AND t.tgname = c.table_name || '_touch_row')`);
    expect(tablesWithoutTrigger).toEqual([]);
  });

  it('bumps row_version on a real change only, so unchanged re-imports are not conflicts', async () => {
    const brand = await database.prisma.brand.create({ data: { code: 'ROWV', name: 'Row version' } });
    expect(brand.rowVersion).toBe(1);
    const unchanged = await database.prisma.brand.update({ where: { id: brand.id }, data: { name: 'Row version' } });
    expect(unchanged.rowVersion).toBe(1);
    expect(unchanged.syncSeq).toBe(brand.syncSeq);
    const changed = await database.prisma.brand.update({ where: { id: brand.id }, data: { name: 'Row version 2' } });
    expect(changed.rowVersion).toBe(2);
    expect(changed.syncSeq > brand.syncSeq).toBe(true);
  });
});

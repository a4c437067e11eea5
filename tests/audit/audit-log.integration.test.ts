import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../sync-server/src/modules/access/actor.js';
import { diffFields, getAuditHistory, recordAudit } from '../../sync-server/src/modules/audit/audit.service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
const entityId = '11111111-1111-4111-8111-111111111111';

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.dispose();
});

describe('audit log', () => {
  it('records actor, source, time and field-level before/after; history comes back newest first', async () => {
    const importer = { userId: null, role: 'admin' as const, label: 'import', source: 'import' as const };
    await recordAudit(db.prisma, importer, [{ entityType: 'campaign', entityId, action: 'create', changes: { name: { before: null, after: 'A' } } }]);
    await recordAudit(db.prisma, SYSTEM_ACTOR, [{ entityType: 'campaign', entityId, action: 'update', changes: { name: { before: 'A', after: 'B' } }, note: 'rename' }]);
    await recordAudit(db.prisma, SYSTEM_ACTOR, [{ entityType: 'campaign', entityId, action: 'update', changes: { name: { before: 'B', after: 'C' } } }]);
    const history = await getAuditHistory(db.prisma, 'campaign', entityId);
    expect(history.map((entry) => entry.changes.name?.after)).toEqual(['C', 'B', 'A']);
    expect(history[2]).toMatchObject({ actorId: null, actorLabel: 'import', source: 'import', action: 'create' });
    expect(history[1]?.note).toBe('rename');
    expect(Date.parse(history[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('entries can not be changed or deleted, even with raw SQL', async () => {
    await expect(db.prisma.$executeRawUnsafe(`UPDATE audit_logs SET note = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('DELETE FROM audit_logs')).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditLog.count()).toBe(3);
  });

  it('diffFields keeps only the fields that changed, with null for absent values', () => {
    expect(diffFields<Record<string, unknown>>({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: 2 }, ['a', 'b', 'c'])).toEqual({ b: { before: 'x', after: 'y' }, c: { before: null, after: 2 } });
    expect(diffFields<Record<string, unknown>>({ a: [1] }, {}, ['a'])).toEqual({});
  });
});

import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from './audit.types.js';

/** Only inserts and reads: audit_logs is append-only (a trigger refuses UPDATE and DELETE). */
export function insertAuditRows(db: Db, rows: Prisma.AuditLogCreateManyInput[]): Promise<Prisma.BatchPayload> {
  return db.auditLog.createMany({ data: rows });
}

export function findAuditRows(db: Db, entityType: string, entityId: string, limit: number) {
  return db.auditLog.findMany({
    where: { entityType, entityId },
    // sync_seq comes from one sequence, so it orders entries written in the same millisecond.
    orderBy: [{ createdAt: 'desc' }, { syncSeq: 'desc' }],
    take: limit,
    select: { id: true, createdAt: true, actorId: true, actorLabel: true, source: true, entityType: true, entityId: true, action: true, changes: true, note: true },
  });
}

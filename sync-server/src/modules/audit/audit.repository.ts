import type { Db } from './audit.types.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';

export type AuditRowsInput = {
  actor: { id: string | null; label: string; source: string };
  entries: { entityType: string; entityId: string; action: string; changes: unknown; note: string | null }[];
};

/**
 * Only inserts and reads: audit_logs is append-only (a trigger refuses UPDATE and DELETE).
 * One statement whatever the number of entries, the entries as one JSON parameter: an import
 * or a push writes one entry per row, and Prisma's createMany spent longer walking 500
 * entries' `changes` and binding 4,000 parameters than PostgreSQL spent inserting them.
 */
export async function insertAuditRows(db: SqlDb, { actor, entries }: AuditRowsInput): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO audit_logs (actor_id, actor_label, source, entity_type, entity_id, action, changes, note)
     SELECT $1::uuid, $2, $3::audit_source, e.entity_type, e.entity_id, e.action, coalesce(e.changes, '{}'::jsonb), e.note
     FROM ROWS FROM (jsonb_to_recordset($4::jsonb) AS (entity_type text, entity_id uuid, action text, changes jsonb, note text))
          WITH ORDINALITY AS e(entity_type, entity_id, action, changes, note, position)
     ORDER BY e.position`,
    actor.id,
    actor.label,
    actor.source,
    JSON.stringify(entries.map((entry) => ({ entity_type: entry.entityType, entity_id: entry.entityId, action: entry.action, changes: entry.changes, note: entry.note }))),
  );
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

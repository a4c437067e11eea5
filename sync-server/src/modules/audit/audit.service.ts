/**
 * The audit log: who changed what, from where, when, with field-level before and after.
 * Entries are only ever added; nothing in the application updates or deletes them, and the
 * database refuses it anyway.
 */
import type { Actor } from '../access/actor.js';
import { findAuditRows, insertAuditRows } from './audit.repository.js';
import type { AuditEntry, AuditEntryInput, Db, FieldChanges } from './audit.types.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';

export async function recordAudit(db: SqlDb, actor: Actor, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await insertAuditRows(db, {
    actor: { id: actor.userId, label: actor.label, source: actor.source },
    entries: entries.map((entry) => ({ entityType: entry.entityType, entityId: entry.entityId, action: entry.action, changes: entry.changes, note: entry.note ?? null })),
  });
}

/** A campaign's (or mapping's) history, newest first. */
export async function getAuditHistory(db: Db, entityType: string, entityId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await findAuditRows(db, entityType, entityId, Math.min(Math.max(options.limit ?? 100, 1), 1000));
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    source: row.source,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    changes: (row.changes ?? {}) as FieldChanges,
    note: row.note,
  }));
}

function isSameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose value differs between two plain snapshots, as { field: { before, after } }. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const previous = before[field] ?? null;
    const next = after[field] ?? null;
    if (!isSameValue(previous, next)) changes[field] = { before: previous, after: next };
  }
  return changes;
}

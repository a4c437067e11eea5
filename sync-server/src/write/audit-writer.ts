/**
 * Field-level audit of every row the door wrote, on every table: one entry per row (or, for
 * tables audited under another entity, one entry per subject and batch), written by one
 * statement per batch from the same before/after the rules saw.
 */
import type { TableDefinition } from '../contract/index.js';
import type { AuditEntryInput, FieldChanges } from '../modules/audit/audit.types.js';
import type { ChangedRow } from './change-set.js';
import type { AuditShape } from './table-rules.js';

export type WrittenChange = ChangedRow & { outcome: 'created' | 'updated' | 'deleted' | 'restored' };

/** The changed fields of a row as { field: { before, after } } (canonical text values). */
export function describeChanges(row: WrittenChange, skip: ReadonlySet<string> = new Set()): FieldChanges {
  const changes: FieldChanges = {};
  if (row.outcome === 'deleted') return { deleted: { before: false, after: true } };
  for (const field of row.changed) {
    if (skip.has(field)) continue;
    if (field === 'deleted') changes.deleted = { before: true, after: false };
    else changes[field] = { before: row.before?.values[field] ?? null, after: row.after.values[field] ?? null };
  }
  return changes;
}

function ownValues(row: ChangedRow, state: ChangedRow['after'] | null, skip: ReadonlySet<string>): Record<string, string | null> | null {
  if (!state) return null;
  return Object.fromEntries(Object.entries(state.values).filter(([field, value]) => !skip.has(field) && value !== null));
}

function entriesUnderSubject(rows: readonly WrittenChange[], shape: AuditShape, action: string | undefined, note: string | null): AuditEntryInput[] {
  const bySubject = new Map<string, { entityType: string; changes: FieldChanges; outcomes: Set<string> }>();
  for (const row of rows) {
    const subject = shape.subject(row);
    if (!subject.entityId) continue;
    const entry = bySubject.get(subject.entityId) ?? { entityType: subject.entityType, changes: {}, outcomes: new Set<string>() };
    const label = shape.label(row);
    entry.outcomes.add(row.outcome);
    if (row.outcome === 'created' || row.outcome === 'restored') entry.changes[label] = { before: null, after: ownValues(row, row.after, shape.keyColumns) };
    else if (row.outcome === 'deleted') entry.changes[label] = { before: ownValues(row, row.before, shape.keyColumns), after: null };
    else for (const [field, change] of Object.entries(describeChanges(row, shape.keyColumns))) entry.changes[`${label}.${field}`] = change;
    bySubject.set(subject.entityId, entry);
  }
  return [...bySubject].map(([entityId, entry]) => {
    const only = entry.outcomes.size === 1 ? [...entry.outcomes][0] : undefined;
    const derived = only === 'created' || only === 'restored' ? 'assign' : only === 'deleted' ? 'unassign' : 'update';
    return { entityType: entry.entityType, entityId, action: action ?? derived, changes: entry.changes, note };
  });
}

/** What an audit entry holds instead of a value the change erased (ChangeSet.isAuditBeforeHidden). */
export const ERASED_AUDIT_TEXT = '(erased)';

function hideBefore(changes: FieldChanges): FieldChanges {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, { before: typeof change.before === 'string' ? ERASED_AUDIT_TEXT : change.before, after: change.after }]));
}

/** The audit entries of a batch's written rows. */
export function buildAuditEntries(
  definition: TableDefinition,
  rows: readonly WrittenChange[],
  options: { shape?: AuditShape; action?: string; note?: string | null; isBeforeHidden?: boolean },
): AuditEntryInput[] {
  const entries = buildEntries(definition, rows, options);
  return options.isBeforeHidden ? entries.map((entry) => ({ ...entry, changes: hideBefore(entry.changes) })) : entries;
}

function buildEntries(definition: TableDefinition, rows: readonly WrittenChange[], options: { shape?: AuditShape; action?: string; note?: string | null }): AuditEntryInput[] {
  if (rows.length === 0) return [];
  const note = options.note ?? null;
  if (options.shape) return entriesUnderSubject(rows, options.shape, options.action, note);
  return rows.map((row) => ({
    entityType: definition.entity,
    entityId: row.id,
    action: options.action ?? (row.outcome === 'created' ? 'create' : row.outcome === 'deleted' ? 'delete' : row.outcome === 'restored' ? 'restore' : 'update'),
    changes: row.outcome === 'created' ? Object.fromEntries(Object.entries(row.after.values).filter(([, value]) => value !== null).map(([field, value]) => [field, { before: null, after: value }])) : describeChanges(row),
    note,
  }));
}

/**
 * The transactional outbox: domain events appended in the same transaction as the change they
 * describe, with the batch's audit entries, one statement per batch. A dispatcher (a later issue) delivers them after commit;
 * because the event and the change commit together, neither is ever delivered without the other.
 */
import type { TableDefinition } from '../contract/index.js';
import type { Actor } from '../modules/access/actor.js';
import type { AuditEntryInput } from '../modules/audit/audit.types.js';
import { describeChanges, type WrittenChange } from './audit-writer.js';
import type { WriteDb } from './row-state.repository.js';

export type OutboxEvent = { eventType: string; entityType: string; entityId: string; data: Record<string, unknown> };

/** Events a status reaching a value raises, beside <entity>.updated (002 §9.3: campaign.launched). */
const STATUS_EVENTS: Record<string, Record<string, string>> = {
  campaigns: { running: 'campaign.launched' },
  payments: { paid: 'payment.paid' },
};

function naturalKey(definition: TableDefinition, row: WrittenChange): Record<string, string | null> {
  const state = row.outcome === 'deleted' ? (row.before ?? row.after) : row.after;
  const columns = definition.naturalKeys[0]?.columns ?? [];
  return Object.fromEntries(columns.map((column) => [column, state.values[column] ?? null]));
}

/** The events of a batch: <entity>.created / updated / deleted / restored, plus status events. */
export function buildEvents(definition: TableDefinition, rows: readonly WrittenChange[]): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  for (const row of rows) {
    const key = naturalKey(definition, row);
    const base = { entityType: definition.entity, entityId: row.id };
    const data = row.outcome === 'created' ? { id: row.id, key, values: row.after.values } : { id: row.id, key, changes: describeChanges(row) };
    events.push({ ...base, eventType: `${definition.entity}.${row.outcome}`, data });
    const status = row.after.values.status;
    const statusEvent = status && (row.outcome === 'created' || row.changed.includes('status')) ? STATUS_EVENTS[definition.name]?.[status] : undefined;
    if (statusEvent && row.outcome !== 'deleted') events.push({ ...base, eventType: statusEvent, data: { id: row.id, key, from: row.before?.values.status ?? null, to: status } });
  }
  return events;
}

/**
 * The batch's audit entries and events in ONE statement with one JSON parameter: both inserts
 * read the same parsed document, and a batch costs one round trip for its history.
 */
export async function appendChangeLog(db: WriteDb, actor: Actor, entries: readonly AuditEntryInput[], events: readonly OutboxEvent[]): Promise<void> {
  if (entries.length === 0 && events.length === 0) return;
  await db.$executeRawUnsafe(
    `WITH doc AS (SELECT $4::jsonb AS d),
     audited AS (
       INSERT INTO audit_logs (actor_id, actor_label, source, entity_type, entity_id, action, changes, note)
       SELECT $1::uuid, $2, $3::audit_source, e.entity_type, e.entity_id, e.action, coalesce(e.changes, '{}'::jsonb), e.note
       FROM doc, ROWS FROM (jsonb_to_recordset(doc.d -> 'audit') AS (entity_type text, entity_id uuid, action text, changes jsonb, note text))
            WITH ORDINALITY AS e(entity_type, entity_id, action, changes, note, position)
       ORDER BY e.position
       RETURNING 1)
     INSERT INTO outbox_events (event_type, entity_type, entity_id, actor_label, source, data)
     SELECT e.event_type, e.entity_type, e.entity_id, $2, $3::audit_source, e.data
     FROM doc, ROWS FROM (jsonb_to_recordset(doc.d -> 'events') AS (event_type text, entity_type text, entity_id uuid, data jsonb)) WITH ORDINALITY AS e(event_type, entity_type, entity_id, data, position)
     ORDER BY e.position`,
    actor.userId,
    actor.label,
    actor.source,
    JSON.stringify({
      audit: entries.map((entry) => ({ entity_type: entry.entityType, entity_id: entry.entityId, action: entry.action, changes: entry.changes, note: entry.note ?? null })),
      events: events.map((event) => ({ event_type: event.eventType, entity_type: event.entityType, entity_id: event.entityId, data: event.data })),
    }),
  );
}

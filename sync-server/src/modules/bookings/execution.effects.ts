/**
 * What a written booking or video implies, done by the write door in the same transaction
 * (issue 14), whatever the door the change came through:
 *
 * - every booking status change, and every new booking, writes booking_status_history
 *   (from, to, who, the change's note);
 * - a committed booking whose creator is not on its campaign puts the creator on it, with a
 *   warning (execution.rules.ts says why this rather than a refusal);
 * - a posted video linked to a deliverable marks the deliverable posted.
 *
 * The last two are template rows, so they go through `session.apply` like any write: the
 * assignment rules (blacklist, closed campaign) and the deliverable workflow see them, and they
 * are audited and raise events.
 */
import { COMMITTED_BOOKING_STATUSES, isDeliverableDone, type BookingStatus, type DeliverableStatus } from '../../contract/bookings/execution-lifecycle.js';
import { getTableDefinition } from '../../contract/index.js';
import { t } from '../../contract/i18n/translate.js';
import type { WrittenChange } from '../../write/audit-writer.js';
import type { RowChange, RowResult } from '../../write/change-set.js';
import { emptyEffectOutcome, type EffectOutcome, type WriteEffect } from '../../write/table-rules.js';

function isStatusWritten(row: WrittenChange): boolean {
  return row.outcome === 'created' || ((row.outcome === 'updated' || row.outcome === 'restored') && row.changed.includes('status'));
}

/** One history row per status the batch gave a booking, in one statement. */
export const recordBookingStatusHistory: WriteEffect = async (session, written, changeSet) => {
  const moves = written.filter(isStatusWritten).map((row) => ({ booking_id: row.id, from: row.outcome === 'created' ? null : (row.before?.values.status ?? null), to: row.after.values.status }));
  if (moves.length > 0) {
    await session.db.$executeRawUnsafe(
      `INSERT INTO booking_status_history (booking_id, from_status, to_status, changed_by_id, note)
       SELECT (e ->> 'booking_id')::uuid, (e ->> 'from')::booking_status, (e ->> 'to')::booking_status, $2::uuid, $3
         FROM jsonb_array_elements($1::jsonb) AS e`,
      JSON.stringify(moves),
      session.actor.userId,
      changeSet.auditNote ?? null,
    );
  }
  return emptyEffectOutcome();
};

/** Results of an effect's own write, reported on the rows that caused it. */
function reportOn(outcome: EffectOutcome, results: readonly RowResult[], causeOf: (rowNumber: number) => readonly number[], warning?: (rowNumber: number) => string | undefined): EffectOutcome {
  for (const result of results) {
    for (const cause of causeOf(result.rowNumber)) {
      if (result.problems.length > 0) {
        outcome.problems.set(cause, [...(outcome.problems.get(cause) ?? []), ...result.problems.map((found) => ({ code: found.code, kind: found.kind, column: found.column, value: found.value, message: found.message }))]);
        continue;
      }
      const extra = result.outcome === 'created' || result.outcome === 'updated' ? warning?.(result.rowNumber) : undefined;
      const warnings = [...result.warnings, ...(extra ? [extra] : [])];
      if (warnings.length) outcome.warnings.set(cause, [...(outcome.warnings.get(cause) ?? []), ...warnings]);
    }
  }
  return outcome;
}

/** A committed booking's creator joins its campaign, when not on it yet (a removed one is restored). */
export const assignBookedCreators: WriteEffect = async (session, written, changeSet) => {
  const committed = written.filter((row) => row.outcome !== 'deleted' && COMMITTED_BOOKING_STATUSES.includes(row.after.values.status as BookingStatus));
  if (committed.length === 0) return emptyEffectOutcome();
  const missing = await session.db.$queryRawUnsafe<Array<{ id: string; code: string; campaign_code: string; creator_key: string; creator_name: string }>>(
    `SELECT b.id::text AS id, b.code, c.code AS campaign_code, k.creator_key, k.name AS creator_name
       FROM bookings b JOIN campaigns c ON c.id = b.campaign_id JOIN creators k ON k.id = b.creator_id
      WHERE b.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM campaign_creators cc WHERE cc.campaign_id = b.campaign_id AND cc.creator_id = b.creator_id AND cc.deleted_at IS NULL)`,
    committed.map((row) => row.id),
  );
  if (missing.length === 0) return emptyEffectOutcome();
  const rowNumberOf = new Map(committed.map((row) => [row.id, row.rowNumber]));
  // One assignment per campaign and creator, however many of its bookings the batch confirmed.
  const byPair = new Map<string, { change: RowChange; causes: number[]; booking: (typeof missing)[number] }>();
  for (const booking of missing) {
    const pair = `${booking.campaign_code}\u0000${booking.creator_key}`;
    const cause = rowNumberOf.get(booking.id)!;
    const entry = byPair.get(pair);
    if (entry) entry.causes.push(cause);
    else byPair.set(pair, { change: { rowNumber: cause, values: { campaign_code: booking.campaign_code, creator_key: booking.creator_key, role: 'main' } }, causes: [cause], booking });
  }
  const entries = [...byPair.values()];
  const results = await session.apply({
    table: getTableDefinition('campaign_creators'),
    rows: entries.map((entry) => entry.change),
    label: changeSet.label ?? 'bookings',
    columns: ['campaign_code', 'creator_key', 'role'],
    auditAction: 'assign',
    auditNote: `booking ${entries.map((entry) => entry.booking.code).join(', ')}`,
  });
  const byRow = new Map(entries.map((entry) => [entry.change.rowNumber, entry]));
  return reportOn(emptyEffectOutcome(), results, (rowNumber) => byRow.get(rowNumber)?.causes ?? [], (rowNumber) => {
    const booking = byRow.get(rowNumber)?.booking;
    return booking && t('execution.creatorAdded', { creator: booking.creator_name, campaign: booking.campaign_code, booking: booking.code });
  });
};

/** A posted video with its deliverable named posts that deliverable. */
export const postLinkedDeliverables: WriteEffect = async (session, written, changeSet) => {
  const posting = written.filter((row) => row.outcome !== 'deleted' && row.after.values.status === 'posted' && row.after.refs.deliverable && (row.outcome !== 'updated' || row.changed.some((field) => ['status', 'deliverable_title', 'booking_code'].includes(field))));
  if (posting.length === 0) return emptyEffectOutcome();
  const open = await session.db.$queryRawUnsafe<Array<{ id: string; status: DeliverableStatus }>>(
    'SELECT id::text AS id, status::text AS status FROM booking_deliverables WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
    [...new Set(posting.map((row) => row.after.refs.deliverable!))],
  );
  const openIds = new Set(open.filter((deliverable) => !isDeliverableDone(deliverable.status)).map((deliverable) => deliverable.id));
  const causesByDeliverable = new Map<string, number[]>();
  for (const row of posting) {
    const id = row.after.refs.deliverable!;
    if (openIds.has(id)) causesByDeliverable.set(id, [...(causesByDeliverable.get(id) ?? []), row.rowNumber]);
  }
  if (causesByDeliverable.size === 0) return emptyEffectOutcome();
  const changes = [...causesByDeliverable].map(([id, causes]) => ({ id, rowNumber: causes[0]!, values: { status: 'posted' } }));
  const results = await session.apply({
    table: getTableDefinition('booking_deliverables'),
    rows: changes,
    label: changeSet.label ?? 'videos',
    columns: ['status'],
    auditAction: 'post',
    auditNote: 'posted by its video',
  });
  const causesByRow = new Map(changes.map((change) => [change.rowNumber, causesByDeliverable.get(change.id)!]));
  return reportOn(emptyEffectOutcome(), results, (rowNumber) => causesByRow.get(rowNumber) ?? []);
};

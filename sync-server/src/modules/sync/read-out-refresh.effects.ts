/**
 * Keeps the sheet's read-outs fresh (issue 14, item 7). A booking shows what was paid, its
 * deliverables posted, its videos' views and its orders; a campaign its counts and flags; a
 * video its latest views. Those live in other tables, and the incremental pull re-sends a row
 * only when its sync_seq moves. So after the door writes a payment, a deliverable, a video, a
 * snapshot, an order or an assignment, this effect touches the rows whose read-outs it changes,
 * up the chain (snapshot → video → booking → campaign and creator), in the same transaction.
 *
 * The touch moves sync_seq and sync_xid only (booking_center.read_out_refresh, migration
 * read_out_refresh): row_version stays, so a planner editing that booking meanwhile is no
 * conflict. Set-based: one statement per parent table.
 */
import type { TableName } from '../../contract/index.js';
import type { WrittenChange } from '../../write/audit-writer.js';
import { emptyEffectOutcome, type WriteEffect } from '../../write/table-rules.js';

type ParentTable = 'bookings' | 'campaigns' | 'creators' | 'videos';

/** Which references of a written row point at a row with read-outs. */
const DIRECT_PARENTS: Partial<Record<TableName, Array<{ ref: string; parent: ParentTable }>>> = {
  payments: [{ ref: 'booking', parent: 'bookings' }, { ref: 'campaign', parent: 'campaigns' }, { ref: 'creator', parent: 'creators' }],
  booking_deliverables: [{ ref: 'booking', parent: 'bookings' }],
  videos: [{ ref: 'booking', parent: 'bookings' }],
  video_snapshots: [{ ref: 'video', parent: 'videos' }],
  bookings: [{ ref: 'campaign', parent: 'campaigns' }, { ref: 'creator', parent: 'creators' }],
  campaign_creators: [{ ref: 'campaign', parent: 'campaigns' }, { ref: 'creator', parent: 'creators' }],
  campaign_products: [{ ref: 'campaign', parent: 'campaigns' }],
};

/** A touched parent's own parents, from its stored foreign keys. */
const UP_THE_CHAIN: Partial<Record<ParentTable, Array<{ column: string; parent: ParentTable }>>> = {
  videos: [{ column: 'booking_id', parent: 'bookings' }],
  bookings: [{ column: 'campaign_id', parent: 'campaigns' }, { column: 'creator_id', parent: 'creators' }],
};

function referencedIds(written: readonly WrittenChange[], ref: string): string[] {
  return written.flatMap((row) => [row.before?.refs[ref], row.after.refs[ref]]).filter((id): id is string => Boolean(id));
}

export function refreshReadOutsOf(table: TableName): WriteEffect {
  return async (session, written) => {
    const pending = new Map<ParentTable, Set<string>>();
    const add = (parent: ParentTable, ids: readonly string[]) => {
      const set = pending.get(parent) ?? new Set<string>();
      for (const id of ids) set.add(id);
      pending.set(parent, set);
    };
    for (const { ref, parent } of DIRECT_PARENTS[table] ?? []) add(parent, referencedIds(written, ref));
    // Orders reach their booking through the tracking code they were placed with.
    if (table === 'conversions') {
      const assets = referencedIds(written, 'tracking_asset');
      if (assets.length > 0) {
        const rows = await session.db.$queryRawUnsafe<Array<{ id: string }>>('SELECT DISTINCT booking_id::text AS id FROM tracking_assets WHERE id = ANY($1::uuid[]) AND booking_id IS NOT NULL', assets);
        add('bookings', rows.map((row) => row.id));
      }
    }
    if (pending.size === 0) return emptyEffectOutcome();
    // On only for these touches: a later write of this transaction that changes nothing must keep
    // its cursor, as the trigger's no-change rule says.
    await session.db.$queryRawUnsafe("SELECT set_config('booking_center.read_out_refresh', 'on', true)");
    // Lower tables first, so each adds its parents before they are touched.
    for (const parent of ['videos', 'bookings', 'campaigns', 'creators'] as const) {
      const ids = [...(pending.get(parent) ?? [])];
      if (ids.length === 0) continue;
      for (const { column, parent: grandparent } of UP_THE_CHAIN[parent] ?? []) {
        const rows = await session.db.$queryRawUnsafe<Array<{ id: string }>>(`SELECT DISTINCT ${column}::text AS id FROM ${parent} WHERE id = ANY($1::uuid[]) AND ${column} IS NOT NULL`, ids);
        add(grandparent, rows.map((row) => row.id));
      }
      await session.db.$executeRawUnsafe(`UPDATE ${parent} SET sync_seq = sync_seq WHERE id = ANY($1::uuid[])`, ids);
    }
    await session.db.$queryRawUnsafe("SELECT set_config('booking_center.read_out_refresh', 'off', true)");
    return emptyEffectOutcome();
  };
}

export const READ_OUT_SOURCES: readonly TableName[] = [...(Object.keys(DIRECT_PARENTS) as TableName[]), 'conversions'];

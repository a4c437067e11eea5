import type { TableDefinition } from '../../contract/index.js';
import type { Db } from '../audit/audit.types.js';
import { selectTemplateRowsSql, toTemplateRowRecord, type RawTemplateRow, type TemplateRowRecord } from '../exports/template-rows.repository.js';

/**
 * Where a pull stands: the last change number handed out, and which transactions might still
 * have been running then. A row such a transaction writes may carry a lower change number and
 * only become visible after this pull, so the next pull also asks for the rows of every
 * transaction from `fromXid` on (PostgreSQL's snapshot xmax: none of those had finished) and
 * of those listed in `alsoXids` (the snapshot's running list below xmax). When very many are
 * running, the list is dropped and `fromXid` is the oldest of them: some rows come twice, none
 * is missed. An earlier version's cursor carried only the number (`fromXid` null).
 */
export type PullCursor = { seq: bigint; fromXid: bigint | null; alsoXids: readonly bigint[] };

const MAX_LISTED_XIDS = 100;

/**
 * A page of rows for a pull, in change order: without a cursor every live row, with one every
 * row changed or deleted since, or written by a transaction that was still running at the
 * last pull. One statement per table, whatever the row count.
 */
export async function findSyncRowsSince(
  db: Db,
  definition: TableDefinition,
  since: PullCursor | null,
  limit: number,
  /** Extra SQL on the row aliased `t` (the rows a reader may see), adding its own parameters. */
  visibleRows?: (addParameter: (value: unknown) => string) => string | null,
): Promise<TemplateRowRecord[]> {
  let where = 't.deleted_at IS NULL';
  const params: unknown[] = [];
  if (since) {
    params.push(since.seq.toString());
    where = 't.sync_seq > $1::bigint';
    if (since.fromXid !== null) {
      params.push(since.fromXid.toString(), since.alsoXids.map(String));
      where = '(t.sync_seq > $1::bigint OR t.sync_xid >= $2::bigint OR t.sync_xid = ANY($3::bigint[]))';
    }
  }
  const visible = visibleRows?.((value) => {
    params.push(value);
    return `$${params.length}`;
  });
  if (visible) where = `${where} AND ${visible}`;
  params.push(limit);
  const rows = await db.$queryRawUnsafe<RawTemplateRow[]>(selectTemplateRowsSql(definition, where, `ORDER BY t.sync_seq LIMIT $${params.length}`), ...params);
  return rows.map((row) => toTemplateRowRecord(definition, row));
}

/**
 * Where the whole database stands now, read before any row of a pull. Two statements, in this
 * order: the number first, then the running transactions, so that every number counted
 * belongs to a transaction that has either committed or is listed (the trigger takes the
 * transaction id before the number).
 */
export async function findPullStart(db: Db): Promise<PullCursor> {
  const [sequence] = await db.$queryRawUnsafe<{ last_value: string; is_called: boolean }[]>('SELECT last_value::text AS last_value, is_called FROM booking_center_sync_seq');
  const [snapshot] = await db.$queryRawUnsafe<{ xmin: string; xmax: string; running: string[] }[]>(
    `SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax, ARRAY(SELECT x::text FROM pg_snapshot_xip(s) AS x ORDER BY 1) AS running
     FROM pg_current_snapshot() AS s`,
  );
  const seq = sequence?.is_called ? BigInt(sequence.last_value) : 0n;
  if (!snapshot) return { seq, fromXid: null, alsoXids: [] };
  if (snapshot.running.length > MAX_LISTED_XIDS) return { seq, fromXid: BigInt(snapshot.xmin), alsoXids: [] };
  return { seq, fromXid: BigInt(snapshot.xmax), alsoXids: snapshot.running.map((xid) => BigInt(xid)) };
}

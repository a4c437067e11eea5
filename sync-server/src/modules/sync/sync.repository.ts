import type { TableDefinition } from '../../contract/index.js';
import type { Db } from '../audit/audit.types.js';
import { selectTemplateRowsSql, toTemplateRowRecord, type RawTemplateRow, type TemplateRowRecord } from '../exports/template-rows.repository.js';
import { quoteIdent } from '../imports/import-sql.js';

/**
 * A page of rows for a pull, in change order: without a cursor every live row, with one every
 * row changed or deleted since. One statement per table, whatever the row count.
 */
export async function findSyncRowsSince(db: Db, definition: TableDefinition, since: bigint | null, limit: number): Promise<TemplateRowRecord[]> {
  const where = since === null ? 't.deleted_at IS NULL' : 't.sync_seq > $1::bigint';
  const params: unknown[] = since === null ? [limit] : [since.toString(), limit];
  const rows = await db.$queryRawUnsafe<RawTemplateRow[]>(selectTemplateRowsSql(definition, where, `ORDER BY t.sync_seq LIMIT $${params.length}`), ...params);
  return rows.map((row) => toTemplateRowRecord(definition, row));
}

/** The newest change cursor of the whole database. */
export async function findLatestSyncSeq(db: Db): Promise<bigint> {
  const [row] = await db.$queryRawUnsafe<{ last_value: string; is_called: boolean }[]>(
    'SELECT last_value::text AS last_value, is_called FROM booking_center_sync_seq',
  );
  return row?.is_called ? BigInt(row.last_value) : 0n;
}

/** Current versions of existing rows, to tell a stale sheet row from a fresh one. */
export async function findRowVersions(db: Db, dbTable: string, ids: readonly string[]): Promise<Map<string, { rowVersion: number; isDeleted: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<{ id: string; row_version: number; is_deleted: boolean }[]>(
    `SELECT id::text AS id, row_version, deleted_at IS NOT NULL AS is_deleted FROM ${quoteIdent(dbTable)} WHERE id = ANY($1::uuid[])`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, { rowVersion: row.row_version, isDeleted: row.is_deleted }]));
}

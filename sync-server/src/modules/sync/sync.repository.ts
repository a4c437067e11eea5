import { templateColumns, type TableDefinition } from '../../contract/index.js';
import type { Db } from '../audit/audit.types.js';
import { columnValueSql } from '../exports/export-sql.js';
import { quoteIdent } from '../imports/import-sql.js';

/** One row as the sheet sees it: template values as canonical text, plus its bookkeeping. */
export type SyncRowRecord = {
  id: string;
  row_version: number;
  sync_seq: string;
  updated_at: string;
  is_deleted: boolean;
  values: Record<string, string | null>;
};

type RawSyncRow = Omit<SyncRowRecord, 'values'> & Record<string, unknown>;

function selectSql(definition: TableDefinition, where: string, tail: string): string {
  const columns = templateColumns(definition).map((column) => `${columnValueSql(definition, column)} AS ${quoteIdent(`v_${column.name}`)}`);
  return `SELECT t.id::text AS id, t.row_version, t.sync_seq::text AS sync_seq,
            to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
            (t.deleted_at IS NOT NULL) AS is_deleted, ${columns.join(', ')}
          FROM ${quoteIdent(definition.dbTable)} t WHERE ${where} ${tail}`;
}

function toRecord(definition: TableDefinition, raw: RawSyncRow): SyncRowRecord {
  const values: Record<string, string | null> = {};
  for (const column of templateColumns(definition)) values[column.name] = (raw[`v_${column.name}`] as string | null) ?? null;
  return { id: raw.id, row_version: raw.row_version, sync_seq: raw.sync_seq, updated_at: raw.updated_at, is_deleted: raw.is_deleted, values };
}

/** The rows with these ids, deleted ones included (a conflict must show what the server has). */
export async function findSyncRowsByIds(db: Db, definition: TableDefinition, ids: readonly string[]): Promise<SyncRowRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRawUnsafe<RawSyncRow[]>(selectSql(definition, 't.id = ANY($1::uuid[])', ''), ids);
  return rows.map((row) => toRecord(definition, row));
}

/**
 * A page of rows for a pull, in change order: without a cursor every live row, with one every
 * row changed or deleted since. One statement per table, whatever the row count.
 */
export async function findSyncRowsSince(db: Db, definition: TableDefinition, since: bigint | null, limit: number): Promise<SyncRowRecord[]> {
  const where = since === null ? 't.deleted_at IS NULL' : 't.sync_seq > $1::bigint';
  const params: unknown[] = since === null ? [limit] : [since.toString(), limit];
  const rows = await db.$queryRawUnsafe<RawSyncRow[]>(selectSql(definition, where, `ORDER BY t.sync_seq LIMIT $${params.length}`), ...params);
  return rows.map((row) => toRecord(definition, row));
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

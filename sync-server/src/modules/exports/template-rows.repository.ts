import { storedComputedColumns, templateColumns, type ColumnDefinition, type TableDefinition } from '../../contract/index.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { columnValueSql } from './export-sql.js';
import { quoteIdent } from '../imports/import-sql.js';

/** One row as the sheet sees it: template values (and stored computed ones, amount_vnd…) as canonical text, plus its bookkeeping. */
export type TemplateRowRecord = {
  id: string;
  row_version: number;
  sync_seq: string;
  updated_at: string;
  is_deleted: boolean;
  values: Record<string, string | null>;
};

export type RawTemplateRow = Omit<TemplateRowRecord, 'values'> & Record<string, unknown>;

/** The columns a sheet row is read with: the template's, then the computed columns the row stores. */
function readColumns(definition: TableDefinition): readonly ColumnDefinition[] {
  return [...templateColumns(definition), ...storedComputedColumns(definition)];
}

export function selectTemplateRowsSql(definition: TableDefinition, where: string, tail: string): string {
  const columns = readColumns(definition).map((column) => `${columnValueSql(definition, column)} AS ${quoteIdent(`v_${column.name}`)}`);
  return `SELECT t.id::text AS id, t.row_version, t.sync_seq::text AS sync_seq,
            to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
            (t.deleted_at IS NOT NULL) AS is_deleted, ${columns.join(', ')}
          FROM ${quoteIdent(definition.dbTable)} t WHERE ${where} ${tail}`;
}

export function toTemplateRowRecord(definition: TableDefinition, raw: RawTemplateRow): TemplateRowRecord {
  const values: Record<string, string | null> = {};
  for (const column of readColumns(definition)) values[column.name] = (raw[`v_${column.name}`] as string | null) ?? null;
  return { id: raw.id, row_version: raw.row_version, sync_seq: raw.sync_seq, updated_at: raw.updated_at, is_deleted: raw.is_deleted, values };
}

/** The rows with these ids, deleted ones included (a conflict must show what the server has). */
export async function findTemplateRowsByIds(db: SqlDb, definition: TableDefinition, ids: readonly string[]): Promise<TemplateRowRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRawUnsafe<RawTemplateRow[]>(selectTemplateRowsSql(definition, 't.id = ANY($1::uuid[])', ''), ids);
  return rows.map((row) => toTemplateRowRecord(definition, row));
}

/**
 * Only the bookkeeping of these rows (version, change time, deleted), template values empty: what
 * a push answers for rows of tables whose computed columns are just that.
 */
export async function findRowBookkeeping(db: SqlDb, definition: TableDefinition, ids: readonly string[]): Promise<TemplateRowRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRawUnsafe<RawTemplateRow[]>(
    `SELECT t.id::text AS id, t.row_version, t.sync_seq::text AS sync_seq,
            to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at, (t.deleted_at IS NOT NULL) AS is_deleted
     FROM ${quoteIdent(definition.dbTable)} t WHERE t.id = ANY($1::uuid[])`,
    ids,
  );
  return rows.map((row) => ({ id: row.id, row_version: row.row_version, sync_seq: row.sync_seq, updated_at: row.updated_at, is_deleted: row.is_deleted, values: {} }));
}

/**
 * The door's reads and writes of table rows. Set-based: one statement per batch for each step,
 * whatever the row count. No rule lives here.
 */
import { storedComputedColumns, type NormalisedValue, type TableDefinition } from '../contract/index.js';
import type { ImportDb } from '../modules/imports/import.repository.js';
import { columnValueSql } from '../modules/exports/export-sql.js';
import { quoteIdent } from '../modules/imports/import-sql.js';
import type { RowState } from './change-set.js';

export type WriteDb = ImportDb;

type RawRowState = { id: string; row_version: number; updated_at: string; is_deleted: boolean } & Record<string, unknown>;

const lockSqlByTable = new Map<string, string>();

/**
 * Every column of the rows (template form, canonical text, extras such as payment_ref and
 * stored computed columns such as amount_vnd included) and the ids of their references, locked FOR UPDATE in id order. The lock is what
 * makes the version check atomic: a second writer of the same row waits here until the first
 * commits, then reads the version the first one left, and so sees its own copy is stale.
 * Sorting the ids makes two writers of overlapping batches lock in the same order (no deadlock).
 */
function lockRowsSql(definition: TableDefinition): string {
  const cached = lockSqlByTable.get(definition.name);
  if (cached) return cached;
  const columns = [...definition.columns, ...storedComputedColumns(definition)].map((column) => `${columnValueSql(definition, column)} AS ${quoteIdent(`v_${column.name}`)}`);
  const refs = definition.references.map((reference) => `t.${quoteIdent(reference.dbColumn)}::text AS ${quoteIdent(`r_${reference.name}`)}`);
  const sql = `SELECT t.id::text AS id, t.row_version,
      to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
      (t.deleted_at IS NOT NULL) AS is_deleted, ${[...columns, ...refs].join(', ')}
    FROM ${quoteIdent(definition.dbTable)} t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE OF t`;
  lockSqlByTable.set(definition.name, sql);
  return sql;
}

function toRowState(definition: TableDefinition, raw: RawRowState): RowState {
  const values: Record<string, string | null> = {};
  for (const column of [...definition.columns, ...storedComputedColumns(definition)]) values[column.name] = (raw[`v_${column.name}`] as string | null) ?? null;
  const refs: Record<string, string | null> = {};
  for (const reference of definition.references) refs[reference.name] = (raw[`r_${reference.name}`] as string | null) ?? null;
  return { id: raw.id, values, refs, isDeleted: raw.is_deleted, rowVersion: raw.row_version, updatedAt: raw.updated_at };
}

/** Locks the existing rows a batch touches and reads them as they are now. */
export async function lockRows(db: WriteDb, definition: TableDefinition, ids: readonly string[]): Promise<Map<string, RowState>> {
  if (ids.length === 0) return new Map();
  const sorted = [...new Set(ids)].sort();
  const rows = await db.$queryRawUnsafe<RawRowState[]>(lockRowsSql(definition), sorted);
  return new Map(rows.map((raw) => [raw.id, toRowState(definition, raw)]));
}

/** Soft delete in one statement; the row keeps its data, so a later import can restore it. */
export async function softDeleteRows(db: WriteDb, definition: TableDefinition, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(`UPDATE ${quoteIdent(definition.dbTable)} SET deleted_at = now(), is_active = false WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, ids);
}

/** A normalised value as the canonical text the database reads back (export-sql.ts formats). */
export function toCanonicalText(type: string, value: NormalisedValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'datetime': {
      const instant = new Date(String(value));
      return Number.isNaN(instant.getTime()) ? String(value) : instant.toISOString();
    }
    case 'decimal':
    case 'money':
      return canonicalDecimal(String(value));
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** "1500000.50" stays, "1500000.00" → "1500000", "0.0450" → "0.045": what trim_scale gives. */
function canonicalDecimal(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole = '0', fraction = ''] = text.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const integer = whole.replace(/^(-?)0+(?=\d)/, '$1');
  return trimmed ? `${integer}.${trimmed}` : integer === '-0' ? '0' : integer;
}

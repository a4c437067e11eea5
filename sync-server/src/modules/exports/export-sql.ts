import { findTableDefinition, storedComputedColumns, templateColumns, type ColumnDefinition, type TableDefinition } from '../../contract/index.js';
import { quoteIdent } from '../imports/import-sql.js';

/**
 * SELECT statements that read a table back in template format, every value as text, so that
 * export → import → export gives identical files. Pure: no database here.
 */

let aliasCounter = 0;

/** A column value as canonical text: ISO dates, UTC instants, numbers without padding zeros. */
export function formatSql(expr: string, column: ColumnDefinition): string {
  switch (column.type) {
    case 'date':
      return `to_char(${expr}, 'YYYY-MM-DD')`;
    case 'datetime':
      return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'boolean':
      return `CASE WHEN ${expr} THEN 'TRUE' WHEN NOT ${expr} THEN 'FALSE' END`;
    case 'decimal':
    case 'money':
      // trim_scale drops padding zeros (1500000.00 → 1500000), as the importer normalises them.
      return `trim_scale(${expr})::text`;
    default:
      return `${expr}::text`;
  }
}

/** The template value `column` of the `tableName` row whose id is `idExpr`, following references. */
export function keyValueSql(tableName: string, column: string, idExpr: string): string {
  const alias = `x${aliasCounter++}`;
  if (tableName === 'users') return `(SELECT ${alias}.username FROM users ${alias} WHERE ${alias}.id = ${idExpr})`;
  const definition = findTableDefinition(tableName);
  if (!definition) throw new Error(`Unknown table ${tableName}`);
  const columnDefinition = definition.columns.find((candidate) => candidate.name === column);
  if (columnDefinition?.dbColumn) {
    return `(SELECT ${formatSql(`${alias}.${quoteIdent(columnDefinition.dbColumn)}`, columnDefinition)} FROM ${quoteIdent(definition.dbTable)} ${alias} WHERE ${alias}.id = ${idExpr})`;
  }
  const reference = definition.references.find((candidate) => candidate.match.some((match) => match.column === column));
  const match = reference?.match.find((candidate) => candidate.column === column);
  if (!reference || !match) throw new Error(`${tableName}.${column} maps to no column`);
  const referencedId = `(SELECT ${alias}.${quoteIdent(reference.dbColumn)} FROM ${quoteIdent(definition.dbTable)} ${alias} WHERE ${alias}.id = ${idExpr})`;
  return keyValueSql(reference.table, match.targetColumn, referencedId);
}

/** The expression of one template column for the row aliased `t`. */
export function columnValueSql(definition: TableDefinition, column: ColumnDefinition): string {
  if (column.dbColumn) return formatSql(`t.${quoteIdent(column.dbColumn)}`, column);
  const reference = definition.references.find((candidate) => candidate.match.some((match) => match.column === column.name));
  const match = reference?.match.find((candidate) => candidate.column === column.name);
  if (!reference || !match) throw new Error(`${definition.name}.${column.name} maps to no column`);
  return keyValueSql(reference.table, match.targetColumn, `t.${quoteIdent(reference.dbColumn)}`);
}

/**
 * The columns of a table export: the template's, then the computed columns the rows store
 * (amount_vnd…), which an import reads past, so that export → import → export stays the same file.
 */
export function exportColumns(definition: TableDefinition): readonly ColumnDefinition[] {
  return [...templateColumns(definition), ...storedComputedColumns(definition)];
}

/** Natural-key columns first, then the others: a stable order that does not depend on ids. */
function orderColumns(definition: TableDefinition, columns: readonly ColumnDefinition[]): string[] {
  const names = columns.map((column) => column.name);
  const keyNames = [...new Set(definition.naturalKeys.flatMap((naturalKey) => naturalKey.columns))].filter((name) => names.includes(name));
  return [...keyNames, ...names.filter((name) => !keyNames.includes(name))];
}

export type ExportQuery = { sql: string; params: unknown[] };

/**
 * The readable name of a referenced row, for an XLSX a marketer hands on: the brand's name beside
 * brand_code, the creator's beside creator_key. `field` is the key of the value in an export row.
 */
export type ExportLabel = { column: string; field: string; table: string; nameColumn: string; dbColumn: string };

// Only tables whose rows have a name a person reads; a channel or a booking is its key.
const LABEL_NAME_COLUMNS: Readonly<Record<string, string>> = { brands: 'name', products: 'name', creators: 'name', campaigns: 'name', users: 'display_name' };

/** One label per reference to a named table, beside the last of its key columns (product_code, not brand_code, names the product). */
export function exportLabels(definition: TableDefinition): ExportLabel[] {
  const labels: ExportLabel[] = [];
  for (const reference of definition.references) {
    const nameColumn = LABEL_NAME_COLUMNS[reference.table];
    const column = reference.match.at(-1)?.column;
    if (!nameColumn || !column || labels.some((label) => label.column === column)) continue;
    const table = reference.table === 'users' ? 'users' : findTableDefinition(reference.table)!.dbTable;
    labels.push({ column, field: `${column}:label`, table, nameColumn, dbColumn: reference.dbColumn });
  }
  return labels;
}

/**
 * Every live row of a table in template format, one page at a time. `where` is extra SQL on
 * the row aliased `t`, with `$n` parameters numbered after the paging ones ($1 limit, $2 offset).
 */
export function buildExportSql(definition: TableDefinition, where: string[] = [], labels: readonly ExportLabel[] = []): string {
  const columns = exportColumns(definition);
  const selects = columns.map((column) => `${columnValueSql(definition, column)} AS ${quoteIdent(column.name)}`);
  // Labels are joined by primary key, one join per label for the whole page, never a query per row.
  const joins = labels.map((label, index) => `LEFT JOIN ${quoteIdent(label.table)} l${index} ON l${index}.id = t.${quoteIdent(label.dbColumn)}`);
  selects.push(...labels.map((label, index) => `l${index}.${quoteIdent(label.nameColumn)} AS ${quoteIdent(label.field)}`));
  // COLLATE "C": the same order on every server and on PGlite, whatever their locale.
  const order = orderColumns(definition, columns).map((name) => `s.${quoteIdent(name)} COLLATE "C" NULLS FIRST`);
  const conditions = ['t.deleted_at IS NULL', ...where];
  const from = [`${quoteIdent(definition.dbTable)} t`, ...joins].join(' ');
  return `SELECT * FROM (SELECT ${selects.join(', ')} FROM ${from} WHERE ${conditions.join(' AND ')}) s ORDER BY ${order.join(', ')} LIMIT $1 OFFSET $2`;
}

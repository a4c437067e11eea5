import { coerceCell, type CellValue, type NormalisedValue, type TableDefinition } from '../../contract/index.js';
import { t } from '../../contract/i18n/translate.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { buildResolveSql, createImportPlan, keyAlias } from './import-sql.js';
import { resolveBatch, type ImportDb } from './import.repository.js';

export type KeyResolution = { rowNumber: number; id: string | null; problems: FieldProblem[] };

/**
 * Finds existing rows by natural key cells only (a sheet deletion sends just the key), with
 * the importer's own resolve statement: one round trip for the whole list.
 */
export async function resolveRowsByKey(
  db: ImportDb,
  definition: TableDefinition,
  rows: ReadonlyArray<{ rowNumber: number; key: Record<string, CellValue> }>,
): Promise<KeyResolution[]> {
  const keyColumns = new Set(definition.naturalKeys.flatMap((naturalKey) => naturalKey.columns));
  const present = new Set([...keyColumns].filter((column) => rows.some((row) => column in row.key)));
  const plan = createImportPlan(definition, present);
  const results: KeyResolution[] = [];
  const recordset: Array<Record<string, NormalisedValue | number>> = [];
  for (const row of rows) {
    const values: Record<string, NormalisedValue | number> = { __row: row.rowNumber };
    const problems: FieldProblem[] = [];
    for (const column of plan.columns) {
      const read = coerceCell(column, row.key[column.name] ?? null);
      if (read.ok) values[column.name] = read.value;
      else problems.push({ table: definition.name, row: row.rowNumber, column: column.name, value: row.key[column.name] ?? '', message: read.message });
    }
    results.push({ rowNumber: row.rowNumber, id: null, problems });
    if (problems.length === 0) recordset.push(values);
  }
  if (plan.naturalKeys.length === 0 || recordset.length === 0) {
    for (const result of results) {
      if (result.problems.length === 0) {
        const needed = definition.naturalKeys[0]?.columns.join(' + ') ?? t('importRows.itsKey');
        result.problems.push({ table: definition.name, row: result.rowNumber, column: needed, message: t('importRows.deletionNeedsKey', { needed }) });
      }
    }
    return results;
  }
  const resolved = new Map((await resolveBatch(db, buildResolveSql(plan), recordset)).map((row) => [Number(row.__row), row]));
  for (const result of results) {
    const match = resolved.get(result.rowNumber);
    const id = plan.naturalKeys.map((_, index) => match?.[keyAlias(index)]).find((value): value is string => typeof value === 'string');
    result.id = id ?? null;
  }
  return results;
}

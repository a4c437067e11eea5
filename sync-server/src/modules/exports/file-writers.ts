import { findTableDefinition, type ColumnType } from '../../contract/index.js';
import { csvCell, writeCsvFile, type CsvCell } from './csv-writer.js';
import type { TableExport } from './table-export.service.js';
import { writeSheetsXlsx, type ExportSheet, type SheetColumn } from './xlsx-writer.js';

function columnTypes(exported: TableExport): Map<string, ColumnType> {
  const definition = findTableDefinition(exported.table);
  return new Map([...(definition?.columns ?? []), ...(definition?.computedColumns ?? [])].map((column) => [column.name, column.type]));
}

/**
 * A table export as a UTF-8 CSV file with a BOM (so that Excel shows Vietnamese correctly), in
 * template format (no labels), formulas neutralised; streamed row by row. Returns the rows written.
 */
export async function writeTableCsv(exported: TableExport, path: string): Promise<number> {
  const types = columnTypes(exported);
  let count = 0;
  async function* records(): AsyncGenerator<CsvCell[]> {
    yield exported.columns;
    for await (const row of exported.rows) {
      yield exported.columns.map((column) => csvCell(row[column], types.get(column)));
      count += 1;
    }
  }
  await writeCsvFile(path, records());
  return count;
}

/** A table export as a workbook tab: its template columns, each label right after its key. */
export function toExportSheet(exported: TableExport, name: string = exported.table): ExportSheet {
  const types = columnTypes(exported);
  const columns: SheetColumn[] = [];
  for (const column of exported.columns) {
    columns.push({ field: column, header: column, type: types.get(column) ?? 'text' });
    for (const label of exported.labels.filter((candidate) => candidate.column === column)) {
      columns.push({ field: label.field, header: '', type: 'text', isLabel: true });
    }
  }
  return { name, columns, rows: exported.rows };
}

/** One or more table exports as one workbook, one tab per table, streamed. Returns rows written per table. */
export async function writeTablesXlsx(exports: readonly TableExport[], path: string): Promise<Record<string, number>> {
  const counts = await writeSheetsXlsx(exports.map((exported) => toExportSheet(exported)), path);
  return Object.fromEntries(exports.map((exported, index) => [exported.table, counts[index] ?? 0]));
}

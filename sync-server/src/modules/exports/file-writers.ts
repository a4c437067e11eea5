import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { findTableDefinition, type ColumnType } from '../../contract/index.js';
import type { TableExport } from './table-export.service.js';

/** RFC 4180 quoting: only cells that need it are quoted. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: ReadonlyArray<string | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

async function writeChunk(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * A table export as a UTF-8 CSV file with a BOM (so that Excel shows Vietnamese correctly);
 * streamed row by row. Returns the number of rows written.
 */
export async function writeTableCsv(exported: TableExport, path: string): Promise<number> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  try {
    await writeChunk(stream, `\uFEFF${csvLine(exported.columns)}`);
    for await (const row of exported.rows) {
      await writeChunk(stream, csvLine(exported.columns.map((column) => row[column])));
      count += 1;
    }
  } finally {
    stream.end();
    await once(stream, 'close');
  }
  return count;
}

/** Numbers and yes/no as real cells, so that a sheet can sum and filter them. */
function xlsxValue(type: ColumnType | undefined, value: string | null | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (type === 'integer' || type === 'decimal' || type === 'money') {
    const number = Number(value);
    return Number.isFinite(number) && String(number) === value ? number : value;
  }
  if (type === 'boolean') return value === 'TRUE';
  return value;
}

/** One or more table exports as one workbook, one tab per table, streamed. Returns rows written per table. */
export async function writeTablesXlsx(exports: readonly TableExport[], path: string): Promise<Record<string, number>> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const counts: Record<string, number> = {};
  for (const exported of exports) {
    const definition = findTableDefinition(exported.table);
    const types = new Map(definition?.columns.map((column) => [column.name, column.type]));
    const sheet = workbook.addWorksheet(exported.table, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(exported.columns);
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for await (const row of exported.rows) {
      sheet.addRow(exported.columns.map((column) => xlsxValue(types.get(column), row[column]))).commit();
      count += 1;
    }
    sheet.commit();
    counts[exported.table] = count;
  }
  await workbook.commit();
  return counts;
}

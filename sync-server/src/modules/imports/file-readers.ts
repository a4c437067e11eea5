import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../contract/index.js';
import type { ImportRow } from './import.types.js';

/**
 * Streaming readers: a file is read as it goes, one parsed record at a time, so a
 * 100,000-row file is never held in memory. Both yield the header first (row 1), then rows.
 */
export type TabularRows = {
  header: string[];
  rows: AsyncIterable<ImportRow>;
};

export type ReadOptions = { onBytesRead?: (bytes: number) => void };

/** Semicolon-separated files come from Excel set to a Vietnamese locale; sniff the header line. */
async function detectDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const firstLine = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    const count = (mark: string) => firstLine.split(mark).length - 1;
    if (count(';') > count(',') && count(';') >= count('\t')) return ';';
    if (count('\t') > count(',')) return '\t';
    return ',';
  } finally {
    await handle.close();
  }
}

/** A UTF-8 CSV, with or without BOM; the header is its first record. */
export async function readCsvFile(path: string, options: ReadOptions = {}): Promise<TabularRows> {
  const delimiter = await detectDelimiter(path);
  const source = createReadStream(path);
  if (options.onBytesRead) {
    let bytes = 0;
    source.on('data', (chunk) => {
      bytes += chunk.length;
      options.onBytesRead?.(bytes);
    });
  }
  const parser = source.pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: false }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next();
  const header = first.done ? [] : first.value;
  async function* rows(): AsyncGenerator<ImportRow> {
    // Rows as a spreadsheet numbers them: the header is row 1.
    let rowNumber = 1;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      rowNumber += 1;
      const values: Record<string, CellValue> = {};
      header.forEach((name, index) => {
        values[name] = next.value[index] ?? null;
      });
      yield { rowNumber, values };
    }
  }
  return { header, rows: rows() };
}

type RichCell =
  | { richText: Array<{ text: string }> }
  | { text: string; hyperlink: string }
  | { formula: string; result?: unknown }
  | { sharedFormula: string; result?: unknown }
  | { error: string };

/** An ExcelJS cell value as a plain cell: rich text and links become text, formulas their result. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const rich = value as RichCell;
  if ('richText' in rich) return rich.richText.map((part) => part.text).join('');
  if ('hyperlink' in rich) return rich.text;
  if ('formula' in rich || 'sharedFormula' in rich) return toCellValue(rich.result);
  if ('error' in rich) return rich.error;
  return String(value);
}

type WorksheetReader = AsyncIterable<ExcelJS.Row> & { name?: string };

function openWorkbook(path: string, options: ReadOptions): AsyncIterable<WorksheetReader> {
  const stream = createReadStream(path);
  if (options.onBytesRead) {
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      options.onBytesRead?.(bytes);
    });
  }
  return new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  }) as unknown as AsyncIterable<WorksheetReader>;
}

/** The tab names of a workbook, in order (one streaming pass that skips every row). */
export async function listWorkbookTabs(path: string): Promise<string[]> {
  const names: string[] = [];
  for await (const worksheet of openWorkbook(path, {})) names.push(worksheet.name ?? `Sheet${names.length + 1}`);
  return names;
}

function rowCells(row: ExcelJS.Row): CellValue[] {
  const values = Array.isArray(row.values) ? row.values : [];
  // ExcelJS row values are 1-based: index 0 is always empty.
  return values.slice(1).map((value) => toCellValue(value));
}

/** One tab of a workbook; the header is its first row. */
export async function readXlsxTab(path: string, tabName: string, options: ReadOptions = {}): Promise<TabularRows> {
  const worksheets = openWorkbook(path, options)[Symbol.asyncIterator]();
  let rowsIterator: AsyncIterator<ExcelJS.Row> | undefined;
  for (;;) {
    const next = await worksheets.next();
    if (next.done) break;
    if ((next.value.name ?? '') === tabName) {
      rowsIterator = next.value[Symbol.asyncIterator]();
      break;
    }
  }
  if (!rowsIterator) return { header: [], rows: (async function* () {})() };
  const iterator = rowsIterator;
  const first = await iterator.next();
  const header = first.done ? [] : rowCells(first.value).map((cell) => (cell === null ? '' : String(cell)));
  async function* rows(): AsyncGenerator<ImportRow> {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        const cells = rowCells(next.value);
        const values: Record<string, CellValue> = {};
        header.forEach((name, index) => {
          if (name !== '') values[name] = cells[index] ?? null;
        });
        yield { rowNumber: next.value.number, values };
      }
    } finally {
      // Stop reading the rest of the workbook once this tab is done.
      await worksheets.return?.();
    }
  }
  return { header, rows: rows() };
}

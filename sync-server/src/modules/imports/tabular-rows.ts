import type { CellValue } from '../../contract/index.js';
import { readCellText, type CellTextContext } from './cell-text.js';
import { FILE_LIMITS, FileBudget } from './file-limits.js';
import type { ImportRow } from './import.types.js';

/**
 * Streaming readers: a file is read as it goes, one parsed record at a time, so a
 * 100,000-row file is never held in memory. Each gives the header (row 1) first, then rows.
 */
export type TabularRows = {
  header: string[];
  rows: AsyncIterable<ImportRow>;
};

export type ReadOptions = {
  onBytesRead?: (bytes: number) => void;
  /** How problems name the file ("creators.csv", "book.xlsx › creators"); the file name when absent. */
  fileLabel?: string;
};

/** One row of a workbook tab: cells by column index (0 = A), as the sheet numbers it. */
export type SheetRow = { rowNumber: number; cells: CellValue[] };

/**
 * How many columns a sheet reader keeps: the header row may use up to the limit, the rows
 * after it only the header's width (a note far to the right is not the table's and is never held).
 */
export type SheetWidth = { columns: number };

export function createSheetWidth(): SheetWidth {
  return { columns: FILE_LIMITS.columns };
}

/** The width of a header: up to its last named column. */
export function headerWidth(cells: readonly CellValue[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] === null || cells[width - 1] === undefined || String(cells[width - 1]).trim() === '')) width -= 1;
  return width;
}

/** A workbook tab's rows as the import reads them: the first row with data is the header. */
export async function toTabularRows(sheetRows: AsyncGenerator<SheetRow>, context: CellTextContext, width: SheetWidth, budget: FileBudget): Promise<TabularRows> {
  const first = await sheetRows.next();
  if (first.done) return { header: [], rows: (async function* () {})() };
  const headerRow = first.value;
  const columns = headerWidth(headerRow.cells);
  budget.checkHeaderWidth(columns);
  width.columns = columns;
  const header = Array.from({ length: columns }, (_, column) => {
    const cell = headerRow.cells[column];
    return cell === null || cell === undefined ? '' : readCellText(String(cell), context, headerRow.rowNumber, column, undefined).replace(/^\uFEFF/, '');
  });
  async function* rows(): AsyncGenerator<ImportRow> {
    for await (const row of sheetRows) {
      const values: Record<string, CellValue> = {};
      header.forEach((name, column) => {
        if (name === '') return;
        const cell = row.cells[column];
        values[name] = typeof cell === 'string' ? readCellText(cell, context, row.rowNumber, column, name) : (cell ?? null);
      });
      yield { rowNumber: row.rowNumber, values };
    }
  }
  return { header, rows: rows() };
}

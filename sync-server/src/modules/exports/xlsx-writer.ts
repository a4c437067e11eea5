/**
 * Workbooks a marketer can hand on as they are: typed cells (numbers, VND, real dates), columns
 * as wide as their content, the header frozen and filterable, names beside the keys, and A4
 * landscape one page wide when printed. Streamed row by row (ExcelJS's streaming writer), so a
 * 100,000-row export is never held in memory; only the first rows are held, to size the columns.
 */
import ExcelJS from 'exceljs';
import type { ColumnType } from '../../contract/index.js';
import type { TextRow } from './export.repository.js';

/** A column of an exported tab. */
export type SheetColumn = {
  /** The key of its value in a row. */
  field: string;
  /** The header cell; a label column has none (see `isLabel`). */
  header: string;
  type: ColumnType;
  /**
   * A name beside the key before it (the brand's name beside brand_code). Its header cell is
   * merged into the key's and left empty, and the import skips a column without a header, so
   * the workbook still imports back unchanged.
   */
  isLabel?: boolean;
};

export type ExportSheet = { name: string; columns: readonly SheetColumn[]; rows: AsyncIterable<TextRow> | Iterable<TextRow> };

/** Number formats as Excel and LibreOffice name them. VND has no minor unit. */
export const XLSX_FORMATS = {
  vnd: '#,##0 ₫',
  otherMoney: '#,##0.00',
  exchangeRate: '#,##0.00####',
  integer: '#,##0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm:ss',
} as const;

/** Columns are sized to the longest value of the first rows, within these bounds (in characters). */
export const COLUMN_WIDTH = { min: 6, max: 60, sampleRows: 1000 } as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAED' } };
// The font is named: without a name LibreOffice falls back to a serif for the styled cells.
const BODY_FONT = { name: 'Calibri', size: 11 } as const;
const HEADER_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
const LABEL_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, italic: true, color: { argb: 'FF5F6368' } };
// Figures and dates sit right, one indent off the border, so they never touch the text of the next column.
const FIGURE_ALIGNMENT: Partial<ExcelJS.Alignment> = { horizontal: 'right', indent: 1 };
const FIGURE_TYPES: ReadonlySet<ColumnType> = new Set(['integer', 'decimal', 'money', 'date', 'datetime']);

/** A4 landscape, every column on one page wide, as many pages down as it takes, the header on each. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

type XlsxCell = { value: string | number | boolean | Date | null; numFmt?: string };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * A date as Excel holds it: the wall-clock day or time as if it were UTC (the export writes
 * instants in Vietnam time, and the import reads a date cell back as Vietnam time). Before 1900
 * Excel has no serial number, so such a value stays text.
 */
function toSheetDate(value: string, pattern: RegExp): Date | undefined {
  const parts = pattern.exec(value);
  if (!parts || Number(parts[1]) < 1900) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.slice(1).map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second));
}

/** A plain number as a number; anything else (an out-of-range figure written out in full) as the text it is. */
function toNumber(value: string): number | undefined {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) && String(number) === value ? number : undefined;
}

/**
 * Money is VND unless the row says otherwise: payments and bookings carry a `currency`; an
 * `amount_vnd` is VND whatever it says (the tenant's base currency: VND unless it chose another).
 * `exchange_rate` and `rate_to_base` are typed money for their precision but are rates.
 */
function moneyFormat(field: string, row: TextRow): string {
  if (field === 'exchange_rate' || field === 'rate_to_base') return XLSX_FORMATS.exchangeRate;
  if (field.endsWith('_vnd')) return XLSX_FORMATS.vnd;
  const currency = row.currency?.trim().toUpperCase();
  return !currency || currency === 'VND' ? XLSX_FORMATS.vnd : XLSX_FORMATS.otherMoney;
}

function toXlsxCell(column: SheetColumn, row: TextRow): XlsxCell {
  const value = row[column.field];
  if (value === null || value === undefined) return { value: null };
  switch (column.type) {
    case 'integer': {
      const number = toNumber(value);
      return number === undefined ? { value } : { value: number, numFmt: XLSX_FORMATS.integer };
    }
    case 'decimal':
      return { value: toNumber(value) ?? value };
    case 'money': {
      const number = toNumber(value);
      return number === undefined ? { value } : { value: number, numFmt: moneyFormat(column.field, row) };
    }
    case 'date': {
      const date = toSheetDate(value, datePattern);
      return date ? { value: date, numFmt: XLSX_FORMATS.date } : { value };
    }
    case 'datetime': {
      const date = toSheetDate(value, dateTimePattern);
      return date ? { value: date, numFmt: XLSX_FORMATS.datetime } : { value };
    }
    case 'boolean':
      return { value: value === 'TRUE' };
    default:
      return { value };
  }
}

const groupedNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** About how many characters the cell shows, to size its column. */
function shownLength(cell: XlsxCell): number {
  const { value, numFmt } = cell;
  if (value === null) return 0;
  if (value instanceof Date) return numFmt === XLSX_FORMATS.datetime ? 21 : 12;
  if (typeof value === 'boolean') return 5;
  // A right-aligned figure needs a little air before the text of the next column.
  if (typeof value === 'number') return groupedNumber.format(value).length + (numFmt === XLSX_FORMATS.vnd ? 6 : 3);
  // Without wrapping, a sheet shows a text's lines side by side.
  return value.length;
}

function columnWidth(column: SheetColumn, cells: readonly XlsxCell[]): number {
  // The header is bold and carries the filter button: a little wider than its text.
  const longest = Math.max(column.isLabel ? 0 : column.header.length + 3, ...cells.map(shownLength));
  return Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, longest + 2));
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExportSheet): Promise<number> {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }], pageSetup: PAGE_SETUP });
  const rows = (async function* () {
    yield* sheet.rows;
  })();

  // The widths go at the top of the sheet's XML, before any row: the first rows are held to measure them.
  const sample: XlsxCell[][] = [];
  for (let next = await rows.next(); ; next = await rows.next()) {
    if (next.done) break;
    sample.push(sheet.columns.map((column) => toXlsxCell(column, next.value)));
    if (sample.length >= COLUMN_WIDTH.sampleRows) break;
  }
  worksheet.columns = sheet.columns.map((column, index) => ({ width: columnWidth(column, sample.map((cells) => cells[index]!)) }));

  const header = worksheet.addRow(sheet.columns.map((column) => (column.isLabel ? null : column.header)));
  header.font = HEADER_FONT;
  header.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.fill = HEADER_FILL;
    if (FIGURE_TYPES.has(sheet.columns[column - 1]!.type)) cell.alignment = FIGURE_ALIGNMENT;
  });
  sheet.columns.forEach((column, index) => {
    if (column.isLabel && index > 0) worksheet.mergeCells(1, index, 1, index + 1);
  });
  header.commit();

  const addRow = (cells: readonly XlsxCell[]) => {
    const row = worksheet.addRow(cells.map((cell) => cell.value));
    cells.forEach((cell, index) => {
      if (cell.numFmt) row.getCell(index + 1).numFmt = cell.numFmt;
      if (typeof cell.value === 'number' || cell.value instanceof Date) row.getCell(index + 1).alignment = FIGURE_ALIGNMENT;
      if (sheet.columns[index]!.isLabel) row.getCell(index + 1).font = LABEL_FONT;
    });
    row.commit();
  };
  for (const cells of sample) addRow(cells);
  let count = sample.length;
  for await (const row of rows) {
    addRow(sheet.columns.map((column) => toXlsxCell(column, row)));
    count += 1;
  }
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: Math.max(1, sheet.columns.length) } };
  worksheet.commit();
  return count;
}

/** 1 → "A", 27 → "AA". */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The tabs as one workbook, in order. Returns the rows written per tab. */
export async function writeSheetsXlsx(sheets: readonly ExportSheet[], path: string): Promise<number[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const counts: number[] = [];
  for (const sheet of sheets) counts.push(await writeSheet(workbook, sheet));
  // LibreOffice shows a sheet's autofilter only when the workbook also names its range
  // _xlnm._FilterDatabase (Excel writes that name; ExcelJS does not). ExcelJS's own defined names
  // hold every cell of a range one by one and have no sheet scope, so the names are given whole.
  const filterNames = sheets.map((sheet, index) => ({
    name: '_xlnm._FilterDatabase',
    ranges: [`'${sheet.name.replace(/'/g, "''")}'!$A$1:$${columnLetters(Math.max(1, sheet.columns.length))}$${(counts[index] ?? 0) + 1}`],
    localSheetId: index,
  }));
  Object.defineProperty(workbook.definedNames, 'model', { value: filterNames });
  await workbook.commit();
  return counts;
}

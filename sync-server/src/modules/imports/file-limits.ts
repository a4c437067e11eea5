import { AppError } from '../../platform/errors/app-error.js';

/**
 * How much one imported file may hold. Far above what a team's real files hold (the largest
 * benchmark file is 100,000 rows of 10 columns), low enough that a hostile or broken file (a
 * 512 KB XLSX that unpacks to 2,000,000 distinct texts) is refused in a second instead of
 * taking minutes and a gigabyte. The one place these numbers live; docs/import-export.md
 * quotes them.
 */
export const FILE_LIMITS = {
  /** Rows with data per CSV file or workbook tab (Excel itself stops at 1,048,576). */
  rows: 1_000_000,
  /** Columns of the header (the widest import table has fewer than 40). */
  columns: 200,
  /** Cells per CSV file or workbook tab, e.g. 500,000 rows of 20 columns. */
  cells: 10_000_000,
  /** Distinct texts of an XLSX workbook (its shared strings). */
  sharedStrings: 1_000_000,
  /** Characters of those distinct texts together. */
  sharedStringCharacters: 20_000_000,
  /** Characters in one cell: Excel's own limit. */
  cellCharacters: 32_767,
  /** Characters in one CSV record: only a quote that is never closed makes one this long. */
  csvRecordCharacters: 1_000_000,
} as const;

export type FileLimitName = keyof typeof FILE_LIMITS;

const limitUnits: Record<FileLimitName, string> = {
  rows: 'rows',
  columns: 'columns',
  cells: 'cells',
  sharedStrings: 'distinct texts per workbook',
  sharedStringCharacters: 'characters of distinct texts per workbook',
  cellCharacters: 'characters per cell',
  csvRecordCharacters: 'characters per row',
};

const thousands = new Intl.NumberFormat('en-US');

/** 2000000 → "2,000,000": counts in messages are read by people. */
export function formatCount(count: number): string {
  return thousands.format(count);
}

/** A file past one of the limits: refused before (or while) it is read, with what to do about it. */
export function fileLimitError(fileLabel: string, what: string, found: number | string, limit: FileLimitName, advice = 'split it into smaller files'): AppError {
  const foundText = typeof found === 'number' ? formatCount(found) : found;
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'FILE_LIMIT_EXCEEDED',
    userMessage: `${fileLabel} has ${foundText} ${what}; the limit is ${formatCount(FILE_LIMITS[limit])} ${limitUnits[limit]}. Nothing was imported: ${advice}.`,
    problems: [{ table: fileLabel, value: found, message: `${foundText} ${what}; the limit is ${formatCount(FILE_LIMITS[limit])} ${limitUnits[limit]}` }],
  });
}

/**
 * Counts what a reader has read of one file or tab and refuses it as soon as it passes a
 * limit, so a file is never read to its end only to be refused.
 */
export class FileBudget {
  private rows = 0;
  private cells = 0;

  constructor(private readonly fileLabel: string) {}

  /** Rows with data (a run of repeated rows counts each). */
  countRows(count = 1): void {
    this.rows += count;
    if (this.rows > FILE_LIMITS.rows) throw fileLimitError(this.fileLabel, 'rows', `more than ${formatCount(FILE_LIMITS.rows)}`, 'rows');
  }

  /** Cells read, empty or not (an empty cell still costs reading). */
  countCells(count: number): void {
    this.cells += count;
    if (this.cells > FILE_LIMITS.cells) throw fileLimitError(this.fileLabel, 'cells', `more than ${formatCount(FILE_LIMITS.cells)}`, 'cells');
  }

  checkHeaderWidth(columns: number): void {
    if (columns > FILE_LIMITS.columns) throw fileLimitError(this.fileLabel, 'columns in its header', columns, 'columns', 'remove the columns the import does not need');
  }
}

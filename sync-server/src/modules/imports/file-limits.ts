import { formatNumber, getCurrentLanguage, t, type MessageKey } from '../../contract/i18n/translate.js';
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

const limitUnits: Record<FileLimitName, MessageKey> = {
  rows: 'importFile.unit.rows',
  columns: 'importFile.unit.columns',
  cells: 'importFile.unit.cells',
  sharedStrings: 'importFile.unit.sharedStrings',
  sharedStringCharacters: 'importFile.unit.sharedStringCharacters',
  cellCharacters: 'importFile.unit.cellCharacters',
  csvRecordCharacters: 'importFile.unit.csvRecordCharacters',
};

/** What a file has too many of, as the refusal counts it. */
export type FoundKind = 'rows' | 'cells' | 'headerColumns' | 'lines' | 'distinctTexts' | 'distinctTextCharacters' | 'lastUsedRow';

/** What to do about a file past a limit. */
export type LimitAdvice = 'split' | 'removeColumns' | 'splitWorkbook' | 'deleteEmptyRows';

/** 2000000 → "2,000,000" (en), "2.000.000" (vi): counts in messages are read by people, in their language. */
export function formatCount(count: number): string {
  return formatNumber(getCurrentLanguage(), count);
}

/** "more than 1,000,000": a count a reader stopped at. */
export function moreThan(count: number): { moreThan: number } {
  return { moreThan: count };
}

/** A file past one of the limits: refused before (or while) it is read, with what to do about it. */
export function fileLimitError(fileLabel: string, what: FoundKind, found: number | { moreThan: number }, limit: FileLimitName, advice: LimitAdvice = 'split'): AppError {
  const foundText = typeof found === 'number' ? formatCount(found) : t('importFile.moreThan', { count: formatCount(found.moreThan) });
  const params = { found: foundText, what: t(`importFile.found.${what}`), limit: formatCount(FILE_LIMITS[limit]), unit: t(limitUnits[limit]) };
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'FILE_LIMIT_EXCEEDED',
    userMessage: t('importFile.limitExceeded', { file: fileLabel, ...params, advice: t(`importFile.advice.${advice}`) }),
    problems: [{ table: fileLabel, value: typeof found === 'number' ? found : foundText, message: t('importFile.limitExceededShort', params) }],
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
    if (this.rows > FILE_LIMITS.rows) throw fileLimitError(this.fileLabel, 'rows', moreThan(FILE_LIMITS.rows), 'rows');
  }

  /** Cells read, empty or not (an empty cell still costs reading). */
  countCells(count: number): void {
    this.cells += count;
    if (this.cells > FILE_LIMITS.cells) throw fileLimitError(this.fileLabel, 'cells', moreThan(FILE_LIMITS.cells), 'cells');
  }

  checkHeaderWidth(columns: number): void {
    if (columns > FILE_LIMITS.columns) throw fileLimitError(this.fileLabel, 'headerColumns', columns, 'columns', 'removeColumns');
  }
}

import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { CellValue } from '../../contract/index.js';
import { t, type MessageKey } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { cellError, columnLetter, readCellText, type CellTextContext } from './cell-text.js';
import { FILE_LIMITS, FileBudget, fileLimitError, formatCount } from './file-limits.js';
import type { ImportRow } from './import.types.js';
import { headerWidth, type ReadOptions, type TabularRows } from './tabular-rows.js';
import { createDecodeStream, decodeHead, detectFileEncoding, readHead } from './text-decoding.js';
import { removeFormulaGuard } from '../../platform/text/formula-guard.js';

type Separator = ',' | ';' | '\t';

const separatorNames: Record<Separator, MessageKey> = { ',': 'importFile.separator.comma', ';': 'importFile.separator.semicolon', '\t': 'importFile.separator.tab' };

/**
 * The separator, sniffed from the header line (outside quotes): Excel set to a Vietnamese
 * locale writes `;`, "Unicode Text" (.txt) writes tabs, everything else `,`.
 */
export function detectSeparator(text: string): Separator {
  let firstLine = '';
  let isQuoted = false;
  for (const character of text) {
    if (character === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (character === '\n' || character === '\r')) break;
    if (!isQuoted) firstLine += character;
  }
  const count = (mark: string) => firstLine.split(mark).length - 1;
  if (count(';') > count(',') && count(';') >= count('\t')) return ';';
  if (count('\t') > count(',')) return '\t';
  return ',';
}

function readFirstLine(text: string, separator: Separator): string[] {
  try {
    const [first] = parseSync(text, { delimiter: separator, to_line: 1, relax_column_count: true, relax_quotes: true }) as string[][];
    return first ?? [];
  } catch {
    return [];
  }
}

/** An empty line: csv-parse gives it as one empty cell. */
function isEmptyRecord(record: readonly string[]): boolean {
  return record.length === 1 && record[0] === '';
}

type CsvErrorContext = Partial<Pick<Info, 'records' | 'empty_lines'>> & { index?: number; field?: string; record?: string[] };

/**
 * csv-parse's error, as the sheet shows it: the row as numbered with the header as row 1 (empty
 * lines count, as they are rows in Excel), the column by letter and header, and what to do.
 */
export function describeCsvError(error: CsvError, fileLabel: string, header: readonly string[], separator: Separator): AppError {
  const context = error as unknown as CsvErrorContext;
  const row = (context.records ?? 0) + (context.empty_lines ?? 0) + 1;
  const column = context.index ?? 0;
  const name = row === 1 ? undefined : header[column];
  const refuse = (value: unknown, message: string) => cellError('MALFORMED_CSV', fileLabel, row, column, name, value, `${message} ${t('importFile.nothingImported')}`);
  const quoting = t('importFile.csvQuoting');
  const separatorName = t(separatorNames[separator]);
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return refuse(`${context.field ?? ''}…`, t('importFile.csvOpeningQuote', { quoting }));
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return refuse(context.field, t('importFile.csvClosingQuote', { quoting }));
    case 'CSV_QUOTE_NOT_CLOSED':
      return refuse(context.field, t('importFile.csvQuoteNotClosed', { quoting }));
    case 'CSV_MAX_RECORD_SIZE':
      return refuse(undefined, t('importFile.csvRecordTooLong', { limit: formatCount(FILE_LIMITS.csvRecordCharacters), quoting }));
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return refuse(
        undefined,
        context.record
          ? t('importFile.csvCellCount', { cells: formatCount(context.record.length), headerCells: formatCount(header.length), separator: separatorName })
          : t('importFile.csvCellCountUnknown', { headerCells: formatCount(header.length), separator: separatorName }),
      );
    default:
      return new AppError({
        code: 'VALIDATION_FAILED',
        reason: 'MALFORMED_CSV',
        userMessage: t('importFile.csvUnreadableRow', { file: fileLabel, row: String(row) }),
        internalMessage: error.message,
        problems: [{ table: fileLabel, row, message: t('importFile.csvUnreadableRowShort') }],
        cause: error,
      });
  }
}

/**
 * A CSV or text file (.csv, .txt) as Excel, Google Sheets or LibreOffice save it: its encoding
 * detected (UTF-8 with or without BOM, UTF-16, Windows-1258, Windows-1252; anything else
 * refused), its separator sniffed; the header is its first record.
 */
export async function readCsvFile(path: string, options: ReadOptions = {}): Promise<TabularRows> {
  const fileLabel = options.fileLabel ?? basename(path);
  const encoding = await detectFileEncoding(path, fileLabel);
  // Refused before a row is read: the lines (the header and a final line break aside) bound the rows.
  if (encoding.lineBreaks > FILE_LIMITS.rows + 1) throw fileLimitError(fileLabel, 'lines', encoding.lineBreaks, 'rows');
  const headText = decodeHead(await readHead(path), encoding.name);
  const separator = detectSeparator(headText);
  // The parser reads ahead: an error in row 2 can arrive before the header record does, so errors name columns from the first line.
  const headerHint = readFirstLine(headText, separator);
  const context: CellTextContext = { fileLabel, encodingLabel: encoding.label };
  const budget = new FileBudget(fileLabel);

  const source = createReadStream(path);
  if (options.onBytesRead) {
    let bytes = 0;
    source.on('data', (chunk) => {
      bytes += chunk.length;
      options.onBytesRead?.(bytes);
    });
  }
  // Empty lines are kept (as a record of one empty cell) rather than skipped, so counting records
  // numbers rows as the sheet does; csv-parse's `info` would tell the same at twice the cost.
  const parser = parse({ delimiter: separator, relax_column_count: true, skip_empty_lines: false, trim: false, max_record_size: FILE_LIMITS.csvRecordCharacters });
  // pipeline, not pipe: a read or decode error ends the parser with that error instead of leaving it waiting.
  pipeline(source, createDecodeStream(encoding.name), parser, () => {});
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let header: string[] = [];
  const next = async () => {
    try {
      return await iterator.next();
    } catch (error) {
      parser.destroy();
      throw error instanceof CsvError ? describeCsvError(error, fileLabel, header.length ? header : headerHint, separator) : error;
    }
  };

  // Rows as a spreadsheet numbers them: the header is row 1, and an empty line is a row.
  let rowNumber = 0;
  let first = await next();
  for (; !first.done; first = await next()) {
    rowNumber += 1;
    if (!isEmptyRecord(first.value)) break;
  }
  if (!first.done) {
    budget.checkHeaderWidth(headerWidth(first.value));
    header = first.value.map((name, column) => readCellText(name, context, rowNumber, column, undefined).replace(/^\uFEFF/, ''));
  }
  async function* rows(): AsyncGenerator<ImportRow> {
    try {
      for (;;) {
        const record = await next();
        if (record.done) return;
        rowNumber += 1;
        const cells = record.value;
        if (isEmptyRecord(cells)) continue;
        budget.countRows();
        budget.countCells(cells.length);
        for (let column = header.length; column < cells.length; column += 1) {
          if (cells[column]!.trim() !== '') {
            const message = t('importFile.csvPastLastColumn', { letter: columnLetter(header.length - 1), count: header.length, separator: t(separatorNames[separator]) });
            throw cellError('MALFORMED_CSV', fileLabel, rowNumber, column, undefined, cells[column], message);
          }
        }
        const values: Record<string, CellValue> = {};
        header.forEach((name, column) => {
          const cell = cells[column];
          values[name] = cell === undefined ? null : removeFormulaGuard(readCellText(cell, context, rowNumber, column, name));
        });
        yield { rowNumber, values };
      }
    } finally {
      parser.destroy();
    }
  }
  return { header, rows: rows() };
}

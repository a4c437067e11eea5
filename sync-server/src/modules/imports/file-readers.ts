import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import JSZip from 'jszip';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import { FileBudget } from './file-limits.js';
import { ODS_MIME_TYPE, readOdsIndex, streamOdsRows, type OdsIndex } from './ods-reader.js';
import { createSheetWidth, toTabularRows, type ReadOptions, type TabularRows } from './tabular-rows.js';
import { readSharedStrings, readXlsxIndex, streamXlsxRows, type XlsxIndex } from './xlsx-reader.js';

/**
 * The one place files become rows, for `npm run import` and the upload alike: CSV and text
 * files (csv-reader.ts), XLSX workbooks (xlsx-reader.ts) and OpenDocument workbooks
 * (ods-reader.ts). Every reader streams, keeps within FILE_LIMITS and refuses a file it can't
 * read faithfully with an AppError in plain words; nothing is ever guessed.
 */
export { readCsvFile } from './csv-reader.js';
export type { ReadOptions, TabularRows } from './tabular-rows.js';

/** What a file is read as: delimited text, or a workbook with tabs. */
export type SpreadsheetKind = 'csv' | 'xlsx';

const kindByExtension: Record<string, SpreadsheetKind> = {
  '.csv': 'csv',
  // Excel's "Unicode Text" and "Text (Tab delimited)" are .txt files; .tsv is the same thing.
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.ods': 'xlsx',
};

/** The extensions the import reads, for messages. */
export const SUPPORTED_EXTENSIONS = Object.keys(kindByExtension);

/** "02_creators.ods" → "02_creators": a file's name without the extension the import reads. */
export function stripSpreadsheetExtension(name: string): string {
  const extension = extname(name).toLowerCase();
  return extension in kindByExtension ? name.slice(0, -extension.length) : name;
}

/**
 * How a file is read, from its extension; `format` ('csv' or 'xlsx', the CLI's --format) reads
 * a file of another name as that. Undefined for a file the import does not read.
 */
export function spreadsheetKindOf(path: string, format: 'auto' | SpreadsheetKind = 'auto'): SpreadsheetKind | undefined {
  const kind = kindByExtension[extname(path).toLowerCase()];
  if (format === 'auto') return kind;
  return kind === undefined || kind === format ? format : undefined;
}

const otherFormats: Record<string, string> = {
  '.xls': 'an Excel 97–2003 workbook (.xls); open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited)"',
  '.numbers': 'a Numbers file; in Numbers choose File › Export To › CSV (Unicode UTF-8) or Excel',
  '.gsheet': 'a link to a Google Sheet, not its data; in Google Sheets choose File › Download › Microsoft Excel (.xlsx) or CSV',
};

/**
 * A file of a kind the import does not read: a usage error (the CLI exits 2), with reason
 * UNSUPPORTED_FILE, saying which files are read and how to save one.
 */
export function unsupportedFileError(fileName: string): AppError {
  const name = basename(fileName);
  const what = otherFormats[extname(name).toLowerCase()] ?? 'not a file the import reads';
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'UNSUPPORTED_FILE',
    userMessage: `${name} is ${what}. The import reads CSV and text files (.csv, .txt, .tsv), Excel workbooks (.xlsx) and LibreOffice workbooks (.ods).`,
    problems: [{ table: name, value: extname(name) || name, message: `${name} is not a .csv, .txt, .tsv, .xlsx or .ods file` }],
  });
}

/** Throws unsupportedFileError unless the import reads this file. */
export function assertSupportedFile(path: string, format: 'auto' | SpreadsheetKind = 'auto'): SpreadsheetKind {
  const kind = spreadsheetKindOf(path, format);
  if (!kind) throw unsupportedFileError(path);
  return kind;
}

function unreadableWorkbook(fileLabel: string, why: string, cause?: unknown): AppError {
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'UNREADABLE_FILE',
    userMessage: `${fileLabel} can't be read as a workbook: ${why}. Nothing was imported.`,
    internalMessage: cause instanceof Error ? `${fileLabel}: ${cause.message}` : undefined,
    problems: [{ table: fileLabel, message: why }],
    cause,
  });
}

type WorkbookIndex = XlsxIndex | OdsIndex;

/** The workbook's zip, recognised by what it holds (an .xlsx and an .ods are both zips). */
async function readWorkbookIndex(path: string): Promise<WorkbookIndex> {
  const fileLabel = basename(path);
  const handle = await open(path, 'r');
  const magic = Buffer.alloc(4);
  try {
    await handle.read(magic, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw unreadableWorkbook(fileLabel, 'it is an Excel 97–2003 workbook (.xls) or a workbook with a password; save it in Excel as "Excel Workbook (.xlsx)" without a password');
  }
  if (!magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw unreadableWorkbook(fileLabel, 'it is not an .xlsx or .ods file (those are zip archives); save it again from Excel or LibreOffice');
  const bytes = await readFile(path);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw unreadableWorkbook(fileLabel, 'the file is damaged or cut short; save it again from Excel or LibreOffice', error);
  }
  try {
    if (zip.file('xl/workbook.xml')) return await readXlsxIndex(zip, bytes.length);
    const mimeType = ((await zip.file('mimetype')?.async('string')) ?? '').trim();
    if (zip.file('content.xml') && (mimeType === '' || mimeType.startsWith(ODS_MIME_TYPE))) return await readOdsIndex(zip, bytes.length);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw unreadableWorkbook(fileLabel, 'its contents are damaged; save it again from Excel or LibreOffice', error);
  }
  throw unreadableWorkbook(fileLabel, 'it is a zip archive but neither an Excel (.xlsx) nor a LibreOffice (.ods) workbook');
}

/** The tab names of a workbook (.xlsx or .ods), in workbook order. */
export async function listWorkbookTabs(path: string): Promise<string[]> {
  return (await readWorkbookIndex(path)).tabs.map((tab) => tab.name);
}

/** One tab of a workbook (.xlsx or .ods); the header is its first row with data. Empty when the tab does not exist. */
export async function readXlsxTab(path: string, tabName: string, options: ReadOptions = {}): Promise<TabularRows> {
  const fileLabel = options.fileLabel ?? `${basename(path)} › ${tabName}`;
  const index = await readWorkbookIndex(path);
  if (!index.tabs.some((tab) => tab.name === tabName)) return { header: [], rows: (async function* () {})() };
  const budget = new FileBudget(fileLabel);
  const width = createSheetWidth();
  const readContext = { fileLabel, budget, width, onBytesRead: options.onBytesRead };
  try {
    let sheetRows;
    if (index.kind === 'ods') sheetRows = streamOdsRows(index, tabName, readContext);
    else {
      const sharedStrings = await readSharedStrings(index, basename(path));
      sheetRows = streamXlsxRows(index, index.tabs.find((tab) => tab.name === tabName)!.entry, sharedStrings, readContext);
    }
    const tabular = await toTabularRows(sheetRows, { fileLabel }, width, budget);
    return { header: tabular.header, rows: withReadErrors(tabular.rows, fileLabel) };
  } catch (error) {
    throw toReadError(error, fileLabel);
  }
}

function toReadError(error: unknown, fileLabel: string): unknown {
  if (isAppError(error)) return error;
  // saxes: "3:15: unexpected end" and the like; the user needs to know the file is damaged, not where the parser stopped.
  return unreadableWorkbook(fileLabel, 'its contents are damaged (or protected with a password); save it again from Excel or LibreOffice', error);
}

async function* withReadErrors<T>(rows: AsyncIterable<T>, fileLabel: string): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (error) {
    throw toReadError(error, fileLabel);
  }
}

import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import JSZip from 'jszip';
import { t, type MessageKey } from '../../contract/i18n/translate.js';
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

const otherFormats: Record<string, MessageKey> = {
  '.xls': 'importFile.unsupported.xls',
  '.numbers': 'importFile.unsupported.numbers',
  '.gsheet': 'importFile.unsupported.gsheet',
};

/**
 * A file of a kind the import does not read: a usage error (the CLI exits 2), with reason
 * UNSUPPORTED_FILE, saying which files are read and how to save one.
 */
export function unsupportedFileError(fileName: string): AppError {
  const name = basename(fileName);
  const what = t(otherFormats[extname(name).toLowerCase()] ?? 'importFile.unsupported.other', { name });
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'UNSUPPORTED_FILE',
    userMessage: `${what} ${t('importFile.readsThese')}`,
    problems: [{ table: name, value: extname(name) || name, message: t('importFile.unsupportedShort', { name }) }],
  });
}

/** Throws unsupportedFileError unless the import reads this file. */
export function assertSupportedFile(path: string, format: 'auto' | SpreadsheetKind = 'auto'): SpreadsheetKind {
  const kind = spreadsheetKindOf(path, format);
  if (!kind) throw unsupportedFileError(path);
  return kind;
}

type WorkbookTrouble = 'xlsOrPassword' | 'notZip' | 'cutShort' | 'damaged' | 'otherZip' | 'damagedOrProtected';

function unreadableWorkbook(fileLabel: string, trouble: WorkbookTrouble, cause?: unknown): AppError {
  const why = t(`importFile.workbook.${trouble}`);
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'UNREADABLE_FILE',
    userMessage: t('importFile.unreadableWorkbook', { file: fileLabel, why }),
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
    throw unreadableWorkbook(fileLabel, 'xlsOrPassword');
  }
  if (!magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw unreadableWorkbook(fileLabel, 'notZip');
  const bytes = await readFile(path);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw unreadableWorkbook(fileLabel, 'cutShort', error);
  }
  try {
    if (zip.file('xl/workbook.xml')) return await readXlsxIndex(zip, bytes.length);
    const mimeType = ((await zip.file('mimetype')?.async('string')) ?? '').trim();
    if (zip.file('content.xml') && (mimeType === '' || mimeType.startsWith(ODS_MIME_TYPE))) return await readOdsIndex(zip, bytes.length);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw unreadableWorkbook(fileLabel, 'damaged', error);
  }
  throw unreadableWorkbook(fileLabel, 'otherZip');
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
  return unreadableWorkbook(fileLabel, 'damagedOrProtected', error);
}

async function* withReadErrors<T>(rows: AsyncIterable<T>, fileLabel: string): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (error) {
    throw toReadError(error, fileLabel);
  }
}

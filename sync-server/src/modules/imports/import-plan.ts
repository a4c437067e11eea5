/**
 * What importing a path means, before anything is read or the database is opened: which file
 * (or workbook tab) gives which table. Kept apart from the import itself so that `npm run import`
 * refuses a wrong command in a second, without loading the write door.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findTableDefinition, tableDefinitions, type TableName } from '../../contract/index.js';
import { LOCALE_TAG } from '../../contract/i18n/languages.js';
import { getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import { AppError, isAppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { assertSupportedFile, listWorkbookTabs, spreadsheetKindOf, stripSpreadsheetExtension, unsupportedFileError } from './file-readers.js';
import { normaliseHeader } from './header-names.js';

export type FileFormat = 'auto' | 'csv' | 'xlsx';

/** One table's rows in one file: a CSV file, or one tab of a workbook. */
export type ImportSourceFile = {
  table: TableName;
  path: string;
  kind: 'csv' | 'xlsx';
  /** The workbook tab, for XLSX. */
  tabName?: string;
  /** How reports name it: "creators.csv" or "booking_center.xlsx › creators". */
  label: string;
  sizeBytes: number;
};

export type ImportPlanForPath = {
  sources: ImportSourceFile[];
  /** Files and tabs that match no table: reported, never silently skipped. */
  problems: FieldProblem[];
};

const tableOrder = new Map<string, number>(tableDefinitions.map((definition, index) => [definition.name, index]));

/**
 * "03_Creators.csv", "creators", "Creators " → creators; undefined when it names no table. Names
 * are read as headers are: any case, spaces or hyphens for underscores.
 */
export function tableFromName(name: string): TableName | undefined {
  const stem = normaliseHeader(stripSpreadsheetExtension(name)).replace(/^\d+[_.]?/, '');
  return findTableDefinition(stem)?.name;
}

/** The import tables, for messages: "brands, products, …, payments". */
export function listImportTables(): string {
  return tableDefinitions.map((definition) => definition.name).join(', ');
}

/**
 * Errors about what the command was asked to do rather than about the data in a file: no such
 * path, a file the import does not read, an unknown table, a folder that gives a table twice.
 * The CLI exits with 2 for them (its usage errors); nothing was read or written.
 */
const usageReasons = new Set(['PATH_NOT_FOUND', 'UNSUPPORTED_FILE', 'UNKNOWN_TABLE', 'TABLE_NEEDS_ONE_FILE', 'TAB_NOT_FOUND', 'TABLE_GIVEN_TWICE']);

export function isImportUsageError(error: unknown): error is AppError {
  return isAppError(error) && error.reason !== undefined && usageReasons.has(error.reason);
}

function usageError(reason: string, userMessage: string, problems: FieldProblem[] = []): AppError {
  return new AppError({ code: reason === 'PATH_NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION_FAILED', reason, userMessage, problems });
}

/** "a and b", "a, b and c" ("a, b và c") in the current language. */
export function listInWords(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(LOCALE_TAG[getCurrentLanguage()], { type }).format(items);
}

export type PlanOptions = {
  format?: FileFormat;
  /** The table the one file holds, whatever its name says (`--table`): for "export (3).csv". */
  table?: string;
};

/**
 * What importing a path means: the files of a folder (or the one file), each CSV named after
 * its table, each workbook tab named after its table, sorted in dependency order. Each table
 * comes from one file: a folder that gives a table twice is refused before anything is read.
 */
export async function planImportPath(path: string, formatOrOptions: FileFormat | PlanOptions = 'auto'): Promise<ImportPlanForPath> {
  const { format = 'auto', table } = typeof formatOrOptions === 'string' ? { format: formatOrOptions } : formatOrOptions;
  let info;
  try {
    info = await stat(path);
  } catch {
    throw usageError('PATH_NOT_FOUND', t('importFile.pathNotFound', { path }), [{ table: basename(path), value: path, message: t('importFile.pathNotFoundShort') }]);
  }
  if (table !== undefined) {
    const definition = findTableDefinition(table);
    if (!definition) throw usageError('UNKNOWN_TABLE', t('importFile.noSuchTable', { table, tables: listImportTables() }), [{ value: table, message: t('importFile.notAnImportTable', { table }) }]);
    if (info.isDirectory()) throw usageError('TABLE_NEEDS_ONE_FILE', t('importFile.tableNeedsOneFile', { path }));
    return { sources: [await planFileAsTable(path, assertSupportedFile(path, format), definition.name, info.size)], problems: [] };
  }
  const files = info.isDirectory()
    ? (await readdir(path)).filter((name) => !name.startsWith('.') && !name.startsWith('~$')).sort().map((name) => join(path, name))
    : [path];
  const sources: ImportSourceFile[] = [];
  const problems: FieldProblem[] = [];
  for (const file of files) {
    // .csv, .txt and .tsv are read as CSV; .xlsx and .ods as workbooks (file-readers.ts).
    const kind = spreadsheetKindOf(file, format);
    if (!kind) {
      if (!info.isDirectory()) throw unsupportedFileError(file);
      continue;
    }
    const sizeBytes = (await stat(file)).size;
    if (kind === 'csv') {
      const table = tableFromName(basename(file));
      if (table) sources.push({ table, path: file, kind, label: basename(file), sizeBytes });
      else problems.push({ table: basename(file), message: t('importFile.nameNamesNoTable', { file: basename(file), tables: listImportTables() }) });
      continue;
    }
    const tabs = await listWorkbookTabs(file);
    const matched = tabs.map((tab) => ({ tab, table: tableFromName(tab) }));
    const fromFileName = tableFromName(basename(file));
    // A one-tab workbook named after its table ("creators.xlsx" with "Sheet1") is that table.
    if (tabs.length === 1 && !matched[0]?.table && fromFileName && tabs[0] !== undefined) {
      sources.push({ table: fromFileName, path: file, kind, tabName: tabs[0], label: basename(file), sizeBytes });
      continue;
    }
    for (const { tab, table } of matched) {
      if (table) sources.push({ table, path: file, kind, tabName: tab, label: `${basename(file)} › ${tab}`, sizeBytes });
      // Tabs that are not tables (a "README" or "Hướng dẫn" tab) are reported only when nothing matched.
    }
    if (!matched.some((entry) => entry.table)) problems.push({ table: basename(file), message: t('importFile.noTabNamedAfterTable', { file: basename(file) }) });
  }
  assertEachTableOnce(path, sources);
  sources.sort((a, b) => (tableOrder.get(a.table) ?? 0) - (tableOrder.get(b.table) ?? 0) || a.label.localeCompare(b.label));
  return { sources, problems };
}

/** The one source a named table makes of a file: the CSV, or the workbook's only tab (or the tab named after the table). */
async function planFileAsTable(path: string, kind: 'csv' | 'xlsx', table: TableName, sizeBytes: number): Promise<ImportSourceFile> {
  const label = basename(path);
  if (kind === 'csv') return { table, path, kind, label, sizeBytes };
  const tabs = await listWorkbookTabs(path);
  const tab = tabs.length === 1 ? tabs[0] : tabs.find((candidate) => tableFromName(candidate) === table);
  if (tab === undefined) {
    throw usageError('TAB_NOT_FOUND', t('importFile.tabNotFound', { file: label, count: tabs.length, tabs: tabs.join(', '), table }));
  }
  return { table, path, kind, tabName: tab, label: `${label} › ${tab}`, sizeBytes };
}

/**
 * Refuses a folder that gives a table in more than one file or tab. The usual case is the
 * templates folder: the workbook holds the same 15 tables as the CSV files beside it. Guessing
 * which copy is current could import stale rows, and importing both writes each table twice,
 * so the person chooses, with one flag.
 */
function assertEachTableOnce(path: string, sources: readonly ImportSourceFile[]): void {
  const byTable = new Map<TableName, ImportSourceFile[]>();
  for (const source of sources) byTable.set(source.table, [...(byTable.get(source.table) ?? []), source]);
  const twice = [...byTable.entries()].filter(([, given]) => given.length > 1);
  if (twice.length === 0) return;
  const problems = twice.flatMap(([table, given]) =>
    given.map((source) => ({ table: source.label, message: t('importFile.alsoIn', { table, others: listInWords(given.filter((other) => other !== source).map((other) => other.label)) }) })),
  );
  const tables = twice.map(([table]) => table);
  const tableList = tables.length > 4 ? t('importFile.andMore', { list: tables.slice(0, 3).join(', '), count: tables.length - 3 }) : tables.join(', ');
  const isMixed = twice.some(([, given]) => given.some((source) => source.kind === 'csv') && given.some((source) => source.kind === 'xlsx'));
  if (isMixed) {
    const workbooks = [...new Set(twice.flatMap(([, given]) => given.filter((source) => source.kind === 'xlsx').map((source) => basename(source.path))))];
    throw usageError('TABLE_GIVEN_TWICE', t('importFile.givenTwiceMixed', { path, workbookCount: workbooks.length, workbooks: workbooks.join(', '), tables: tableList }), problems);
  }
  const where = twice.map(([table, given]) => t('importFile.tableInFiles', { table, files: listInWords(given.map((source) => source.label)) })).join('; ');
  throw usageError('TABLE_GIVEN_TWICE', t('importFile.givenTwice', { path, count: tables.length, where }), problems);
}

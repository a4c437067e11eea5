import { stat, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { findTableDefinition, tableDefinitions, type TableName } from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { listWorkbookTabs, readCsvFile, readXlsxTab, type TabularRows } from './file-readers.js';
import { addDeferredProblems, importRowsInSession, normaliseHeader } from './import-rows.service.js';
import { runInWriteTransaction, type WriteSession } from '../../write/write-session.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import type { ImportOptions, ImportTableResult } from './import.types.js';

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

/** "03_Creators.csv", "creators", "Creators " → creators; undefined when it names no table. */
export function tableFromName(name: string): TableName | undefined {
  const stem = normaliseHeader(name.replace(/\.(csv|xlsx)$/i, '')).replace(/^\d+[_.]?/, '');
  return findTableDefinition(stem)?.name;
}

function kindOf(path: string, format: FileFormat): 'csv' | 'xlsx' | undefined {
  const extension = extname(path).toLowerCase();
  if (format === 'csv') return extension === '.xlsx' ? undefined : 'csv';
  if (format === 'xlsx') return extension === '.csv' ? undefined : 'xlsx';
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  return undefined;
}

/**
 * What importing a path means: the files of a folder (or the one file), each CSV named after
 * its table, each workbook tab named after its table, sorted in dependency order.
 */
export async function planImportPath(path: string, format: FileFormat = 'auto'): Promise<ImportPlanForPath> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new AppError({ code: 'NOT_FOUND', userMessage: `${path} does not exist` });
  }
  const files = info.isDirectory()
    ? (await readdir(path)).filter((name) => !name.startsWith('.') && !name.startsWith('~$')).sort().map((name) => join(path, name))
    : [path];
  const sources: ImportSourceFile[] = [];
  const problems: FieldProblem[] = [];
  for (const file of files) {
    const kind = kindOf(file, format);
    if (!kind) {
      if (!info.isDirectory()) problems.push({ table: basename(file), message: `${basename(file)} is not a ${format === 'auto' ? 'CSV or XLSX' : format.toUpperCase()} file` });
      continue;
    }
    const sizeBytes = (await stat(file)).size;
    if (kind === 'csv') {
      const table = tableFromName(basename(file));
      if (table) sources.push({ table, path: file, kind, label: basename(file), sizeBytes });
      else problems.push({ table: basename(file), message: `${basename(file)}: the file name names no import table (expected one of ${tableDefinitions.map((definition) => definition.name).join(', ')})` });
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
    if (!matched.some((entry) => entry.table)) problems.push({ table: basename(file), message: `${basename(file)}: no tab is named after an import table` });
  }
  sources.sort((a, b) => (tableOrder.get(a.table) ?? 0) - (tableOrder.get(b.table) ?? 0) || a.label.localeCompare(b.label));
  return { sources, problems };
}

export function openSource(source: ImportSourceFile, onBytesRead?: (bytes: number) => void): Promise<TabularRows> {
  return source.kind === 'csv' ? readCsvFile(source.path, { onBytesRead }) : readXlsxTab(source.path, source.tabName ?? '', { onBytesRead });
}

export type ImportFileHooks = {
  onSourceStart?: (source: ImportSourceFile) => void;
  onBytesRead?: (source: ImportSourceFile, bytes: number) => void;
  /** Every row of the source was read and checked (the transaction is still open). */
  onSourceRead?: (source: ImportSourceFile) => void;
  /** The import is over: the result says whether it was saved. */
  onSourceDone?: (source: ImportSourceFile, result: ImportTableResult) => void;
};

/** Imports one source in its own transaction. */
export async function importSource(prisma: PrismaClient, source: ImportSourceFile, options: ImportOptions = {}, hooks: ImportFileHooks = {}): Promise<ImportTableResult> {
  const [result] = await importSources(prisma, [source], options, hooks);
  return result!;
}

export type ImportPathResult = {
  results: ImportTableResult[];
  problems: FieldProblem[];
  /** True when every file was imported (or, in a dry run, would be) without an error. */
  isSuccess: boolean;
};

/**
 * Imports a folder or a file: every source in dependency order, all in ONE transaction through
 * the write door, so the rules see the final picture (a running campaign in campaigns.csv and
 * its creators in campaign_creators.csv) and a folder with one refused row writes nothing.
 */
export async function importPath(
  prisma: PrismaClient,
  path: string,
  options: ImportOptions & { format?: FileFormat } = {},
  hooks: ImportFileHooks = {},
): Promise<ImportPathResult> {
  const { format = 'auto', ...importOptions } = options;
  const plan = await planImportPath(path, format);
  const results = await importSources(prisma, plan.sources, importOptions, hooks);
  const isSuccess = plan.problems.length === 0 && plan.sources.length > 0 && results.every((result) => result.totals.errors === 0);
  if (plan.sources.length === 0 && plan.problems.length === 0) plan.problems.push({ message: `${path} holds no CSV or XLSX file` });
  return { results, problems: plan.problems, isSuccess };
}

/** The sources read one after the other, in one write transaction; each file reports on its own. */
async function importSources(prisma: PrismaClient, sources: readonly ImportSourceFile[], options: ImportOptions, hooks: ImportFileHooks): Promise<ImportTableResult[]> {
  const { value: results, isCommitted } = await runInWriteTransaction(
    prisma,
    options.actor ?? SYSTEM_ACTOR,
    async (session: WriteSession) => {
      const imported: ImportTableResult[] = [];
      for (const source of sources) {
        const definition = findTableDefinition(source.table);
        if (!definition) continue;
        hooks.onSourceStart?.(source);
        const { header, rows } = await openSource(source, (bytes) => hooks.onBytesRead?.(source, bytes));
        imported.push(await importRowsInSession(session, definition, rows, { shouldKeepRowOutcomes: false, ...options, columns: header, fileLabel: source.label }));
        hooks.onSourceRead?.(source);
      }
      addDeferredProblems(imported, await session.finish());
      return imported;
    },
    { config: options.config, isDryRun: options.isDryRun, bulkTransaction: options.bulkTransaction },
  );
  for (const [index, result] of results.entries()) {
    result.isCommitted = isCommitted;
    hooks.onSourceDone?.(sources[index]!, result);
  }
  return results;
}

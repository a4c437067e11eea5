import type { PrismaClient } from '../../generated/prisma/client.js';
import { findTableDefinition } from '../../contract/index.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { readCsvFile, readXlsxTab, type TabularRows } from './file-readers.js';
import { addDeferredProblems, importRowsInSession } from './import-rows.service.js';
import { runInWriteTransaction, type WriteSession } from '../../write/write-session.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { planImportPath, type FileFormat, type ImportPlanForPath, type ImportSourceFile } from './import-plan.js';
import type { ImportOptions, ImportTableResult } from './import.types.js';
import { t } from '../../contract/i18n/translate.js';

// Planning lives in import-plan.ts; its names are here too, for the callers of the import.
export { isImportUsageError, listImportTables, planImportPath, tableFromName, type FileFormat, type ImportPlanForPath, type ImportSourceFile, type PlanOptions } from './import-plan.js';

export function openSource(source: ImportSourceFile, onBytesRead?: (bytes: number) => void): Promise<TabularRows> {
  return source.kind === 'csv' ? readCsvFile(source.path, { onBytesRead }) : readXlsxTab(source.path, source.tabName ?? '', { onBytesRead });
}

export type ImportFileHooks = {
  onSourceStart?: (source: ImportSourceFile) => void;
  onBytesRead?: (source: ImportSourceFile, bytes: number) => void;
  /** Rows of the source read and checked so far (blank rows included): after every batch, and once at the end. */
  onRowsRead?: (source: ImportSourceFile, rows: number) => void;
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
  return importPlan(prisma, path, await planImportPath(path, format), importOptions, hooks);
}

/** Imports what planImportPath found in `path` (the CLI plans first, to refuse a wrong command before opening the database). */
export async function importPlan(prisma: PrismaClient, path: string, plan: ImportPlanForPath, options: ImportOptions = {}, hooks: ImportFileHooks = {}): Promise<ImportPathResult> {
  const problems = [...plan.problems];
  const results = await importSources(prisma, plan.sources, options, hooks);
  const isSuccess = problems.length === 0 && plan.sources.length > 0 && results.every((result) => result.totals.errors === 0);
  if (plan.sources.length === 0 && problems.length === 0) problems.push({ message: t('importFile.noFiles', { path }) });
  return { results, problems, isSuccess };
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
        const onProgress = (count: number) => {
          options.onProgress?.(count);
          hooks.onRowsRead?.(source, count);
        };
        imported.push(await importRowsInSession(session, definition, rows, { shouldKeepRowOutcomes: false, ...options, columns: header, fileLabel: source.label, onProgress }));
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

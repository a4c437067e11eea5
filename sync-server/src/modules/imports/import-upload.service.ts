/**
 * An uploaded CSV or XLSX imported by the same engine as `npm run import`: the file is put on
 * disk under its own name (a CSV's name says its table), planned, permission-checked per table,
 * then imported or dry-run exactly as the CLI does, and answered with the same report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CellValue, ImportFileReport, ImportReport } from '../../contract/sync-payloads.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import type { CampaignsConfig } from '../campaigns/campaigns.config.js';
import type { SqlTransactionRunner } from '../../platform/database/sql-transaction.js';
import { assertCanWriteTable } from '../access/table-permissions.js';
import { spreadsheetKindOf, unsupportedFileError } from './file-readers.js';
import { importPath, importSource, planImportPath, type ImportSourceFile } from './import-files.service.js';
import { formatProblem } from './import-report.js';
import type { ImportOptions, ImportTableResult } from './import.types.js';

export type UploadedFile = { originalName: string; content: Buffer };

export type ImportUploadOptions = {
  isDryRun: boolean;
  shouldCreateMissing: boolean;
  /** Import a CSV (or a one-tab workbook) into this table whatever its name says. */
  table?: string;
  /** The campaign rules as the server is configured. */
  config?: CampaignsConfig;
  /** The database's bulk transactions (PostgreSQL), as the CLI import uses them. */
  bulkTransaction?: SqlTransactionRunner;
};

const MAX_PROBLEMS_PER_FILE = 1000;

function unreadable(message: string, cause?: unknown): AppError {
  return new AppError({ code: 'VALIDATION_FAILED', reason: 'UNREADABLE_FILE', userMessage: message, cause });
}

/** "../../Creators (1).csv" → "Creators (1).csv": only a plain file name reaches the disk. */
function safeFileName(originalName: string): string {
  const name = basename(originalName.replace(/\\/g, '/')).replace(/[^\p{L}\p{N} ._()-]/gu, '_').trim();
  return name && !name.startsWith('.') ? name : 'upload';
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
}

export function toImportFileReport(result: ImportTableResult): ImportFileReport {
  const { rows, created, updated, unchanged, errors, placeholders } = result.totals;
  return {
    table: result.table,
    fileLabel: result.fileLabel,
    totals: { rows, created, updated, unchanged, errors, placeholders },
    isCommitted: result.isCommitted,
    problems: result.problems.slice(0, MAX_PROBLEMS_PER_FILE).map((problem) => ({
      // The engine labels problems with the file; the report names the table (the file is fileLabel).
      table: result.table,
      row: problem.row ?? null,
      column: problem.column ?? null,
      value: toCell(problem.value),
      message: problem.message,
    })),
    ...(result.problems.length > MAX_PROBLEMS_PER_FILE ? { problemsOmitted: result.problems.length - MAX_PROBLEMS_PER_FILE } : {}),
    ...(result.warnings.length ? { warnings: result.warnings } : {}),
  };
}

/** The one source an explicit `table` names: the CSV, or the workbook's only tab (or the tab named after the table). */
export async function importUploadedFile(prisma: PrismaClient, actor: Actor, file: UploadedFile, options: ImportUploadOptions): Promise<ImportReport> {
  const fileName = safeFileName(file.originalName);
  const kind = spreadsheetKindOf(fileName);
  if (!kind) throw unsupportedFileError(fileName);
  const directory = await mkdtemp(join(tmpdir(), 'booking-center-import-'));
  try {
    const path = join(directory, fileName);
    await writeFile(path, file.content);
    let sources: ImportSourceFile[];
    try {
      // The same plan as the CLI's, --table included: one rule for which file gives which table.
      const plan = await planImportPath(path, { table: options.table });
      if (plan.problems.length > 0) throw unreadable(plan.problems.map(formatProblem).join(' '));
      sources = plan.sources;
    } catch (error) {
      throw isAppError(error) ? error : unreadable(t(kind === 'csv' ? 'upload.notReadableCsv' : 'upload.notReadableWorkbook', { file: fileName }), error);
    }
    if (sources.length === 0) throw unreadable(t('upload.noTable', { file: fileName }));
    for (const source of sources) assertCanWriteTable(actor, source.table);
    // Placeholders for missing references are rows of other tabs: only planners may create them.
    if (options.shouldCreateMissing) assertCanWriteTable(actor, 'campaigns');

    // The upload is the import door: the audit says so, whoever uploads.
    const importOptions: ImportOptions = { isDryRun: options.isDryRun, shouldCreateMissing: options.shouldCreateMissing, actor: { ...actor, source: 'import' }, config: options.config, bulkTransaction: options.bulkTransaction };
    // A file that can't be read faithfully (a stray quote, an unknown encoding) is refused by its reader with an AppError.
    const results = options.table ? [await importSource(prisma, sources[0]!, importOptions)] : (await importPath(prisma, path, importOptions)).results;
    return { dryRun: options.isDryRun, files: results.map(toImportFileReport) };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

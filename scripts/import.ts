// npm run import -- PATH [--table NAME] [--format auto|csv|xlsx] [--create-missing] [--dry-run] [--as USERNAME] [--tenant CODE] [--errors-out FILE] [--lang vi|en|am]
import { access, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCommandDatabase, serverEndpoint } from './lib/open-command-database.js';
import { roleLabel } from '../sync-server/src/contract/admin-payloads.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError, type FieldProblem } from '../sync-server/src/platform/errors/app-error.js';
import { resolveCliActor } from '../sync-server/src/modules/access/cli-actor.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { loadCampaignsConfig } from '../sync-server/src/modules/campaigns/campaigns.config.js';
import { isImportUsageError, listImportTables, planImportPath, type FileFormat, type ImportPlanForPath } from '../sync-server/src/modules/imports/import-plan.js';
import { createImportProgress } from '../sync-server/src/modules/imports/import-progress.js';
import { formatImportSummary, formatProblem, formatResult } from '../sync-server/src/modules/imports/import-report.js';
import { collectProblems, writeProblemReport, type ReportedProblem } from '../sync-server/src/modules/imports/problem-report-csv.js';
import { spreadsheetKindOf } from '../sync-server/src/modules/imports/file-readers.js';

const usage = [
  `${t('cli.usage')} npm run import -- PATH [--table NAME] [--format auto|csv|xlsx] [--create-missing] [--dry-run] [--as USERNAME] [--tenant CODE] [--errors-out FILE] [--lang vi|en|am]`,
  t('cli.import.optionPath'),
  t('cli.import.optionTable'),
  t('cli.import.optionFormat'),
  t('cli.import.optionCreateMissing'),
  t('cli.import.optionDryRun'),
  t('cli.import.optionAs'),
  t('cli.import.optionTenant'),
  t('cli.import.optionErrorsOut'),
  t('cli.langOption'),
].join('\n');

/** Exit codes, as docs/import-export.md gives them. */
const EXIT_DONE = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

/** A command that can't run as given; `shouldShowUsage` for a wrong shape of the command line (not for a wrong file). */
class UsageError extends Error {
  constructor(
    message: string,
    readonly shouldShowUsage = true,
  ) {
    super(message);
  }
}

function argumentsError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli.import.unknownOption', { option: /'([^']+)'/.exec(message ?? '')?.[1] ?? message });
  return (message ?? String(error)).split('. To specify')[0]!;
}

type ImportArguments = { path: string; format: FileFormat; table?: string; errorsOut?: string; isDryRun: boolean; shouldCreateMissing: boolean; as?: string; tenant?: string };

async function readArguments(): Promise<ImportArguments | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        path: { type: 'string' },
        table: { type: 'string' },
        format: { type: 'string', default: 'auto' },
        'create-missing': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        as: { type: 'string' },
        tenant: { type: 'string' },
        'errors-out': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(argumentsError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const paths = [...(values.path === undefined ? [] : [values.path]), ...positionals].filter((path) => path.trim() !== '');
  if (paths.length === 0) throw new UsageError(t('cli.import.sayWhat'));
  if (paths.length > 1) throw new UsageError(t('cli.import.onePath', { count: paths.length, paths: paths.join(', ') }));
  const format = values.format as FileFormat;
  if (!['auto', 'csv', 'xlsx'].includes(format)) throw new UsageError(t('cli.import.formatValues', { given: values.format }));
  if (values.table !== undefined && values.table.trim() === '') throw new UsageError(t('cli.import.tableNeedsName', { tables: listImportTables() }));
  const path = paths[0]!;
  const errorsOut = values['errors-out'];
  if (errorsOut !== undefined) await checkErrorsOut(errorsOut, path);
  return { path, format, table: values.table, errorsOut, isDryRun: values['dry-run'], shouldCreateMissing: values['create-missing'], as: values.as, tenant: values.tenant };
}

/** The problem report's folder must exist, and the report must not land in the folder imported (the next import would read it). */
async function checkErrorsOut(errorsOut: string, importPath: string): Promise<void> {
  try {
    await access(dirname(resolve(errorsOut)), constants.W_OK);
  } catch {
    throw new UsageError(t('cli.import.errorsOutFolder', { file: errorsOut, folder: dirname(resolve(errorsOut)) }));
  }
  const isFolder = await stat(importPath).then((info) => info.isDirectory(), () => false);
  const inside = relative(resolve(importPath), resolve(errorsOut));
  if (isFolder && !inside.startsWith('..') && !isAbsolute(inside)) {
    throw new UsageError(t('cli.import.errorsOutInside', { file: errorsOut, path: importPath }));
  }
}

/** What the path holds, or a usage error: a wrong path, file type, table or a folder that gives a table twice are refused before the database is opened. */
async function planImport(args: ImportArguments): Promise<ImportPlanForPath> {
  let plan;
  try {
    plan = await planImportPath(args.path, { format: args.format, table: args.table });
  } catch (error) {
    if (isImportUsageError(error)) throw new UsageError(error.userMessage, false);
    throw error;
  }
  const isOneFile = await stat(args.path).then((info) => !info.isDirectory());
  if (!isOneFile && plan.sources.length === 0) {
    const why = plan.problems.length ? plan.problems.map((problem) => problem.message).join('\n') : t('cli.import.noReadableFile', { path: args.path });
    throw new UsageError(`${why}\n${t('cli.import.nothingToImport')}`, false);
  }
  if (isOneFile && plan.sources.length === 0) {
    const isWorkbook = spreadsheetKindOf(args.path, args.format) === 'xlsx';
    throw new UsageError(t('cli.import.namesNoTable', { file: basename(args.path), kind: isWorkbook ? 'workbook' : 'file', tables: listImportTables() }), false);
  }
  return plan;
}

async function reportAllProblems(errorsOut: string | undefined, problems: ReportedProblem[]): Promise<void> {
  if (errorsOut === undefined) return;
  await writeProblemReport(errorsOut, problems);
  console.log(problems.length ? t('cli.import.everyProblemIn', { count: problems.length, file: errorsOut }) : t('cli.import.noProblems', { file: errorsOut }));
}

function stoppedBecause(error: unknown): string {
  return t('cli.import.stopped', { message: error instanceof Error ? error.message.split('\n').filter(Boolean).pop() : String(error) });
}

async function main(): Promise<number> {
  let args;
  let plan;
  try {
    args = await readArguments();
    if (args === 'help') {
      console.log(usage);
      return EXIT_DONE;
    }
    plan = await planImport(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.shouldShowUsage ? `${error.message}\n\n${usage}` : error.message);
      return EXIT_USAGE;
    }
    console.error(isAppError(error) ? error.userMessage : stoppedBecause(error));
    return EXIT_PROBLEMS;
  }

  const database = await openCommandDatabase((server) => t('cli.import.useServer', { endpoint: serverEndpoint(server.url, '/api/v1/imports') }));
  const progress = createImportProgress({ output: process.stdout, isTerminal: Boolean(process.stdout.isTTY) });
  try {
    // Loaded once the command is known to be right: the write door takes a second to load, and a usage error should not wait for it.
    const { importPlan } = await import('../sync-server/src/modules/imports/import-files.service.js');
    await applyPendingMigrations(database);
    await actInTenant(database, args.tenant);
    const actor = await resolveCliActor(database.prisma, args.as, `npm run import (${userInfo().username})`);
    console.log(t('cli.import.importing', { path: args.path, database: database.description, actor: actor.label, role: roleLabel(actor.role), dryRun: args.isDryRun ? 'yes' : 'no' }));
    const startedAt = Date.now();
    const errorsOut = args.errorsOut;
    const outcome = await importPlan(
      database.prisma,
      args.path,
      plan,
      { isDryRun: args.isDryRun, shouldCreateMissing: args.shouldCreateMissing, actor, config: loadCampaignsConfig(), bulkTransaction: database.bulkTransaction },
      {
        ...progress,
        onSourceDone: (_source, result) => {
          for (const line of formatResult(result, { allProblemsFile: errorsOut })) console.log(line);
        },
      },
    );
    for (const problem of outcome.problems) console.log(formatProblem(problem));
    await reportAllProblems(errorsOut, collectProblems(outcome.results, outcome.problems));
    console.log(formatImportSummary(outcome.results, Date.now() - startedAt, outcome.isSuccess));
    return outcome.isSuccess ? EXIT_DONE : EXIT_PROBLEMS;
  } catch (error) {
    progress.stop();
    console.error(isAppError(error) ? error.userMessage : stoppedBecause(error));
    if (isAppError(error)) {
      // A file refused as a whole (a stray quote, past a limit): the report says so, rather than keeping an older report's rows.
      const problems: FieldProblem[] = error.problems.length ? error.problems : [{ message: error.userMessage }];
      await reportAllProblems(args.errorsOut, problems.map((problem) => ({ file: problem.table ?? '', problem }))).catch(() => undefined);
    }
    return isImportUsageError(error) ? EXIT_USAGE : EXIT_PROBLEMS;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();

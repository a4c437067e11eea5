import { formatNumber, getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { ImportTableResult } from './import.types.js';

/** One line a marketer can act on: where, which value, what is wrong. (Rows stay ungrouped, as the sheet's row headers show them.) */
export function formatProblem(problem: FieldProblem): string {
  const where = [problem.table, problem.row !== undefined ? t('importReport.row', { row: String(problem.row) }) : undefined, problem.column ? t('importReport.column', { column: problem.column }) : undefined]
    .filter(Boolean)
    .join(t('importReport.separator'));
  return where ? t('importReport.where', { where, message: problem.message }) : problem.message;
}

export function formatTotals(result: ImportTableResult): string {
  const { created, updated, unchanged, errors, placeholders } = result.totals;
  const verdict = t(
    result.isCommitted ? 'importReport.verdict.saved' : result.totals.errors ? 'importReport.verdict.nothingWritten' : result.isDryRun ? 'importReport.verdict.dryRun' : 'importReport.verdict.otherFileRefused',
  );
  const params = { file: result.fileLabel, table: result.table, created, updated, unchanged, errors, verdict };
  return placeholders ? t('importReport.totalsWithPlaceholders', { ...params, placeholders }) : t('importReport.totals', params);
}

export type ResultReportOptions = {
  /** Problems listed per file; the rest are counted (default 50). */
  maxProblems?: number;
  /** Where every problem was written (`--errors-out`), for the line that counts the rest. */
  allProblemsFile?: string;
};

/** The report of one file: the totals line, then every problem (capped, with the count of the rest and where to find them). */
export function formatResult(result: ImportTableResult, options: ResultReportOptions = {}): string[] {
  const { maxProblems = 50, allProblemsFile } = options;
  const lines = [formatTotals(result)];
  for (const problem of result.problems.slice(0, maxProblems)) lines.push(`  ${formatProblem(problem)}`);
  const rest = result.problems.length - maxProblems;
  if (rest > 0) lines.push(`  ${allProblemsFile ? t('importReport.moreProblemsInFile', { count: rest, file: allProblemsFile }) : t('importReport.moreProblems', { count: rest })}`);
  for (const warning of result.warnings.slice(0, maxProblems)) lines.push(`  ${t('importReport.warning', { warning })}`);
  if (result.warnings.length > maxProblems) lines.push(`  ${t('importReport.moreWarnings', { count: result.warnings.length - maxProblems })}`);
  return lines;
}

/** The closing line of an import: rows, time and speed, for people ("100,000 rows in 8.4 s, 11,900 rows/s"). */
export function formatImportSummary(results: readonly ImportTableResult[], elapsedMs: number, isSuccess: boolean): string {
  const rows = results.reduce((sum, result) => sum + result.totals.rows, 0);
  const seconds = elapsedMs / 1000;
  const secondsText = formatNumber(getCurrentLanguage(), seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const summary =
    seconds > 0 && rows > 0 ? t('importReport.rowsInWithSpeed', { rows, seconds: secondsText, speed: Math.round(rows / seconds) }) : t('importReport.rowsIn', { rows, seconds: secondsText });
  return t(isSuccess ? 'importReport.done' : 'importReport.finishedWithProblems', { summary });
}

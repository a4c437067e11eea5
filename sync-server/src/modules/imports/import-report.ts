import type { FieldProblem } from '../../platform/errors/app-error.js';
import { formatCount } from './file-limits.js';
import type { ImportTableResult } from './import.types.js';

/** One line a marketer can act on: where, which value, what is wrong. (Rows stay ungrouped, as the sheet's row headers show them.) */
export function formatProblem(problem: FieldProblem): string {
  const where = [problem.table, problem.row !== undefined ? `row ${problem.row}` : undefined, problem.column ? `column ${problem.column}` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

export function formatTotals(result: ImportTableResult): string {
  const { created, updated, unchanged, errors, placeholders } = result.totals;
  const parts = [`${formatCount(created)} created`, `${formatCount(updated)} updated`, `${formatCount(unchanged)} unchanged`, plural(errors, 'error')];
  if (placeholders) parts.push(`${plural(placeholders, 'placeholder')} created`);
  const verdict = result.isCommitted ? 'saved' : result.totals.errors ? 'nothing written' : result.isDryRun ? 'dry run, nothing written' : 'nothing written: another file of this import was refused';
  return `${result.fileLabel} → ${result.table}: ${parts.join(', ')} (${verdict})`;
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
  if (rest > 0) lines.push(`  … and ${plural(rest, 'more problem', 'more problems')}${allProblemsFile ? ` — see ${allProblemsFile}` : ': use --errors-out FILE to get them all as a spreadsheet'}`);
  for (const warning of result.warnings.slice(0, maxProblems)) lines.push(`  warning, ${warning}`);
  if (result.warnings.length > maxProblems) lines.push(`  … and ${plural(result.warnings.length - maxProblems, 'more warning', 'more warnings')}`);
  return lines;
}

/** The closing line of an import: rows, time and speed, for people ("100,000 rows in 8.4 s, 11,900 rows/s"). */
export function formatImportSummary(results: readonly ImportTableResult[], elapsedMs: number, isSuccess: boolean): string {
  const rows = results.reduce((sum, result) => sum + result.totals.rows, 0);
  const seconds = elapsedMs / 1000;
  const speed = seconds > 0 && rows > 0 ? `, ${formatCount(Math.round(rows / seconds))} rows/s` : '';
  const done = `${plural(rows, 'row')} in ${seconds.toFixed(1)} s${speed}`;
  return isSuccess ? `Done: ${done}.` : `Finished with problems: ${done}; the files listed with errors wrote nothing.`;
}

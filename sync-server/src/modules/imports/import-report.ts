import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { ImportTableResult } from './import.types.js';

/** One line a marketer can act on: where, which value, what is wrong. */
export function formatProblem(problem: FieldProblem): string {
  const where = [problem.table, problem.row !== undefined ? `row ${problem.row}` : undefined, problem.column ? `column ${problem.column}` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

export function formatTotals(result: ImportTableResult): string {
  const { created, updated, unchanged, errors, placeholders } = result.totals;
  const parts = [`${created} created`, `${updated} updated`, `${unchanged} unchanged`, `${errors} error${errors === 1 ? '' : 's'}`];
  if (placeholders) parts.push(`${placeholders} placeholder${placeholders === 1 ? '' : 's'} created`);
  const verdict = result.isCommitted ? 'saved' : result.totals.errors ? 'nothing written' : result.isDryRun ? 'dry run, nothing written' : 'nothing written: another file of this import was refused';
  return `${result.fileLabel} → ${result.table}: ${parts.join(', ')} (${verdict})`;
}

/** The report of one file: the totals line, then every problem (capped, with the count of the rest). */
export function formatResult(result: ImportTableResult, maxProblems = 50): string[] {
  const lines = [formatTotals(result)];
  for (const problem of result.problems.slice(0, maxProblems)) lines.push(`  ${formatProblem(problem)}`);
  if (result.problems.length > maxProblems) lines.push(`  … and ${result.problems.length - maxProblems} more problems`);
  for (const warning of result.warnings.slice(0, maxProblems)) lines.push(`  warning, ${warning}`);
  return lines;
}

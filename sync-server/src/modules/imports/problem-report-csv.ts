/**
 * Every problem of an import as a CSV file a marketer opens in Excel, fixes the rows it names
 * and imports again (`npm run import -- … --errors-out problems.csv`). The terminal shows the
 * first problems of each file; this file holds all of them.
 */
import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { coerceCell, enumValues, findTableDefinition, storageLimits, templateColumns, type ColumnDefinition } from '../../contract/index.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { formatCount } from './file-limits.js';
import type { ImportTableResult } from './import.types.js';
import { neutraliseFormula } from '../../platform/text/formula-guard.js';

/** One problem with the file and the table it belongs to. */
export type ReportedProblem = {
  /** The file (or "workbook › tab") as the import names it. */
  file: string;
  /** The import table, when the file was matched to one. */
  table?: string;
  problem: FieldProblem;
};

export const PROBLEM_REPORT_COLUMNS = ['file', 'table', 'row', 'column', 'value', 'problem', 'accepted'] as const;

/** The byte-order mark without which Excel reads a UTF-8 CSV as Windows-1258 or 1252 and garbles Vietnamese. */
const UTF8_BOM = '\uFEFF';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describeNumberRange(column: ColumnDefinition, whole: boolean): string {
  const largest = column.max ?? storageLimits.largest[column.type as keyof typeof storageLimits.largest];
  const smallest = column.min;
  const kind = whole ? 'a whole number' : 'a number';
  if (smallest !== undefined && largest !== undefined) return `${kind} from ${formatCount(smallest)} to ${formatCount(largest)}`;
  if (largest !== undefined) return `${kind} up to ${formatCount(largest)}`;
  return kind;
}

/** What a column accepts, in the words of docs/import-export.md ("How cells are read"). */
export function describeAcceptedValues(column: ColumnDefinition): string {
  const described = (() => {
    switch (column.type) {
      case 'enum':
        return column.enumName ? `one of ${enumValues[column.enumName].join(', ')}` : 'one of the listed values';
      case 'date':
        return 'a date: 2026-01-31, 31/01/2026 (day first) or an Excel date';
      case 'datetime':
        return 'a date and time: 2026-01-31 20:30 or 31/01/2026 20:30 (Vietnam time unless an offset is given)';
      case 'boolean':
        return 'TRUE or FALSE (also yes/no, 1/0, có/không)';
      case 'money':
        return `an amount in đồng, ${describeNumberRange(column, false).replace(/^a number /, '')}: 1500000, 1.500.000 or 1,500,000 ₫`;
      case 'decimal':
        return `${describeNumberRange(column, false)}; a rate as 6.5% or 0.065`;
      case 'integer':
        return describeNumberRange(column, true);
      case 'json':
        return 'JSON text, e.g. {"key": "value"}';
      case 'text': {
        const longest = formatCount(storageLimits.textLength[column.textKind ?? 'short']);
        if (column.textKind === 'phone') return `a phone number kept as text, with its leading 0 or +84 (format the column as Text), up to ${longest} characters`;
        if (column.textKind === 'link') return `a web address, up to ${longest} characters`;
        return `text, up to ${longest} characters`;
      }
    }
  })();
  return column.isRequired && column.defaultValue === undefined ? `${described} (required)` : described;
}

/**
 * What would be accepted where the problem is: the column's values when the cell itself could
 * not be read, the table's columns for a header problem. Empty when the value is well-formed and
 * a rule refused it (the problem says why).
 */
export function describeAccepted(tableName: string | undefined, problem: FieldProblem): string {
  const definition = tableName ? findTableDefinition(tableName) : undefined;
  if (!definition) return '';
  if (problem.row === 1) return `the columns of ${definition.name}: ${templateColumns(definition).map((column) => column.name).join(', ')}`;
  const column = definition.columns.find((candidate) => candidate.name === problem.column);
  if (!column) return '';
  const isReadingProblem = !coerceCell(column, problem.value as Parameters<typeof coerceCell>[1]).ok;
  return isReadingProblem ? describeAcceptedValues(column) : '';
}

/** The problems of the files of one import, each with its file and table, in file order. */
export function collectProblems(results: readonly ImportTableResult[], otherProblems: readonly FieldProblem[] = []): ReportedProblem[] {
  return [
    ...otherProblems.map((problem) => ({ file: problem.table ?? '', problem })),
    ...results.flatMap((result) => result.problems.map((problem) => ({ file: result.fileLabel, table: result.table, problem }))),
  ];
}

/** The report as CSV text: a BOM, a header, one row per problem, formula-like cells neutralised. */
export function formatProblemReportCsv(problems: readonly ReportedProblem[]): string {
  const records = problems.map(({ file, table, problem }) =>
    [file, table ?? '', problem.row === undefined ? '' : String(problem.row), problem.column ?? '', cellText(problem.value), problem.message, describeAccepted(table, problem)].map(neutraliseFormula),
  );
  // CRLF: what Excel writes, and what it reads most happily.
  return UTF8_BOM + stringify([[...PROBLEM_REPORT_COLUMNS], ...records], { record_delimiter: 'windows' });
}

export async function writeProblemReport(path: string, problems: readonly ReportedProblem[]): Promise<void> {
  await writeFile(path, formatProblemReportCsv(problems), 'utf8');
}

export { neutraliseFormula };

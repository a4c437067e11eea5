/**
 * Every problem of an import as a CSV file a marketer opens in Excel, fixes the rows it names
 * and imports again (`npm run import -- … --errors-out problems.csv`). The terminal shows the
 * first problems of each file; this file holds all of them.
 */
import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { coerceCell, findTableDefinition, storageLimits, templateColumns, type ColumnDefinition } from '../../contract/index.js';
import { describeEnumChoices } from '../../contract/coerce-value.js';
import { t } from '../../contract/i18n/translate.js';
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

/**
 * The header stays these English codes in every language, like the template headers: a program
 * (or a formula) reading the report finds its columns whatever language wrote the problems.
 */
export const PROBLEM_REPORT_COLUMNS = ['file', 'table', 'row', 'column', 'value', 'problem', 'accepted'] as const;

/** The byte-order mark without which Excel reads a UTF-8 CSV as Windows-1258 or 1252 and garbles Vietnamese. */
const UTF8_BOM = '\uFEFF';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type NumberKind = 'number' | 'wholeNumber' | 'money';

function describeNumberRange(column: ColumnDefinition, kind: NumberKind): string {
  const largest = column.max ?? storageLimits.largest[column.type as keyof typeof storageLimits.largest];
  const smallest = column.min;
  if (smallest !== undefined && largest !== undefined) return t(`accepted.${kind}Between`, { min: formatCount(smallest), max: formatCount(largest) });
  if (largest !== undefined) return t(`accepted.${kind}UpTo`, { max: formatCount(largest) });
  return t(`accepted.${kind}`);
}

/** What a column accepts, in the words of docs/import-export.md ("How cells are read"). */
export function describeAcceptedValues(column: ColumnDefinition): string {
  const described = (() => {
    switch (column.type) {
      case 'enum':
        // The labels in the report's language, with their codes: either may be typed.
        return column.enumName ? t('accepted.oneOf', { values: describeEnumChoices(column.enumName) }) : t('accepted.oneOfListed');
      case 'date':
        return t('accepted.date');
      case 'datetime':
        return t('accepted.datetime');
      case 'boolean':
        return t('accepted.boolean');
      case 'money':
        return describeNumberRange(column, 'money');
      case 'decimal':
        return t('accepted.rate', { range: describeNumberRange(column, 'number') });
      case 'integer':
        return describeNumberRange(column, 'wholeNumber');
      case 'json':
        return t('accepted.json');
      case 'text': {
        const longest = formatCount(storageLimits.textLength[column.textKind ?? 'short']);
        if (column.textKind === 'phone') return t('accepted.phone', { longest });
        if (column.textKind === 'link') return t('accepted.link', { longest });
        return t('accepted.text', { longest });
      }
    }
  })();
  return column.isRequired && column.defaultValue === undefined ? t('accepted.required', { described }) : described;
}

/**
 * What would be accepted where the problem is: the column's values when the cell itself could
 * not be read, the table's columns for a header problem. Empty when the value is well-formed and
 * a rule refused it (the problem says why).
 */
export function describeAccepted(tableName: string | undefined, problem: FieldProblem): string {
  const definition = tableName ? findTableDefinition(tableName) : undefined;
  if (!definition) return '';
  if (problem.row === 1) return t('accepted.columnsOf', { table: definition.name, columns: templateColumns(definition).map((column) => column.name).join(', ') });
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

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collectProblems, describeAccepted, formatProblemReportCsv, neutraliseFormula, PROBLEM_REPORT_COLUMNS } from '../../sync-server/src/modules/imports/problem-report-csv.js';
import type { ImportTableResult } from '../../sync-server/src/modules/imports/import.types.js';
import type { FieldProblem } from '../../sync-server/src/platform/errors/app-error.js';

function creatorsResult(problems: FieldProblem[]): ImportTableResult {
  return {
    table: 'creators',
    fileLabel: 'creators.csv',
    totals: { rows: problems.length, created: 0, updated: 0, unchanged: 0, errors: problems.length, conflicts: 0, placeholders: 0 },
    problems,
    outcomes: [],
    warnings: [],
    isCommitted: false,
    isDryRun: false,
  };
}

const readBack = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<(typeof PROBLEM_REPORT_COLUMNS)[number], string>>;

describe('the problem report (--errors-out) a marketer opens in Excel', () => {
  it('starts with a UTF-8 BOM and has the columns file, table, row, column, value, problem, accepted', () => {
    const text = formatProblemReportCsv([]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).trim()).toBe('file,table,row,column,value,problem,accepted');
  });

  it('holds every problem, Vietnamese intact, with the row as the sheet numbers it', () => {
    const problems = Array.from({ length: 1_500 }, (_, index) => ({ table: 'creators.csv', row: index + 2, column: 'gender', value: `Nữ ${index}`, message: `gender 'Nữ ${index}' is not one of female, male, other` }));
    const rows = readBack(formatProblemReportCsv(collectProblems([creatorsResult(problems)])));
    expect(rows).toHaveLength(1_500);
    expect(rows[0]).toEqual({ file: 'creators.csv', table: 'creators', row: '2', column: 'gender', value: 'Nữ 0', problem: "gender 'Nữ 0' is not one of female, male, other", accepted: 'one of female, male, other' });
    expect(rows.at(-1)?.row).toBe('1501');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+84912345678'],
    ['-1+1'],
    ['@SUM(A1)'],
    ['\tpadded'],
    ['\rreturn'],
  ])('a value Excel would run as a formula (%j) comes out as text, behind an apostrophe', (value) => {
    const [row] = readBack(formatProblemReportCsv(collectProblems([creatorsResult([{ table: 'creators.csv', row: 5, column: 'gender', value, message: 'wrong' }])])));
    expect(row?.value).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Nguyễn Thảo Vy')).toBe('Nguyễn Thảo Vy');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it("says what is accepted for a cell that can't be read, and nothing for a well-formed value a rule refused", () => {
    expect(describeAccepted('creators', { row: 3, column: 'dob', value: '31/02/1999x', message: 'bad date' })).toMatch(/^a date: 2026-01-31, 31\/01\/2026/);
    expect(describeAccepted('campaigns', { row: 3, column: 'budget_planned', value: 'much', message: 'not an amount' })).toMatch(/^an amount in đồng/);
    expect(describeAccepted('campaigns', { row: 3, column: 'status', value: 'running', message: 'a draft cannot move to running' })).toBe('');
    expect(describeAccepted('creators', { row: 1, column: 'nickname', value: 'nickname', message: "column 'nickname' is not a creators column" })).toMatch(/^the columns of creators: creator_key, name/);
  });

  it('lists problems found before any file was read (a file matching no table) under their file', () => {
    const rows = readBack(formatProblemReportCsv(collectProblems([], [{ table: 'notes.csv', message: 'notes.csv: the file name names no import table' }])));
    expect(rows).toEqual([{ file: 'notes.csv', table: '', row: '', column: '', value: '', problem: 'notes.csv: the file name names no import table', accepted: '' }]);
  });
});

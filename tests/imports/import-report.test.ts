import { describe, expect, it } from 'vitest';
import { formatImportSummary, formatResult, formatTotals } from '../../sync-server/src/modules/imports/import-report.js';
import type { ImportTableResult } from '../../sync-server/src/modules/imports/import.types.js';

function resultWith(overrides: Partial<ImportTableResult['totals']> = {}, problemCount = 0): ImportTableResult {
  return {
    table: 'creators',
    fileLabel: 'creators.csv',
    totals: { rows: 0, created: 0, updated: 0, unchanged: 0, errors: 0, conflicts: 0, placeholders: 0, ...overrides },
    problems: Array.from({ length: problemCount }, (_, index) => ({ table: 'creators.csv', row: index + 2, column: 'gender', value: 'robot', message: "gender 'robot' is not one of female, male, other" })),
    outcomes: [],
    warnings: [],
    isCommitted: problemCount === 0,
    isDryRun: false,
  };
}

describe('the import report a person reads', () => {
  it('groups thousands in every count of the totals line (100,000 created, not 100000)', () => {
    const line = formatTotals(resultWith({ rows: 1_234_567, created: 100_000, updated: 1_134_567, unchanged: 0, placeholders: 2_500 }));
    expect(line).toBe('creators.csv → creators: 100,000 created, 1,134,567 updated, 0 unchanged, 0 errors, 2,500 placeholders created (saved)');
  });

  it('groups thousands in the closing summary, with rows per second', () => {
    expect(formatImportSummary([resultWith({ rows: 100_000 }), resultWith({ rows: 20_000 })], 8_000, true)).toBe('Done: 120,000 rows in 8.0 s, 15,000 rows/s.');
    expect(formatImportSummary([resultWith({ rows: 1_120, errors: 120 })], 1_000, false)).toMatch(/^Finished with problems: 1,120 rows in 1\.0 s/);
  });

  it('shows the first 50 problems of a file and says where the other 70 are when --errors-out was given', () => {
    const lines = formatResult(resultWith({ rows: 120, errors: 120 }, 120), { allProblemsFile: 'problems.csv' });
    expect(lines.filter((line) => line.includes("gender 'robot'"))).toHaveLength(50);
    expect(lines.at(-1)).toBe('  … and 70 more problems — see problems.csv');
  });

  it('without --errors-out, the line counting the rest says how to get them all', () => {
    const lines = formatResult(resultWith({ rows: 1_120, errors: 1_120 }, 1_120));
    expect(lines.at(-1)).toBe('  … and 1,070 more problems: use --errors-out FILE to get them all as a spreadsheet');
  });

  it('a file with 50 problems or fewer lists them all and counts nothing', () => {
    const lines = formatResult(resultWith({ rows: 50, errors: 50 }, 50), { allProblemsFile: 'problems.csv' });
    expect(lines).toHaveLength(51);
    expect(lines.some((line) => line.includes('more problem'))).toBe(false);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvFile, readXlsxTab, type TabularRows } from '../../sync-server/src/modules/imports/file-readers.js';
import { FILE_LIMITS } from '../../sync-server/src/modules/imports/file-limits.js';
import { AppError } from '../../sync-server/src/platform/errors/app-error.js';
import { writeXlsx } from '../support/workbook-files.js';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'bc-limits-'));
});
afterAll(async () => rm(workDir, { recursive: true, force: true }));

async function readAll(promise: Promise<TabularRows>): Promise<void> {
  const tabular = await promise;
  for await (const _ of tabular.rows);
}

async function limitRefusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).reason).toBe('FILE_LIMIT_EXCEEDED');
  expect((error as AppError).httpStatus).toBe(422);
  return error as AppError;
}

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>creator_key</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>';

describe('XLSX limits', () => {
  it('refuses a small workbook declaring 2,000,000 distinct texts before reading them, saying how many and the limit', async () => {
    const count = 2_000_000;
    const path = await writeXlsx(join(workDir, 'creators.xlsx'), `<sheetData>${header}</sheetData>`, `<sst count="${count}" uniqueCount="${count}">${'<si><t>x</t></si>'.repeat(count)}</sst>`);
    const error = await limitRefusal(readAll(readXlsxTab(path, 'creators')));
    expect(error.userMessage).toBe(
      'creators.xlsx has 2,000,000 distinct texts; the limit is 1,000,000 distinct texts per workbook. Nothing was imported: split the workbook, or save each tab as its own CSV file.',
    );
  });

  it('refuses a workbook whose shared strings pass the limit without declaring their count, as soon as they do', async () => {
    const path = await writeXlsx(join(workDir, 'creators.xlsx'), `<sheetData>${header}</sheetData>`, `<sst>${'<si><t>x</t></si>'.repeat(FILE_LIMITS.sharedStrings + 1)}</sst>`, { isCompressed: false });
    const error = await limitRefusal(readAll(readXlsxTab(path, 'creators')));
    expect(error.userMessage).toContain('has more than 1,000,000 distinct texts');
  });

  it('refuses a tab whose declared size passes the row limit, before its first row', async () => {
    const path = await writeXlsx(join(workDir, 'creators.xlsx'), `<dimension ref="A1:B1048576"/><sheetData>${header}</sheetData>`);
    const error = await limitRefusal(readAll(readXlsxTab(path, 'creators')));
    expect(error.userMessage).toContain('creators.xlsx › creators has 1,048,576 rows (its last used row); the limit is 1,000,000 rows');
    expect(error.userMessage).toContain('Ctrl+End');
  });

  it('refuses a header wider than the column limit', async () => {
    const cells = Array.from({ length: FILE_LIMITS.columns + 1 }, (_, index) => `<c t="inlineStr"><is><t>column_${index}</t></is></c>`).join('');
    const path = await writeXlsx(join(workDir, 'creators.xlsx'), `<sheetData><row r="1">${cells}</row></sheetData>`);
    const error = await limitRefusal(readAll(readXlsxTab(path, 'creators')));
    expect(error.userMessage).toContain('has 201 columns in its header; the limit is 200 columns');
  });

  it('keeps a far-right note out of the table and within limits', async () => {
    const path = await writeXlsx(join(workDir, 'creators.xlsx'), `<sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>vy</t></is></c><c r="XFD2" t="inlineStr"><is><t>note</t></is></c></row></sheetData>`);
    const tabular = await readXlsxTab(path, 'creators');
    const rows = [];
    for await (const row of tabular.rows) rows.push(row);
    expect(rows).toEqual([{ rowNumber: 2, values: { creator_key: 'vy', name: null } }]);
  });
});

describe('CSV limits', () => {
  it('refuses a CSV with more lines than the row limit before reading a row', async () => {
    const path = join(workDir, 'brands.csv');
    await writeFile(path, `code,name\n${'A,a\n'.repeat(FILE_LIMITS.rows + 1)}`);
    const error = await limitRefusal(readCsvFile(path));
    expect(error.userMessage).toContain('brands.csv has 1,000,002 lines; the limit is 1,000,000 rows');
  });

  it('refuses a header wider than the column limit', async () => {
    const path = join(workDir, 'brands.csv');
    await writeFile(path, `${Array.from({ length: 250 }, (_, index) => `c${index}`).join(',')}\n`);
    const error = await limitRefusal(readCsvFile(path));
    expect(error.userMessage).toContain('has 250 columns in its header');
  });

  it('refuses a cell longer than Excel allows, naming the row and column', async () => {
    const path = join(workDir, 'brands.csv');
    await writeFile(path, `code,name\nLUMI,${'x'.repeat(FILE_LIMITS.cellCharacters + 1)}\n`);
    const error = await readAll(readCsvFile(path)).then(
      () => undefined,
      (caught: unknown) => caught as AppError,
    );
    expect(error?.reason).toBe('CELL_TOO_LONG');
    expect(error?.problems[0]).toMatchObject({ row: 2, column: 'name' });
  });
});

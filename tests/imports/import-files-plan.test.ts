import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isImportUsageError, planImportPath } from '../../sync-server/src/modules/imports/import-files.service.js';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';
import type { AppError } from '../../sync-server/src/platform/errors/app-error.js';

const workbook = join(importTemplatesDir, 'booking_center_template.xlsx');
const fixtures = join(import.meta.dirname, '../fixtures/import-cli');
const brandsCsv = 'code,name\nLUMI,Lumi Beauty\n';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isImportUsageError(error)) throw new Error(`expected a usage error, got ${String(error)}`);
  return error;
}

describe('what a path means to the import: each table from one file', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bc-plan-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  async function folderWith(name: string, files: Record<string, string | { copyOf: string }>): Promise<string> {
    const path = join(folder, name);
    await rm(path, { recursive: true, force: true });
    await mkdir(path);
    for (const [file, content] of Object.entries(files)) {
      if (typeof content === 'string') await writeFile(join(path, file), content);
      else await copyFile(content.copyOf, join(path, file));
    }
    return path;
  }

  it('a folder with the template workbook and the CSV files is refused (TABLE_GIVEN_TWICE): it would import every table twice; the message says to choose with --format', async () => {
    const error = await refusal(planImportPath(importTemplatesDir));
    expect(error.reason).toBe('TABLE_GIVEN_TWICE');
    expect(error.userMessage).toContain('booking_center_template.xlsx');
    expect(error.userMessage).toContain('--format csv');
    expect(error.userMessage).toContain('--format xlsx');
    expect(error.problems).toContainEqual({ table: 'brands.csv', message: 'brands is also in booking_center_template.xlsx › brands' });
  });

  it('with --format csv the folder gives each of the 20 tables once, from its CSV file', async () => {
    const { sources } = await planImportPath(importTemplatesDir, { format: 'csv' });
    expect(sources).toHaveLength(20);
    expect(new Set(sources.map((source) => source.table)).size).toBe(20);
    expect(sources.every((source) => source.kind === 'csv')).toBe(true);
  });

  it('with --format xlsx the folder gives each table once, from the workbook', async () => {
    const { sources } = await planImportPath(importTemplatesDir, { format: 'xlsx' });
    expect(sources.map((source) => source.label)).toContain('booking_center_template.xlsx › brands');
    expect(new Set(sources.map((source) => source.table)).size).toBe(sources.length);
  });

  it('two CSV files of one table (brands.csv and 01_brands.csv) are refused, naming both', async () => {
    const path = await folderWith('two-brands', { 'brands.csv': brandsCsv, '01_brands.csv': brandsCsv });
    const error = await refusal(planImportPath(path));
    expect(error.userMessage).toContain('brands in 01_brands.csv and brands.csv');
    expect(error.userMessage).not.toContain('--format');
  });

  it('a workbook (saved by LibreOffice) beside a CSV file of the same table is refused; beside a CSV of another table both are imported', async () => {
    const libreOfficeBrands = { copyOf: join(fixtures, 'workbook-and-csv/brands.xlsx') };
    const same = await folderWith('same-table', { 'brands.csv': brandsCsv, 'brands.xlsx': libreOfficeBrands });
    expect((await refusal(planImportPath(same))).userMessage).toContain('holds both CSV files and a workbook (brands.xlsx)');
    const other = await folderWith('other-tables', { 'creators.csv': 'creator_key,name\nvy,Vy\n', 'brands.xlsx': libreOfficeBrands });
    expect((await planImportPath(other)).sources.map((source) => `${source.label} → ${source.table}`)).toEqual(['brands.xlsx › brands → brands', 'creators.csv → creators']);
  });

  it('--table reads a file whose name names no table ("export (3).csv") as that table', async () => {
    const path = join(folder, 'export (3).csv');
    await writeFile(path, 'creator_key,name\nvy,Vy\n');
    expect((await planImportPath(path)).sources).toEqual([]);
    expect((await planImportPath(path, { table: 'creators' })).sources).toEqual([expect.objectContaining({ table: 'creators', kind: 'csv', label: 'export (3).csv' })]);
    expect((await planImportPath(path, { table: ' Creators ' })).sources[0]?.table).toBe('creators');
  });

  it('--table with a workbook takes the tab named after the table', async () => {
    const { sources } = await planImportPath(workbook, { table: 'creators' });
    expect(sources).toEqual([expect.objectContaining({ table: 'creators', tabName: 'creators', label: 'booking_center_template.xlsx › creators' })]);
  });

  it('an unknown --table is a usage error that lists the tables', async () => {
    const error = await refusal(planImportPath(join(folder, 'export (3).csv'), { table: 'influencers' }));
    expect(error.reason).toBe('UNKNOWN_TABLE');
    expect(error.userMessage).toMatch(/There is no import table 'influencers'\. The tables are: brands, products, creators, creator_channels, creator_contacts, creator_tags, creator_tag_map, creator_notes, creator_rate_cards, .*, payments\./);
  });

  it('--table with a folder is a usage error', async () => {
    expect((await refusal(planImportPath(folder, { table: 'creators' }))).reason).toBe('TABLE_NEEDS_ONE_FILE');
  });

  it('a path that does not exist, and a .pdf or .numbers file, are usage errors', async () => {
    expect((await refusal(planImportPath(join(folder, 'missing.csv')))).reason).toBe('PATH_NOT_FOUND');
    for (const name of ['brief.pdf', 'creators.numbers']) {
      await writeFile(join(folder, name), 'x');
      expect((await refusal(planImportPath(join(folder, name)))).reason).toBe('UNSUPPORTED_FILE');
    }
  });
});

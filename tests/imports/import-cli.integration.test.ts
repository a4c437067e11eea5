/**
 * `npm run import` as a person runs it: the real script in a child process, on a database of its
 * own, with files made by real tools (tests/fixtures/import-cli/README.md).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';
import { killAllChildren, runChild } from '../support/child-process.js';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';

const fixtures = join(import.meta.dirname, '../fixtures/import-cli');
const exportCsv = join(fixtures, 'export (3).csv');

describe('npm run import, as a person reads it', () => {
  let database: CliDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createCliDatabase();
    scratch = await mkdtemp(join(tmpdir(), 'bc-cli-out-'));
  });
  afterAll(async () => {
    await killAllChildren();
    await database?.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  const runImport = (...args: string[]) => runChild('scripts/import.ts', args, { ...database.env, LOG_LEVEL: 'silent' });

  it('every usage error exits with 2 and a plain message, before the database is opened (a folder giving a table twice is one)', async () => {
    const untouched = join(scratch, 'never-opened');
    await writeFile(join(scratch, 'brief.pdf'), '%PDF-1.4');
    // One case per kind of refusal (import-files-plan.test.ts has the rest: a missing path, .numbers, --table with a folder).
    const cases: Array<[string[], RegExp]> = [
      [['--tabel', 'creators', exportCsv], /^Unknown option --tabel\./],
      [[], /^Say what to import: a folder of template files or one file\./],
      [[exportCsv, '--table', 'influencers'], /There is no import table 'influencers'\. The tables are: brands, products, creators, .*, payments\./],
      [[exportCsv], /^export \(3\)\.csv: its name names no import table\. Say which table it holds: --table NAME, one of brands, products, creators, /],
      [[join(scratch, 'brief.pdf')], /brief\.pdf is not a file the import reads\. The import reads CSV and text files/],
      [[fixtures, '--errors-out', join(fixtures, 'problems.csv')], /is inside .* the folder being imported/],
      // A folder with a workbook and CSV files of the same tables would import each table twice.
      [[join(fixtures, 'workbook-and-csv')], /holds both CSV files and a workbook \(brands\.xlsx\) with the same tables \(brands\), so each would be imported twice\. Nothing was imported\. Choose one: add --format csv/],
      [[importTemplatesDir, '--dry-run'], /import_templates holds both CSV files and a workbook \(booking_center_template\.xlsx\) with the same tables \(brands, products, creators and 17 more\)/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runChild('scripts/import.ts', args, { BOOKING_CENTER_DATA_DIR: untouched, LOG_LEVEL: 'silent' })));
    for (const [index, run] of runs.entries()) {
      expect({ args: cases[index]![0], exitCode: run.exitCode }).toEqual({ args: cases[index]![0], exitCode: 2 });
      expect(run.output).toMatch(cases[index]![1]);
      expect(run.output).not.toMatch(/\n\s+at .*\(|TypeError|ERR_/);
    }
    expect(existsSync(untouched)).toBe(false);
  });

  it('--table imports a file whose name names no table ("export (3).csv" from Google Sheets), with progress lines when the output is not a terminal', async () => {
    const { exitCode, output } = await runImport(exportCsv, '--table', 'creators');
    expect(exitCode).toBe(0);
    expect(output).toContain('export (3).csv: reading…');
    expect(output).toMatch(/export \(3\)\.csv: 2 rows read and checked in \d+\.\d s/);
    expect(output).toContain('export (3).csv → creators: 2 created, 0 updated, 0 unchanged, 0 errors (saved)');
    const names = await database.read((prisma) => prisma.creator.findMany({ where: { creatorKey: { startsWith: 'cli.' } }, select: { creatorKey: true, name: true }, orderBy: { creatorKey: 'asc' } }));
    expect(names).toEqual([
      { creatorKey: 'cli.khoi.dang', name: 'Đặng Minh Khôi' },
      { creatorKey: 'cli.vy.nguyen', name: 'Nguyễn Thảo Vy' },
    ]);
  });

  it('--format xlsx imports a folder holding a workbook and a CSV file of the same table once, from the workbook (saved by LibreOffice), and the summary counts the rows', async () => {
    const once = await runImport(join(fixtures, 'workbook-and-csv'), '--format', 'xlsx');
    expect(once.exitCode).toBe(0);
    expect(once.output.split('\n').filter((line) => line.includes('→ brands'))).toEqual(['brands.xlsx › brands → brands: 2 created, 0 updated, 0 unchanged, 0 errors (saved)']);
    expect(once.output).toMatch(/^Done: 2 rows in \d+\.\d s(, [\d,]+ rows\/s)?\.$/m);
    const brands = await database.read((prisma) => prisma.brand.findMany({ where: { code: { startsWith: 'CLI-' } }, select: { code: true, description: true }, orderBy: { code: 'asc' } }));
    expect(brands).toEqual([
      { code: 'CLI-BEP', description: 'Đồ gia dụng' },
      { code: 'CLI-LUMI', description: 'Mỹ phẩm thuần chay' },
    ]);
  });

  it('--errors-out writes all 120 problems of a file as a CSV that opens in Excel; the terminal shows 50 and says where the other 70 are', async () => {
    const errorsOut = join(scratch, 'problems.csv');
    const { exitCode, output } = await runImport(join(fixtures, 'errors'), '--errors-out', errorsOut);
    expect(exitCode).toBe(1);
    expect(output).toContain('creators.csv → creators: 1,000 created, 0 updated, 0 unchanged, 120 errors (nothing written)');
    expect(output.split('\n').filter((line) => line.startsWith('  creators.csv, row '))).toHaveLength(50);
    expect(output).toContain(`  … and 70 more problems — see ${errorsOut}`);
    expect(output).toContain(`Every problem (120) is in ${errorsOut}.`);
    expect(output).toMatch(/Finished with problems: 1,120 rows in \d+\.\d s/);

    const bytes = await readFile(errorsOut);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(120);
    expect(rows.map((row) => Number(row.row))).toEqual(Array.from({ length: 120 }, (_, index) => 1002 + index));
    expect(rows[0]).toEqual({
      file: 'creators.csv',
      table: 'creators',
      row: '1002',
      column: 'gender',
      value: "'+84912345678",
      problem: "gender '+84912345678' is not one of female, male, other",
      accepted: 'one of female, male, other',
    });
    // No cell starts as a formula would: the leading = + - @ are behind an apostrophe.
    expect(rows.find((row) => row.row === '1121')?.value).toBe('\'=HYPERLINK("http://example.com","click")');
    expect(rows.every((row) => !/^[=+\-@]/.test(row.value!))).toBe(true);
    expect(await database.read((prisma) => prisma.creator.count({ where: { creatorKey: { startsWith: 'bulk.' } } }))).toBe(0);
  });
});

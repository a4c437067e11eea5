/**
 * `npm run export` as a person runs it: the real script in a child process, on a database of its
 * own holding the import templates.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../sync-server/src/modules/imports/import-files.service.js';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';
import { killAllChildren, runChild } from '../support/child-process.js';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';

const HYPERLINK = '=HYPERLINK("http://evil.example","Xem brief")';

describe('npm run export', () => {
  let database: CliDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createCliDatabase();
    scratch = await mkdtemp(join(tmpdir(), 'bc-export-cli-'));
    await database.read(async (prisma) => {
      expect((await importPath(prisma, importTemplatesDir, { format: 'csv' })).isSuccess).toBe(true);
      await prisma.campaign.updateMany({ where: { code: 'LUMI-TET26' }, data: { description: HYPERLINK } });
    });
  });
  afterAll(async () => {
    await killAllChildren();
    await database?.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  const runExport = (...args: string[]) => runChild('scripts/export.ts', args, { ...database.env, LOG_LEVEL: 'silent' });

  it('--campaign-detail CODE --format xlsx writes a real workbook (it wrote CSV bytes into the .xlsx)', async () => {
    const out = join(scratch, 'lumi-tet.xlsx');
    const { exitCode, output } = await runExport('--campaign-detail', 'LUMI-TET26', '--format', 'xlsx', '--out', out);
    expect(exitCode, output).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['campaign', 'products', 'creators']);
    const campaign = workbook.getWorksheet('campaign')!;
    expect(campaign.getCell('A2').value).toBe('LUMI-TET26');
    expect(campaign.getRow(2).values).toContain(HYPERLINK);
    expect(workbook.getWorksheet('creators')!.rowCount).toBeGreaterThan(1);
  });

  it('--all --format csv neutralises a formula in every file, and the detail CSV too', async () => {
    const dir = join(scratch, 'all');
    const all = await runExport('--all', '--format', 'csv', '--out', dir);
    expect(all.exitCode, all.output).toBe(0);
    const campaigns = parse(await readFile(join(dir, 'campaigns.csv'), 'utf8'), { bom: true }) as string[][];
    expect(campaigns.find((row) => row[0] === 'LUMI-TET26')?.[campaigns[0]!.indexOf('description')]).toBe(`'${HYPERLINK}`);

    const detail = join(scratch, 'lumi-tet.csv');
    const csv = await runExport('--campaign-detail', 'LUMI-TET26', '--out', detail);
    expect(csv.exitCode, csv.output).toBe(0);
    const text = await readFile(detail, 'utf8');
    expect(text.startsWith('\uFEFFCampaign\n')).toBe(true);
    expect((parse(text, { bom: true, relax_column_count: true }) as string[][]).flat()).toContain(`'${HYPERLINK}`);
  });

  it('an .xlsx --out without --format is a workbook, and a format that contradicts the file name is a usage error (exit 2)', async () => {
    const out = join(scratch, 'campaigns.xlsx');
    const inferred = await runExport('--campaigns', '--out', out);
    expect(inferred.exitCode, inferred.output).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
    const refused = await runExport('--campaign-detail', 'LUMI-TET26', '--format', 'csv', '--out', join(scratch, 'detail.xlsx'));
    expect(refused.exitCode).toBe(2);
    expect(refused.output).toContain('--format csv does not match --out');
  });
});

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinitions } from '../../sync-server/src/contract/index.js';
import { importPath } from '../../sync-server/src/modules/imports/import-files.service.js';
import { importTableRows } from '../../sync-server/src/modules/imports/import-rows.service.js';
import { buildTemplateWorkbookContent, readWorkbookContent } from '../../sync-server/src/modules/imports/template-workbook.js';
import { exportTable } from '../../sync-server/src/modules/exports/table-export.service.js';
import { writeTableCsv, writeTablesXlsx } from '../../sync-server/src/modules/exports/file-writers.js';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = await mkdtemp(join(tmpdir(), 'bc-import-'));
});

afterAll(async () => {
  await database.dispose();
  await rm(workDir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<void> {
  const tables = [...tableDefinitions].reverse().map((definition) => `"${definition.dbTable}"`);
  await database.runAsOwner(`TRUNCATE ${tables.join(', ')} CASCADE`);
}

afterEach(emptyDatabase);

async function writeCsv(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(workDir, 'case-'));
  await writeFile(join(dir, name), text, 'utf8');
  return dir;
}

const totalsOf = (result: Awaited<ReturnType<typeof importPath>>) =>
  Object.fromEntries(result.results.map((entry) => [entry.table, [entry.totals.created, entry.totals.updated, entry.totals.unchanged, entry.totals.errors]]));

describe('importing the template folder', () => {
  it('fills an empty database with no error and no placeholder, and a second import creates and updates nothing', async () => {
    const first = await importPath(database.prisma, importTemplatesDir, { format: 'csv' });
    expect(first.isSuccess).toBe(true);
    expect(first.results).toHaveLength(20); // 001's 15, exchange rates (issue 13), tags, tag map, notes, rate cards (issue 14)
    expect(first.results.every((result) => result.totals.created > 0 && result.totals.placeholders === 0)).toBe(true);

    const second = await importPath(database.prisma, importTemplatesDir, { format: 'csv' });
    expect(second.isSuccess).toBe(true);
    for (const result of second.results) {
      expect([result.table, result.totals.created, result.totals.updated], result.table).toEqual([result.table, 0, 0]);
      expect(result.totals.unchanged).toBe(first.results.find((entry) => entry.table === result.table)?.totals.created);
    }
    expect(await database.prisma.creator.count()).toBe(3);
  });

  it('resolves references by creator_key and campaign_code', async () => {
    await importPath(database.prisma, importTemplatesDir, { format: 'csv' });
    const link = await database.prisma.campaignCreator.findFirstOrThrow({
      where: { campaign: { code: 'LUMI-TET26' }, creator: { creatorKey: 'hoa.le' } },
      select: { role: true },
    });
    expect(link.role).toBe('trial');
    const booking = await database.prisma.booking.findFirstOrThrow({
      where: { code: 'BK-LUMI-001' },
      select: { creator: { select: { creatorKey: true } }, campaign: { select: { code: true } }, channel: { select: { handle: true } }, productFocus: { select: { code: true } } },
    });
    expect(booking).toEqual({ creator: { creatorKey: 'linh.nguyen' }, campaign: { code: 'LUMI-TET26' }, channel: { handle: '@linhxinh' }, productFocus: { code: 'LUMI-SRM01' } });
    const video = await database.prisma.video.findFirstOrThrow({ where: { platformVideoId: '7300000000000000001' }, select: { campaign: { select: { code: true } }, bookingDeliverable: { select: { title: true } } } });
    expect(video).toEqual({ campaign: { code: 'LUMI-TET26' }, bookingDeliverable: { title: 'Video review sữa rửa mặt' } });
  });

  it('in a dry run reports what would be created and persists nothing', async () => {
    const dryRun = await importPath(database.prisma, importTemplatesDir, { format: 'csv', isDryRun: true });
    expect(dryRun.isSuccess).toBe(true);
    expect(totalsOf(dryRun).bookings).toEqual([3, 0, 0, 0]);
    expect(await database.prisma.brand.count()).toBe(0);
    expect(await database.prisma.booking.count()).toBe(0);
  });
});

describe('a file with problems', () => {
  it('writes nothing when one row is bad, and names the row, column and value in plain words', async () => {
    const dir = await writeCsv(
      'campaigns.csv',
      'code,name,brand_code,objective\nC1,Một,LUMI,sale\nC2,Hai,LUMI,world-domination\n',
    );
    await importTableRows(database.prisma, 'brands', [{ rowNumber: 2, values: { code: 'LUMI', name: 'Lumi' } }]);
    const result = await importPath(database.prisma, dir);
    expect(result.isSuccess).toBe(false);
    expect(result.results[0]?.totals.errors).toBe(1);
    expect(result.results[0]?.problems).toEqual([
      { table: 'campaigns.csv', row: 3, column: 'objective', value: 'world-domination', message: "objective 'world-domination' is not one of awareness, traffic, sale, launch, clearance" },
    ]);
    expect(await database.prisma.campaign.count()).toBe(0);
  });

  it('reports an unknown column instead of dropping it', async () => {
    const dir = await writeCsv('brands.csv', 'code,name,colour\nLUMI,Lumi,pink\n');
    const result = await importPath(database.prisma, dir);
    expect(result.results[0]?.problems[0]?.message).toContain("column 'colour' is not a brands column");
    expect(await database.prisma.brand.count()).toBe(0);
  });

  it('refuses a missing reference unless asked to create placeholders, which are noted AUTO-CREATED BY IMPORT', async () => {
    const dir = await writeCsv('campaign_creators.csv', 'campaign_code,creator_key,role\nNEW-CAMP,new.creator,main\n');
    const refused = await importPath(database.prisma, dir);
    expect(refused.results[0]?.problems.map((problem) => problem.message)).toEqual([
      "campaign_code 'NEW-CAMP' is not in campaigns (import it first, or use --create-missing)",
      "creator_key 'new.creator' is not in creators (import it first, or use --create-missing)",
    ]);

    const created = await importPath(database.prisma, dir, { shouldCreateMissing: true });
    expect(created.isSuccess).toBe(true);
    expect(created.results[0]?.totals).toMatchObject({ created: 1, placeholders: 3 });
    const campaign = await database.prisma.campaign.findFirstOrThrow({ where: { code: 'NEW-CAMP' }, select: { description: true, brand: { select: { description: true } } } });
    expect(campaign).toEqual({ description: 'AUTO-CREATED BY IMPORT', brand: { description: 'AUTO-CREATED BY IMPORT' } });
    expect((await database.prisma.creator.findFirstOrThrow({ where: { creatorKey: 'new.creator' } })).noteInternal).toBe('AUTO-CREATED BY IMPORT');
  });

  it('reads messy cells: BOM, semicolons, any header case, Vietnamese dates and money, yes/no words', async () => {
    await importTableRows(database.prisma, 'brands', [{ rowNumber: 2, values: { code: 'LUMI', name: 'Lumi' } }]);
    const dir = await writeCsv(
      'campaigns.csv',
      '\uFEFFObjective;CODE;Name;brand_code;Start Date;budget_planned;status\n  SALE ; C1 ;Chiến dịch Tết;LUMI;31/01/2026;1.500.000;Paused\n',
    );
    const result = await importPath(database.prisma, dir);
    expect(result.results[0]?.problems).toEqual([]);
    const campaign = await database.prisma.campaign.findFirstOrThrow({ where: { code: 'C1' } });
    expect([campaign.objective, campaign.status, campaign.name, campaign.startDate?.toISOString().slice(0, 10), campaign.budgetPlanned?.toString()]).toEqual([
      'sale', 'paused', 'Chiến dịch Tết', '2026-01-31', '1500000',
    ]);
  });

  it('refuses a natural key that appears twice in one file, naming both rows', async () => {
    const dir = await writeCsv('brands.csv', 'code,name\nLUMI,Lumi\nLUMI,Lumi again\n');
    const result = await importPath(database.prisma, dir);
    expect(result.results[0]?.problems[0]).toMatchObject({ row: 3, message: "this row repeats row 2 (same code 'LUMI')" });
  });
});

describe('soft deletion and updates', () => {
  it('restores a soft-deleted row whose natural key is imported again, and counts real changes as updates', async () => {
    await importTableRows(database.prisma, 'brands', [{ rowNumber: 2, values: { code: 'LUMI', name: 'Lumi' } }]);
    await database.prisma.brand.updateMany({ where: { code: 'LUMI' }, data: { deletedAt: new Date() } });
    const restored = await importTableRows(database.prisma, 'brands', [{ rowNumber: 2, values: { code: 'LUMI', name: 'Lumi' } }]);
    expect(restored.outcomes).toEqual([expect.objectContaining({ rowNumber: 2, outcome: 'updated', isRestored: true })]);
    expect((await database.prisma.brand.findFirstOrThrow({ where: { code: 'LUMI' } })).deletedAt).toBeNull();

    const renamed = await importTableRows(database.prisma, 'brands', [{ rowNumber: 2, values: { code: 'LUMI', name: 'Lumi Beauty' } }]);
    expect(renamed.totals).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect((await database.prisma.brand.findFirstOrThrow({ where: { code: 'LUMI' } })).rowVersion).toBe(4);
  });
});

describe('export', () => {
  async function exportAllCsv(dir: string): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    for (const definition of tableDefinitions) {
      const path = join(dir, `${definition.name}.csv`);
      await writeTableCsv(exportTable(database.prisma, definition.name), path);
      files[definition.name] = await readFile(path, 'utf8');
    }
    return files;
  }

  it('export, import into an empty database, export again gives identical CSV files', async () => {
    await importPath(database.prisma, importTemplatesDir, { format: 'csv' });
    const firstDir = await mkdtemp(join(workDir, 'export-1-'));
    const first = await exportAllCsv(firstDir);
    expect(first.bookings?.split('\n')).toHaveLength(5);
    await emptyDatabase();
    const reimport = await importPath(database.prisma, firstDir);
    expect(reimport.isSuccess).toBe(true);
    const second = await exportAllCsv(await mkdtemp(join(workDir, 'export-2-')));
    expect(second).toEqual(first);
  });

  it('round-trips through one XLSX workbook holding every tab, with the names beside the keys, real dates and typed money', async () => {
    await importPath(database.prisma, importTemplatesDir, { format: 'csv' });
    const workbook = join(workDir, 'all.xlsx');
    await writeTablesXlsx(tableDefinitions.map((definition) => exportTable(database.prisma, definition.name, { withLabels: true })), workbook);
    const before = await readWorkbookContent(workbook);
    const campaigns = before.find((tab) => tab.tab === 'campaigns')!.rows;
    // The brand's name sits beside brand_code, under the key's header merged over both: the
    // import reads that second header cell as empty and skips the column.
    expect(campaigns.find((row) => row[0] === 'LUMI-TET26')![campaigns[0]!.indexOf('brand_code') + 1]).toBe('Lumi Beauty');
    await emptyDatabase();
    const reimport = await importPath(database.prisma, workbook, { format: 'xlsx' });
    expect(reimport.results).toHaveLength(20);
    expect(reimport.isSuccess).toBe(true);
    const again = join(workDir, 'again.xlsx');
    await writeTablesXlsx(tableDefinitions.map((definition) => exportTable(database.prisma, definition.name, { withLabels: true })), again);
    expect(await readWorkbookContent(again)).toEqual(before);
  });

  it('an exported workbook opened and saved again by LibreOffice Calc imports into an empty database, name columns skipped', async () => {
    const resaved = join(import.meta.dirname, '../fixtures/exports/booking_center_export.libreoffice.xlsx');
    const result = await importPath(database.prisma, resaved);
    expect(result.results.flatMap((entry) => entry.problems)).toEqual([]);
    expect(result.results).toHaveLength(15);
    const campaign = await database.prisma.campaign.findFirstOrThrow({ where: { code: 'LUMI-TET26' }, select: { startDate: true, budgetPlanned: true, brand: { select: { code: true } } } });
    expect([campaign.startDate?.toISOString().slice(0, 10), campaign.budgetPlanned?.toString(), campaign.brand.code]).toEqual(['2026-01-05', '150000000', 'LUMI']);
  });

  // The export guards a formula-like cell with a leading '; reading a CSV takes it off again.
  it('a formula-like cell the CSV export neutralised (=, +, -, @) imports back as it was typed', async () => {
    await importTableRows(database.prisma, 'brands', [{ rowNumber: 2, values: { code: 'LUMI', name: '=HYPERLINK("http://x","y")', description: '@team -1+2' } }]);
    const dir = await mkdtemp(join(workDir, 'formula-'));
    await writeTableCsv(exportTable(database.prisma, 'brands'), join(dir, 'brands.csv'));
    expect(await readFile(join(dir, 'brands.csv'), 'utf8')).toContain(`'=HYPERLINK`);
    await emptyDatabase();
    expect((await importPath(database.prisma, dir)).isSuccess).toBe(true);
    expect(await database.prisma.brand.findFirstOrThrow({ where: { code: 'LUMI' }, select: { name: true, description: true } })).toEqual({ name: '=HYPERLINK("http://x","y")', description: '@team -1+2' });
  });
});

describe('the template workbook', () => {
  it('is up to date with the table definitions and the sample CSV files (run npm run templates:build)', async () => {
    const committed = await readWorkbookContent(join(importTemplatesDir, 'booking_center_template.xlsx'));
    expect(committed).toEqual(await buildTemplateWorkbookContent(importTemplatesDir));
    expect((await readdir(importTemplatesDir)).filter((name) => name.endsWith('.csv'))).toHaveLength(20);
  });

  it('imports into an empty database like the CSV folder', async () => {
    const result = await importPath(database.prisma, join(importTemplatesDir, 'booking_center_template.xlsx'));
    expect(result.isSuccess).toBe(true);
    expect(totalsOf(result).payments).toEqual([3, 0, 0, 0]);
  });
});

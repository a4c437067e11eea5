import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_WIDTH, writeSheetsXlsx, type ExportSheet } from '../../sync-server/src/modules/exports/xlsx-writer.js';

const sheet: ExportSheet = {
  name: 'campaigns',
  columns: [
    { field: 'code', header: 'code', type: 'text' },
    { field: 'brand_code', header: 'brand_code', type: 'text' },
    { field: 'brand_code:label', header: '', type: 'text', isLabel: true },
    { field: 'budget_planned', header: 'budget_planned', type: 'money' },
    { field: 'start_date', header: 'start_date', type: 'date' },
    { field: 'updated_at', header: 'updated_at', type: 'datetime' },
    { field: 'kpi_view', header: 'kpi_view', type: 'integer' },
    { field: 'description', header: 'description', type: 'text' },
    { field: 'x', header: 'x', type: 'boolean' },
  ],
  rows: [
    { code: 'LUMI-TET26', brand_code: 'LUMI', 'brand_code:label': 'Lumi Beauty Việt Nam', budget_planned: '150000000', start_date: '2026-01-31', updated_at: '2026-02-01 09:30:15', kpi_view: '2000000', description: 'Tết '.repeat(100), x: 'TRUE' },
    { code: 'C2', brand_code: 'LUMI', 'brand_code:label': 'Lumi Beauty Việt Nam', budget_planned: null, start_date: null, updated_at: null, kpi_view: null, description: null, x: 'FALSE' },
  ],
};

const payments: ExportSheet = {
  name: 'payments',
  columns: [
    { field: 'amount', header: 'amount', type: 'money' },
    { field: 'currency', header: 'currency', type: 'text' },
    { field: 'exchange_rate', header: 'exchange_rate', type: 'money' },
    { field: 'amount_vnd', header: 'amount_vnd', type: 'money' },
  ],
  rows: [
    { amount: '5000000', currency: 'VND', exchange_rate: null, amount_vnd: '5000000' },
    { amount: '200.5', currency: 'USD', exchange_rate: '25400.5', amount_vnd: '5092700' },
  ],
};

describe('an XLSX export a marketer can hand on', () => {
  let dir: string;
  let path: string;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bc-xlsx-writer-'));
    path = join(dir, 'campaigns.xlsx');
    expect(await writeSheetsXlsx([sheet, payments], path)).toEqual([2, 2]);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is a real workbook (zip), one tab per sheet, the header bold', async () => {
    expect((await readFile(path)).subarray(0, 2).toString()).toBe('PK');
    expect(workbook.worksheets.map((tab) => tab.name)).toEqual(['campaigns', 'payments']);
    expect(workbook.getWorksheet('campaigns')!.getCell('A1').font?.bold).toBe(true);
  });

  it('shows VND as #,##0 ₫, counts with thousands grouped, and money in another currency with decimals', () => {
    const tab = workbook.getWorksheet('campaigns')!;
    expect([tab.getCell('D2').value, tab.getCell('D2').numFmt]).toEqual([150_000_000, '#,##0 ₫']);
    expect([tab.getCell('G2').value, tab.getCell('G2').numFmt]).toEqual([2_000_000, '#,##0']);
    const pay = workbook.getWorksheet('payments')!;
    expect([pay.getCell('A2').numFmt, pay.getCell('A3').numFmt, pay.getCell('C3').numFmt, pay.getCell('D3').numFmt]).toEqual(['#,##0 ₫', '#,##0.00', '#,##0.00####', '#,##0 ₫']);
    expect(pay.getCell('A3').value).toBe(200.5);
  });

  it('writes dates and times as real dates (Date cells with a date format), in the wall-clock time exported', () => {
    const tab = workbook.getWorksheet('campaigns')!;
    const start = tab.getCell('E2');
    expect(start.value).toBeInstanceOf(Date);
    expect(start.value).toEqual(new Date(Date.UTC(2026, 0, 31)));
    expect(start.numFmt).toBe('dd/mm/yyyy');
    expect(tab.getCell('F2').value).toEqual(new Date(Date.UTC(2026, 1, 1, 9, 30, 15)));
    expect(tab.getCell('F2').numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(tab.getCell('I2').value).toBe(true);
  });

  it('fits column widths to their content within bounds', () => {
    const tab = workbook.getWorksheet('campaigns')!;
    const width = (column: string) => tab.getColumn(column).width;
    // "LUMI-TET26" is 10 characters; a 400-character description stops at the bound.
    expect(width('A')).toBe(12);
    expect(width('C')).toBe('Lumi Beauty Việt Nam'.length + 2);
    expect(width('H')).toBe(COLUMN_WIDTH.max);
    // A figure gets room for its thousands separators and some air before the next column.
    expect(width('G')).toBe('2,000,000'.length + 5);
    expect(width('I')).toBeGreaterThanOrEqual(COLUMN_WIDTH.min);
  });

  it('freezes the header row, filters it, and puts the brand name beside brand_code under one merged header', async () => {
    const tab = workbook.getWorksheet('campaigns')!;
    expect(tab.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(tab.autoFilter).toBe('A1:I3');
    // LibreOffice shows the filter buttons only with this name beside the sheet's autoFilter.
    const workbookXml = await (await JSZip.loadAsync(await readFile(path))).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;campaigns&apos;!$A$1:$I$3</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1">&apos;payments&apos;!$A$1:$D$3</definedName>`);
    expect(tab.getCell('B1').value).toBe('brand_code');
    expect(tab.getCell('C1').isMerged).toBe(true);
    expect(tab.getCell('C1').master.address).toBe('B1');
    expect(tab.getCell('C2').value).toBe('Lumi Beauty Việt Nam');
  });

  it('prints on A4 landscape, one page wide, the header repeated on every page', () => {
    const tab = workbook.getWorksheet('campaigns')!;
    expect(tab.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });
});

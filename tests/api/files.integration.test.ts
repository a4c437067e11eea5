import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition, templateColumns } from '../../sync-server/src/contract/index.js';
import { importReportSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const templates = join(import.meta.dirname, '../../import_templates');

function csvRows(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}

describe('exports and import upload over HTTP', () => {
  let server: TestServer;

  const get = async (path: string, username = 'huong.le') => fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs(username) });
  const refusal = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    return errorResponseSchema.parse(await response.json());
  };
  const upload = async (fileName: string, content: Buffer | string, fields: Record<string, string> = {}, username = 'minh.tran') => {
    const form = new FormData();
    form.append('file', new Blob([content]), fileName);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs(username), body: form });
  };
  const report = async (response: Response) => {
    expect(response.status).toBe(200);
    return importReportSchema.parse(await response.json());
  };
  const exportedCodes = async (path: string) => csvRows(await (await get(path)).text()).slice(1).map((row) => row[0]);

  beforeAll(async () => {
    server = await startTestServer({ bodyLimit: '200kb' });
  });
  afterAll(async () => server?.dispose());

  describe('GET /campaigns/export', () => {
    it('exports the filtered campaign list as a CSV attachment in the campaigns template format', async () => {
      const response = await get('/campaigns/export?format=csv&statuses=running');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?campaigns-\d{4}-\d{2}-\d{2}\.csv"?$/);
      const rows = csvRows(await response.text());
      expect(rows[0]).toEqual(templateColumns(findTableDefinition('campaigns')!).map((column) => column.name));
      expect(rows.slice(1).map((row) => row[0])).toEqual(['CC-TET-2026']);
      expect(await exportedCodes('/campaigns/export?brand=HANOIFOOD')).toEqual(['HNF-MUT-TET-2026']);
      expect(await exportedCodes('/campaigns/export?sort=budget_planned')).toEqual(['CC-TET-2026', 'HNF-MUT-TET-2026']);
      expect(await exportedCodes('/campaigns/export?search=nothing-like-this')).toEqual([]);
    });

    it('exports XLSX with numbers as numbers', async () => {
      const response = await get('/campaigns/export?format=xlsx&statuses=planned');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/\.xlsx"?$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('campaigns')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const row = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(row[0]).toBe('HNF-MUT-TET-2026');
      expect(row[header.indexOf('budget_planned')]).toBe(80_000_000);
      expect(sheet.rowCount).toBe(2);
    });

    it('refuses a viewer with 403 and a format it does not know with 422', async () => {
      expect((await refusal(await get('/campaigns/export', 'an.pham'), 403)).code).toBe('PERMISSION_DENIED');
      expect((await refusal(await get('/campaigns/export?format=pdf'), 422)).errors).toHaveProperty('format');
    });
  });

  describe('GET /campaigns/{code}/export and /exports/{table}', () => {
    it('exports the campaign detail summary: the campaign, its products by priority and its creators', async () => {
      const response = await get('/campaigns/cc-tet-2026/export');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('campaign-CC-TET-2026-');
      const text = await response.text();
      expect(text).toContain('\nProducts\npriority,brand_code,product_code,product_name,category,note\n1,COCOON,CC-BI-BAO,');
      expect(text).toMatch(/\nCreators\n.*\n.*KOC-LINHBEAUTY/);
      expect(text).toContain('KOC-BAOTRAMSKIN');
    });

    it('exports the detail summary as a workbook with three tabs', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await get('/campaigns/HNF-MUT-TET-2026/export?format=xlsx')).arrayBuffer());
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['campaign', 'products', 'creators']);
      expect(workbook.getWorksheet('products')!.getRow(2).getCell(3).value).toBe('HN-MUT-TET');
    });

    it('exports any template table, and answers an unknown one or an unknown campaign with 404', async () => {
      const creators = await exportedCodes('/exports/creators?format=csv');
      expect(creators).toEqual(expect.arrayContaining(['KOC-LINHBEAUTY', 'KOC-THAOVY']));
      expect((await refusal(await get('/exports/notes'), 404)).detail).toContain('There is no table notes');
      await refusal(await get('/campaigns/NOPE/export'), 404);
    });
  });

  describe('POST /imports', () => {
    it('a dry run of the template workbook reports every tab and writes nothing', async () => {
      // By the admin: the template holds a paid payment, which a lead may not mark paid (issue 14).
      const body = await report(await upload('booking_center_template.xlsx', await readFile(join(templates, 'booking_center_template.xlsx')), { dryRun: 'true' }, 'lan.nguyen'));
      expect(body.dryRun).toBe(true);
      expect(body.files.map((file) => file.table)).toEqual(expect.arrayContaining(['brands', 'creators', 'campaigns', 'payments']));
      expect(body.files.every((file) => !file.isCommitted && file.totals.errors === 0)).toBe(true);
      expect(body.files.find((file) => file.table === 'brands')!.totals.created).toBe(2);
      expect(await exportedCodes('/exports/brands')).not.toContain('LUMI');
    });

    it('imports a CSV named after its table, as the CLI does', async () => {
      const body = await report(await upload('brands.csv', await readFile(join(templates, 'brands.csv'))));
      expect(body.files).toEqual([expect.objectContaining({ table: 'brands', fileLabel: 'brands.csv', isCommitted: true, problems: [] })]);
      expect(body.files[0]!.totals).toMatchObject({ rows: 2, created: 2, errors: 0 });
      expect(await exportedCodes('/exports/brands')).toEqual(expect.arrayContaining(['LUMI', 'BEPVIET']));
    });

    it('a file with one bad row writes nothing and names the row, the column and the value', async () => {
      const lines = (await readFile(join(templates, 'creators.csv'), 'utf8')).split('\n');
      lines[2] = lines[2]!.replace(',active,', ',sleeping,');
      const body = await report(await upload('creators.csv', lines.join('\n')));
      const [file] = body.files;
      expect(file).toMatchObject({ table: 'creators', isCommitted: false });
      expect(file!.totals.errors).toBe(1);
      expect(file!.problems).toEqual([expect.objectContaining({ table: 'creators', row: 3, column: 'status', value: 'sleeping' })]);
      expect(await exportedCodes('/exports/creators')).not.toContain('linh.nguyen');
    });

    it('takes the table from the form when the file name does not say it', async () => {
      const body = await report(await upload('export (3).csv', await readFile(join(templates, 'creators.csv')), { table: 'creators', dryRun: 'true' }));
      expect(body.files).toEqual([expect.objectContaining({ table: 'creators', fileLabel: 'export (3).csv', isCommitted: false })]);
      expect(body.files[0]!.totals.created).toBe(3);
    });

    it('answers an unknown table, a file that is not CSV or XLSX, a broken workbook and a missing file with 422 and a plain message', async () => {
      expect((await refusal(await upload('notes.csv', 'a,b\n1,2\n'), 422)).detail).toContain('names no import table');
      const pdf = await refusal(await upload('creators.pdf', 'x'), 422);
      expect([pdf.code, pdf.detail]).toEqual(['UNSUPPORTED_FILE', expect.stringContaining('The import reads CSV and text files (.csv, .txt, .tsv), Excel workbooks (.xlsx) and LibreOffice workbooks (.ods)')]);
      expect((await refusal(await upload('creators.xlsx', 'not a zip'), 422)).code).toBe('UNREADABLE_FILE');
      expect((await refusal(await upload('x.csv', 'a\n', { table: 'notes' }), 422)).detail).toContain("There is no import table 'notes'. The tables are: brands, products");
      const empty = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs('minh.tran'), body: new FormData() });
      expect((await refusal(empty, 422)).errors).toHaveProperty('file');
    });

    it('checks the tab permission: finance may import payments but not creators; a viewer nothing', async () => {
      expect((await refusal(await upload('creators.csv', await readFile(join(templates, 'creators.csv')), { dryRun: 'true' }, 'huong.le'), 403)).detail).toContain('creators');
      const payments = await report(await upload('payments.csv', await readFile(join(templates, 'payments.csv')), { dryRun: 'true' }, 'huong.le'));
      expect(payments.files[0]!.table).toBe('payments');
      await refusal(await upload('brands.csv', await readFile(join(templates, 'brands.csv')), { dryRun: 'true' }, 'an.pham'), 403);
    });

    it('refuses a file over the size limit with 413', async () => {
      const body = await refusal(await upload('creators.csv', 'x'.repeat(300 * 1024)), 413);
      expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  it('refuses a JSON body over the limit with 413 and a reused idempotency key with 409, in the one error shape', async () => {
    const headers = { ...(await server.authAs('minh.tran')), 'content-type': 'application/json' };
    const big = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/transition`, { method: 'POST', headers, body: JSON.stringify({ to: 'paused', note: 'x'.repeat(300 * 1024) }) });
    await refusal(big, 413);
    const push = (tables: unknown[]) => fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: 'files-test-0001', tables }) });
    expect((await push([{ table: 'brands', rows: [] }])).status).toBe(200);
    const reused = await refusal(await push([{ table: 'products', rows: [] }]), 409);
    expect(JSON.stringify(reused)).not.toMatch(/SELECT|at .*\.ts/);
  });
});

/**
 * The import door and the sheet push in each language: a problem comes back in the caller's
 * language (Accept-Language) pointing at the same row, column and value; enum labels typed in
 * any language are stored as their codes, and exports still write the codes.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema, pushResponseSchema, type PushRequest } from '../../sync-server/src/contract/sync-payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const campaignsHeader = 'code,name,brand_code,channel,objective,description,start_date,end_date,budget_planned,kpi_view,kpi_order,kpi_revenue,status,owner_username';
const creatorsHeader = 'creator_key,name,alias,gender,dob,location,niche,status,priority_score,note_internal';

describe('imports and pushes in Vietnamese, Amharic and English', () => {
  let server: TestServer;

  const upload = async (fileName: string, content: string, options: { language?: string; dryRun?: boolean } = {}) => {
    const form = new FormData();
    form.append('file', new Blob([content]), fileName);
    if (options.dryRun) form.append('dryRun', 'true');
    const headers: Record<string, string> = { ...(await server.authAs('minh.tran')), ...(options.language ? { 'accept-language': options.language } : {}) };
    const response = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers, body: form });
    expect(response.status).toBe(200);
    return importReportSchema.parse(await response.json());
  };
  const push = async (body: Omit<PushRequest, 'idempotencyKey'>, language?: string) => {
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { ...(await server.authAs('minh.tran')), 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify({ idempotencyKey: randomUUID(), ...body }),
    });
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json());
  };
  const exportedCreators = async () => {
    const response = await fetch(`${server.url}/api/v1/exports/creators?format=csv`, { headers: await server.authAs('minh.tran') });
    expect(response.status).toBe(200);
    return parse(await response.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  it('reports a budget that is not a number in the language asked for, at the same row, column and value', async () => {
    const file = `${campaignsHeader}\nLANG-TEST-1,Thử ngôn ngữ,COCOON,tiktok,sale,,2026-03-01,2026-03-31,abc,,,,draft,\n`;
    const problemIn = async (language?: string) => {
      const report = await upload('campaigns.csv', file, { language, dryRun: true });
      expect(report.files[0]?.isCommitted).toBe(false);
      return report.files[0]?.problems;
    };
    expect(await problemIn('vi')).toEqual([
      { table: 'campaigns', row: 2, column: 'budget_planned', value: 'abc', message: 'Ngân sách dự kiến “abc” không phải là số (hãy ghi 1500000, 1.500.000 hoặc 1,500,000)' },
    ]);
    expect(await problemIn('am, en;q=0.5')).toEqual([
      { table: 'campaigns', row: 2, column: 'budget_planned', value: 'abc', message: 'የታቀደ በጀት “abc” ቁጥር አይደለም (1500000፣ 1.500.000 ወይም 1,500,000 ብለው ይጻፉ)' },
    ]);
    expect(await problemIn()).toEqual([
      { table: 'campaigns', row: 2, column: 'budget_planned', value: 'abc', message: "budget_planned 'abc' is not a number (write 1500000, 1.500.000 or 1,500,000)" },
    ]);
  });

  it('refuses an unknown file in the language asked for, with the same reason code', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'notes.xls');
    const response = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: { ...(await server.authAs('minh.tran')), 'accept-language': 'vi' }, body: form });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code?: string; detail?: string };
    expect(body.code).toBe('UNSUPPORTED_FILE');
    expect(body.detail).toMatch(/^notes\.xls là workbook Excel 97–2003 \(\.xls\); hãy mở trong Excel/);
  });

  it('stores a gender and a status typed as Vietnamese labels as their codes, and the export writes the codes', async () => {
    const file = `${creatorsHeader}\nlang.thu,Lê Thu,Thu Review,nữ,,Hà Nội,beauty,Theo Dõi,5,\n`;
    const report = await upload('creators.csv', file);
    expect(report.files[0]).toMatchObject({ isCommitted: true, totals: { created: 1, errors: 0 } });
    const exported = (await exportedCreators()).find((row) => row.creator_key === 'lang.thu');
    expect(exported).toMatchObject({ gender: 'female', status: 'watchlist' });
  });

  it('the sheet push accepts an Amharic label and refuses an unknown gender listing the labels of the language asked for', async () => {
    const accepted = await push({ tables: [{ table: 'creators', rows: [{ rowNumber: 2, rowVersion: null, values: { creator_key: 'lang.selam', name: 'Selam', gender: 'ሴት', status: 'ንቁ' } }] }] });
    expect(accepted.applied).toBe(true);
    expect(accepted.tables[0]?.results[0]?.status).toBe('created');
    expect((await exportedCreators()).find((row) => row.creator_key === 'lang.selam')).toMatchObject({ gender: 'female', status: 'active' });

    const refused = await push({ tables: [{ table: 'creators', rows: [{ rowNumber: 3, rowVersion: null, values: { creator_key: 'lang.robot', name: 'Robot', gender: 'robot' } }] }] }, 'vi');
    expect(refused.applied).toBe(false);
    expect(refused.tables[0]?.results[0]).toMatchObject({ rowNumber: 3, status: 'error', errors: { gender: ['Giới tính “robot” không hợp lệ; chọn một trong: nữ (female), nam (male), khác (other)'] } });
  });
});

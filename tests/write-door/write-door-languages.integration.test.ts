/**
 * The write door speaks the language of the request that opened it (issue 13): the sheet push's
 * row refusals, version conflicts and tab rights, and a REST action's refusal, in Vietnamese for
 * `Accept-Language: vi`, in Amharic for `am`, in English without the header (the sample tenant
 * speaks English in the tests). One language per message: the "English / Vietnamese" pairs are gone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type PushRequest } from '../../sync-server/src/contract/sync-payloads.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Asked = 'vi' | 'am' | null;
type Tables = PushRequest['tables'];

const ETHIOPIC = /[\u1200-\u137F]/;

describe('the write door answers in the language asked for', () => {
  let server: TestServer;

  const headersFor = async (language: Asked, username: string) => ({
    ...(await server.authAs(username)),
    'content-type': 'application/json',
    ...(language ? { 'accept-language': language } : {}),
  });
  const pushRaw = async (tables: Tables, language: Asked, username = 'minh.tran') =>
    fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers: await headersFor(language, username), body: JSON.stringify({ idempotencyKey: randomUUID(), tables }) });
  const push = async (tables: Tables, language: Asked, username = 'minh.tran') => {
    const response = await pushRaw(tables, language, username);
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json());
  };
  const pulledCampaign = async (code: string) => {
    const response = await fetch(`${server.url}/api/v1/sync/pull?tables=campaigns`, { headers: await server.authAs('minh.tran') });
    const row = pullResponseSchema.parse(await response.json()).tables[0]!.rows.find((candidate) => candidate.values.code === code);
    if (!row) throw new Error(`campaign ${code} not pulled`);
    return row;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  it('refuses a status move and a budget change on their cells, in each language, and writes nothing', async () => {
    const hnf = await pulledCampaign('HNF-MUT-TET-2026');
    const tables: Tables = [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: hnf.rowVersion, values: { ...hnf.values, status: 'finished', budget_planned: 90_000_000 } }] }];
    const errorsIn = async (language: Asked) => {
      const result = await push(tables, language);
      expect(result.applied).toBe(false);
      expect(result.tables[0]!.results[0]!.status).toBe('error');
      return result.tables[0]!.results[0]!.errors!;
    };

    const english = await errorsIn(null);
    expect(english.status).toEqual(["A planned campaign can't move to finished; it can move to: running, paused, canceled."]);
    expect(english.budget_planned).toEqual(["Your role (lead) can't change campaign budgets."]);

    const vietnamese = await errorsIn('vi');
    expect(vietnamese.status).toEqual([expect.stringMatching(/^Chiến dịch ở trạng thái “.+” không thể chuyển sang “.+”; chỉ có thể chuyển sang: .+\.$/)]);
    expect(vietnamese.budget_planned).toEqual(['Vai trò trưởng nhóm của bạn không được phép đổi ngân sách chiến dịch.']);

    const amharic = await errorsIn('am');
    for (const message of [...amharic.status!, ...amharic.budget_planned!]) {
      expect(message).toMatch(ETHIOPIC);
      expect(message).not.toMatch(/can't|không/);
    }
    expect((await pulledCampaign('HNF-MUT-TET-2026')).rowVersion).toBe(hnf.rowVersion);
  });

  it('explains a version conflict in the language asked for, with both versions', async () => {
    const tet = await pulledCampaign('CC-TET-2026');
    const stale: Tables = [{ table: 'campaigns', rows: [{ rowNumber: 3, rowVersion: tet.rowVersion - 1, values: { ...tet.values, name: 'Bản cũ của tôi' } }] }];
    const conflictIn = async (language: Asked) => {
      const row = (await push(stale, language)).tables[0]!.results[0]!;
      expect(row.status).toBe('conflict');
      return row.errors?._row?.[0];
    };
    expect(await conflictIn(null)).toBe(`someone changed this row on the server since you pulled it (your version ${tet.rowVersion - 1}, server version ${tet.rowVersion})`);
    expect(await conflictIn('vi')).toBe(`có người đã sửa dòng này trên máy chủ sau lần Pull của bạn (phiên bản của bạn ${tet.rowVersion - 1}, trên máy chủ ${tet.rowVersion})`);
    expect(await conflictIn('am')).toMatch(new RegExp(`^ካመጡት \\(pull\\) በኋላ .*${tet.rowVersion - 1}.*${tet.rowVersion}`));
  });

  it('refuses a date range the wrong way round, with the dates written as the language writes them', async () => {
    const row = { code: 'WD-LANG-DATES', name: 'Ngược ngày', brand_code: 'COCOON', channel: 'tiktok', objective: 'awareness', description: null, start_date: '2026-03-10', end_date: '2026-03-01', status: 'draft' };
    const endDateError = async (language: Asked) => (await push([{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: null, values: row }] }], language)).tables[0]!.results[0]!.errors?.end_date;
    expect(await endDateError(null)).toEqual(['The end date (01/03/2026) is before the start date (10/03/2026).']);
    expect(await endDateError('vi')).toEqual(['Ngày kết thúc (01/03/2026) đang trước ngày bắt đầu (10/03/2026).']);
    expect(await endDateError('am')).toEqual(['የማብቂያ ቀኑ (01/03/2026) ከመጀመሪያ ቀኑ (10/03/2026) በፊት ነው።']);
  });

  it('refuses a tab the role may not write with 403, naming the roles that may, in the language asked for', async () => {
    const refusal = async (language: Asked) => {
      const response = await pushRaw([{ table: 'campaigns', rows: [] }], language, 'huong.le');
      expect(response.status).toBe(403);
      return errorResponseSchema.parse(await response.json());
    };
    const [english, vietnamese, amharic] = [await refusal(null), await refusal('vi'), await refusal('am')];
    for (const body of [english, vietnamese, amharic]) expect(body.code).toBe('PERMISSION_DENIED');
    expect(english.detail).toBe("Your role (finance) can't change the campaigns tab; ask someone with the admin or lead role.");
    expect(vietnamese.detail).toBe('Vai trò tài chính của bạn không được sửa trang campaigns; hãy nhờ người có vai trò quản trị hoặc trưởng nhóm.');
    expect(amharic.detail).toMatch(ETHIOPIC);
    expect(amharic.detail).toContain('campaigns');
  });
});

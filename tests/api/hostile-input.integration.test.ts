import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema, pushResponseSchema, type CellRecord } from '../../sync-server/src/contract/sync-payloads.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const fixtures = join(import.meta.dirname, '../fixtures/hostile-input');

/** Input that reached PostgreSQL and came back as a 500: each is now refused where it stands, and nothing is written. */
describe('hostile input', () => {
  let server: TestServer;
  const admin = 'lan.nguyen';

  const get = async (path: string) => fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs(admin) });
  const postJson = async (path: string, body: unknown) =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { ...(await server.authAs(admin)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const refusal = async (response: Response, status = 422) => {
    expect(response.status).toBe(status);
    return errorResponseSchema.parse(await response.json());
  };
  const push = async (table: string, rows: CellRecord[], deletions?: Array<{ rowNumber: number; key: Record<string, string>; rowVersion: null }>) => {
    const response = await postJson('/sync/push', { idempotencyKey: randomUUID(), tables: [{ table, rows: rows.map((values, index) => ({ rowNumber: index + 2, rowVersion: null, values })), deletions }] });
    expect(response.status).toBe(200);
    const body = pushResponseSchema.parse(await response.json());
    expect(body.applied).toBe(false);
    return body.tables[0]!.results;
  };
  const upload = async (fileName: string, content: Buffer, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs(admin), body: form });
  };
  const uploadFixture = async (fileName: string, fields: Record<string, string> = {}) => {
    const response = await upload(fileName, await readFile(join(fixtures, fileName)), fields);
    expect(response.status).toBe(200);
    const [file] = importReportSchema.parse(await response.json()).files;
    expect(file!.isCommitted).toBe(false);
    return file!.problems.map((problem) => ({ row: problem.row, column: problem.column, message: problem.message }));
  };
  const campaign = (values: CellRecord = {}): CellRecord => ({ code: 'HOSTILE-1', name: 'Thử', brand_code: 'COCOON', objective: 'awareness', ...values });
  const prisma = () => server.database.prisma;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  describe('a NUL or half a surrogate pair in the request (PostgreSQL stores neither)', () => {
    it('in the address or a query value: 422 UNSTORABLE_TEXT naming the path or the parameter', async () => {
      const inPath = await refusal(await get('/campaigns/%00abc'));
      expect(inPath.code).toBe('UNSTORABLE_TEXT');
      expect(inPath.errors.path?.[0]).toMatch(/NUL character \(at character 1\), which can't be stored/);
      for (const [path, parameter] of [
        ['/campaigns?search=a%00', 'search'],
        ['/campaigns?owner=a%00', 'owner'],
        ['/campaigns/export?brand=a%00', 'brand'],
        ['/creators?search=a%00', 'search'],
        ['/products?search=a%00', 'search'],
      ]) {
        const refused = await refusal(await get(path!));
        expect(refused.code, path).toBe('UNSTORABLE_TEXT');
        expect(Object.keys(refused.errors), path).toEqual([parameter]);
      }
    });

    it('in a JSON body field: 422 naming the field, and the campaign keeps its status and its creators', async () => {
      const before = await prisma().campaign.findFirstOrThrow({ where: { code: 'CC-TET-2026' }, select: { status: true, rowVersion: true } });
      const creatorsBefore = await prisma().campaignCreator.count();

      const surrogate = await refusal(await postJson('/campaigns/CC-TET-2026/transition', { to: 'paused', note: '🎉 Tạm dừng \ud83d' }));
      expect(surrogate.errors.note?.[0]).toMatch(/broken character \(at character 12: half of an emoji or symbol\)/);
      const nul = await refusal(await postJson('/campaigns/CC-TET-2026/transition', { to: 'paused', note: 'a\u0000' }));
      expect(nul.errors.note?.[0]).toMatch(/NUL character/);
      const long = await refusal(await postJson('/campaigns/CC-TET-2026/transition', { to: 'paused', note: 'x'.repeat(2001) }));
      expect(long.errors.note?.[0]).toMatch(/2000/);
      expect((await refusal(await postJson('/campaigns/CC-TET-2026/creators', { creatorKeys: ['KOC-LINHBEAUTY\u0000'], role: 'main' }))).errors).toHaveProperty(['creatorKeys.0']);
      expect((await refusal(await postJson('/campaigns/CC-TET-2026/products', { products: [{ brandCode: 'COCOON', productCode: 'x\u0000' }] }))).errors).toHaveProperty(['products.0.productCode']);
      expect((await refusal(await postJson('/sync/push', { idempotencyKey: `key-${randomUUID()}\u0000`, tables: [{ table: 'brands', rows: [] }] }))).errors).toHaveProperty(['idempotencyKey']);

      expect(await prisma().campaign.findFirstOrThrow({ where: { code: 'CC-TET-2026' }, select: { status: true, rowVersion: true } })).toEqual(before);
      expect(await prisma().campaignCreator.count()).toBe(creatorsBefore);
    });

    it('in a pushed cell or deletion key: refused on its row and column, and the push writes nothing', async () => {
      const results = await push('campaigns', [campaign({ name: 'Tết\u0000' }), campaign({ code: 'HOSTILE-2', description: 'Mô tả \udc00' }), campaign({ code: 'HOSTILE-3', brand_code: 'COCOON\u0000' })]);
      expect(results.map((result) => [result.rowNumber, result.status, Object.keys(result.errors ?? {})])).toEqual([
        [2, 'error', ['name']],
        [3, 'error', ['description']],
        [4, 'error', ['brand_code']],
      ]);
      expect(results[0]!.errors!.name![0]).toBe("name contains an invisible NUL character (at character 4), which can't be stored: remove it, or paste the text again as plain text");
      const deletion = await push('brands', [], [{ rowNumber: 7, key: { code: 'COCOON\u0000' }, rowVersion: null }]);
      expect(deletion[0]).toMatchObject({ rowNumber: 7, status: 'error', errors: { code: [expect.stringMatching(/NUL character/)] } });
      expect(await prisma().campaign.count({ where: { code: { startsWith: 'HOSTILE-' } } })).toBe(0);
      expect(await prisma().brand.count({ where: { code: 'COCOON', deletedAt: null } })).toBe(1);
    });

    it('in a cell of an uploaded CSV: the row and column are named, nothing is saved', async () => {
      expect(await uploadFixture('brands-nul.csv', { table: 'brands' })).toEqual([{ row: 2, column: 'name', message: expect.stringMatching(/^name contains an invisible NUL character \(at character 7\)/) }]);
      expect(await prisma().brand.count({ where: { code: 'NUL-BRAND' } })).toBe(0);
    });

    it('a multipart upload whose part header busboy refuses (a NUL in the file name) is a 400, not a 500', async () => {
      const refused = await refusal(await upload('bra\u0000nds.csv', Buffer.from('code,name\nNUL-NAME,x\n')), 400);
      expect(refused.detail).toMatch(/not a well-formed form/);
      expect(await prisma().brand.count({ where: { code: 'NUL-NAME' } })).toBe(0);
    });
  });

  describe('numbers that overflow their column', () => {
    it('budget_planned, kpi_revenue and kpi_order beyond what the database holds are refused on the cell with the accepted range', async () => {
      const results = await push('campaigns', [
        campaign({ code: 'HOSTILE-1', budget_planned: 1e308 }),
        campaign({ code: 'HOSTILE-2', budget_planned: '9223372036854775808' }),
        campaign({ code: 'HOSTILE-3', kpi_revenue: 2 ** 63 }),
        campaign({ code: 'HOSTILE-4', kpi_revenue: '10000000000000000' }),
        campaign({ code: 'HOSTILE-5', kpi_order: 2 ** 40 }),
      ]);
      const money = /is too large to store: write a number from 0 to 999,999,999,999,999$/;
      expect(results.map((result) => result.errors)).toEqual([
        { budget_planned: [expect.stringMatching(money)] },
        { budget_planned: [expect.stringMatching(money)] },
        { kpi_revenue: [expect.stringMatching(money)] },
        { kpi_revenue: [expect.stringMatching(money)] },
        { kpi_order: [expect.stringMatching(/is too large to store: write a number from 0 to 2,147,483,647$/)] },
      ]);
      expect(await prisma().campaign.count({ where: { code: { startsWith: 'HOSTILE-' } } })).toBe(0);
    });

    it('the same numbers in an uploaded CSV are refused row by row, in scientific notation or in full', async () => {
      const problems = await uploadFixture('campaigns-overflow.csv', { table: 'campaigns' });
      expect(problems).toEqual([
        { row: 2, column: 'budget_planned', message: "budget_planned '1e308' is a shortened number (scientific notation) whose digits may be lost: write the number in full, e.g. 1500000" },
        { row: 3, column: 'budget_planned', message: "budget_planned '9223372036854775808' is too large to store: write a number from 0 to 999,999,999,999,999" },
        { row: 4, column: 'kpi_revenue', message: 'kpi_revenue must be at least 0' },
        { row: 5, column: 'kpi_revenue', message: "kpi_revenue 'Infinity' is not a number (write 1500000, 1.500.000 or 1,500,000)" },
      ]);
      expect(await prisma().campaign.count({ where: { code: { startsWith: 'OVER-' } } })).toBe(0);
    });
  });

  describe('numbers that must stay text', () => {
    it('an ID that a spreadsheet shortened and a phone that lost its 0 are refused per cell; an exact ID number is kept as its digits', async () => {
      const channels = await push('creator_channels', [
        { creator_key: 'KOC-LINHBEAUTY', platform: 'tiktok', handle: '@linh.second', external_id: 6.9e18 },
        { creator_key: 'KOC-LINHBEAUTY', platform: 'youtube', handle: '@linh.exact', external_id: 123456789012 },
      ]);
      expect(channels[0]!.errors?.external_id?.[0]).toBe(
        "external_id '6900000000000000000' arrived as a number longer than the 15 digits a spreadsheet keeps, so its last digits are lost; format the column as Text in the spreadsheet and type it again",
      );
      expect(channels[1]).toMatchObject({ status: 'created' });
      const contacts = await push('creator_contacts', [{ creator_key: 'KOC-LINHBEAUTY', contact_type: 'manager', name: 'Chị Hạnh', phone: 912345678 }]);
      expect(contacts[0]!.errors?.phone?.[0]).toMatch(/^phone '912345678' arrived as a number, so its leading 0 \(or \+\) is lost; .* e\.g\. 0912345678$/);
      expect(await prisma().creatorChannel.count({ where: { handle: { in: ['@linh.second', '@linh.exact'] } } })).toBe(0);
    });

    it('XLSX and CSV files saved by LibreOffice with those numbers: each cell is named, nothing is saved', async () => {
      const shortened = [{ row: 2, column: 'external_id', message: expect.stringMatching(/(longer than the 15 digits a spreadsheet keeps|looks like a number Excel shortened)/) }];
      expect(await uploadFixture('creator_channels-libreoffice.xlsx')).toEqual(shortened);
      expect(await uploadFixture('creator_channels-libreoffice.csv', { table: 'creator_channels' })).toEqual(shortened);
      const lostZero = [
        { row: 2, column: 'phone', message: expect.stringMatching(/leading 0/) },
        { row: 2, column: 'zalo', message: expect.stringMatching(/leading 0/) },
      ];
      expect(await uploadFixture('creator_contacts-libreoffice.xlsx')).toEqual(lostZero);
      expect(await uploadFixture('creator_contacts-libreoffice.csv', { table: 'creator_contacts' })).toEqual(lostZero);
      expect(await prisma().creatorContact.count({ where: { name: 'Chị Hạnh' } })).toBe(0);
    });
  });

  it('text longer than its column accepts is refused on the cell instead of being stored or breaking the index', async () => {
    const randomText = (length: number) => Array.from({ length }, () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 20_000))).join('');
    const results = await push('campaigns', [campaign({ code: randomText(3000) }), campaign({ code: 'HOSTILE-2', description: 'x'.repeat(20_001) })]);
    expect(results.map((result) => result.errors)).toEqual([
      { code: ['code is 3,000 characters long; at most 500 are accepted'] },
      { description: ['description is 20,001 characters long; at most 20,000 are accepted'] },
    ]);
    expect(await prisma().campaign.count({ where: { OR: [{ code: 'HOSTILE-2' }, { description: { startsWith: 'xxxx' } }] } })).toBe(0);
  });
});

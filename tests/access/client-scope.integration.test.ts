/**
 * The Client and StationRep roles over HTTP (003 RBAC): a client of COCOON sees the campaign
 * CC-TET-2026 and what hangs off it, never HANOIFOOD's HNF-MUT-TET-2026, whichever door they read
 * through (list, detail, pull, exports, reports); money only when the tenant allows it. A station
 * rep reads no campaign data at all.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const COCOON_CLIENT = 'cocoon.marketing';
const HANOIFOOD_CLIENT = 'hanoifood.marketing';
const STATION_REP = 'vtv.sales';

describe('a client sees only the campaigns of their brands', () => {
  let server: TestServer;

  const get = async (path: string, username: string) => {
    const response = await fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs(username) });
    return { status: response.status, text: await response.text() };
  };
  const getJson = async (path: string, username: string) => {
    const { status, text } = await get(path, username);
    expect(status, text).toBe(200);
    return JSON.parse(text);
  };
  const pull = async (tables: string, username: string) => pullResponseSchema.parse(await getJson(`/sync/pull?tables=${tables}`, username));
  const pulledTable = async (table: string, username: string) => (await pull(table, username)).tables[0]!.rows;
  const setTenantSettings = (settings: object) => server.database.prisma.tenant.update({ where: { id: DEFAULT_TENANT_ID }, data: { settings } });

  beforeAll(async () => {
    server = await startTestServer();
    const prisma = server.database.prisma;
    const brands = await prisma.brand.findMany({ select: { id: true, code: true } });
    const brandId = (code: string) => brands.find((brand) => brand.code === code)!.id;
    await prisma.user.create({ data: { username: COCOON_CLIENT, email: 'marketing@cocoon.example', displayName: 'Cocoon marketing', role: 'client', clientBrands: { create: [{ brandId: brandId('COCOON') }] } } });
    await prisma.user.create({ data: { username: HANOIFOOD_CLIENT, email: 'marketing@hanoifood.example', displayName: 'Hà Nội Food marketing', role: 'client', clientBrands: { create: [{ brandId: brandId('HANOIFOOD') }] } } });
    await prisma.user.create({ data: { username: STATION_REP, email: 'sales@vtv.example', displayName: 'VTV sales', role: 'station_rep' } });
  });
  afterAll(async () => server?.dispose());

  it('the campaign list holds their brand’s campaign only, without budgets; two clients asking the same never share an answer', async () => {
    const cocoon = await getJson('/campaigns', COCOON_CLIENT);
    expect(cocoon.items.map((item: { code: string }) => item.code)).toEqual(['CC-TET-2026']);
    expect(cocoon.items[0]).toMatchObject({ budgetPlanned: null, budgetActual: null });
    const hanoifood = await getJson('/campaigns', HANOIFOOD_CLIENT);
    expect(hanoifood.items.map((item: { code: string }) => item.code)).toEqual(['HNF-MUT-TET-2026']);
    // Filtering by another brand finds nothing rather than widening the scope.
    expect((await getJson('/campaigns?brand=HANOIFOOD', COCOON_CLIENT)).items).toEqual([]);
    // Sorting by budget would rank the hidden budgets.
    expect((await get('/campaigns?sort=budget_planned', COCOON_CLIENT)).status).toBe(403);
  });

  it('another brand’s campaign is a 404, exactly like a code that does not exist; their own opens without the agency’s history', async () => {
    const other = await get('/campaigns/HNF-MUT-TET-2026', COCOON_CLIENT);
    const missing = await get('/campaigns/NO-SUCH-CAMPAIGN', COCOON_CLIENT);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await get('/campaigns/HNF-MUT-TET-2026/transitions', COCOON_CLIENT)).status).toBe(404);
    expect((await get('/campaigns/HNF-MUT-TET-2026/export', COCOON_CLIENT)).status).toBe(404);
    const own = await getJson('/campaigns/CC-TET-2026', COCOON_CLIENT);
    expect(own).toMatchObject({ code: 'CC-TET-2026', budget: { planned: null, committed: 0, paid: 0 }, history: [] });
    expect(own.creators.length).toBeGreaterThan(0);
  });

  it('the sheet pull gives the rows of their campaigns, their brand and products, and the creators on their campaigns only', async () => {
    const body = await pull('brands,products,creators,campaigns,bookings,payments,videos,campaign_creators', COCOON_CLIENT);
    const rows = (table: string) => body.tables.find((candidate) => candidate.table === table)!.rows;
    expect(rows('brands').map((row) => row.values.code)).toEqual(['COCOON']);
    expect(new Set(rows('products').map((row) => row.values.brand_code))).toEqual(new Set(['COCOON']));
    expect(rows('campaigns').map((row) => row.values.code)).toEqual(['CC-TET-2026']);
    expect(rows('bookings').map((row) => row.values.code).sort()).toEqual(['BK-0001', 'BK-0002']);
    expect(new Set(rows('payments').map((row) => row.values.campaign_code))).toEqual(new Set(['CC-TET-2026']));
    expect(rows('payments').every((row) => row.values.amount === null)).toBe(true);
    expect(rows('videos')).toHaveLength(2);
    expect(rows('creators').map((row) => row.values.creator_key).sort()).toEqual(['KOC-BAOTRAMSKIN', 'KOC-HOANGANHREVIEW', 'KOC-LINHBEAUTY']);
    // Staff still pull everything.
    expect((await pulledTable('campaigns', 'an.pham')).map((row) => row.values.code).sort()).toEqual(['CC-TET-2026', 'HNF-MUT-TET-2026']);
  });

  it('a changed row of another brand’s campaign never reaches them through an incremental pull', async () => {
    const first = await pull('bookings', COCOON_CLIENT);
    await server.database.prisma.booking.updateMany({ where: { code: 'BK-0003' }, data: { briefSummary: 'Livestream 90 phút' } });
    const next = pullResponseSchema.parse(await getJson(`/sync/pull?tables=bookings&since=${first.cursor}`, COCOON_CLIENT));
    expect(next.tables[0]!.rows).toEqual([]);
    const staff = pullResponseSchema.parse(await getJson(`/sync/pull?tables=bookings&since=${first.cursor}`, 'minh.tran'));
    expect(staff.tables[0]!.rows.map((row) => row.values.code)).toEqual(['BK-0003']);
  });

  it('exports hold their campaigns’ rows only, without money', async () => {
    const csv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const bookings = await get('/exports/bookings?format=csv', COCOON_CLIENT);
    expect(bookings.status, bookings.text).toBe(200);
    expect(csv(bookings.text).map((row) => row.code).sort()).toEqual(['BK-0001', 'BK-0002']);
    expect(csv(bookings.text).every((row) => row.total_fee_agreed === '')).toBe(true);
    const campaigns = await get('/campaigns/export?format=csv', COCOON_CLIENT);
    expect(csv(campaigns.text).map((row) => row.code)).toEqual(['CC-TET-2026']);
    const creators = await get('/exports/creators?format=csv', COCOON_CLIENT);
    expect(csv(creators.text).map((row) => row.creator_key).sort()).toEqual(['KOC-BAOTRAMSKIN', 'KOC-HOANGANHREVIEW', 'KOC-LINHBEAUTY']);
    expect((await get('/campaigns/CC-TET-2026/export?format=csv', COCOON_CLIENT)).status).toBe(200);
  });

  it('the overview counts their brand’s campaigns only, and has no budgets', async () => {
    const overview = await getJson('/reports/overview', COCOON_CLIENT);
    expect(overview.campaignsByStatus).toEqual({ running: 1 });
    expect(overview.budgetByBrand).toBeNull();
    expect(overview.topCreatorsByViews.map((row: { creatorKey: string }) => row.creatorKey)).not.toContain('KOL-MAIANHCOOKING');
  });

  it('they see money when the tenant sets clientsSeeMoney, from the next request on, and never change anything', async () => {
    await setTenantSettings({ clientsSeeMoney: true });
    try {
      const list = await getJson('/campaigns', COCOON_CLIENT);
      expect(list.items[0]).toMatchObject({ code: 'CC-TET-2026', budgetPlanned: 150_000_000 });
      const payments = await pulledTable('payments', COCOON_CLIENT);
      expect(payments.some((row) => row.values.amount === 12_500_000)).toBe(true);
      const push = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { ...(await server.authAs(COCOON_CLIENT)), 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: 'client-push-0001', tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: 1, values: { code: 'CC-TET-2026', name: 'Renamed by the client' } }] }] }),
      });
      expect(push.status).toBe(403);
    } finally {
      await setTenantSettings({});
    }
    expect((await getJson('/campaigns', COCOON_CLIENT)).items[0].budgetPlanned).toBeNull();
  });

  it('a station rep is refused every campaign read: list, detail, pull, exports, reports', async () => {
    for (const path of ['/campaigns', '/campaigns/CC-TET-2026', '/campaigns/NO-SUCH/transitions', '/sync/pull?tables=campaigns', '/exports/creators', '/campaigns/export', '/reports/overview']) {
      const { status, text } = await get(path, STATION_REP);
      expect(status, `${path}: ${text}`).toBe(403);
      expect(JSON.parse(text).detail, path).toContain('station rep');
    }
  });
});

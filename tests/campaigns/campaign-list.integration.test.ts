import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCreators, assignProducts, createCampaign, getCampaignDetail, listCampaigns, listCampaignsForExport, pickCreators, pickProducts, type CampaignListQuery } from '../../sync-server/src/modules/campaigns/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { catchError, createCampaignFixtures, type Fixtures } from './support/campaign-fixtures.js';

let db: TestDatabase;
let fx: Fixtures;
const TODAY = '2026-02-20';

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createCampaignFixtures(db.prisma);
  const { lead, admin } = fx.actors;
  const make = (code: string, name: string, extra: Record<string, unknown> = {}) => createCampaign(db.prisma, lead, { code, name, brandId: fx.brandId, objective: 'awareness', ...extra });
  const tet = await make('TET-2026', 'Chiến dịch Tết Đoàn viên', { objective: 'sale', kpiOrder: 100, startDate: '2026-01-15', endDate: '2026-02-15', budgetPlanned: 90_000_000, status: 'planned' });
  await assignCreators(db.prisma, lead, { campaignId: tet.id, creatorIds: [fx.creatorIds.active[0]!] });
  await assignProducts(db.prisma, lead, { campaignId: tet.id, productIds: [fx.productIds[0]!] });
  await make('SUMMER-26', 'Summer glow', { startDate: '2026-06-01', endDate: '2026-06-30', budgetPlanned: 30_000_000 });
  const mint = await createCampaign(db.prisma, admin, { code: 'MINT-HOME', name: 'Nhà sạch đón xuân', brandId: fx.otherBrandId, objective: 'traffic', channel: 'multi', startDate: '2026-02-01', endDate: '2026-03-01', kpiView: 1_000_000 });
  await assignProducts(db.prisma, admin, { campaignId: mint.id, productIds: [fx.productIds[2]!] });
  await make('NODATE', 'Ý tưởng 50% off', {});
});
afterAll(async () => {
  await db?.dispose();
});

const codes = async (query: CampaignListQuery, role: 'lead' | 'viewer' = 'lead') => (await listCampaigns(db.prisma, fx.actors[role], query, { today: TODAY })).items.map((item) => item.code);

describe('campaign list: search', () => {
  it('"chien dich tet" finds "Chiến dịch Tết" (case- and accent-insensitive)', async () => {
    expect(await codes({ search: 'chien dich tet' })).toEqual(['TET-2026']);
    expect(await codes({ search: 'CHIẾN DỊCH' })).toEqual(['TET-2026']);
  });

  it('đ/Đ match d: "doan vien" finds "Đoàn viên"', async () => {
    expect(await codes({ search: 'doan vien' })).toEqual(['TET-2026']);
  });

  it('searches the code too, and every word must match', async () => {
    expect(await codes({ search: 'mint' })).toEqual(['MINT-HOME']);
    expect(await codes({ search: 'tet summer' })).toEqual([]);
  });

  it('LIKE wildcards in the search are taken literally', async () => {
    expect(await codes({ search: '50%' })).toEqual(['NODATE']);
    expect(await codes({ search: '%' })).toEqual(['NODATE']);
    expect(await codes({ search: '_' })).toEqual([]);
  });
});

describe('campaign list: filters', () => {
  it('filters by brand, channel, objective, status and owner', async () => {
    expect(await codes({ brandIds: [fx.otherBrandId] })).toEqual(['MINT-HOME']);
    expect(await codes({ channels: ['multi'] })).toEqual(['MINT-HOME']);
    expect(await codes({ objectives: ['sale', 'traffic'] })).toEqual(['MINT-HOME', 'TET-2026']);
    expect(await codes({ statuses: ['planned'] })).toEqual(['TET-2026']);
    expect(await codes({ ownerIds: [fx.actors.admin.userId!] })).toEqual(['MINT-HOME']);
  });

  it('a date range keeps campaigns whose dates overlap it', async () => {
    expect(await codes({ dateFrom: '2026-02-10', dateTo: '2026-02-20', sort: 'start_date' })).toEqual(['TET-2026', 'MINT-HOME']);
    expect(await codes({ dateFrom: '2026-05-01' })).toEqual(['SUMMER-26']);
  });

  it('has_creators and has_products toggles', async () => {
    expect(await codes({ hasCreators: true })).toEqual(['TET-2026']);
    expect(await codes({ hasProducts: true, sort: 'start_date' })).toEqual(['TET-2026', 'MINT-HOME']);
    expect(await codes({ hasProducts: false, hasCreators: false })).toEqual(['NODATE', 'SUMMER-26']);
  });
});

describe('campaign list: sort, pages and rows', () => {
  it('sorts newest first, by start date (undated last) and by planned budget (largest first)', async () => {
    expect(await codes({})).toEqual(['NODATE', 'MINT-HOME', 'SUMMER-26', 'TET-2026']);
    expect(await codes({ sort: 'start_date' })).toEqual(['TET-2026', 'MINT-HOME', 'SUMMER-26', 'NODATE']);
    expect((await codes({ sort: 'budget_planned' })).slice(0, 2)).toEqual(['TET-2026', 'SUMMER-26']);
  });

  it.each(['newest', 'start_date', 'budget_planned'] as const)('keyset pages sorted by %s visit every campaign once', async (sort) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await listCampaigns(db.prisma, fx.actors.lead, { sort, limit: 1, cursor }, { today: TODAY });
      seen.push(...result.items.map((item) => item.code));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(await codes({ sort }));
  });

  it('a cursor from another sort is refused as out of date', async () => {
    const first = await listCampaigns(db.prisma, fx.actors.lead, { sort: 'newest', limit: 1 }, { today: TODAY });
    expect((await catchError(() => listCampaigns(db.prisma, fx.actors.lead, { sort: 'start_date', cursor: first.nextCursor ?? '' }))).reason).toBe('INVALID_CURSOR');
    expect((await catchError(() => listCampaigns(db.prisma, fx.actors.lead, { cursor: 'garbage' }))).reason).toBe('INVALID_CURSOR');
  });

  it('each row carries counts, budget planned vs actual and its flags', async () => {
    const { items } = await listCampaigns(db.prisma, fx.actors.lead, { search: 'tet' }, { today: TODAY });
    expect(items[0]).toMatchObject({
      code: 'TET-2026', brand: { code: 'GLOW', name: 'Glow Skin' }, status: 'planned', startDate: '2026-01-15', endDate: '2026-02-15',
      budgetPlanned: 90_000_000, budgetActual: 0, creatorsCount: 1, productsCount: 1, progressPercent: 100, owner: { id: fx.actors.lead.userId, name: 'Lead User' },
      flags: [],
    });
    const mint = (await listCampaigns(db.prisma, fx.actors.lead, { search: 'mint' }, { today: TODAY })).items[0];
    expect(mint?.flags).toEqual([]);
  });

  it('a viewer lists campaigns without budgets', async () => {
    const { items } = await listCampaigns(db.prisma, fx.actors.viewer, { search: 'tet' }, { today: TODAY });
    expect(items[0]).toMatchObject({ budgetPlanned: null, budgetActual: null });
  });
});

describe('creator and product pickers', () => {
  it('search is accent-insensitive and marks creators already in the campaign; blacklisted ones can only be assigned by an admin', async () => {
    const [tet] = (await listCampaigns(db.prisma, fx.actors.lead, { search: 'tet' })).items;
    const result = await pickCreators(db.prisma, fx.actors.lead, { campaignId: tet?.id });
    const byKey = Object.fromEntries(result.items.map((item) => [item.creatorKey, item]));
    expect(byKey.linh).toMatchObject({ isAssigned: true, canAssign: false });
    expect(byKey.mai).toMatchObject({ status: 'watchlist', canAssign: true, warning: expect.stringContaining('watchlist') });
    expect(byKey.tu).toMatchObject({ status: 'blacklist', canAssign: false, warning: expect.stringContaining('only an admin') });
    const asAdmin = await pickCreators(db.prisma, fx.actors.admin, { search: 'tu drama' });
    expect(asAdmin.items).toMatchObject([{ creatorKey: 'tu', canAssign: true }]);
    expect((await pickCreators(db.prisma, fx.actors.lead, { search: 'duc dung' })).items.map((item) => item.creatorKey)).toEqual(['dung']);
  });

  it('filters creators by status, follower range, average views, location and niche', async () => {
    const keys = async (query: Parameters<typeof pickCreators>[2]) => (await pickCreators(db.prisma, fx.actors.lead, query)).items.map((item) => item.creatorKey).sort();
    expect(await keys({ statuses: ['watchlist', 'blacklist'] })).toEqual(['mai', 'tu']);
    expect(await keys({ followersMin: 100_000 })).toEqual(['dung', 'linh']);
    expect(await keys({ followersMin: 100_000, followersMax: 500_000 })).toEqual(['linh']);
    expect(await keys({ avgViewsMax: 12_000 })).toEqual(['mai', 'nam', 'tu']);
    expect(await keys({ location: 'ha noi' })).toEqual(['linh']);
    expect(await keys({ niche: 'beauty' })).toEqual(['dung', 'linh']);
  });

  it('filters creators by tag', async () => {
    const tag = await db.prisma.creatorTag.create({ data: { name: 'Skincare' } });
    await db.prisma.creatorTagMap.create({ data: { creatorId: fx.creatorIds.active[1]!, tagId: tag.id } });
    const result = await pickCreators(db.prisma, fx.actors.lead, { tags: ['skincare'] });
    expect(result.items).toMatchObject([{ creatorKey: 'nam', tags: ['Skincare'] }]);
  });

  it('pages through creators with a cursor', async () => {
    const first = await pickCreators(db.prisma, fx.actors.lead, { limit: 2 });
    const second = await pickCreators(db.prisma, fx.actors.lead, { limit: 10, cursor: first.nextCursor ?? undefined });
    expect(first.items).toHaveLength(2);
    expect([...first.items, ...second.items].map((item) => item.creatorKey)).toHaveLength(5);
  });

  it('products by search, brand and category; finance and viewers may not use the pickers', async () => {
    expect((await pickProducts(db.prisma, fx.actors.lead, { search: 'mat na' })).items.map((item) => item.code)).toEqual(['MASK']);
    expect((await pickProducts(db.prisma, fx.actors.lead, { brandIds: [fx.otherBrandId] })).items.map((item) => item.code)).toEqual(['CLEAN']);
    expect((await pickProducts(db.prisma, fx.actors.lead, { categories: ['Skincare'] })).items.map((item) => item.code).sort()).toEqual(['MASK', 'SERUM']);
    expect((await catchError(() => pickProducts(db.prisma, fx.actors.finance, {}))).code).toBe('FORBIDDEN');
    expect((await catchError(() => pickCreators(db.prisma, fx.actors.viewer, {}))).code).toBe('FORBIDDEN');
  });
});

describe('export and detail view', () => {
  it('an export outputs exactly the filtered rows, across pages, in list order', async () => {
    const rows = await listCampaignsForExport(db.prisma, fx.actors.finance, { objectives: ['sale', 'traffic'], sort: 'start_date' }, { today: TODAY });
    expect(rows.map((row) => row.code)).toEqual(['TET-2026', 'MINT-HOME']);
    expect(rows[0]).toMatchObject({ budgetPlanned: 90_000_000, creatorsCount: 1, productsCount: 1 });
    expect((await listCampaignsForExport(db.prisma, fx.actors.lead, {})).map((row) => row.code)).toHaveLength(4);
    expect((await catchError(() => listCampaignsForExport(db.prisma, fx.actors.viewer, {}))).code).toBe('FORBIDDEN');
  });

  it('the detail view shows creators with status badges, products by priority, brief sections and zero placeholders before later modules', async () => {
    const [tet] = (await listCampaigns(db.prisma, fx.actors.lead, { search: 'tet' })).items;
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: tet!.id, creatorIds: [fx.creatorIds.watchlist] });
    await assignProducts(db.prisma, fx.actors.lead, { campaignId: tet!.id, productIds: [fx.productIds[1]!], priority: 1, note: 'gift' });
    const detail = await getCampaignDetail(db.prisma, fx.actors.lead, tet!.id, { today: TODAY });
    expect(detail.creators.map((c) => [c.creatorKey, c.status, c.warning])).toEqual([
      ['linh', 'active', null],
      ['mai', 'watchlist', 'Mai Vlog is on the watchlist.'],
    ]);
    expect(detail.products.map((p) => [p.key, p.priority])).toEqual([['GLOW/MASK', 1], ['GLOW/SERUM', 1]]);
    expect(detail.metrics).toMatchObject({ budgetActualPaid: 0, budgetCommitted: 0, bookingsCountByStatus: {}, videosPosted: 0, viewsLatestTotal: 0, roas: null, progressKind: 'planning' });
    expect(detail.flags.map((f) => f.code)).toEqual(['CREATOR_RISK']);
    const asViewer = await getCampaignDetail(db.prisma, fx.actors.viewer, tet!.id, { today: TODAY });
    expect(asViewer.campaign.budgetPlanned).toBeNull();
    expect(asViewer.metrics?.budgetPlanned).toBeNull();
  });
});


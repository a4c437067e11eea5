import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, getCampaignsHealth, recalculateBudgetActual, transitionCampaign, assignCreators, assignProducts } from '../../sync-server/src/modules/campaigns/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createCampaignFixtures, type Fixtures } from './support/campaign-fixtures.js';

let db: TestDatabase;
let fx: Fixtures;
const TODAY = '2026-02-20';
let bare: string;
let busy: string;
let quiet: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createCampaignFixtures(db.prisma);
  const lead = fx.actors.lead;
  bare = (await createCampaign(db.prisma, lead, { code: 'BARE', name: 'Bare draft', brandId: fx.brandId, objective: 'awareness' })).id;
  quiet = (await createCampaign(db.prisma, lead, { code: 'QUIET', name: 'Quiet planned', brandId: fx.brandId, objective: 'sale', startDate: '2026-03-01', endDate: '2026-03-05', status: 'planned' })).id;
  busy = (await createCampaign(db.prisma, lead, { code: 'BUSY', name: 'Busy running', brandId: fx.brandId, objective: 'sale', kpiRevenue: 100_000_000, budgetPlanned: 10_000_000, startDate: '2026-02-01', endDate: '2026-02-28', status: 'planned' })).id;
  await assignCreators(db.prisma, fx.actors.admin, { campaignId: busy, creatorIds: [fx.creatorIds.active[0]!, fx.creatorIds.active[1]!, fx.creatorIds.watchlist] });
  await assignProducts(db.prisma, lead, { campaignId: busy, productIds: [fx.productIds[0]!] });
  await transitionCampaign(db.prisma, lead, busy, 'running');

  const [linh, nam] = fx.creatorIds.active as [string, string];
  const booking = async (code: string, creatorId: string, fee: number, status: 'confirmed' | 'canceled' | 'in_progress') =>
    (await db.prisma.booking.create({ data: { code, campaignId: busy, creatorId, brandId: fx.brandId, bookingType: 'video_only', totalFeeAgreed: fee, status } })).id;
  const bk12 = await booking('BK-0012', linh, 4_000_000, 'in_progress');
  const bk15 = await booking('BK-0015', nam, 3_000_000, 'confirmed');
  await booking('BK-0020', nam, 9_000_000, 'canceled');
  const deliverable = (bookingId: string, title: string, status: 'planned' | 'posted' | 'rejected' | 'canceled', deadline: string) =>
    db.prisma.bookingDeliverable.create({ data: { bookingId, deliverableType: 'video_feed', title, status, deadlinePost: new Date(`${deadline}T00:00:00Z`) } });
  const posted = await deliverable(bk12, 'v1', 'posted', '2026-02-10');
  await deliverable(bk12, 'v2', 'planned', '2026-02-15'); // overdue
  await deliverable(bk15, 'v3', 'rejected', '2026-02-18'); // overdue, and rejected
  await deliverable(bk15, 'v4', 'planned', '2026-02-25'); // not yet due
  await deliverable(bk15, 'v5', 'canceled', '2026-02-01'); // canceled: neither planned nor overdue
  const video = await db.prisma.video.create({ data: { campaignId: busy, creatorId: linh, bookingId: bk12, bookingDeliverableId: posted.id, platformVideoId: 'v-1', status: 'posted' } });
  const video2 = await db.prisma.video.create({ data: { campaignId: busy, creatorId: nam, bookingId: bk15, platformVideoId: 'v-2', status: 'posted' } });
  await db.prisma.videoMetricSnapshot.createMany({ data: [
    { videoId: video.id, snapshotTime: new Date('2026-02-11T00:00:00Z'), viewCount: 1_000n },
    { videoId: video.id, snapshotTime: new Date('2026-02-15T00:00:00Z'), viewCount: 50_000n },
    { videoId: video.id, snapshotTime: new Date('2026-02-13T00:00:00Z'), viewCount: 20_000n },
    { videoId: video2.id, snapshotTime: new Date('2026-02-14T00:00:00Z'), viewCount: 20_000n },
  ] });
  const asset = await db.prisma.trackingAsset.create({ data: { campaignId: busy, codeType: 'voucher', codeValue: 'TET10', platform: 'tiktok_shop' } });
  await db.prisma.trackingConversion.createMany({ data: [
    { trackingAssetId: asset.id, orderCode: 'O1', revenue: 2_000_000 },
    { trackingAssetId: asset.id, orderCode: 'O2', revenue: 1_500_000 },
  ] });
  await db.prisma.payment.createMany({ data: [
    { bookingId: bk12, creatorId: linh, campaignId: busy, amount: 4_000_000, status: 'paid' },
    { bookingId: bk15, creatorId: nam, campaignId: busy, amount: 3_000_000, status: 'planned' },
  ] });
});
afterAll(async () => {
  await db?.dispose();
});

describe('campaign metrics for a set of campaigns', () => {
  it('computes every metric of 000 §5 from bookings, deliverables, videos, snapshots, conversions and payments', async () => {
    const [health] = await getCampaignsHealth(db.prisma, [busy], { today: TODAY });
    expect(health?.metrics).toEqual({
      campaignId: busy,
      budgetActualPaid: 4_000_000,
      budgetCommitted: 7_000_000,
      budgetPlanned: 10_000_000,
      creatorsCount: 3,
      productsCount: 1,
      bookingsCountByStatus: { in_progress: 1, confirmed: 1, canceled: 1 },
      deliverablesTotal: 4,
      deliverablesPosted: 1,
      deliverablesOverdue: 2,
      videosPosted: 2,
      viewsLatestTotal: 70_000,
      ordersAttributed: 2,
      revenueAttributed: 3_500_000,
      spend: 7_000_000,
      roas: 0.5,
      cpo: 3_500_000,
      cpv: 100,
      progressPercent: 25,
      progressKind: 'execution',
    });
  });

  it('a campaign with no later-module data reads zero and empty, never an error, with planning progress', async () => {
    const [health] = await getCampaignsHealth(db.prisma, [bare], { today: TODAY });
    expect(health?.metrics).toMatchObject({
      budgetActualPaid: 0, budgetCommitted: 0, creatorsCount: 0, productsCount: 0, bookingsCountByStatus: {}, deliverablesTotal: 0,
      videosPosted: 0, viewsLatestTotal: 0, ordersAttributed: 0, revenueAttributed: 0, roas: null, cpo: null, cpv: null,
      progressPercent: 0, progressKind: 'planning',
    });
    expect(health?.flags).toEqual([]);
  });

  it('returns the campaigns asked for, in order, ignoring unknown ids, for any size of set', async () => {
    const result = await getCampaignsHealth(db.prisma, [quiet, '00000000-0000-4000-8000-000000000000', bare, busy], { today: TODAY });
    expect(result.map((item) => item.campaignId)).toEqual([quiet, bare, busy]);
    expect(await getCampaignsHealth(db.prisma, [], { today: TODAY })).toEqual([]);
  });
});

describe('health flags from real data', () => {
  it('a running campaign with overdue deliverables, low ROAS and a watchlist creator shows each flag with an actionable reason', async () => {
    const [health] = await getCampaignsHealth(db.prisma, [busy], { today: TODAY });
    const byCode = Object.fromEntries((health?.flags ?? []).map((flag) => [flag.code, flag]));
    expect(Object.keys(byCode).sort()).toEqual(['AT_RISK_DEADLINE', 'CREATOR_RISK', 'LOW_PERFORMANCE']);
    expect(byCode.AT_RISK_DEADLINE?.reason).toBe('2 deliverables overdue: BK-0012, BK-0015.');
    expect(byCode.LOW_PERFORMANCE?.reason).toBe('ROAS 0.50 is under the target 1 after 19 days running.');
    expect(byCode.CREATOR_RISK?.reason).toBe('Review this creator: Mai Vlog (watchlist).');
  });

  it('a creator with rejected or late deliverables over the threshold is a CREATOR_RISK', async () => {
    const config = { runningRequires: 'creator' as const, kpiRequiredObjectives: ['sale' as const], lowRoasTarget: 0.1, lowRoasMinDays: 7, creatorRiskThreshold: 2, timeZone: 'UTC' };
    const [health] = await getCampaignsHealth(db.prisma, [busy], { today: TODAY, config });
    expect(health?.flags.find((flag) => flag.code === 'CREATOR_RISK')?.reason).toBe('Review this creator: Mai Vlog (watchlist).');
    const [strict] = await getCampaignsHealth(db.prisma, [busy], { today: TODAY, config: { ...config, creatorRiskThreshold: 1 } });
    expect(strict?.flags.find((flag) => flag.code === 'CREATOR_RISK')?.reason).toBe('Review these creators: Mai Vlog (watchlist), Linh Beauty (1 rejected or late deliverable), Nam Review (1 rejected or late deliverable).');
    expect(strict?.flags.find((flag) => flag.code === 'LOW_PERFORMANCE')).toBeUndefined();
  });

  it('a planned sale campaign with no creator, no product and no KPI shows MISSING_CREATOR, MISSING_PRODUCT and KPI_MISSING', async () => {
    const [health] = await getCampaignsHealth(db.prisma, [quiet], { today: TODAY });
    expect(health?.flags.map((flag) => [flag.code, flag.severity])).toEqual([['MISSING_CREATOR', 'warning'], ['KPI_MISSING', 'warning'], ['MISSING_PRODUCT', 'info']]);
  });

  it('DATE_INVALID shows for rows that reached the database around the rules (e.g. an old import)', async () => {
    await db.prisma.$executeRawUnsafe(`UPDATE campaigns SET start_date = '2026-04-10', end_date = '2026-04-01' WHERE id = $1::uuid`, bare);
    const [health] = await getCampaignsHealth(db.prisma, [bare], { today: TODAY });
    expect(health?.flags).toEqual([{ code: 'DATE_INVALID', severity: 'error', reason: 'End date 01/04/2026 is before start date 10/04/2026: fix one of them.' }]);
    await db.prisma.$executeRawUnsafe('UPDATE campaigns SET start_date = NULL, end_date = NULL WHERE id = $1::uuid', bare);
  });
});

describe('budget_actual always equals the sum of paid payments', () => {
  async function budgetActual(id: string): Promise<number> {
    const row = await db.prisma.campaign.findUniqueOrThrow({ where: { id }, select: { budgetActual: true } });
    return Number(row.budgetActual);
  }

  it('follows inserts, status changes, soft deletes and hard deletes of payments, row by row or set-based', async () => {
    expect(await budgetActual(busy)).toBe(4_000_000);
    await db.prisma.payment.updateMany({ where: { campaignId: busy, status: 'planned' }, data: { status: 'paid' } });
    expect(await budgetActual(busy)).toBe(7_000_000);
    await db.prisma.$executeRawUnsafe(`UPDATE payments SET amount_vnd = amount * 2 WHERE campaign_id = $1::uuid`, busy);
    expect(await budgetActual(busy)).toBe(14_000_000);
    const one = await db.prisma.payment.findFirstOrThrow({ where: { campaignId: busy } });
    await db.prisma.payment.update({ where: { id: one.id }, data: { deletedAt: new Date() } });
    expect(await budgetActual(busy)).toBe(14_000_000 - Number(one.amountVnd));
    await db.prisma.payment.deleteMany({ where: { campaignId: busy } });
    expect(await budgetActual(busy)).toBe(0);
  });

  it('moving a payment to another campaign updates both campaigns', async () => {
    const booking = await db.prisma.booking.findFirstOrThrow({ where: { campaignId: busy } });
    const payment = await db.prisma.payment.create({ data: { bookingId: booking.id, creatorId: booking.creatorId, campaignId: busy, amount: 1_000_000, status: 'paid' } });
    expect(await budgetActual(busy)).toBe(1_000_000);
    await db.prisma.payment.update({ where: { id: payment.id }, data: { campaignId: quiet } });
    expect([await budgetActual(busy), await budgetActual(quiet)]).toEqual([0, 1_000_000]);
  });

  it('recalculateBudgetActual repairs drift in one statement and reports how many campaigns changed', async () => {
    await db.prisma.$executeRawUnsafe(`UPDATE campaigns SET budget_actual = 123 WHERE id = ANY($1::uuid[])`, [busy, quiet, bare]);
    expect(await recalculateBudgetActual(db.prisma, [busy, quiet, bare])).toBe(3);
    expect([await budgetActual(busy), await budgetActual(quiet), await budgetActual(bare)]).toEqual([0, 1_000_000, 0]);
    expect(await recalculateBudgetActual(db.prisma, [busy, quiet, bare])).toBe(0);
  });

  it('paid above planned raises OVER_BUDGET with the amounts', async () => {
    const booking = await db.prisma.booking.findFirstOrThrow({ where: { campaignId: busy } });
    await db.prisma.payment.create({ data: { bookingId: booking.id, creatorId: booking.creatorId, campaignId: busy, amount: 12_500_000, status: 'paid' } });
    const [health] = await getCampaignsHealth(db.prisma, [busy], { today: TODAY });
    expect(health?.flags[0]).toEqual({ code: 'OVER_BUDGET', severity: 'error', reason: 'Paid 12,500,000 of a planned 10,000,000 (2,500,000 over).' });
  });
});

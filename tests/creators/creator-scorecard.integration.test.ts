/**
 * Issue 14, item 8: the creator scorecard as a planner meets it: right of the Creators tab after
 * a pull, in GET /creators/{key}/scorecard, and in one line of the creator picker; and counting
 * the same rejected and late deliverables as the campaign's CREATOR_RISK flag.
 *
 * One new creator's whole history in one push (admin lan.nguyen), so every number is known:
 * - three bookings on three campaigns: SC-BK-1 (ended 5 days ago), SC-BK-2 (ends in 20 days),
 *   SC-BK-3 canceled (would end in 60 days; counts for nothing);
 * - deliverables with a post deadline: D1 posted 2 days early, D2 posted 2 days late, D3 posted
 *   on its deadline day (each by its linked video's post date), D4 marked posted with no video
 *   (no post day: left out of the on-time rate), D5 planned and past its deadline (overdue), D6 and
 *   D7 drafts waiting for approval that the test rejects through the REST transition;
 * - videos: V1 at 3,000 views on its latest snapshot (1,000 before), V2 at 5,000, V3 not measured
 *   yet, V4 taken down (status deleted, 100,000 views): the average per video is 4,000;
 * - 7,000,000 attributed on two vouchers, one naming the creator, one only its booking;
 *   6,000,000 paid (a planned 5,000,000 does not count): ROAS 1.17.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creatorSearchResponseSchema, pullResponseSchema, pushResponseSchema, type CellRecord, type PushTable } from '../../sync-server/src/contract/sync-payloads.js';
import { todayIn } from '../../sync-server/src/modules/campaigns/campaigns.config.js';
import { creatorScorecardResponseSchema, type CreatorScorecardResponse } from '../../sync-server/src/modules/creators/creators.schemas.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

const CREATOR = 'KOC-SCORECARD';
const CREATOR_NAME = 'Võ Thị Điểm';

const rowsOf = (table: string, rows: Array<Record<string, string | number | null>>): PushTable => ({
  table,
  rows: rows.map((values, index) => ({ rowNumber: index + 2, rowVersion: null, values: values as CellRecord })),
});

async function push(username: string, tables: PushTable[]) {
  const response = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { ...(await server.authAs(username)), 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: randomUUID(), tables }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return pushResponseSchema.parse(await response.json());
}

async function get(path: string, username: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/v1${path}`, { headers: { ...(await server.authAs(username)), 'accept-language': 'en' } });
  return { status: response.status, body: await response.json() };
}

async function moveDeliverable(title: string, to: string, note?: string): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/bookings/SC-BK-2/deliverables/${encodeURIComponent(title)}/transition`, {
    method: 'POST',
    headers: { ...(await server.authAs('lan.nguyen')), 'content-type': 'application/json' },
    body: JSON.stringify({ to, ...(note ? { note } : {}) }),
  });
  expect(response.status, `${title} → ${to}: ${await response.clone().text()}`).toBe(200);
}

async function scorecard(username: string): Promise<CreatorScorecardResponse> {
  const response = await get(`/creators/${CREATOR}/scorecard`, username);
  expect(response.status).toBe(200);
  return creatorScorecardResponseSchema.parse(response.body);
}

async function pulledCreator(username: string) {
  const response = await get('/sync/pull?tables=creators', username);
  expect(response.status).toBe(200);
  return pullResponseSchema.parse(response.body).tables[0]!.rows.find((row) => row.values.creator_key === CREATOR);
}

async function creatorRisk(campaignCode: string): Promise<{ message: string } | undefined> {
  const response = await get(`/campaigns/${campaignCode}`, 'lan.nguyen');
  expect(response.status).toBe(200);
  const flags = (response.body as { flags: Array<{ code: string; message: string }> }).flags;
  return flags.find((flag) => flag.code === 'CREATOR_RISK');
}

/** A day `offset` days from the team's today, as the sheet writes dates. */
function dayFrom(offset: number): string {
  const today = new Date(`${todayIn('Asia/Ho_Chi_Minh')}T00:00:00Z`);
  return new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

const campaign = (code: string) => ({ code, name: `Scorecard ${code}`, brand_code: 'COCOON', channel: 'tiktok', objective: 'awareness', start_date: dayFrom(-40), end_date: dayFrom(70), budget_planned: '90000000', status: 'draft', owner_username: 'minh.tran' });
const booking = (code: string, campaignCode: string, status: string, fee: string, endOffset: number) => ({
  code, campaign_code: campaignCode, brand_code: 'COCOON', creator_key: CREATOR, booking_type: 'video_only', start_date: dayFrom(-30), end_date: dayFrom(endOffset), total_fee_agreed: fee, currency: 'VND', status,
});
const deliverable = (bookingCode: string, title: string, deadlineOffset: number, status: string) => ({ booking_code: bookingCode, deliverable_type: 'video_feed', title, deadline_post: dayFrom(deadlineOffset), quantity: 1, status });
const video = (bookingCode: string, id: string, deliverableTitle: string | null, postOffset: number, status = 'posted') => ({ booking_code: bookingCode, deliverable_title: deliverableTitle, channel: 'tiktok', platform_video_id: id, post_date: dayFrom(postOffset), status });
const snapshot = (id: string, dayOffset: number, views: number) => ({ channel: 'tiktok', platform_video_id: id, snapshot_time: `${dayFrom(dayOffset)} 09:00:00`, view_count: views });
const order = (voucher: string, code: string, revenue: string) => ({ platform: 'tiktok_shop', code_type: 'voucher', code_value: voucher, order_code: code, order_date: `${dayFrom(-6)} 20:00:00`, revenue, currency: 'VND', quantity: 1 });
const payment = (bookingCode: string, campaignCode: string, amount: string, status: string, invoice: string | null) => ({ booking_code: bookingCode, campaign_code: campaignCode, creator_key: CREATOR, amount, currency: 'VND', payment_date: dayFrom(-4), payment_method: 'bank_transfer', status, invoice_number: invoice });

beforeAll(async () => {
  server = await startTestServer();
  const response = await push('lan.nguyen', [
    rowsOf('creators', [{ creator_key: CREATOR, name: CREATOR_NAME, status: 'active' }]),
    rowsOf('campaigns', [campaign('SC-CAMP-1'), campaign('SC-CAMP-2'), campaign('SC-CAMP-3')]),
    rowsOf('bookings', [
      booking('SC-BK-1', 'SC-CAMP-1', 'in_progress', '10000000', -5),
      booking('SC-BK-2', 'SC-CAMP-2', 'in_progress', '8000000', 20),
      booking('SC-BK-3', 'SC-CAMP-3', 'canceled', '3000000', 60),
    ]),
    rowsOf('booking_deliverables', [
      deliverable('SC-BK-1', 'D1', -10, 'posted'),
      deliverable('SC-BK-1', 'D2', -10, 'posted'),
      deliverable('SC-BK-2', 'D3', -3, 'posted'),
      deliverable('SC-BK-2', 'D4', -1, 'posted'),
      deliverable('SC-BK-2', 'D5', -2, 'planned'),
      deliverable('SC-BK-2', 'D6', 5, 'waiting_approve'),
      deliverable('SC-BK-2', 'D7', 5, 'waiting_approve'),
    ]),
    rowsOf('videos', [
      video('SC-BK-1', '7400000000000081001', 'D1', -12),
      video('SC-BK-1', '7400000000000081002', 'D2', -8),
      video('SC-BK-2', '7400000000000081003', 'D3', -3),
      video('SC-BK-1', '7400000000000081004', null, -9, 'deleted'),
    ]),
    rowsOf('video_snapshots', [
      snapshot('7400000000000081001', -11, 1000),
      snapshot('7400000000000081001', -1, 3000),
      snapshot('7400000000000081002', -1, 5000),
      snapshot('7400000000000081004', -1, 100000),
    ]),
    rowsOf('tracking_assets', [
      { campaign_code: 'SC-CAMP-1', booking_code: 'SC-BK-1', creator_key: CREATOR, code_type: 'voucher', code_value: 'SCVOUCHER1', platform: 'tiktok_shop' },
      // No creator named: the booking's creator is the one the orders are attributed to.
      { campaign_code: 'SC-CAMP-2', booking_code: 'SC-BK-2', creator_key: null, code_type: 'voucher', code_value: 'SCVOUCHER2', platform: 'tiktok_shop' },
    ]),
    rowsOf('conversions', [order('SCVOUCHER1', 'SC-ORDER-1', '1000000'), order('SCVOUCHER1', 'SC-ORDER-2', '2000000'), order('SCVOUCHER2', 'SC-ORDER-3', '4000000')]),
    rowsOf('payments', [
      payment('SC-BK-1', 'SC-CAMP-1', '4000000', 'paid', 'SC-INV-1'),
      payment('SC-BK-2', 'SC-CAMP-2', '2000000', 'paid', 'SC-INV-2'),
      payment('SC-BK-2', 'SC-CAMP-2', '5000000', 'planned', null),
    ]),
  ]);
  const problems = response.tables.flatMap((table) => table.results.filter((result) => result.errors).map((result) => ({ table: table.table, row: result.rowNumber, errors: result.errors })));
  expect(problems).toEqual([]);
  expect(response.applied).toBe(true);
  // D6 is rejected twice (reworked once in between) and stays rejected; D7 once, and is being reshot.
  await moveDeliverable('D6', 'rejected', 'Thiếu logo sản phẩm');
  await moveDeliverable('D6', 'shooting');
  await moveDeliverable('D6', 'waiting_approve');
  await moveDeliverable('D6', 'rejected', 'Vẫn thiếu logo');
  await moveDeliverable('D7', 'rejected', 'Âm thanh rè');
  await moveDeliverable('D7', 'shooting');
}, 120_000);

afterAll(async () => server?.dispose());

describe('the creator scorecard', () => {
  it('counts campaigns and bookings that are not canceled, the share posted on time, every rejection, views per video, ROAS, total paid and the last collaboration', async () => {
    expect(await scorecard('lan.nguyen')).toMatchObject({
      creatorKey: CREATOR,
      name: CREATOR_NAME,
      campaigns: 2,
      bookings: 2,
      // D1 and D3 on time, D2 late; D4 has no video to date it.
      onTimeRate: 0.6667,
      deliverablesMeasured: 3,
      deliverablesOnTime: 2,
      rejectionCount: 3,
      avgViewsPerVideo: 4000,
      videosMeasured: 2,
      orders: 3,
      revenue: 7_000_000,
      totalPaid: 6_000_000,
      roas: 1.17,
      lastCollaboration: dayFrom(20),
      baseCurrency: 'VND',
    });
  });

  it('shows the same numbers right of the Creators tab after a pull', async () => {
    const row = await pulledCreator('lan.nguyen');
    expect(row?.computed).toMatchObject({
      campaigns_count: 2,
      bookings_count: 2,
      on_time_rate: 0.6667,
      rejection_count: 3,
      avg_views_per_video: 4000,
      roas: 1.17,
      total_paid: 6_000_000,
      last_collaboration: dayFrom(20),
    });
  });

  it('gives a viewer no money: total paid and ROAS are empty on the tab and in the API, the rest is there', async () => {
    const card = await scorecard('an.pham');
    expect(card).toMatchObject({ bookings: 2, rejectionCount: 3, revenue: 7_000_000, totalPaid: null, roas: null });
    const row = await pulledCreator('an.pham');
    expect(row?.computed).toMatchObject({ bookings_count: 2, on_time_rate: 0.6667 });
    expect(row?.computed?.total_paid ?? null).toBeNull();
    expect(row?.computed?.roas ?? null).toBeNull();
  });

  it('answers 404 for a creator key nobody has', async () => {
    expect((await get('/creators/KOC-NOBODY/scorecard', 'lan.nguyen')).status).toBe(404);
  });

  it('comes with each creator of the picker, in short', async () => {
    const response = await get(`/creators?search=${encodeURIComponent(CREATOR)}`, 'lan.nguyen');
    expect(response.status).toBe(200);
    const [found] = creatorSearchResponseSchema.parse(response.body).creators;
    expect(found?.creatorKey).toBe(CREATOR);
    expect(found?.scorecard).toEqual({ bookings: 2, onTimeRate: 0.6667, rejectionCount: 3, avgViewsPerVideo: 4000 });
  });
});

describe('the scorecard and CREATOR_RISK', () => {
  it('count the same rejected and late deliverables: D5 overdue and D6 rejected now', async () => {
    const card = await scorecard('lan.nguyen');
    expect(card.risk).toEqual({ rejectedNow: 1, overdueNow: 1, troubleCount: 2 });
    // The creator is on SC-CAMP-2 (a committed booking puts them there); 2 reaches the default threshold.
    expect((await creatorRisk('SC-CAMP-2'))?.message).toContain(`${CREATOR_NAME} (2 rejected or late deliverables)`);
  });

  it('when the rejected draft goes back to shooting, CREATOR_RISK drops it and the scorecard still remembers the rejections', async () => {
    await moveDeliverable('D6', 'shooting');
    const card = await scorecard('lan.nguyen');
    expect(card.risk).toEqual({ rejectedNow: 0, overdueNow: 1, troubleCount: 1 });
    expect(card.rejectionCount).toBe(3);
    expect(await creatorRisk('SC-CAMP-2')).toBeUndefined();
  });
});

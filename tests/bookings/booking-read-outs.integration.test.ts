/**
 * Issue 14, item 7: the read-only columns right of the Bookings, Deliverables and Videos tabs,
 * as the planner's pull brings them: what was paid and is still to pay, deliverables posted,
 * views at the latest snapshot, orders, revenue, ROAS, cost per view, flags; a deliverable's
 * overdue and days to deadline; a video's latest views.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type CellRecord, type PushTable } from '../../sync-server/src/contract/sync-payloads.js';
import { todayIn } from '../../sync-server/src/modules/campaigns/campaigns.config.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

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
  expect(response.status).toBe(200);
  return pushResponseSchema.parse(await response.json());
}

async function pulled(table: string, username: string, where: (values: CellRecord) => boolean) {
  const response = await fetch(`${server.url}/api/v1/sync/pull?tables=${table}`, { headers: await server.authAs(username) });
  expect(response.status).toBe(200);
  const rows = pullResponseSchema.parse(await response.json()).tables[0]!.rows;
  return rows.filter((row) => where(row.values));
}

/** A day `offset` days from the team's today, as the sheet writes dates. */
function dayFrom(offset: number): string {
  const today = new Date(`${todayIn('Asia/Ho_Chi_Minh')}T00:00:00Z`);
  return new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startTestServer();
  // One booking's whole loop in one push, as a planner would fill the tabs: fee 10,000,000;
  // two deliverables, one posted and one overdue; a video with two snapshots; two orders on its
  // voucher; 4,000,000 paid.
  const response = await push('lan.nguyen', [
    rowsOf('campaigns', [{ code: 'RO-CAMP', name: 'Read-outs', brand_code: 'COCOON', channel: 'tiktok', objective: 'sale', start_date: dayFrom(-30), end_date: dayFrom(30), budget_planned: '50000000', status: 'draft', owner_username: 'minh.tran' }]),
    rowsOf('bookings', [
      { code: 'RO-BK-1', campaign_code: 'RO-CAMP', brand_code: 'COCOON', creator_key: 'KOC-LINHBEAUTY', booking_type: 'video_only', start_date: dayFrom(-20), end_date: dayFrom(10), total_fee_agreed: '10000000', currency: 'VND', status: 'negotiating' },
    ]),
    rowsOf('booking_deliverables', [
      { booking_code: 'RO-BK-1', deliverable_type: 'video_feed', title: 'Video 1', deadline_post: dayFrom(-10), quantity: 1, status: 'posted' },
      { booking_code: 'RO-BK-1', deliverable_type: 'video_feed', title: 'Video 2', deadline_post: dayFrom(-2), quantity: 1, status: 'planned' },
    ]),
    rowsOf('videos', [{ booking_code: 'RO-BK-1', deliverable_title: 'Video 1', channel: 'tiktok', platform_video_id: '7400000000000000777', post_date: dayFrom(-10), status: 'posted' }]),
    rowsOf('video_snapshots', [
      { channel: 'tiktok', platform_video_id: '7400000000000000777', snapshot_time: `${dayFrom(-9)} 09:00:00`, view_count: 1000 },
      { channel: 'tiktok', platform_video_id: '7400000000000000777', snapshot_time: `${dayFrom(-1)} 09:00:00`, view_count: 5000 },
    ]),
    rowsOf('tracking_assets', [{ campaign_code: 'RO-CAMP', booking_code: 'RO-BK-1', creator_key: 'KOC-LINHBEAUTY', code_type: 'voucher', code_value: 'ROVOUCHER', platform: 'tiktok_shop' }]),
    rowsOf('conversions', [
      { platform: 'tiktok_shop', code_type: 'voucher', code_value: 'ROVOUCHER', order_code: 'RO-ORDER-1', order_date: `${dayFrom(-8)} 20:00:00`, revenue: '1000000', currency: 'VND', quantity: 1 },
      { platform: 'tiktok_shop', code_type: 'voucher', code_value: 'ROVOUCHER', order_code: 'RO-ORDER-2', order_date: `${dayFrom(-7)} 20:00:00`, revenue: '2000000', currency: 'VND', quantity: 1 },
    ]),
    rowsOf('payments', [{ booking_code: 'RO-BK-1', campaign_code: 'RO-CAMP', creator_key: 'KOC-LINHBEAUTY', amount: '4000000', currency: 'VND', payment_date: dayFrom(-5), payment_method: 'bank_transfer', status: 'paid', invoice_number: 'RO-INV-1' }]),
  ]);
  const problems = response.tables.flatMap((table) => table.results.filter((result) => result.errors).map((result) => ({ table: table.table, errors: result.errors })));
  expect(problems).toEqual([]);
  expect(response.applied).toBe(true);
});

afterAll(async () => server?.dispose());

describe('the Bookings tab', () => {
  it('shows paid, still to pay, deliverables, views at the latest snapshot, orders, revenue, ROAS, cost per view and the overdue flag', async () => {
    const [booking] = await pulled('bookings', 'lan.nguyen', (values) => values.code === 'RO-BK-1');
    expect(booking!.computed).toMatchObject({
      paid: 4_000_000,
      remaining: 6_000_000,
      deliverables_posted: 1,
      deliverables_planned: 2,
      views: 5000,
      orders: 2,
      revenue: 3_000_000,
      roas: 0.75,
      cpv: 800,
      cpo: 2_000_000,
      booking_flags: 'DELIVERABLE_OVERDUE',
    });
  });

  it('moves with the next write: a second payment lowers what is still to pay', async () => {
    await push('huong.le', [rowsOf('payments', [{ booking_code: 'RO-BK-1', campaign_code: 'RO-CAMP', creator_key: 'KOC-LINHBEAUTY', amount: '1000000', currency: 'VND', payment_date: dayFrom(-1), payment_method: 'bank_transfer', status: 'paid', invoice_number: 'RO-INV-2' }])]);
    const [booking] = await pulled('bookings', 'lan.nguyen', (values) => values.code === 'RO-BK-1');
    expect(booking!.computed).toMatchObject({ paid: 5_000_000, remaining: 5_000_000, cpv: 1000, roas: 0.6 });
  });

  it('reaches a planner who pulls only what changed: the booking comes again with its new read-outs and the same version', async () => {
    const headers = await server.authAs('lan.nguyen');
    const first = pullResponseSchema.parse(await (await fetch(`${server.url}/api/v1/sync/pull?tables=bookings,videos`, { headers })).json());
    const before = first.tables[0]!.rows.find((row) => row.values.code === 'RO-BK-1')!;
    await push('huong.le', [rowsOf('payments', [{ booking_code: 'RO-BK-1', campaign_code: 'RO-CAMP', creator_key: 'KOC-LINHBEAUTY', amount: '500000', currency: 'VND', payment_date: dayFrom(0), payment_method: 'cash', status: 'paid', invoice_number: 'RO-INV-3' }])]);
    await push('lan.nguyen', [rowsOf('video_snapshots', [{ channel: 'tiktok', platform_video_id: '7400000000000000777', snapshot_time: `${dayFrom(0)} 08:00:00`, view_count: 9000 }])]);
    const next = pullResponseSchema.parse(await (await fetch(`${server.url}/api/v1/sync/pull?tables=bookings,videos&since=${encodeURIComponent(first.cursor)}`, { headers })).json());
    const [bookings, videos] = next.tables;
    expect(bookings!.rows.map((row) => row.values.code)).toEqual(['RO-BK-1']);
    expect(bookings!.rows[0]).toMatchObject({ rowVersion: before.rowVersion, computed: { paid: 5_500_000, views: 9000 } });
    expect(videos!.rows.map((row) => [row.values.platform_video_id, row.computed.latest_views])).toEqual([['7400000000000000777', 9000]]);
  });

  it("gives a viewer no money: paid, still to pay, ROAS and cost per view are empty, the counts are there", async () => {
    const [booking] = await pulled('bookings', 'an.pham', (values) => values.code === 'RO-BK-1');
    expect(booking!.computed).toMatchObject({ deliverables_posted: 1, views: 9000, orders: 2 });
    for (const column of ['paid', 'remaining', 'roas', 'cpv', 'cpo']) expect(booking!.computed?.[column] ?? null, column).toBeNull();
  });
});

describe('the Deliverables and Videos tabs', () => {
  it('mark the deliverable past its deadline overdue, with its days to the deadline; the posted one is not', async () => {
    const rows = await pulled('booking_deliverables', 'lan.nguyen', (values) => values.booking_code === 'RO-BK-1');
    const byTitle = Object.fromEntries(rows.map((row) => [row.values.title, row.computed]));
    expect(byTitle['Video 2']).toMatchObject({ is_overdue: true, days_to_deadline: -2 });
    expect(byTitle['Video 1']).toMatchObject({ is_overdue: false, days_to_deadline: -10 });
  });

  it("show a video's views at its latest snapshot and when it was taken", async () => {
    const [video] = await pulled('videos', 'lan.nguyen', (values) => values.platform_video_id === '7400000000000000777');
    // The latest is today's 08:00 in Hanoi (UTC+7), written above.
    expect(video!.computed).toMatchObject({ latest_views: 9000, latest_snapshot_at: `${dayFrom(0)}T01:00:00Z` });
  });
});

/**
 * Issue 14, "Done when": a campaign run end to end on the sample data in the add-on (the built
 * bundle in a vm, against the real sync server): the planner books a creator in the sheet and
 * confirms from the booking view, a draft is rejected then approved, a video posts its
 * deliverable, snapshots and conversions come in by Import file…, finance marks the payment
 * paid, the booking completes and the campaign finishes, with the numbers on every tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDetail } from '../../sync-server/src/contract/bookings/booking-payloads.js';
import { type AddonSandbox, type RealServer, ADMIN_EMAIL, ensureAddonBuilt, loadAddon, PLANNER_EMAIL, startRealServer } from './support/addon-harness.js';
import type { FakeSheet } from './fakes/spreadsheet-fake.js';
import { cell, column, findRow } from './support/sheet-cells.js';

// The add-on's answers as they cross google.script.run (addon/src/ui/booking-actions.ts,
// sync-actions.ts); spelled here because the add-on's sources need the Apps Script globals.
type BookingView = { detail: BookingDetail; warnings: string[] };
type PushSummary = { counts: Record<string, number> };

const FINANCE_EMAIL = 'huong.le@bookingcenter.vn';
const CAMPAIGN = 'CC-TET-2026';
const BOOKING = 'BK-E2E-1';
const DRAFT = 'Review E2E';

/** Types a new row at the bottom of a tab, cell by header, as a planner does. */
function appendRow(sheet: FakeSheet, values: Record<string, string | number>): number {
  const header = sheet.values[0]!;
  sheet.values.push(header.map((name) => values[String(name)] ?? ''));
  return sheet.values.length;
}

function selectRow(addon: AddonSandbox, sheet: FakeSheet, row: number): void {
  addon.spreadsheet.setActiveSheet(sheet);
  sheet.activeCell = [row, 1];
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('a booking run end to end in the add-on', () => {
  let server: RealServer;
  let planner: AddonSandbox;
  let finance: AddonSandbox;
  let budgetBefore: number;

  beforeAll(async () => {
    [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
    planner = loadAddon({ serverUrl: server.url, email: PLANNER_EMAIL });
    planner.call('menuSetUpSheets');
    planner.call('menuPull');
    const campaigns = planner.sheet('Campaigns');
    budgetBefore = Number(cell(campaigns, findRow(campaigns, 'code', CAMPAIGN), 'budget_actual'));
  }, 240_000);

  afterAll(async () => server?.stop());

  it('1. books a creator in the Bookings and Deliverables tabs, then confirms from the booking view; the creator joins the campaign', () => {
    appendRow(planner.sheet('Bookings'), {
      code: BOOKING, campaign_code: CAMPAIGN, brand_code: 'COCOON', creator_key: 'KOC-DUCANHEATS', booking_type: 'video_only',
      start_date: '2026-01-20', end_date: '2026-02-10', total_fee_agreed: 8_000_000, currency: 'VND', deliverables_count_planned: 1, status: 'negotiating',
    });
    appendRow(planner.sheet('Booking deliverables'), { booking_code: BOOKING, deliverable_type: 'video_feed', title: DRAFT, deadline_post: '2026-02-05', quantity: 1, status: 'planned' });
    const pushed = planner.call<PushSummary>('menuPush');
    expect(pushed.counts).toMatchObject({ created: 2, error: 0 });

    const bookings = planner.sheet('Bookings');
    selectRow(planner, bookings, findRow(bookings, 'code', BOOKING));
    expect(planner.call<{ bookingCode: string | null }>('getSidebarContext').bookingCode).toBe(BOOKING);
    const opened = planner.call<BookingView>('getBookingView', BOOKING);
    expect(opened.detail.nextStatuses.find((next) => next.to === 'confirmed')).toMatchObject({ allowed: true });

    const confirmed = planner.call<BookingView>('moveBooking', BOOKING, 'confirmed', 'Chốt 8 triệu qua Zalo');
    expect(confirmed.detail.status).toBe('confirmed');
    expect(confirmed.warnings.join(' ')).toMatch(/Ngô Đức Anh|KOC-DUCANHEATS/);
    expect(confirmed.detail.history[0]).toMatchObject({ from: 'negotiating', to: 'confirmed', note: 'Chốt 8 triệu qua Zalo', by: 'Trần Quang Minh' });
    // The pull after the move brought the creator's new row into the mapping tab.
    const mapping = planner.sheet('Campaign creators');
    const keys = mapping.values.filter((row) => row[column(mapping, 'campaign_code')] === CAMPAIGN).map((row) => row[column(mapping, 'creator_key')]);
    expect(keys).toContain('KOC-DUCANHEATS');
  });

  it('2. a draft is rejected with a note, goes back to shooting, and is approved', () => {
    for (const to of ['shooting', 'waiting_approve']) planner.call<BookingView>('moveDeliverable', BOOKING, DRAFT, to);
    expect(() => planner.call('moveDeliverable', BOOKING, DRAFT, 'rejected')).toThrow(/why the draft is rejected/);
    const rejected = planner.call<BookingView>('moveDeliverable', BOOKING, DRAFT, 'rejected', 'Thiếu hashtag #CocoonTet');
    expect(rejected.detail.deliverables[0]).toMatchObject({ status: 'rejected', lastNote: { note: 'Thiếu hashtag #CocoonTet' } });
    for (const to of ['shooting', 'waiting_approve']) planner.call<BookingView>('moveDeliverable', BOOKING, DRAFT, to);
    const approved = planner.call<BookingView>('moveDeliverable', BOOKING, DRAFT, 'scheduled', 'Duyệt');
    expect(approved.detail.deliverables[0]!.status).toBe('scheduled');
    planner.call<BookingView>('moveBooking', BOOKING, 'in_progress');
  });

  it('3. a video typed in the Videos tab posts its deliverable', () => {
    appendRow(planner.sheet('Videos'), { booking_code: BOOKING, deliverable_title: DRAFT, channel: 'tiktok', platform_video_id: '7499000000000000001', post_date: '2026-02-04', status: 'posted' });
    expect(planner.call<PushSummary>('menuPush').counts).toMatchObject({ created: 1, error: 0 });
    planner.call('menuPull');
    const deliverables = planner.sheet('Booking deliverables');
    expect(String(cell(deliverables, findRow(deliverables, 'title', DRAFT), 'status')).toLowerCase()).toBe('posted');
  });

  it('4. snapshots, the voucher and its orders come in by Import file…', () => {
    const files: Array<[string, string]> = [
      ['video_snapshots.csv', 'channel,platform_video_id,snapshot_time,view_count,like_count,comment_count,share_count,save_count,engagement_rate\ntiktok,7499000000000000001,2026-02-05 09:00:00,10000,500,20,10,40,0.057\ntiktok,7499000000000000001,2026-02-08 09:00:00,40000,2100,90,60,150,0.06\n'],
      ['tracking_assets.csv', 'campaign_code,booking_code,creator_key,code_type,code_value,platform,target_url,note,is_active\nCC-TET-2026,BK-E2E-1,KOC-DUCANHEATS,voucher,DUCANHTET,tiktok_shop,,,TRUE\n'],
      ['conversions.csv', 'platform,code_type,code_value,order_code,order_id_external,order_date,revenue,currency,exchange_rate,source_platform,brand_code,product_code,quantity\ntiktok_shop,voucher,DUCANHTET,E2E-ORDER-1,,2026-02-05 20:00:00,6000000,VND,,tiktok_shop,,,1\ntiktok_shop,voucher,DUCANHTET,E2E-ORDER-2,,2026-02-06 21:00:00,10000000,VND,,tiktok_shop,,,1\n'],
    ];
    for (const [fileName, text] of files) {
      const result = planner.call<{ report: { files: Array<{ totals: { errors: number; created: number } }> } }>('importFile', { fileName, base64: base64(text), dryRun: false, createMissing: false });
      expect(result.report.files[0]!.totals, fileName).toMatchObject({ errors: 0 });
    }
  });

  it('5. finance adds the payment in the Payments tab and marks it paid from the booking view', () => {
    finance = loadAddon({ serverUrl: server.url, email: FINANCE_EMAIL });
    finance.call('menuSetUpSheets');
    finance.call('menuPull');
    appendRow(finance.sheet('Payments'), { booking_code: BOOKING, campaign_code: CAMPAIGN, creator_key: 'KOC-DUCANHEATS', amount: 8_000_000, currency: 'VND', payment_date: '2026-02-09', payment_method: 'bank_transfer', status: 'pending' });
    expect(finance.call<PushSummary>('menuPush').counts).toMatchObject({ created: 1, error: 0 });
    const payment = finance.call<BookingView>('getBookingView', BOOKING).detail.payments[0]!;
    const paid = finance.call<BookingView>('markPaymentPaid', BOOKING, payment.key, 'HD-E2E-0001', '2026-02-09');
    expect(paid.detail.payments[0]).toMatchObject({ status: 'paid', invoiceNumber: 'HD-E2E-0001' });
    expect(paid.detail.paidTotal).toBe(8_000_000);
  });

  it('6. the booking completes, 7. the campaign finishes, and every tab shows the right numbers', () => {
    const completed = planner.call<BookingView>('moveBooking', BOOKING, 'completed', 'Đã đăng, đã trả');
    expect(completed.detail.status).toBe('completed');
    // Finishing is the admin's (a lead may not): from their own sidebar, postmortem included.
    const admin = loadAddon({ serverUrl: server.url, email: ADMIN_EMAIL });
    admin.call('menuSetUpSheets');
    admin.call('menuPull');
    admin.call('finishCampaign', CAMPAIGN, { whatWorked: 'Voucher riêng cho từng creator', whatDidnt: 'Kịch bản duyệt chậm', nextTime: 'Gửi brief sớm hơn một tuần' });
    // The planner's own next pull: the booking's row comes again for the payment finance made
    // and the snapshots imported since, with fresh read-outs.
    planner.call('menuPull');

    const bookings = planner.sheet('Bookings');
    const row = findRow(bookings, 'code', BOOKING);
    const read = (name: string) => cell(bookings, row, name);
    expect(String(read('status')).toLowerCase()).toBe('completed');
    expect([read('paid'), read('remaining'), read('deliverables_posted'), read('deliverables_planned')]).toEqual([8_000_000, 0, 1, 1]);
    expect([read('views'), read('orders'), read('revenue'), read('roas'), read('cpv'), read('booking_flags')]).toEqual([40_000, 2, 16_000_000, 2, 200, '']);

    const campaigns = planner.sheet('Campaigns');
    const campaignRow = findRow(campaigns, 'code', CAMPAIGN);
    expect(String(cell(campaigns, campaignRow, 'status')).toLowerCase()).toBe('finished');
    expect(cell(campaigns, campaignRow, 'budget_actual')).toBe(budgetBefore + 8_000_000);

    const payments = planner.sheet('Payments');
    const paymentRow = findRow(payments, 'invoice_number', 'HD-E2E-0001');
    expect([String(cell(payments, paymentRow, 'status')).toLowerCase(), cell(payments, paymentRow, 'amount_vnd')]).toEqual(['paid', 8_000_000]);
    const deliverables = planner.sheet('Booking deliverables');
    expect(cell(deliverables, findRow(deliverables, 'title', DRAFT), 'is_overdue')).toBe(false);
    const videos = planner.sheet('Videos');
    expect(cell(videos, findRow(videos, 'platform_video_id', '7499000000000000001'), 'latest_views')).toBe(40_000);
  });
});

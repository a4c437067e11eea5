/**
 * The bookings, deliverables and payments REST API (issue 14 item 9) on the sample data, as a
 * program or the sidebar's booking view meets it: lists scoped to what the reader may see and
 * without money for those who may not see spend, a booking's detail with its history and next
 * moves, and moves through the write door, allowed and refused.
 *
 * The tests run in order on one server and change the sample bookings as they go:
 * BK-0003 (confirmed) is started, BK-0002's story deliverable is submitted, rejected and approved,
 * and BK-0002's planned payment is paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingDetailSchema,
  bookingListResponseSchema,
  bookingTransitionResponseSchema,
  deliverableTransitionResponseSchema,
  paymentTransitionResponseSchema,
  type BookingDetail,
} from '../../sync-server/src/contract/bookings/booking-payloads.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const LEAD = 'minh.tran';
const ADMIN = 'lan.nguyen';
const FINANCE = 'huong.le';
const VIEWER = 'an.pham';
const COCOON_CLIENT = 'cocoon.marketing';

const STORY = 'Story nhắc mã giảm giá';

describe('bookings, deliverables and payments over HTTP', () => {
  let server: TestServer;

  const get = async (path: string, username = LEAD) => fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs(username) });
  const post = async (path: string, body: unknown, username = LEAD) =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { ...(await server.authAs(username)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const list = async (query: string, username = LEAD) => {
    const response = await get(`/bookings${query}`, username);
    expect(response.status).toBe(200);
    return bookingListResponseSchema.parse(await response.json());
  };
  const detail = async (code: string, username = LEAD): Promise<BookingDetail> => {
    const response = await get(`/bookings/${encodeURIComponent(code)}`, username);
    expect(response.status).toBe(200);
    return bookingDetailSchema.parse(await response.json());
  };
  const refusal = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    return errorResponseSchema.parse(await response.json());
  };
  const moveDeliverable = (bookingCode: string, title: string, body: unknown, username = LEAD) =>
    post(`/bookings/${encodeURIComponent(bookingCode)}/deliverables/${encodeURIComponent(title)}/transition`, body, username);

  beforeAll(async () => {
    server = await startTestServer();
    const prisma = server.database.prisma;
    const cocoon = await prisma.brand.findFirstOrThrow({ where: { code: 'COCOON' }, select: { id: true } });
    await prisma.user.create({ data: { username: COCOON_CLIENT, email: 'marketing@cocoon.example', displayName: 'Cocoon marketing', role: 'client', clientBrands: { create: [{ brandId: cocoon.id }] } } });
  });
  afterAll(async () => server?.dispose());

  describe('GET /bookings', () => {
    it('lists every booking with its creator, fee, deliverables posted of total and what was paid', async () => {
      const body = await list('');
      expect(body.items.map((item) => item.code).sort()).toEqual(['BK-0001', 'BK-0002', 'BK-0003']);
      expect(body.items.find((item) => item.code === 'BK-0001')).toMatchObject({
        campaignCode: 'CC-TET-2026',
        creatorKey: 'KOC-LINHBEAUTY',
        bookingType: 'video_only',
        status: 'completed',
        fee: 25_000_000,
        currency: 'VND',
        deliverablesPosted: 1,
        deliverablesTotal: 1,
        paidTotal: 25_000_000,
      });
      expect(body.items.find((item) => item.code === 'BK-0002')).toMatchObject({ deliverablesPosted: 1, deliverablesTotal: 2, paidTotal: 0, fee: 12_000_000 });
    });

    it('filters by campaign, status and creator, and pages with a cursor without repeating or losing a booking', async () => {
      expect((await list('?campaign=hnf-mut-tet-2026')).items.map((item) => item.code)).toEqual(['BK-0003']);
      expect((await list('?status=in_progress,completed')).items.map((item) => item.code).sort()).toEqual(['BK-0001', 'BK-0002']);
      expect((await list('?creator=KOC-LINHBEAUTY')).items.map((item) => item.code)).toEqual(['BK-0001']);
      expect((await list('?campaign=NO-SUCH-CAMPAIGN')).items).toEqual([]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((item) => item.code));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(['BK-0001', 'BK-0002', 'BK-0003']);
    });

    it('hides fees and payments from a viewer, and shows a client only their brands’ bookings, without money', async () => {
      const viewer = await list('', VIEWER);
      expect(viewer.items).toHaveLength(3);
      for (const item of viewer.items) expect(item).toMatchObject({ fee: null, feeBase: null, paidTotal: null });
      expect(viewer.items.find((item) => item.code === 'BK-0001')).toMatchObject({ deliverablesPosted: 1, deliverablesTotal: 1 });

      const client = await list('', COCOON_CLIENT);
      expect(client.items.map((item) => item.code).sort()).toEqual(['BK-0001', 'BK-0002']);
      for (const item of client.items) expect(item).toMatchObject({ fee: null, paidTotal: null });
      // Another brand's booking does not exist for the client: asked for by name, it is a 404.
      expect((await list('?campaign=HNF-MUT-TET-2026', COCOON_CLIENT)).items).toEqual([]);
      const hidden = await refusal(await get('/bookings/BK-0003', COCOON_CLIENT), 404);
      expect(hidden.detail).toContain('BK-0003');
    });

    it('answers a status that does not exist with 422 naming the field, and a made-up cursor with 400', async () => {
      const unknown = await refusal(await get('/bookings?status=paused'), 422);
      expect(Object.keys(unknown.errors).join()).toContain('status');
      await refusal(await get('/bookings?cursor=not-a-cursor'), 400);
    });
  });

  describe('GET /bookings/{code}', () => {
    it('shows the deliverables with the overdue ones flagged, the payments, the status history and the next moves with their reasons', async () => {
      const booking = await detail('bk-0002');
      expect(booking).toMatchObject({ code: 'BK-0002', campaignCode: 'CC-TET-2026', creatorKey: 'KOC-BAOTRAMSKIN', status: 'in_progress', productCode: 'CC-CAFE-DL', fee: 12_000_000 });
      // The story's deadline (2026-01-18) has passed and it is still being shot; the posted video is not overdue.
      expect(booking.deliverables.map((item) => [item.title, item.status, item.isOverdue])).toEqual([
        ['Tẩy da chết cà phê Đắk Lắk', 'posted', false],
        [STORY, 'shooting', true],
      ]);
      expect(booking.deliverables.find((item) => item.title === STORY)?.nextStatuses).toEqual(expect.arrayContaining(['waiting_approve', 'canceled']));
      expect(booking.payments).toEqual([expect.objectContaining({ key: 'PAY-BK-0002-1', amount: 12_000_000, status: 'planned', invoiceNumber: null, nextStatuses: ['pending', 'paid', 'canceled'] })]);
      expect(booking.history).toEqual([expect.objectContaining({ from: 'negotiating', to: 'in_progress', by: 'Trần Quang Minh', note: 'Dữ liệu mẫu' })]);

      const complete = booking.nextStatuses.find((move) => move.to === 'completed')!;
      expect(complete).toMatchObject({ move: 'complete', allowed: false });
      expect(complete.reasons.map((reason) => reason.code)).toEqual(['DELIVERABLES_OPEN']);
      expect(complete.reasons[0]!.message).toContain(STORY);
      expect(booking.nextStatuses.find((move) => move.to === 'canceled')).toMatchObject({ move: 'cancel', allowed: true, reasons: [] });
    });

    it('tells a viewer that their role can’t move a booking, and hides the money', async () => {
      const booking = await detail('BK-0002', VIEWER);
      expect(booking).toMatchObject({ fee: null, paidTotal: null });
      expect(booking.payments[0]).toMatchObject({ amount: null, amountBase: null, status: 'planned' });
      expect(booking.nextStatuses.length).toBeGreaterThan(0);
      for (const move of booking.nextStatuses) {
        expect(move.allowed).toBe(false);
        expect(move.reasons.map((reason) => reason.code)).toContain('PERMISSION_DENIED');
      }
    });

    it('gives a client the booking of their brand without its history', async () => {
      const booking = await detail('BK-0001', COCOON_CLIENT);
      expect(booking).toMatchObject({ code: 'BK-0001', status: 'completed', fee: null, history: [], nextStatuses: [] });
    });

    it('answers an unknown code with 404 naming it', async () => {
      const missing = await refusal(await get('/bookings/BK-9999'), 404);
      expect(missing).toMatchObject({ code: 'BOOKING_NOT_FOUND', detail: expect.stringContaining('BK-9999') });
    });
  });

  describe('POST /bookings/{code}/transition', () => {
    it('starts a confirmed booking and keeps who moved it and why in its status history', async () => {
      const before = await detail('BK-0003');
      expect(before.nextStatuses.find((move) => move.to === 'in_progress')).toMatchObject({ allowed: true });
      const response = await post('/bookings/BK-0003/transition', { to: 'in_progress', note: 'Đã nhận hàng mẫu', expectedRowVersion: before.rowVersion });
      expect(response.status).toBe(200);
      expect(bookingTransitionResponseSchema.parse(await response.json())).toMatchObject({ code: 'BK-0003', from: 'confirmed', status: 'in_progress' });

      const after = await detail('BK-0003');
      expect(after.status).toBe('in_progress');
      expect(after.history[0]).toMatchObject({ from: 'confirmed', to: 'in_progress', by: 'Trần Quang Minh', note: 'Đã nhận hàng mẫu' });
      expect(after.history).toHaveLength(before.history.length + 1);
      expect(after.nextStatuses.map((move) => move.to)).toEqual(['completed', 'canceled']);
    });

    it('refuses to complete a booking whose story is not posted yet with 422 naming it, and writes nothing', async () => {
      const before = await detail('BK-0002');
      const refused = await refusal(await post('/bookings/BK-0002/transition', { to: 'completed', note: 'xong' }), 422);
      expect(refused.code).toBe('DELIVERABLES_OPEN');
      expect(refused.detail).toContain(STORY);
      const after = await detail('BK-0002');
      expect(after.status).toBe('in_progress');
      expect(after.history).toEqual(before.history);
      expect(after.rowVersion).toBe(before.rowVersion);
    });

    it('refuses a move that is not in the lifecycle, a stale version and a viewer, each for its own reason', async () => {
      const backwards = await refusal(await post('/bookings/BK-0002/transition', { to: 'negotiating' }), 422);
      expect(backwards.code).toBe('TRANSITION_NOT_ALLOWED');
      const stale = await refusal(await post('/bookings/BK-0002/transition', { to: 'canceled', expectedRowVersion: 1_000 }), 409);
      expect(stale.detail).toEqual(expect.any(String));
      await refusal(await post('/bookings/BK-0002/transition', { to: 'canceled' }, VIEWER), 403);
      const same = await refusal(await post('/bookings/BK-0002/transition', { to: 'in_progress' }), 422);
      expect(same.code).toBe('ALREADY_IN_STATUS');
      expect((await detail('BK-0002')).status).toBe('in_progress');
    });
  });

  describe('POST /bookings/{code}/deliverables/{title}/transition', () => {
    it('takes a submitted draft, refuses a rejection without a reason, rejects it with one, and lets an admin but not finance approve the new draft', async () => {
      const submitted = await moveDeliverable('BK-0002', STORY, { to: 'waiting_approve' });
      expect(submitted.status).toBe(200);

      const silent = await refusal(await moveDeliverable('BK-0002', STORY, { to: 'rejected' }), 422);
      expect(silent.code).toBe('NOTE_REQUIRED');
      expect(silent.errors.note?.[0]).toEqual(expect.any(String));

      const rejected = await moveDeliverable('BK-0002', STORY, { to: 'rejected', note: 'Thiếu mã giảm giá trên màn hình' });
      expect(rejected.status).toBe(200);
      expect(deliverableTransitionResponseSchema.parse(await rejected.json())).toMatchObject({ bookingCode: 'BK-0002', title: STORY, from: 'waiting_approve', status: 'rejected' });
      const afterReject = (await detail('BK-0002')).deliverables.find((item) => item.title === STORY)!;
      expect(afterReject).toMatchObject({ status: 'rejected', lastNote: { note: 'Thiếu mã giảm giá trên màn hình', by: 'Trần Quang Minh' } });

      expect((await moveDeliverable('BK-0002', STORY, { to: 'waiting_approve' })).status).toBe(200);
      // Approval is a planner's: finance is refused, and the draft still waits.
      const byFinance = await refusal(await moveDeliverable('BK-0002', STORY, { to: 'scheduled' }, FINANCE), 403);
      expect(byFinance.code).toBe('PERMISSION_DENIED');
      expect((await detail('BK-0002')).deliverables.find((item) => item.title === STORY)?.status).toBe('waiting_approve');

      const approved = await moveDeliverable('BK-0002', STORY, { to: 'scheduled', note: 'OK, đăng tối thứ 6' }, ADMIN);
      expect(approved.status).toBe(200);
      expect((await detail('BK-0002')).deliverables.find((item) => item.title === STORY)).toMatchObject({
        status: 'scheduled',
        nextStatuses: ['posted', 'canceled'],
        lastNote: { note: 'OK, đăng tối thứ 6', by: 'Nguyễn Thị Lan' },
      });
    });

    it('answers a title the booking does not have with 404 naming it', async () => {
      const missing = await refusal(await moveDeliverable('BK-0002', 'No such video', { to: 'canceled' }), 404);
      expect(missing).toMatchObject({ code: 'DELIVERABLE_NOT_FOUND', detail: expect.stringContaining('No such video') });
    });
  });

  describe('POST /payments/{key}/transition', () => {
    it('refuses a lead marking a payment paid with 403, and leaves the payment pending', async () => {
      const refused = await refusal(await post('/payments/PAY-BK-0003-1/transition', { to: 'paid', invoiceNumber: 'HD-2026-0101', paymentDate: '2026-01-13' }, LEAD), 403);
      expect(refused.code).toBe('PERMISSION_DENIED');
      expect(refused.detail).toMatch(/finance|paid/i);
      expect((await detail('BK-0003')).payments[0]).toMatchObject({ key: 'PAY-BK-0003-1', status: 'pending', invoiceNumber: null });
    });

    it('refuses finance marking paid without an invoice number, naming the field', async () => {
      const refused = await refusal(await post('/payments/PAY-BK-0002-1/transition', { to: 'paid', paymentDate: '2026-02-01' }, FINANCE), 422);
      expect(refused.code).toBe('INVOICE_MISSING');
      expect(refused.errors.invoice_number?.[0]).toEqual(expect.any(String));
      expect((await detail('BK-0002')).payments[0]?.status).toBe('planned');
    });

    it('lets finance mark a payment paid with its invoice and date, warning that the booking is not all posted yet', async () => {
      const response = await post('/payments/PAY-BK-0002-1/transition', { to: 'paid', invoiceNumber: 'HD-2026-0077', paymentDate: '2026-02-01', note: 'Chuyển khoản Vietcombank' }, FINANCE);
      expect(response.status).toBe(200);
      const moved = paymentTransitionResponseSchema.parse(await response.json());
      expect(moved).toMatchObject({ key: 'PAY-BK-0002-1', bookingCode: 'BK-0002', from: 'planned', status: 'paid', invoiceNumber: 'HD-2026-0077', paymentDate: '2026-02-01' });
      // The story is scheduled, not posted: paying now is paying before publication.
      expect(moved.warnings.join(' ')).toContain('BK-0002');

      const booking = await detail('BK-0002', FINANCE);
      expect(booking.paidTotal).toBe(12_000_000);
      expect(booking.payments[0]).toMatchObject({ status: 'paid', invoiceNumber: 'HD-2026-0077', paymentDate: '2026-02-01', nextStatuses: [], note: null });
      expect((await list('?creator=KOC-BAOTRAMSKIN', FINANCE)).items[0]).toMatchObject({ code: 'BK-0002', paidTotal: 12_000_000 });
    });

    it('answers a payment key that does not exist with 404', async () => {
      await refusal(await post('/payments/PAY-NOPE/transition', { to: 'canceled' }, FINANCE), 404);
    });
  });

  it('describes every booking endpoint in /openapi.json', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected: [string, string][] = [
      ['/api/v1/bookings', 'get'],
      ['/api/v1/bookings/{code}', 'get'],
      ['/api/v1/bookings/{code}/transition', 'post'],
      ['/api/v1/bookings/{code}/deliverables/{title}/transition', 'post'],
      ['/api/v1/payments/{key}/transition', 'post'],
    ];
    for (const [path, method] of expected) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});

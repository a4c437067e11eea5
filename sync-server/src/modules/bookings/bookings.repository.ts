/**
 * Reads of bookings, their deliverables, payments and status history, within what the reader may
 * see (access/campaign-scope.ts: a client only their brands' campaigns). Set-based: a page of
 * bookings is one statement whatever its size, a booking's detail a few. No rule lives here.
 */
import { getTableDefinition } from '../../contract/index.js';
import type { Actor } from '../access/actor.js';
import { visibleRowsSql } from '../access/campaign-scope.js';
import type { Db } from '../audit/audit.types.js';

type Scope = Pick<Actor, 'role' | 'brandIds'>;

/** Placeholders for a statement's parameters, in order. */
function parameters(initial: unknown[] = []) {
  const values = [...initial];
  return { values, add: (value: unknown) => `$${values.push(value)}` };
}

const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDay = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Deliverables posted and still counted (not canceled), and what was paid in base currency, per booking of `bookingIds`. */
const BOOKING_TOTALS = (bookingIds: string) => `
  SELECT b.id AS booking_id,
         coalesce(d.posted, 0) AS deliverables_posted, coalesce(d.total, 0) AS deliverables_total, coalesce(p.paid, 0)::float8 AS paid_total
    FROM (SELECT unnest(${bookingIds}) AS id) b
    LEFT JOIN (SELECT booking_id, count(*) FILTER (WHERE status = 'posted')::int AS posted, count(*) FILTER (WHERE status <> 'canceled')::int AS total
                 FROM booking_deliverables WHERE booking_id = ANY(${bookingIds}) AND deleted_at IS NULL GROUP BY booking_id) d ON d.booking_id = b.id
    LEFT JOIN (SELECT booking_id, sum(amount_vnd) AS paid
                 FROM payments WHERE booking_id = ANY(${bookingIds}) AND status = 'paid' AND deleted_at IS NULL GROUP BY booking_id) p ON p.booking_id = b.id`;

export type BookingListFilters = { campaignCodes?: string[]; statuses?: string[]; creatorKeys?: string[] };

export type BookingListRow = {
  id: string;
  code: string;
  campaign_code: string;
  creator_key: string;
  creator_name: string;
  booking_type: string;
  status: string;
  fee: number;
  currency: string;
  fee_base: number | null;
  deliverables_posted: number;
  deliverables_total: number;
  paid_total: number;
  created_at: string;
  /** created_at with every digit, for the cursor. */
  sort_key: string;
};

/** One page of live bookings, newest first, after the (created_at, id) of the previous page's last. */
export function findBookingPage(db: Db, actor: Scope, filters: BookingListFilters, after: { key: string; id: string } | undefined, limit: number): Promise<BookingListRow[]> {
  const params = parameters();
  const where = ['t.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  const visible = visibleRowsSql(actor, getTableDefinition('bookings'), params.add);
  if (visible) where.push(visible);
  if (filters.campaignCodes?.length) where.push(`lower(c.code) = ANY(${params.add(filters.campaignCodes.map((code) => code.toLowerCase()))}::text[])`);
  if (filters.statuses?.length) where.push(`t.status = ANY(${params.add(filters.statuses)}::text[]::booking_status[])`);
  if (filters.creatorKeys?.length) where.push(`lower(k.creator_key) = ANY(${params.add(filters.creatorKeys.map((key) => key.toLowerCase()))}::text[])`);
  if (after) where.push(`(t.created_at, t.id) < (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
  // The page first, then the totals of its bookings only.
  const sql = `
    WITH page AS (
      SELECT t.id, t.code, c.code AS campaign_code, k.creator_key, k.name AS creator_name, t.booking_type::text AS booking_type, t.status::text AS status,
             t.total_fee_agreed::float8 AS fee, t.currency, t.total_fee_vnd::float8 AS fee_base, t.created_at
        FROM bookings t
        JOIN campaigns c ON c.id = t.campaign_id
        JOIN creators k ON k.id = t.creator_id
       WHERE ${where.join('\n         AND ')}
       ORDER BY t.created_at DESC, t.id DESC
       LIMIT ${params.add(limit)}::int),
    totals AS (${BOOKING_TOTALS('ARRAY(SELECT id FROM page)')})
    SELECT page.id::text AS id, page.code, page.campaign_code, page.creator_key, page.creator_name, page.booking_type, page.status,
           page.fee, page.currency, page.fee_base, totals.deliverables_posted, totals.deliverables_total, totals.paid_total,
           ${isoInstant('page.created_at')} AS created_at, page.created_at::text AS sort_key
      FROM page JOIN totals ON totals.booking_id = page.id
     ORDER BY page.created_at DESC, page.id DESC`;
  return db.$queryRawUnsafe<BookingListRow[]>(sql, ...params.values);
}

export type BookingRow = BookingListRow & {
  campaign_id: string;
  campaign_name: string;
  brand_code: string;
  platform: string | null;
  handle: string | null;
  product_code: string | null;
  brief_summary: string | null;
  start_date: string | null;
  end_date: string | null;
  row_version: number;
  updated_at: string;
};

/** The live booking with this code (any case), if the reader may see it, with its totals. */
export async function findVisibleBookingByCode(db: Db, actor: Scope, code: string): Promise<BookingRow | undefined> {
  const params = parameters([code]);
  const visible = visibleRowsSql(actor, getTableDefinition('bookings'), params.add);
  const rows = await db.$queryRawUnsafe<BookingRow[]>(
    `WITH booking AS (
       SELECT t.* FROM bookings t JOIN campaigns c ON c.id = t.campaign_id
        WHERE lower(t.code) = lower($1) AND t.deleted_at IS NULL AND c.deleted_at IS NULL${visible ? ` AND ${visible}` : ''}
        LIMIT 1),
     totals AS (${BOOKING_TOTALS('ARRAY(SELECT id FROM booking)')})
     SELECT t.id::text AS id, t.code, c.id::text AS campaign_id, c.code AS campaign_code, c.name AS campaign_name, br.code AS brand_code,
            k.creator_key, k.name AS creator_name, ch.platform::text AS platform, ch.handle, p.code AS product_code,
            t.booking_type::text AS booking_type, t.brief_summary, ${isoDay('t.start_date')} AS start_date, ${isoDay('t.end_date')} AS end_date,
            t.status::text AS status, t.total_fee_agreed::float8 AS fee, t.currency, t.total_fee_vnd::float8 AS fee_base,
            totals.deliverables_posted, totals.deliverables_total, totals.paid_total, t.row_version,
            ${isoInstant('t.created_at')} AS created_at, ${isoInstant('t.updated_at')} AS updated_at, t.created_at::text AS sort_key
       FROM booking t
       JOIN totals ON totals.booking_id = t.id
       JOIN campaigns c ON c.id = t.campaign_id
       JOIN brands br ON br.id = t.brand_id
       JOIN creators k ON k.id = t.creator_id
       LEFT JOIN creator_channels ch ON ch.id = t.channel_id
       LEFT JOIN products p ON p.id = t.product_focus_id`,
    ...params.values,
  );
  return rows[0];
}

export type DeliverableRow = {
  id: string;
  title: string;
  deliverable_code: string | null;
  deliverable_type: string;
  status: string;
  deadline_shoot: string | null;
  deadline_post: string | null;
  quantity: number;
  fee: number | null;
  is_overdue: boolean;
  row_version: number;
};

/** A booking's live deliverables by deadline; overdue against `today` (the team's day, YYYY-MM-DD). */
export function findBookingDeliverables(db: Db, bookingId: string, today: string): Promise<DeliverableRow[]> {
  return db.$queryRawUnsafe<DeliverableRow[]>(
    `SELECT d.id::text AS id, d.title, d.deliverable_code, d.deliverable_type::text AS deliverable_type, d.status::text AS status,
            ${isoDay('d.deadline_shoot')} AS deadline_shoot, ${isoDay('d.deadline_post')} AS deadline_post, d.quantity, d.fee::float8 AS fee,
            (d.deadline_post < $2::date AND d.status NOT IN ('posted', 'canceled')) IS TRUE AS is_overdue, d.row_version
       FROM booking_deliverables d
      WHERE d.booking_id = $1::uuid AND d.deleted_at IS NULL
      ORDER BY d.deadline_post NULLS LAST, d.title, d.id`,
    bookingId,
    today,
  );
}

/** A booking's live deliverables with this exact title: one, or none, or (a sheet that repeats a title) several. */
export function findDeliverablesByTitle(db: Db, bookingId: string, title: string): Promise<Array<{ id: string; title: string; status: string; row_version: number }>> {
  return db.$queryRawUnsafe(
    `SELECT d.id::text AS id, d.title, d.status::text AS status, d.row_version
       FROM booking_deliverables d WHERE d.booking_id = $1::uuid AND d.title = $2 AND d.deleted_at IS NULL LIMIT 5`,
    bookingId,
    title,
  );
}

export type PaymentRow = {
  id: string;
  payment_ref: string | null;
  amount: number;
  currency: string;
  amount_base: number | null;
  payment_date: string | null;
  payment_method: string;
  status: string;
  invoice_number: string | null;
  note: string | null;
  row_version: number;
};

const paymentColumns = (p: string) => `${p}.id::text AS id, ${p}.payment_ref, ${p}.amount::float8 AS amount, ${p}.currency, ${p}.amount_vnd::float8 AS amount_base,
  ${isoDay(`${p}.payment_date`)} AS payment_date, ${p}.payment_method::text AS payment_method, ${p}.status::text AS status, ${p}.invoice_number, ${p}.note, ${p}.row_version`;

/** A booking's live payments, by date. */
export function findBookingPayments(db: Db, bookingId: string): Promise<PaymentRow[]> {
  return db.$queryRawUnsafe<PaymentRow[]>(
    `SELECT ${paymentColumns('p')} FROM payments p WHERE p.booking_id = $1::uuid AND p.deleted_at IS NULL ORDER BY p.payment_date NULLS LAST, p.created_at, p.id`,
    bookingId,
  );
}

/** The live payment with this payment_ref (or id), if the reader may see it, with its booking's code. */
export async function findVisiblePaymentByKey(db: Db, actor: Scope, key: string): Promise<(PaymentRow & { booking_code: string }) | undefined> {
  const params = parameters([key]);
  const visible = visibleRowsSql(actor, getTableDefinition('payments'), params.add);
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const rows = await db.$queryRawUnsafe<Array<PaymentRow & { booking_code: string }>>(
    `SELECT ${paymentColumns('t')}, b.code AS booking_code
       FROM payments t JOIN bookings b ON b.id = t.booking_id
      WHERE (t.payment_ref = $1${isId ? ' OR t.id = $1::uuid' : ''}) AND t.deleted_at IS NULL${visible ? ` AND ${visible}` : ''}
      ORDER BY (t.payment_ref = $1) DESC NULLS LAST
      LIMIT 1`,
    ...params.values,
  );
  return rows[0];
}

export type StatusHistoryRow = { from_status: string | null; to_status: string; by: string | null; note: string | null; at: string };

/** A booking's status changes, newest first. */
export function findBookingStatusHistory(db: Db, bookingId: string): Promise<StatusHistoryRow[]> {
  return db.$queryRawUnsafe<StatusHistoryRow[]>(
    `SELECT h.from_status::text AS from_status, h.to_status::text AS to_status, coalesce(nullif(u.display_name, ''), u.username) AS by, h.note,
            ${isoInstant('h.changed_at')} AS at
       FROM booking_status_history h LEFT JOIN users u ON u.id = h.changed_by_id
      WHERE h.booking_id = $1::uuid AND h.deleted_at IS NULL
      ORDER BY h.changed_at DESC, h.id DESC`,
    bookingId,
  );
}

/** The newest note of a status change (the audit log's) per deliverable of `ids`, in one statement. */
export function findLastDeliverableNotes(db: Db, ids: readonly string[]): Promise<Array<{ entity_id: string; note: string; by: string | null; at: string }>> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.$queryRawUnsafe(
    `SELECT DISTINCT ON (a.entity_id) a.entity_id::text AS entity_id, a.note, coalesce(nullif(u.display_name, ''), u.username, a.actor_label) AS by,
            ${isoInstant('a.created_at')} AS at
       FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_id
      WHERE a.entity_type = 'booking_deliverable' AND a.entity_id = ANY($1::uuid[]) AND a.note IS NOT NULL AND a.note <> ''
      ORDER BY a.entity_id, a.created_at DESC, a.id DESC`,
    [...ids],
  );
}

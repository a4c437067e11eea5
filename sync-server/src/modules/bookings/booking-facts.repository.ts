/**
 * The execution read-outs the Bookings, Deliverables and Videos tabs show right of their cells
 * (issue 14, item 7), for a page of rows at once: one statement per table and page, never one
 * query per row. Amounts are in the tenant's base currency, as the write door stored them
 * (amount_vnd, revenue_vnd), or the amount itself when it is already in the base currency.
 */
import type { SqlDb } from '../../platform/database/sql-transaction.js';

export type BookingFacts = {
  id: string;
  paid: number;
  remaining: number | null;
  deliverables_posted: number;
  deliverables_planned: number;
  views: number;
  orders: number;
  revenue: number;
  is_overdue: boolean;
  is_completed: boolean;
};

// Each aggregate reads only the page's bookings (booking_id = ANY), through the foreign-key
// indexes; the latest snapshot per video is a backward scan of (video_id, snapshot_time).
const BOOKING_FACTS_SQL = `
  WITH page AS (
    SELECT b.id, b.status::text AS status, booking_center_base_amount(b.total_fee_vnd, b.total_fee_agreed, b.currency, tn.base_currency) AS fee, tn.base_currency
    FROM bookings b JOIN tenants tn ON tn.id = b.tenant_id
    WHERE b.id = ANY($1::uuid[])
  ),
  paid AS (
    SELECT p.booking_id, sum(booking_center_base_amount(p.amount_vnd, p.amount, p.currency, page.base_currency)) AS paid
    FROM payments p JOIN page ON page.id = p.booking_id
    WHERE p.status = 'paid' AND p.deleted_at IS NULL AND p.is_active
    GROUP BY p.booking_id
  ),
  deliverables AS (
    SELECT d.booking_id,
           count(*) FILTER (WHERE d.status = 'posted') AS posted,
           count(*) FILTER (WHERE d.status <> 'canceled') AS planned,
           bool_or(d.deadline_post < $2::date AND d.status NOT IN ('posted', 'canceled')) AS is_overdue
    FROM booking_deliverables d
    WHERE d.booking_id = ANY($1::uuid[]) AND d.deleted_at IS NULL AND d.is_active
    GROUP BY d.booking_id
  ),
  views AS (
    SELECT v.booking_id, sum(latest.view_count) AS views
    FROM videos v
    CROSS JOIN LATERAL (
      SELECT s.view_count FROM video_metric_snapshots s
      WHERE s.video_id = v.id AND s.deleted_at IS NULL
      ORDER BY s.snapshot_time DESC LIMIT 1
    ) latest
    WHERE v.booking_id = ANY($1::uuid[]) AND v.deleted_at IS NULL AND v.is_active
    GROUP BY v.booking_id
  ),
  orders AS (
    SELECT ta.booking_id, count(tc.id) AS orders, sum(booking_center_base_amount(tc.revenue_vnd, tc.revenue, tc.currency, page.base_currency)) AS revenue
    FROM tracking_assets ta
    JOIN page ON page.id = ta.booking_id
    JOIN tracking_conversions tc ON tc.tracking_asset_id = ta.id AND tc.deleted_at IS NULL AND tc.is_active
    WHERE ta.deleted_at IS NULL
    GROUP BY ta.booking_id
  )
  SELECT page.id::text AS id,
         coalesce(paid.paid, 0)::float8 AS paid,
         (page.fee - coalesce(paid.paid, 0))::float8 AS remaining,
         coalesce(deliverables.posted, 0)::int AS deliverables_posted,
         coalesce(deliverables.planned, 0)::int AS deliverables_planned,
         coalesce(views.views, 0)::float8 AS views,
         coalesce(orders.orders, 0)::int AS orders,
         coalesce(orders.revenue, 0)::float8 AS revenue,
         coalesce(deliverables.is_overdue, false) AS is_overdue,
         page.status = 'completed' AS is_completed
  FROM page
  LEFT JOIN paid ON paid.booking_id = page.id
  LEFT JOIN deliverables ON deliverables.booking_id = page.id
  LEFT JOIN views ON views.booking_id = page.id
  LEFT JOIN orders ON orders.booking_id = page.id`;

export async function findBookingFacts(db: SqlDb, bookingIds: readonly string[], today: string): Promise<BookingFacts[]> {
  if (bookingIds.length === 0) return [];
  return db.$queryRawUnsafe<BookingFacts[]>(BOOKING_FACTS_SQL, bookingIds, today);
}

export type DeliverableFacts = { id: string; is_overdue: boolean; days_to_deadline: number | null };

export async function findDeliverableFacts(db: SqlDb, deliverableIds: readonly string[], today: string): Promise<DeliverableFacts[]> {
  if (deliverableIds.length === 0) return [];
  return db.$queryRawUnsafe<DeliverableFacts[]>(
    `SELECT d.id::text AS id,
            (d.deadline_post < $2::date AND d.status NOT IN ('posted', 'canceled')) IS TRUE AS is_overdue,
            (d.deadline_post - $2::date)::int AS days_to_deadline
       FROM booking_deliverables d WHERE d.id = ANY($1::uuid[])`,
    deliverableIds,
    today,
  );
}

export type VideoFacts = { id: string; latest_views: number | null; latest_snapshot_at: string | null };

export async function findVideoFacts(db: SqlDb, videoIds: readonly string[]): Promise<VideoFacts[]> {
  if (videoIds.length === 0) return [];
  return db.$queryRawUnsafe<VideoFacts[]>(
    `SELECT v.id::text AS id, latest.view_count::float8 AS latest_views,
            to_char(latest.snapshot_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS latest_snapshot_at
       FROM videos v
       LEFT JOIN LATERAL (
         SELECT s.view_count, s.snapshot_time FROM video_metric_snapshots s
         WHERE s.video_id = v.id AND s.deleted_at IS NULL
         ORDER BY s.snapshot_time DESC LIMIT 1
       ) latest ON true
      WHERE v.id = ANY($1::uuid[])`,
    videoIds,
  );
}

/**
 * One set-based query that returns, for any set of campaigns, every fact the metrics and the
 * health flags need. Never one query per campaign: the list page and the dashboard ask for
 * hundreds at once.
 */
import type { Db } from '../audit/audit.types.js';
import type { RiskyCreator } from '../../contract/campaigns/campaign-health.js';
import type { BookingStatusCounts } from '../../contract/campaigns/campaign-metrics.js';

export type CampaignFactsRow = {
  id: string;
  status: string;
  objective: string;
  start_date: string | null;
  end_date: string | null;
  budget_planned: number | null;
  has_any_kpi: boolean;
  creators_count: number;
  products_count: number;
  bookings_by_status: BookingStatusCounts | null;
  budget_committed: number;
  budget_actual_paid: number;
  deliverables_total: number;
  deliverables_posted: number;
  deliverables_overdue: number;
  overdue_booking_codes: string[] | null;
  videos_posted: number;
  views_latest_total: number;
  tracking_assets: number;
  orders_attributed: number;
  revenue_attributed: number;
  risky_creators: RiskyCreator[] | null;
};

// $1 campaign ids, $2 today (the team's day), $3 creator trouble threshold.
export const CAMPAIGN_FACTS_SQL = `
WITH ids AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
camp AS (
  SELECT c.id, c.status::text AS status, c.objective::text AS objective,
         to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         c.budget_planned::float8 AS budget_planned,
         (c.kpi_view IS NOT NULL OR c.kpi_order IS NOT NULL OR c.kpi_revenue IS NOT NULL) AS has_any_kpi
  FROM campaigns c JOIN ids ON ids.id = c.id
),
cc AS (
  SELECT campaign_id, count(*)::int AS n FROM campaign_creators
  WHERE campaign_id = ANY($1::uuid[]) AND deleted_at IS NULL GROUP BY campaign_id
),
cp AS (
  SELECT campaign_id, count(*)::int AS n FROM campaign_products
  WHERE campaign_id = ANY($1::uuid[]) AND deleted_at IS NULL GROUP BY campaign_id
),
bk AS NOT MATERIALIZED (
  SELECT id, campaign_id, code, status::text AS status, total_fee_agreed FROM bookings
  WHERE campaign_id = ANY($1::uuid[]) AND deleted_at IS NULL
),
bk_status AS (
  SELECT campaign_id, jsonb_object_agg(status, n) AS by_status, sum(fee) AS committed
  FROM (SELECT campaign_id, status, count(*)::int AS n,
               coalesce(sum(total_fee_agreed) FILTER (WHERE status <> 'canceled'), 0) AS fee
        FROM bk GROUP BY campaign_id, status) per_status
  GROUP BY campaign_id
),
dl AS (
  SELECT bk.campaign_id,
         count(*) FILTER (WHERE d.status <> 'canceled')::int AS total,
         count(*) FILTER (WHERE d.status = 'posted')::int AS posted,
         count(*) FILTER (WHERE d.deadline_post < $2::date AND d.status NOT IN ('posted', 'canceled'))::int AS overdue,
         jsonb_agg(DISTINCT bk.code ORDER BY bk.code) FILTER (WHERE d.deadline_post < $2::date AND d.status NOT IN ('posted', 'canceled')) AS overdue_codes
  FROM booking_deliverables d JOIN bk ON bk.id = d.booking_id
  WHERE d.deleted_at IS NULL
  GROUP BY bk.campaign_id
),
vid AS NOT MATERIALIZED (
  SELECT id, campaign_id, status FROM videos
  WHERE campaign_id = ANY($1::uuid[]) AND deleted_at IS NULL
),
latest AS (
  SELECT DISTINCT ON (s.video_id) s.video_id, s.view_count
  FROM video_metric_snapshots s JOIN vid ON vid.id = s.video_id
  WHERE s.deleted_at IS NULL
  ORDER BY s.video_id, s.snapshot_time DESC
),
vs AS (
  SELECT vid.campaign_id,
         count(*) FILTER (WHERE vid.status = 'posted')::int AS posted,
         coalesce(sum(latest.view_count) FILTER (WHERE vid.status <> 'deleted'), 0)::float8 AS views
  FROM vid LEFT JOIN latest ON latest.video_id = vid.id
  GROUP BY vid.campaign_id
),
conv AS (
  SELECT ta.campaign_id, count(DISTINCT ta.id)::int AS assets, count(tc.id)::int AS orders,
         coalesce(sum(tc.revenue), 0)::float8 AS revenue
  FROM tracking_assets ta
  LEFT JOIN tracking_conversions tc ON tc.tracking_asset_id = ta.id AND tc.deleted_at IS NULL
  WHERE ta.campaign_id = ANY($1::uuid[]) AND ta.deleted_at IS NULL
  GROUP BY ta.campaign_id
),
pay AS (
  SELECT campaign_id, coalesce(sum(coalesce(amount_vnd, amount)) FILTER (WHERE status = 'paid'), 0)::float8 AS paid
  FROM payments
  WHERE campaign_id = ANY($1::uuid[]) AND deleted_at IS NULL AND is_active
  GROUP BY campaign_id
),
assigned AS NOT MATERIALIZED (
  SELECT cc.campaign_id, cc.creator_id FROM campaign_creators cc
  WHERE cc.campaign_id = ANY($1::uuid[]) AND cc.deleted_at IS NULL
),
trouble AS (
  SELECT b.creator_id, count(*)::int AS n
  FROM booking_deliverables d JOIN bookings b ON b.id = d.booking_id
  WHERE b.creator_id IN (SELECT creator_id FROM assigned) AND d.deleted_at IS NULL AND b.deleted_at IS NULL
    AND (d.status = 'rejected' OR (d.deadline_post < $2::date AND d.status NOT IN ('posted', 'canceled')))
  GROUP BY b.creator_id
),
risky AS (
  SELECT a.campaign_id,
         jsonb_agg(jsonb_build_object('name', cr.name, 'status', cr.status, 'troubleCount', coalesce(t.n, 0))
                   ORDER BY cr.status DESC, cr.name) AS list
  FROM assigned a JOIN creators cr ON cr.id = a.creator_id
  LEFT JOIN trouble t ON t.creator_id = a.creator_id
  WHERE cr.status <> 'active' OR coalesce(t.n, 0) >= $3::int
  GROUP BY a.campaign_id
)
SELECT camp.id::text AS id, camp.status, camp.objective, camp.start_date, camp.end_date, camp.budget_planned, camp.has_any_kpi,
       coalesce(cc.n, 0) AS creators_count, coalesce(cp.n, 0) AS products_count,
       bk_status.by_status AS bookings_by_status, coalesce(bk_status.committed, 0)::float8 AS budget_committed,
       coalesce(pay.paid, 0)::float8 AS budget_actual_paid,
       coalesce(dl.total, 0) AS deliverables_total, coalesce(dl.posted, 0) AS deliverables_posted,
       coalesce(dl.overdue, 0) AS deliverables_overdue, dl.overdue_codes AS overdue_booking_codes,
       coalesce(vs.posted, 0) AS videos_posted, coalesce(vs.views, 0)::float8 AS views_latest_total,
       coalesce(conv.assets, 0) AS tracking_assets, coalesce(conv.orders, 0) AS orders_attributed,
       coalesce(conv.revenue, 0)::float8 AS revenue_attributed, risky.list AS risky_creators
FROM camp
LEFT JOIN cc ON cc.campaign_id = camp.id
LEFT JOIN cp ON cp.campaign_id = camp.id
LEFT JOIN bk_status ON bk_status.campaign_id = camp.id
LEFT JOIN dl ON dl.campaign_id = camp.id
LEFT JOIN vs ON vs.campaign_id = camp.id
LEFT JOIN conv ON conv.campaign_id = camp.id
LEFT JOIN pay ON pay.campaign_id = camp.id
LEFT JOIN risky ON risky.campaign_id = camp.id
`;

export function findCampaignFacts(db: Db, campaignIds: readonly string[], today: string, creatorRiskThreshold: number): Promise<CampaignFactsRow[]> {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db.$queryRawUnsafe<CampaignFactsRow[]>(CAMPAIGN_FACTS_SQL, [...campaignIds], today, creatorRiskThreshold);
}

/** Recomputes campaigns.budget_actual from paid payments (the same function the payment triggers call). */
export async function recalculateBudgetActualRows(db: Db, campaignIds: readonly string[]): Promise<number> {
  if (campaignIds.length === 0) return 0;
  const rows = await db.$queryRawUnsafe<{ changed: number }[]>('SELECT booking_center_recalculate_budget_actual($1::uuid[]) AS changed', [...campaignIds]);
  return rows[0]?.changed ?? 0;
}

-- Hand-written: the facts behind campaign metrics and health flags (issue 4), for any set of
-- campaigns, as one set-based query. It lives in a PL/pgSQL function so that each connection
-- plans it once and reuses the plan: planning this many joins costs more than running them
-- for a page of 50 campaigns. The TypeScript side (campaign-metrics.repository.ts) turns the
-- facts into metrics and flags; change the query with CREATE OR REPLACE in a new migration.
-- p_today is the team's day (deadlines); p_trouble_threshold is CREATOR_RISK's threshold.
CREATE OR REPLACE FUNCTION booking_center_campaign_facts(p_campaign_ids uuid[], p_today date, p_trouble_threshold integer)
RETURNS TABLE (
  id text, status text, objective text, start_date text, end_date text, budget_planned float8, has_any_kpi boolean,
  creators_count integer, products_count integer, bookings_by_status jsonb, budget_committed float8, budget_actual_paid float8,
  deliverables_total integer, deliverables_posted integer, deliverables_overdue integer, overdue_booking_codes jsonb,
  videos_posted integer, views_latest_total float8, tracking_assets integer, orders_attributed integer,
  revenue_attributed float8, risky_creators jsonb
)
LANGUAGE plpgsql STABLE AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH ids AS (SELECT DISTINCT unnest(p_campaign_ids) AS id),
  camp AS (
    SELECT c.id, c.status::text AS status, c.objective::text AS objective,
           to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
           c.budget_planned::float8 AS budget_planned,
           (c.kpi_view IS NOT NULL OR c.kpi_order IS NOT NULL OR c.kpi_revenue IS NOT NULL) AS has_any_kpi
    FROM campaigns c JOIN ids ON ids.id = c.id
  ),
  cc AS (
    SELECT campaign_id, count(*)::int AS n FROM campaign_creators
    WHERE campaign_id = ANY(p_campaign_ids) AND deleted_at IS NULL GROUP BY campaign_id
  ),
  cp AS (
    SELECT campaign_id, count(*)::int AS n FROM campaign_products
    WHERE campaign_id = ANY(p_campaign_ids) AND deleted_at IS NULL GROUP BY campaign_id
  ),
  bk AS NOT MATERIALIZED (
    SELECT id, campaign_id, code, status::text AS status, total_fee_agreed FROM bookings
    WHERE campaign_id = ANY(p_campaign_ids) AND deleted_at IS NULL
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
           count(*) FILTER (WHERE d.deadline_post < p_today AND d.status NOT IN ('posted', 'canceled'))::int AS overdue,
           jsonb_agg(DISTINCT bk.code ORDER BY bk.code) FILTER (WHERE d.deadline_post < p_today AND d.status NOT IN ('posted', 'canceled')) AS overdue_codes
    FROM booking_deliverables d JOIN bk ON bk.id = d.booking_id
    WHERE d.deleted_at IS NULL
    GROUP BY bk.campaign_id
  ),
  vid AS NOT MATERIALIZED (
    SELECT id, campaign_id, status FROM videos
    WHERE campaign_id = ANY(p_campaign_ids) AND deleted_at IS NULL
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
    WHERE ta.campaign_id = ANY(p_campaign_ids) AND ta.deleted_at IS NULL
    GROUP BY ta.campaign_id
  ),
  pay AS (
    SELECT campaign_id, coalesce(sum(coalesce(amount_vnd, amount)) FILTER (WHERE status = 'paid'), 0)::float8 AS paid
    FROM payments
    WHERE campaign_id = ANY(p_campaign_ids) AND deleted_at IS NULL AND is_active
    GROUP BY campaign_id
  ),
  assigned AS NOT MATERIALIZED (
    SELECT cc.campaign_id, cc.creator_id FROM campaign_creators cc
    WHERE cc.campaign_id = ANY(p_campaign_ids) AND cc.deleted_at IS NULL
  ),
  trouble AS (
    SELECT b.creator_id, count(*)::int AS n
    FROM booking_deliverables d JOIN bookings b ON b.id = d.booking_id
    WHERE b.creator_id IN (SELECT creator_id FROM assigned) AND d.deleted_at IS NULL AND b.deleted_at IS NULL
      AND (d.status = 'rejected' OR (d.deadline_post < p_today AND d.status NOT IN ('posted', 'canceled')))
    GROUP BY b.creator_id
  ),
  risky AS (
    SELECT a.campaign_id,
           jsonb_agg(jsonb_build_object('name', cr.name, 'status', cr.status, 'troubleCount', coalesce(t.n, 0))
                     ORDER BY cr.status DESC, cr.name) AS list
    FROM assigned a JOIN creators cr ON cr.id = a.creator_id
    LEFT JOIN trouble t ON t.creator_id = a.creator_id
    WHERE cr.status <> 'active' OR coalesce(t.n, 0) >= p_trouble_threshold
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
  LEFT JOIN risky ON risky.campaign_id = camp.id;
END;
$fn$;

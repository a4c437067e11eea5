-- Hand-written (issue 13): totals in the tenant's base currency, and exchange_rates kept like
-- every other table.
--
-- Before, budget_actual summed COALESCE(amount_vnd, amount): a USD payment with no amount_vnd
-- was added as if it were đồng (25,000,000 became 25,000,100). Now every total sums the
-- base-currency column the write door fills (payments.amount_vnd, bookings.total_fee_vnd,
-- tracking_conversions.revenue_vnd; modules/currencies/currency.rules.ts). A row without it (a
-- legacy row, or one written around the door) counts only when it is in the base currency
-- already; an amount in another currency with no base value is left out of the total, never
-- added as base currency.

-- ── An amount's value in its tenant's base currency, for totals ─────────────────────────
-- One definition of the rule above, inlined by the planner (plain SQL, IMMUTABLE).
CREATE OR REPLACE FUNCTION booking_center_base_amount(base_amount numeric, amount numeric, currency text, base_currency text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT COALESCE(base_amount, CASE WHEN currency = base_currency THEN amount END) $$;

-- ── exchange_rates: the sheet-sync bookkeeping every table has (row_version, sync_seq) ──
CREATE TRIGGER exchange_rates_touch_row BEFORE INSERT OR UPDATE ON exchange_rates FOR EACH ROW EXECUTE FUNCTION booking_center_touch_row();
GRANT SELECT, INSERT, UPDATE, DELETE ON exchange_rates TO booking_center_app;
-- The latest rate of a currency on or before a day, as the door looks it up, is a backward scan of
-- the unique index on (tenant_id, currency, rate_date): no index of its own.

-- ── campaigns.budget_actual = paid payments in the base currency ────────────────────────
CREATE OR REPLACE FUNCTION booking_center_recalculate_budget_actual(campaign_ids uuid[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
BEGIN
  WITH totals AS (
    SELECT c.id,
           COALESCE(SUM(booking_center_base_amount(p.amount_vnd, p.amount, p.currency, tn.base_currency))
                    FILTER (WHERE p.status = 'paid' AND p.deleted_at IS NULL AND p.is_active), 0)::numeric(18, 2) AS total
    FROM campaigns c
    JOIN tenants tn ON tn.id = c.tenant_id
    LEFT JOIN payments p ON p.campaign_id = c.id
    WHERE c.id = ANY (campaign_ids)
    GROUP BY c.id
  )
  UPDATE campaigns c SET budget_actual = t.total
  FROM totals t
  WHERE c.id = t.id AND c.budget_actual IS DISTINCT FROM t.total;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END;
$$;

-- ── The facts behind campaign metrics: committed, paid and revenue in the base currency ──
-- The same function as 20261123183805_campaign_facts_function, but for bk (fee_base), conv and
-- pay, whose sums now read the base-currency columns; ROAS, CPO and CPV divide those.
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
    SELECT b.id, b.campaign_id, b.code, b.status::text AS status,
           booking_center_base_amount(b.total_fee_vnd, b.total_fee_agreed, b.currency, tn.base_currency) AS fee_base
    FROM bookings b JOIN tenants tn ON tn.id = b.tenant_id
    WHERE b.campaign_id = ANY(p_campaign_ids) AND b.deleted_at IS NULL
  ),
  bk_status AS (
    SELECT campaign_id, jsonb_object_agg(status, n) AS by_status, sum(fee) AS committed
    FROM (SELECT campaign_id, status, count(*)::int AS n,
                 coalesce(sum(fee_base) FILTER (WHERE status <> 'canceled'), 0) AS fee
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
           coalesce(sum(booking_center_base_amount(tc.revenue_vnd, tc.revenue, tc.currency, tn.base_currency)), 0)::float8 AS revenue
    FROM tracking_assets ta
    JOIN tenants tn ON tn.id = ta.tenant_id
    LEFT JOIN tracking_conversions tc ON tc.tracking_asset_id = ta.id AND tc.deleted_at IS NULL
    WHERE ta.campaign_id = ANY(p_campaign_ids) AND ta.deleted_at IS NULL
    GROUP BY ta.campaign_id
  ),
  pay AS (
    SELECT p.campaign_id,
           coalesce(sum(booking_center_base_amount(p.amount_vnd, p.amount, p.currency, tn.base_currency)) FILTER (WHERE p.status = 'paid'), 0)::float8 AS paid
    FROM payments p JOIN tenants tn ON tn.id = p.tenant_id
    WHERE p.campaign_id = ANY(p_campaign_ids) AND p.deleted_at IS NULL AND p.is_active
    GROUP BY p.campaign_id
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

-- ── Stored totals follow the new rule: each tenant's campaigns recomputed in its own context ──
-- (row-level security binds even the owner; a superuser sees every row regardless).
DO $$
DECLARE
  each_tenant uuid;
BEGIN
  FOR each_tenant IN SELECT t.id FROM tenants t LOOP
    PERFORM set_config('app.tenant_id', each_tenant::text, true);
    PERFORM booking_center_recalculate_budget_actual(ARRAY(SELECT c.id FROM campaigns c WHERE c.tenant_id = each_tenant));
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END;
$$;

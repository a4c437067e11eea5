/**
 * Set-based data for the campaigns benchmark: 10,000 campaigns; the first 1,000 carry 52,000
 * related rows (mappings, bookings, deliverables, videos, snapshots, tracking, payments).
 * Everything is generate_series, so setup takes seconds, not minutes.
 */
export const BENCH_CAMPAIGNS = 10_000;
export const BENCH_METRICS_SET = 1_000;

export const GENERATE_STATEMENTS: string[] = [
  `INSERT INTO users (username, email, display_name, role)
   SELECT 'user' || g, 'user' || g || '@bench.test', 'User ' || g, (ARRAY['admin', 'lead', 'lead', 'finance']::user_role[])[1 + g % 4]
   FROM generate_series(1, 20) g`,
  `INSERT INTO brands (code, name) SELECT 'BR' || lpad(g::text, 3, '0'), 'Brand ' || g FROM generate_series(1, 20) g`,
  `WITH b AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS rn FROM brands)
   INSERT INTO products (brand_id, code, name, category)
   SELECT b.id, 'P' || g, 'Sản phẩm ' || g, (ARRAY['skincare', 'makeup', 'home', 'food'])[1 + g % 4]
   FROM generate_series(1, 500) g JOIN b ON b.rn = g % 20`,
  `INSERT INTO creators (creator_key, name, status, location, niche)
   SELECT 'cr' || g, 'Creator ' || g,
          (CASE WHEN g % 100 = 0 THEN 'blacklist' WHEN g % 20 = 0 THEN 'watchlist' ELSE 'active' END)::creator_status,
          (ARRAY['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng'])[1 + g % 3], (ARRAY['beauty', 'tech', 'food', 'home'])[1 + g % 4]
   FROM generate_series(1, 2000) g`,
  `INSERT INTO creator_channels (creator_id, platform, handle, follower_count, avg_view_10)
   SELECT id, 'tiktok', '@' || creator_key, (hashtext(creator_key) & 1048575), (hashtext(creator_key) & 262143) FROM creators`,
  `WITH b AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS rn FROM brands),
        u AS (SELECT id, row_number() OVER (ORDER BY username) - 1 AS rn FROM users)
   INSERT INTO campaigns (code, name, brand_id, channel, objective, status, start_date, end_date, budget_planned, kpi_order, kpi_revenue, owner_id, created_at)
   SELECT 'CMP-' || lpad(g::text, 5, '0'),
          (ARRAY['Chiến dịch Tết', 'Summer glow', 'Back to school', 'Mega sale 11.11', 'Nhà sạch đón xuân'])[1 + g % 5] || ' ' || g,
          b.id,
          (CASE WHEN g % 7 = 0 THEN 'multi' ELSE 'tiktok' END)::campaign_channel,
          (ARRAY['awareness', 'traffic', 'sale', 'launch', 'clearance']::campaign_objective[])[1 + g % 5],
          (CASE WHEN g <= 1000 THEN (ARRAY['running', 'running', 'planned', 'paused', 'finished']::campaign_status[])[1 + g % 5]
                ELSE (ARRAY['draft', 'planned', 'running', 'paused', 'finished', 'canceled']::campaign_status[])[1 + g % 6] END),
          CASE WHEN g % 50 = 0 AND g > 1000 THEN NULL ELSE DATE '2025-06-01' + (g % 400) END,
          CASE WHEN g % 50 = 0 AND g > 1000 THEN NULL ELSE DATE '2025-06-01' + (g % 400) + 10 + g % 40 END,
          1000000 * (1 + g % 100),
          CASE WHEN g % 3 = 0 THEN NULL ELSE 100 + g % 900 END,
          CASE WHEN g % 3 = 0 THEN NULL ELSE 1000000 * (10 + g % 90) END,
          u.id,
          now() - g * interval '1 minute'
   FROM generate_series(1, ${BENCH_CAMPAIGNS}) g JOIN b ON b.rn = g % 20 JOIN u ON u.rn = g % 20`,
  // Campaign i of the metrics set (rn ≤ 1000): 5 creators, 3 products, 5 bookings (one per creator).
  `CREATE TEMP TABLE bench_c AS SELECT id, row_number() OVER (ORDER BY code) AS rn, start_date, brand_id FROM campaigns`,
  `CREATE TEMP TABLE bench_cr AS SELECT id, row_number() OVER (ORDER BY creator_key) - 1 AS rn FROM creators`,
  `CREATE TEMP TABLE bench_p AS SELECT id, row_number() OVER (ORDER BY code) - 1 AS rn FROM products`,
  `INSERT INTO campaign_creators (campaign_id, creator_id, role)
   SELECT c.id, cr.id, (ARRAY['main', 'supporting', 'trial']::campaign_creator_role[])[1 + j % 3]
   FROM bench_c c CROSS JOIN generate_series(0, 4) j JOIN bench_cr cr ON cr.rn = (c.rn * 5 + j) % 2000
   WHERE c.rn <= ${BENCH_METRICS_SET}`,
  `INSERT INTO campaign_products (campaign_id, product_id, priority)
   SELECT c.id, p.id, j + 1 FROM bench_c c CROSS JOIN generate_series(0, 2) j JOIN bench_p p ON p.rn = (c.rn * 3 + j) % 500
   WHERE c.rn <= ${BENCH_METRICS_SET}`,
  // The other 9,000: some with one creator, some with one product (for the has_* filters).
  `INSERT INTO campaign_creators (campaign_id, creator_id)
   SELECT c.id, cr.id FROM bench_c c JOIN bench_cr cr ON cr.rn = c.rn % 2000 WHERE c.rn > ${BENCH_METRICS_SET} AND c.rn % 2 = 1`,
  `INSERT INTO campaign_products (campaign_id, product_id)
   SELECT c.id, p.id FROM bench_c c JOIN bench_p p ON p.rn = c.rn % 500 WHERE c.rn > ${BENCH_METRICS_SET} AND c.rn % 3 = 0`,
  `INSERT INTO bookings (code, campaign_id, creator_id, brand_id, booking_type, total_fee_agreed, status)
   SELECT 'BK-' || lpad((c.rn * 5 + j)::text, 6, '0'), c.id, cr.id, c.brand_id, 'video_only', 1000000 * (1 + (c.rn + j) % 10),
          (ARRAY['negotiating', 'confirmed', 'in_progress', 'completed', 'canceled']::booking_status[])[1 + (c.rn + j) % 5]
   FROM bench_c c CROSS JOIN generate_series(0, 4) j JOIN bench_cr cr ON cr.rn = (c.rn * 5 + j) % 2000
   WHERE c.rn <= ${BENCH_METRICS_SET}`,
  `INSERT INTO booking_deliverables (booking_id, deliverable_type, title, deadline_post, status)
   SELECT b.id, 'video_feed', 'Video ' || k, c.start_date + 7 * k + (hashtext(b.code) & 7),
          (ARRAY['planned', 'posted', 'posted', 'posted', 'rejected', 'scheduled', 'canceled']::deliverable_status[])[1 + ((hashtext(b.code) & 65535) + k) % 7]
   FROM bookings b JOIN campaigns c ON c.id = b.campaign_id CROSS JOIN generate_series(1, 2) k`,
  `INSERT INTO videos (booking_deliverable_id, booking_id, campaign_id, creator_id, platform_video_id, post_date, status)
   SELECT d.id, b.id, b.campaign_id, b.creator_id, 'v' || n, d.deadline_post, 'posted'
   FROM (SELECT d.*, row_number() OVER (ORDER BY d.id) AS n FROM booking_deliverables d) d JOIN bookings b ON b.id = d.booking_id
   WHERE d.n % 5 <> 0`,
  `INSERT INTO video_metric_snapshots (video_id, snapshot_time, view_count, like_count)
   SELECT v.id, timestamptz '2026-01-01' + k * interval '1 day', (hashtext(v.platform_video_id) & 262143) * k, k
   FROM (SELECT v.*, row_number() OVER (ORDER BY v.id) AS n FROM videos v) v CROSS JOIN generate_series(1, 2) k
   WHERE k = 1 OR v.n % 2 = 0`,
  `INSERT INTO tracking_assets (campaign_id, code_type, code_value, platform)
   SELECT c.id, 'voucher', 'V' || c.rn, 'tiktok_shop' FROM bench_c c WHERE c.rn <= ${BENCH_METRICS_SET}`,
  `INSERT INTO tracking_conversions (tracking_asset_id, order_code, revenue)
   SELECT t.id, 'O' || k, 100000 * (1 + (hashtext(t.code_value) & 255)) FROM tracking_assets t CROSS JOIN generate_series(1, 3) k`,
  `INSERT INTO payments (booking_id, creator_id, campaign_id, amount, status)
   SELECT b.id, b.creator_id, b.campaign_id, b.total_fee_agreed,
          (CASE WHEN hashtext(b.code) % 5 IN (0, 1, 2) THEN 'paid' ELSE 'planned' END)::payment_status
   FROM bookings b`,
  `DROP TABLE bench_c`,
  `DROP TABLE bench_cr`,
  `DROP TABLE bench_p`,
  `ANALYZE`,
];

/** Rows related to the metrics set, counted table by table. */
export const RELATED_COUNT_SQL = `
WITH m AS (SELECT id FROM campaigns ORDER BY code LIMIT ${BENCH_METRICS_SET})
SELECT ((SELECT count(*) FROM campaign_creators WHERE campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM campaign_products WHERE campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM bookings WHERE campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM booking_deliverables d JOIN bookings b ON b.id = d.booking_id WHERE b.campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM videos WHERE campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM video_metric_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM tracking_assets WHERE campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM tracking_conversions tc JOIN tracking_assets t ON t.id = tc.tracking_asset_id WHERE t.campaign_id IN (SELECT id FROM m))
      + (SELECT count(*) FROM payments WHERE campaign_id IN (SELECT id FROM m)))::int AS related,
       (SELECT count(*) FROM campaigns)::int AS campaigns`;

/** The floor for metrics: one hand-written aggregate query over the same tables, no flags, no mapping. */
export const METRICS_FLOOR_SQL = `
WITH ids AS (SELECT unnest($1::uuid[]) AS id),
cc AS (SELECT campaign_id, count(*) AS n FROM campaign_creators WHERE campaign_id = ANY($1::uuid[]) GROUP BY 1),
cp AS (SELECT campaign_id, count(*) AS n FROM campaign_products WHERE campaign_id = ANY($1::uuid[]) GROUP BY 1),
bk AS (SELECT campaign_id, sum(total_fee_agreed) FILTER (WHERE status <> 'canceled') AS committed, count(*) AS n FROM bookings WHERE campaign_id = ANY($1::uuid[]) GROUP BY 1),
dl AS (SELECT b.campaign_id, count(*) AS total, count(*) FILTER (WHERE d.status = 'posted') AS posted
       FROM booking_deliverables d JOIN bookings b ON b.id = d.booking_id WHERE b.campaign_id = ANY($1::uuid[]) GROUP BY 1),
lv AS (SELECT DISTINCT ON (s.video_id) v.campaign_id, s.view_count FROM video_metric_snapshots s JOIN videos v ON v.id = s.video_id
       WHERE v.campaign_id = ANY($1::uuid[]) ORDER BY s.video_id, s.snapshot_time DESC),
vw AS (SELECT campaign_id, sum(view_count) AS views FROM lv GROUP BY 1),
cv AS (SELECT t.campaign_id, count(*) AS orders, sum(tc.revenue) AS revenue FROM tracking_assets t JOIN tracking_conversions tc ON tc.tracking_asset_id = t.id
       WHERE t.campaign_id = ANY($1::uuid[]) GROUP BY 1),
pm AS (SELECT campaign_id, sum(amount) FILTER (WHERE status = 'paid') AS paid FROM payments WHERE campaign_id = ANY($1::uuid[]) GROUP BY 1)
SELECT ids.id, cc.n, cp.n, bk.committed, bk.n, dl.total, dl.posted, vw.views, cv.orders, cv.revenue, pm.paid
FROM ids LEFT JOIN cc ON cc.campaign_id = ids.id LEFT JOIN cp ON cp.campaign_id = ids.id LEFT JOIN bk ON bk.campaign_id = ids.id
LEFT JOIN dl ON dl.campaign_id = ids.id LEFT JOIN vw ON vw.campaign_id = ids.id LEFT JOIN cv ON cv.campaign_id = ids.id LEFT JOIN pm ON pm.campaign_id = ids.id`;

/** The floor for the list: the same filters and sort, one query, no counts or flags. */
export const LIST_FLOOR_SQL = `
SELECT c.id, c.code, c.name, c.status, c.start_date, c.end_date, c.budget_planned, c.budget_actual
FROM campaigns c
WHERE c.deleted_at IS NULL AND c.status = ANY($1::text[]::campaign_status[]) AND c.objective = ANY($2::text[]::campaign_objective[])
  AND EXISTS (SELECT 1 FROM campaign_creators cc WHERE cc.campaign_id = c.id AND cc.deleted_at IS NULL)
ORDER BY coalesce(c.start_date, 'infinity'::date), c.id
LIMIT 51`;

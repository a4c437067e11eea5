import type { Db } from '../audit/audit.types.js';

export type CampaignScope = {
  from?: string;
  to?: string;
  brandCode?: string;
  /** The reader's brands (a client's, access/campaign-scope.ts); null: every brand. */
  visibleBrandIds: readonly string[] | null;
};

// Every report query reads the same set of live campaigns; $1..$4 are from, to, brand code and
// the reader's brands.
const scopedCampaigns = `
  SELECT c.* FROM campaigns c JOIN brands b ON b.id = c.brand_id
  WHERE c.deleted_at IS NULL
    AND ($1::date IS NULL OR c.start_date >= $1::date)
    AND ($2::date IS NULL OR c.start_date <= $2::date)
    AND ($3::text IS NULL OR b.code = $3::text)
    AND ($4::uuid[] IS NULL OR c.brand_id = ANY($4::uuid[]))`;

const scopeParams = (scope: CampaignScope) => [scope.from ?? null, scope.to ?? null, scope.brandCode ?? null, scope.visibleBrandIds ? [...scope.visibleBrandIds] : null];

export async function countCampaignsByStatus(db: Db, scope: CampaignScope) {
  return db.$queryRawUnsafe<{ status: string; count: number }[]>(
    `SELECT status::text AS status, count(*)::int AS count FROM (${scopedCampaigns}) c GROUP BY status`,
    ...scopeParams(scope),
  );
}

export async function findCampaignIds(db: Db, scope: CampaignScope): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM (${scopedCampaigns}) c`, ...scopeParams(scope));
  return rows.map((row) => row.id);
}

/**
 * Planned, committed (agreed booking fees) and paid, grouped by brand or by start month, in one
 * pass; money in the tenant's base currency (booking_center_base_amount, migration
 * totals_in_base_currency: a fee in another currency with no base value is not added).
 */
export async function sumBudgets(db: Db, scope: CampaignScope, groupBy: 'brand' | 'month') {
  const groupExpr = groupBy === 'brand' ? 'b.code' : `coalesce(to_char(c.start_date, 'YYYY-MM'), 'no date')`;
  return db.$queryRawUnsafe<{ group_key: string; brand_name: string | null; planned: number; committed: number; paid: number }[]>(
    `WITH scoped AS (${scopedCampaigns}),
     committed AS (SELECT bk.campaign_id, sum(booking_center_base_amount(bk.total_fee_vnd, bk.total_fee_agreed, bk.currency, tn.base_currency)) AS total
                   FROM bookings bk JOIN tenants tn ON tn.id = bk.tenant_id
                   WHERE bk.deleted_at IS NULL AND bk.status <> 'canceled' AND bk.campaign_id IN (SELECT id FROM scoped) GROUP BY bk.campaign_id)
     SELECT ${groupExpr} AS group_key, ${groupBy === 'brand' ? 'min(b.name)' : 'NULL'} AS brand_name,
            coalesce(sum(c.budget_planned), 0)::float8 AS planned,
            coalesce(sum(cm.total), 0)::float8 AS committed,
            coalesce(sum(c.budget_actual), 0)::float8 AS paid
     FROM scoped c JOIN brands b ON b.id = c.brand_id LEFT JOIN committed cm ON cm.campaign_id = c.id
     GROUP BY 1 ORDER BY 1`,
    ...scopeParams(scope),
  );
}

/** Creators ranked by the latest snapshot of each of their videos in the scoped campaigns. */
export async function findTopCreatorsByViews(db: Db, scope: CampaignScope, limit: number) {
  return db.$queryRawUnsafe<{ creator_key: string; name: string; views: number; videos: number }[]>(
    `WITH scoped AS (${scopedCampaigns}),
     latest AS (SELECT DISTINCT ON (s.video_id) s.video_id, s.view_count FROM video_metric_snapshots s
                JOIN videos v ON v.id = s.video_id AND v.deleted_at IS NULL AND v.campaign_id IN (SELECT id FROM scoped)
                WHERE s.deleted_at IS NULL ORDER BY s.video_id, s.snapshot_time DESC)
     SELECT cr.creator_key, cr.name, coalesce(sum(l.view_count), 0)::float8 AS views, count(DISTINCT v.id)::int AS videos
     FROM videos v JOIN creators cr ON cr.id = v.creator_id LEFT JOIN latest l ON l.video_id = v.id
     WHERE v.deleted_at IS NULL AND v.campaign_id IN (SELECT id FROM scoped)
     GROUP BY cr.id ORDER BY views DESC, cr.creator_key LIMIT $5`,
    ...scopeParams(scope),
    limit,
  );
}

/** Creators ranked by revenue attributed through their tracking codes, in the tenant's base currency. */
export async function findTopCreatorsByRevenue(db: Db, scope: CampaignScope, limit: number) {
  return db.$queryRawUnsafe<{ creator_key: string; name: string; revenue: number; orders: number }[]>(
    `WITH scoped AS (${scopedCampaigns})
     SELECT cr.creator_key, cr.name, coalesce(sum(booking_center_base_amount(tc.revenue_vnd, tc.revenue, tc.currency, tn.base_currency)), 0)::float8 AS revenue, count(tc.id)::int AS orders
     FROM tracking_conversions tc
     JOIN tenants tn ON tn.id = tc.tenant_id
     JOIN tracking_assets ta ON ta.id = tc.tracking_asset_id AND ta.deleted_at IS NULL
     JOIN creators cr ON cr.id = ta.creator_id
     WHERE tc.deleted_at IS NULL AND ta.campaign_id IN (SELECT id FROM scoped)
     GROUP BY cr.id ORDER BY revenue DESC, cr.creator_key LIMIT $5`,
    ...scopeParams(scope),
    limit,
  );
}

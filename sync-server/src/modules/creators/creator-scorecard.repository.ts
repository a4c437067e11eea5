/**
 * The creator scorecard (issue 14, item 8) for any set of creators in one statement: the Creators
 * tab's computed columns (a page of rows), the picker (a page of results) and the sidebar's
 * scorecard (one creator) all read it, so each number has one definition. Every aggregate reads
 * only the creators asked for, through the creator_id indexes (bookings, videos, payments) and
 * the audit log's (entity_type, entity_id) index; never one query per creator. Amounts are in the
 * tenant's base currency, by the totals rule (booking_center_base_amount, issue 13).
 */
import type { SqlDb } from '../../platform/database/sql-transaction.js';

export type CreatorScorecardRow = {
  id: string;
  /** Distinct campaigns, and bookings, of its live bookings that are not canceled. */
  campaigns: number;
  bookings: number;
  /** Posted deliverables with a deadline and a post day (see first_post), and those posted on or before the deadline. */
  deliverables_measured: number;
  deliverables_on_time: number;
  /** Every time one of its deliverables was rejected, from the audit log (at least once for one rejected now). */
  rejection_count: number;
  /** What CREATOR_RISK counts, with the campaign facts' definition: rejected now, or past deadline_post and not posted or canceled. */
  rejected_now: number;
  overdue_now: number;
  risk_count: number;
  /** Its live videos with a snapshot, and the mean of their views at the latest snapshot. */
  videos_measured: number;
  avg_views_per_video: number | null;
  /** YYYY-MM-DD: the latest end_date (else start_date) of its bookings that are not canceled. */
  last_collaboration: string | null;
  /** Attributed orders and revenue, and paid payments; null when the money was not asked for. */
  orders: number | null;
  revenue: number | null;
  total_paid: number | null;
};

export type ScorecardSqlOptions = {
  /** SQL giving the creators' ids as uuid[] (a parameter, or an ARRAY(SELECT …) of a page). */
  creatorIds: string;
  /** SQL giving today as a date, for "overdue". */
  today: string;
  /**
   * A condition on a campaign id expression narrowing what counts to the campaigns a reader may
   * see (access/campaign-scope.ts visibleCampaignSql), or null for every campaign.
   */
  visibleCampaign?: (campaignIdExpression: string) => string | null;
  /** Orders, revenue and paid: the sheet and the sidebar want them, the picker's summary does not. */
  withMoney: boolean;
};

/** The scorecard as one SELECT (id text plus the columns of CreatorScorecardRow), to run or to join. */
export function creatorScorecardSql(options: ScorecardSqlOptions): string {
  const scoped = (campaignIdExpression: string) => {
    const condition = options.visibleCampaign?.(campaignIdExpression);
    return condition ? ` AND ${condition}` : '';
  };
  // Cast, the scalar subquery is one array: ANY (SELECT …) would compare with each row instead.
  const ids = '(SELECT ids.list FROM ids)::uuid[]';
  const money = options.withMoney
    ? `,
  paid AS (
    SELECT p.creator_id, sum(booking_center_base_amount(p.amount_vnd, p.amount, p.currency, tn.base_currency)) AS paid
    FROM payments p JOIN tenants tn ON tn.id = p.tenant_id
    WHERE p.creator_id = ANY(${ids}) AND p.status = 'paid' AND p.deleted_at IS NULL AND p.is_active${scoped('p.campaign_id')}
    GROUP BY p.creator_id
  ),
  -- A conversion is the creator's through its tracking asset: the asset's own creator, else its booking's.
  attributed AS (
    SELECT coalesce(ta.creator_id, tb.creator_id) AS creator_id, count(tc.id) AS orders,
           sum(booking_center_base_amount(tc.revenue_vnd, tc.revenue, tc.currency, tn.base_currency)) AS revenue
    FROM tracking_assets ta
    JOIN tenants tn ON tn.id = ta.tenant_id
    LEFT JOIN bookings tb ON tb.id = ta.booking_id
    JOIN tracking_conversions tc ON tc.tracking_asset_id = ta.id AND tc.deleted_at IS NULL AND tc.is_active
    WHERE ta.deleted_at IS NULL AND coalesce(ta.creator_id, tb.creator_id) = ANY(${ids})${scoped('ta.campaign_id')}
    GROUP BY 1
  )`
    : '';
  const moneyColumns = options.withMoney
    ? `coalesce(attributed.orders, 0)::int AS orders, coalesce(attributed.revenue, 0)::float8 AS revenue, coalesce(paid.paid, 0)::float8 AS total_paid`
    : 'NULL::int AS orders, NULL::float8 AS revenue, NULL::float8 AS total_paid';
  const moneyJoins = options.withMoney ? `\n  LEFT JOIN paid ON paid.creator_id = x.id\n  LEFT JOIN attributed ON attributed.creator_id = x.id` : '';
  return `
  WITH ids AS MATERIALIZED (SELECT coalesce(array_agg(DISTINCT u.c), '{}'::uuid[]) AS list FROM unnest(${options.creatorIds}) AS u(c)),
  bk AS MATERIALIZED (
    SELECT b.id, b.creator_id, b.campaign_id, b.status::text AS status, coalesce(b.end_date, b.start_date) AS last_day
    FROM bookings b
    WHERE b.creator_id = ANY(${ids}) AND b.deleted_at IS NULL${scoped('b.campaign_id')}
  ),
  booked AS (
    SELECT bk.creator_id,
           count(*) FILTER (WHERE bk.status <> 'canceled') AS bookings,
           count(DISTINCT bk.campaign_id) FILTER (WHERE bk.status <> 'canceled') AS campaigns,
           max(bk.last_day) FILTER (WHERE bk.status <> 'canceled') AS last_collaboration
    FROM bk GROUP BY bk.creator_id
  ),
  -- The deliverables of every live booking, canceled ones too: the set CREATOR_RISK counts in
  -- (the trouble CTE of booking_center_campaign_facts), so the two never disagree on a count.
  dl AS MATERIALIZED (
    SELECT d.id, bk.creator_id, d.status::text AS status, d.deadline_post
    FROM booking_deliverables d JOIN bk ON bk.id = d.booking_id
    WHERE d.deleted_at IS NULL
  ),
  -- A deliverable's post day is the first post_date of the live videos linked to it
  -- (videos.booking_deliverable_id). One marked posted with no such video, or none with a post
  -- date, has no day to compare: it is left out of the on-time rate, not counted late.
  first_post AS (
    SELECT v.booking_deliverable_id AS id, min(v.post_date) AS post_date
    FROM videos v
    WHERE v.creator_id = ANY(${ids}) AND v.deleted_at IS NULL AND v.booking_deliverable_id IS NOT NULL AND v.post_date IS NOT NULL
    GROUP BY v.booking_deliverable_id
  ),
  -- A rejected draft goes back to shooting, so the status alone forgets it: every door audits
  -- each status change as changes.status {before, after} (a created row: {before: null, after}).
  rejections AS (
    SELECT a.entity_id AS id, count(*) AS n
    FROM audit_logs a
    WHERE a.entity_type = 'booking_deliverable' AND a.entity_id = ANY(ARRAY(SELECT dl.id FROM dl))
      AND a.changes -> 'status' ->> 'after' = 'rejected'
    GROUP BY a.entity_id
  ),
  work AS (
    SELECT dl.creator_id,
           count(*) FILTER (WHERE dl.status = 'posted' AND dl.deadline_post IS NOT NULL AND fp.post_date IS NOT NULL) AS measured,
           count(*) FILTER (WHERE dl.status = 'posted' AND fp.post_date <= dl.deadline_post) AS on_time,
           -- A row rejected around the door (a legacy import) has no audit entry: it still counts once.
           sum(greatest(coalesce(r.n, 0), CASE WHEN dl.status = 'rejected' THEN 1 ELSE 0 END)) AS rejections,
           count(*) FILTER (WHERE dl.status = 'rejected') AS rejected_now,
           count(*) FILTER (WHERE dl.deadline_post < ${options.today} AND dl.status NOT IN ('posted', 'canceled')) AS overdue_now,
           count(*) FILTER (WHERE dl.status = 'rejected' OR (dl.deadline_post < ${options.today} AND dl.status NOT IN ('posted', 'canceled'))) AS risk
    FROM dl
    LEFT JOIN first_post fp ON fp.id = dl.id
    LEFT JOIN rejections r ON r.id = dl.id
    GROUP BY dl.creator_id
  ),
  -- A video not measured yet (no snapshot) is left out of the mean rather than counted as 0 views.
  views AS (
    SELECT v.creator_id, count(*) AS videos, avg(latest.view_count) AS avg_views
    FROM videos v
    CROSS JOIN LATERAL (
      SELECT s.view_count FROM video_metric_snapshots s
      WHERE s.video_id = v.id AND s.deleted_at IS NULL
      ORDER BY s.snapshot_time DESC LIMIT 1
    ) latest
    WHERE v.creator_id = ANY(${ids}) AND v.deleted_at IS NULL AND v.is_active AND v.status <> 'deleted'${scoped('v.campaign_id')}
    GROUP BY v.creator_id
  )${money}
  SELECT x.id::text AS id,
         coalesce(booked.campaigns, 0)::int AS campaigns,
         coalesce(booked.bookings, 0)::int AS bookings,
         coalesce(work.measured, 0)::int AS deliverables_measured,
         coalesce(work.on_time, 0)::int AS deliverables_on_time,
         coalesce(work.rejections, 0)::int AS rejection_count,
         coalesce(work.rejected_now, 0)::int AS rejected_now,
         coalesce(work.overdue_now, 0)::int AS overdue_now,
         coalesce(work.risk, 0)::int AS risk_count,
         coalesce(views.videos, 0)::int AS videos_measured,
         views.avg_views::float8 AS avg_views_per_video,
         to_char(booked.last_collaboration, 'YYYY-MM-DD') AS last_collaboration,
         ${moneyColumns}
  FROM unnest(${ids}) AS x(id)
  LEFT JOIN booked ON booked.creator_id = x.id
  LEFT JOIN work ON work.creator_id = x.id
  LEFT JOIN views ON views.creator_id = x.id${moneyJoins}`;
}

/** The scorecards of these creators, with the money; `visibleCampaign` as in creatorScorecardSql. */
export async function findCreatorScorecards(
  db: SqlDb,
  creatorIds: readonly string[],
  today: string,
  scope: { visibleCampaign?: (campaignIdExpression: string, addParameter: (value: unknown) => string) => string | null } = {},
): Promise<CreatorScorecardRow[]> {
  if (creatorIds.length === 0) return [];
  const values: unknown[] = [[...creatorIds], today];
  const addParameter = (value: unknown) => `$${values.push(value)}`;
  const visibleCampaign = scope.visibleCampaign;
  const sql = creatorScorecardSql({
    creatorIds: '$1::uuid[]',
    today: '$2::date',
    withMoney: true,
    visibleCampaign: visibleCampaign ? (expression) => visibleCampaign(expression, addParameter) : undefined,
  });
  return db.$queryRawUnsafe<CreatorScorecardRow[]>(sql, ...values);
}

/** The name and status the scorecard is headed with. */
export async function findCreatorHeading(db: SqlDb, creatorId: string): Promise<{ name: string; status: 'active' | 'watchlist' | 'blacklist' } | undefined> {
  const rows = await db.$queryRawUnsafe<Array<{ name: string; status: 'active' | 'watchlist' | 'blacklist' }>>('SELECT name, status::text AS status FROM creators WHERE id = $1::uuid', creatorId);
  return rows[0];
}

/** The campaign list page (000 §6.1) as one keyset-paginated query. */
import type { Db } from '../audit/audit.types.js';
import { escapeLike, SqlParams } from './sql-builder.js';

export type CampaignListSort = 'newest' | 'start_date' | 'budget_planned';

export type CampaignListFilters = {
  search?: string[];
  brandIds?: string[];
  channels?: string[];
  objectives?: string[];
  statuses?: string[];
  /** Campaigns whose [start_date, end_date] overlaps [dateFrom, dateTo]; open ends allowed. */
  dateFrom?: string;
  dateTo?: string;
  ownerIds?: string[];
  hasCreators?: boolean;
  hasProducts?: boolean;
  /** The reader's brands (a client's, access/campaign-scope.ts); absent: every brand. */
  visibleBrandIds?: readonly string[];
};

export type CampaignListRow = {
  id: string;
  code: string;
  name: string;
  brand_id: string;
  brand_code: string;
  brand_name: string;
  channel: string;
  objective: string;
  status: string;
  start_date: string | null;
  end_date: string | null;
  budget_planned: number | null;
  budget_actual: number;
  owner_id: string | null;
  owner_name: string | null;
  created_at: string;
  sort_key: string;
};

/** The sort expression, its direction and the type its cursor value casts to. */
const SORTS: Record<CampaignListSort, { expression: string; direction: 'asc' | 'desc'; cast: string }> = {
  newest: { expression: 'c.created_at', direction: 'desc', cast: 'timestamptz' },
  // Campaigns without dates (or budget) go last, whatever the direction.
  start_date: { expression: "coalesce(c.start_date, 'infinity'::date)", direction: 'asc', cast: 'date' },
  budget_planned: { expression: 'coalesce(c.budget_planned, -1)', direction: 'desc', cast: 'numeric' },
};

export function findCampaignListPage(
  db: Db,
  filters: CampaignListFilters,
  sort: CampaignListSort,
  after: { key: string; id: string } | undefined,
  limit: number,
): Promise<CampaignListRow[]> {
  const params = new SqlParams();
  const where: string[] = ['c.deleted_at IS NULL'];
  for (const word of filters.search ?? []) {
    where.push(`booking_center_search_key(c.code || ' ' || c.name) LIKE '%' || booking_center_search_key(${params.add(escapeLike(word))}) || '%'`);
  }
  if (filters.visibleBrandIds) where.push(`c.brand_id = ANY(${params.add([...filters.visibleBrandIds])}::uuid[])`);
  if (filters.brandIds?.length) where.push(`c.brand_id = ANY(${params.add(filters.brandIds)}::uuid[])`);
  if (filters.channels?.length) where.push(`c.channel = ANY(${params.add(filters.channels)}::text[]::campaign_channel[])`);
  if (filters.objectives?.length) where.push(`c.objective = ANY(${params.add(filters.objectives)}::text[]::campaign_objective[])`);
  if (filters.statuses?.length) where.push(`c.status = ANY(${params.add(filters.statuses)}::text[]::campaign_status[])`);
  if (filters.dateFrom) where.push(`c.end_date >= ${params.add(filters.dateFrom)}::date`);
  if (filters.dateTo) where.push(`c.start_date <= ${params.add(filters.dateTo)}::date`);
  if (filters.ownerIds?.length) where.push(`c.owner_id = ANY(${params.add(filters.ownerIds)}::uuid[])`);
  const creatorsExist = 'EXISTS (SELECT 1 FROM campaign_creators cc WHERE cc.campaign_id = c.id AND cc.deleted_at IS NULL)';
  const productsExist = 'EXISTS (SELECT 1 FROM campaign_products cp WHERE cp.campaign_id = c.id AND cp.deleted_at IS NULL)';
  if (filters.hasCreators !== undefined) where.push(filters.hasCreators ? creatorsExist : `NOT ${creatorsExist}`);
  if (filters.hasProducts !== undefined) where.push(filters.hasProducts ? productsExist : `NOT ${productsExist}`);

  const { expression, direction, cast } = SORTS[sort];
  if (after) {
    const operator = direction === 'asc' ? '>' : '<';
    where.push(`(${expression}, c.id) ${operator} (${params.add(after.key)}::${cast}, ${params.add(after.id)}::uuid)`);
  }
  const sql = `
    SELECT c.id::text AS id, c.code, c.name, c.brand_id::text AS brand_id, b.code AS brand_code, b.name AS brand_name,
           c.channel::text AS channel, c.objective::text AS objective, c.status::text AS status,
           to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
           c.budget_planned::float8 AS budget_planned, c.budget_actual::float8 AS budget_actual,
           c.owner_id::text AS owner_id, u.display_name AS owner_name,
           to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
           (${expression})::text AS sort_key
    FROM campaigns c
    JOIN brands b ON b.id = c.brand_id
    LEFT JOIN users u ON u.id = c.owner_id
    WHERE ${where.join('\n      AND ')}
    ORDER BY ${expression} ${direction}, c.id ${direction}
    LIMIT ${params.add(limit)}::int`;
  return db.$queryRawUnsafe<CampaignListRow[]>(sql, ...params.values);
}

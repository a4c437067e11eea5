/** Creator and product pickers (000 §6.4, §6.5) as keyset-paginated queries. */
import type { Db } from '../audit/audit.types.js';
import { creatorScorecardSql } from '../creators/creator-scorecard.repository.js';
import { escapeLike, SqlParams } from './sql-builder.js';

export type CreatorPickerFilters = {
  search: string[];
  statuses?: string[];
  /** Creators carrying every one of these tags (by name, case ignored): each tag narrows the list. */
  tags?: string[];
  followersMin?: number;
  followersMax?: number;
  avgViewsMin?: number;
  avgViewsMax?: number;
  location?: string;
  niche?: string;
  /** Marks creators already in this campaign. */
  campaignId?: string;
};

export type CreatorPickerRow = {
  id: string;
  creator_key: string;
  name: string;
  alias: string | null;
  status: 'active' | 'watchlist' | 'blacklist';
  location: string | null;
  niche: string | null;
  followers: number | null;
  avg_views: number | null;
  tags: string[] | null;
  /** The largest channel as "platform:handle". */
  main_channel: string | null;
  is_assigned: boolean;
  /** The scorecard's summary (creators/creator-scorecard.repository.ts), over every campaign. */
  bookings: number;
  deliverables_measured: number;
  deliverables_on_time: number;
  rejection_count: number;
  avg_views_per_video: number | null;
};

export function findCreatorPickerPage(db: Db, filters: CreatorPickerFilters, after: { name: string; id: string } | undefined, limit: number): Promise<CreatorPickerRow[]> {
  const params = new SqlParams();
  const where: string[] = ['cr.deleted_at IS NULL'];
  for (const word of filters.search) {
    where.push(`booking_center_search_key(cr.name || ' ' || coalesce(cr.alias, '') || ' ' || cr.creator_key) LIKE '%' || booking_center_search_key(${params.add(escapeLike(word))}) || '%'`);
  }
  if (filters.statuses?.length) where.push(`cr.status = ANY(${params.add(filters.statuses)}::text[]::creator_status[])`);
  if (filters.tags?.length) {
    const wanted = [...new Set(filters.tags.map((tag) => tag.trim().toLowerCase()))];
    where.push(`NOT EXISTS (SELECT 1 FROM unnest(${params.add(wanted)}::text[]) AS w(name)
                            WHERE NOT EXISTS (SELECT 1 FROM creator_tag_maps m JOIN creator_tags t ON t.id = m.tag_id
                                              WHERE m.creator_id = cr.id AND m.deleted_at IS NULL AND t.deleted_at IS NULL AND lower(t.name) = w.name))`);
  }
  // A creator's reach is its largest channel.
  if (filters.followersMin !== undefined) where.push(`ch.followers >= ${params.add(filters.followersMin)}::bigint`);
  if (filters.followersMax !== undefined) where.push(`ch.followers <= ${params.add(filters.followersMax)}::bigint`);
  if (filters.avgViewsMin !== undefined) where.push(`ch.avg_views >= ${params.add(filters.avgViewsMin)}::bigint`);
  if (filters.avgViewsMax !== undefined) where.push(`ch.avg_views <= ${params.add(filters.avgViewsMax)}::bigint`);
  if (filters.location) where.push(`booking_center_search_key(cr.location) LIKE '%' || booking_center_search_key(${params.add(escapeLike(filters.location))}) || '%'`);
  if (filters.niche) where.push(`booking_center_search_key(cr.niche) LIKE '%' || booking_center_search_key(${params.add(escapeLike(filters.niche))}) || '%'`);
  if (after) where.push(`(cr.name, cr.id) > (${params.add(after.name)}::text, ${params.add(after.id)}::uuid)`);
  const assigned = filters.campaignId
    ? `EXISTS (SELECT 1 FROM campaign_creators cc WHERE cc.creator_id = cr.id AND cc.campaign_id = ${params.add(filters.campaignId)}::uuid AND cc.deleted_at IS NULL)`
    : 'false';
  // The page first, then the scorecard of just that page, in the same statement. "Today" only
  // feeds the overdue counts, which the summary does not show.
  const scorecard = creatorScorecardSql({ creatorIds: 'ARRAY(SELECT p.id::uuid FROM picked p)', today: 'CURRENT_DATE', withMoney: false });
  const sql = `
    WITH picked AS (
    SELECT cr.id::text AS id, cr.creator_key, cr.name, cr.alias, cr.status::text AS status, cr.location, cr.niche,
           ch.followers::float8 AS followers, ch.avg_views::float8 AS avg_views,
           (SELECT jsonb_agg(t.name ORDER BY t.name) FROM creator_tag_maps m JOIN creator_tags t ON t.id = m.tag_id
             WHERE m.creator_id = cr.id AND m.deleted_at IS NULL AND t.deleted_at IS NULL) AS tags,
           (SELECT x.platform::text || ':' || x.handle FROM creator_channels x
             WHERE x.creator_id = cr.id AND x.deleted_at IS NULL ORDER BY x.follower_count DESC NULLS LAST, x.id LIMIT 1) AS main_channel,
           ${assigned} AS is_assigned
    FROM creators cr
    LEFT JOIN LATERAL (
      SELECT max(follower_count) AS followers, max(avg_view_10) AS avg_views
      FROM creator_channels WHERE creator_id = cr.id AND deleted_at IS NULL
    ) ch ON true
    WHERE ${where.join('\n      AND ')}
    ORDER BY cr.name, cr.id
    LIMIT ${params.add(limit)}::int
    ),
    card AS (${scorecard})
    SELECT picked.*, coalesce(card.bookings, 0) AS bookings, coalesce(card.deliverables_measured, 0) AS deliverables_measured,
           coalesce(card.deliverables_on_time, 0) AS deliverables_on_time, coalesce(card.rejection_count, 0) AS rejection_count,
           card.avg_views_per_video
    FROM picked LEFT JOIN card ON card.id = picked.id
    ORDER BY picked.name, picked.id`;
  return db.$queryRawUnsafe<CreatorPickerRow[]>(sql, ...params.values);
}

export type ProductPickerFilters = { search: string[]; brandIds?: string[]; categories?: string[]; campaignId?: string };

export type ProductPickerRow = {
  id: string;
  code: string;
  name: string;
  category: string | null;
  brand_id: string;
  brand_code: string;
  is_assigned: boolean;
};

export function findProductPickerPage(db: Db, filters: ProductPickerFilters, after: { name: string; id: string } | undefined, limit: number): Promise<ProductPickerRow[]> {
  const params = new SqlParams();
  const where: string[] = ['p.deleted_at IS NULL', 'p.is_active'];
  for (const word of filters.search) {
    where.push(`booking_center_search_key(p.code || ' ' || p.name) LIKE '%' || booking_center_search_key(${params.add(escapeLike(word))}) || '%'`);
  }
  if (filters.brandIds?.length) where.push(`p.brand_id = ANY(${params.add(filters.brandIds)}::uuid[])`);
  if (filters.categories?.length) where.push(`lower(p.category) = ANY(${params.add(filters.categories.map((c) => c.toLowerCase()))}::text[])`);
  if (after) where.push(`(p.name, p.id) > (${params.add(after.name)}::text, ${params.add(after.id)}::uuid)`);
  const assigned = filters.campaignId
    ? `EXISTS (SELECT 1 FROM campaign_products cp WHERE cp.product_id = p.id AND cp.campaign_id = ${params.add(filters.campaignId)}::uuid AND cp.deleted_at IS NULL)`
    : 'false';
  const sql = `
    SELECT p.id::text AS id, p.code, p.name, p.category, p.brand_id::text AS brand_id, b.code AS brand_code, ${assigned} AS is_assigned
    FROM products p JOIN brands b ON b.id = p.brand_id
    WHERE ${where.join('\n      AND ')}
    ORDER BY p.name, p.id
    LIMIT ${params.add(limit)}::int`;
  return db.$queryRawUnsafe<ProductPickerRow[]>(sql, ...params.values);
}

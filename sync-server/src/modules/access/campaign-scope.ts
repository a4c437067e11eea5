/**
 * Which campaigns a reader may see, said once for every read (list, detail, pull, exports,
 * reports). Staff (admin, lead, finance, viewer) see every campaign of their tenant; a client
 * sees the campaigns of the brands assigned to them (user_brands, resolved onto the actor at
 * sign-in) and what hangs off them; anyone else sees none. Row-level security already keeps
 * each tenant to its own rows; this narrows a client inside their tenant.
 *
 * For the other sheet tabs a client gets their brands and products, and the creators on their
 * campaigns (assigned or booked) with those creators' channels and contacts (contacts masked
 * unless the tenant says otherwise, access/contact-masking.ts): what they need to recognise who
 * makes their videos, and nothing of the agency's other creators.
 */
import type { TableDefinition, TableName } from '../../contract/index.js';
import type { Actor } from './actor.js';

/** Roles that see every campaign of their tenant. */
const SEES_EVERY_CAMPAIGN: ReadonlySet<Actor['role']> = new Set(['admin', 'lead', 'finance', 'viewer']);

/** Adds a value to a statement's parameters and returns its placeholder ($n). */
export type AddParameter = (value: unknown) => string;

/**
 * The brands whose campaigns the actor may see: null for every campaign (staff), else the list,
 * possibly empty (a client with no brand assigned, a station rep).
 */
export function visibleBrandIds(actor: Pick<Actor, 'role' | 'brandIds'>): readonly string[] | null {
  if (SEES_EVERY_CAMPAIGN.has(actor.role)) return null;
  if (actor.role === 'client') return actor.brandIds ?? [];
  return [];
}

/** What a cache key must hold so that two readers share an answer only when they see the same campaigns. */
export function campaignScopeKey(actor: Pick<Actor, 'role' | 'brandIds'>): string {
  const brands = visibleBrandIds(actor);
  return brands === null ? '*' : [...brands].sort().join(',');
}

/** Whether a campaign of this brand is one the actor may see. */
export function isBrandVisible(actor: Pick<Actor, 'role' | 'brandIds'>, brandId: string): boolean {
  const brands = visibleBrandIds(actor);
  return brands === null || brands.includes(brandId);
}

/** The Prisma condition on a campaign (or on `brandId` of a row like it) for this reader; undefined for no condition. */
export function visibleBrandWhere(actor: Pick<Actor, 'role' | 'brandIds'>): { in: string[] } | undefined {
  const brands = visibleBrandIds(actor);
  return brands === null ? undefined : { in: [...brands] };
}

/**
 * SQL: `campaignIdExpression` is a campaign this actor may see; null when every campaign is.
 * Deleted campaigns count: an incremental pull must still hand a client the deletion.
 */
export function visibleCampaignSql(actor: Pick<Actor, 'role' | 'brandIds'>, campaignIdExpression: string, addParameter: AddParameter): string | null {
  const brands = visibleBrandIds(actor);
  if (brands === null) return null;
  return `${campaignIdExpression} IN (SELECT vc.id FROM campaigns vc WHERE vc.brand_id = ANY(${addParameter([...brands])}::uuid[]))`;
}

/**
 * How each template table's row (aliased `t`) reaches a campaign, a brand or a creator: the
 * condition, given the SQL of "visible campaign ids" and of "visible brand ids".
 */
const ROW_CONDITIONS: Record<TableName, (campaigns: string, brands: string) => string> = {
  brands: (_campaigns, brands) => `t.id = ANY(${brands})`,
  products: (_campaigns, brands) => `t.brand_id = ANY(${brands})`,
  creators: (campaigns) => `t.id IN (${creatorsOn(campaigns)})`,
  creator_channels: (campaigns) => `t.creator_id IN (${creatorsOn(campaigns)})`,
  creator_contacts: (campaigns) => `t.creator_id IN (${creatorsOn(campaigns)})`,
  // The tenant's rates are no one campaign's: whoever reads amounts may read what they convert at.
  exchange_rates: () => 'TRUE',
  campaigns: (_campaigns, brands) => `t.brand_id = ANY(${brands})`,
  campaign_products: (campaigns) => `t.campaign_id IN (${campaigns})`,
  campaign_creators: (campaigns) => `t.campaign_id IN (${campaigns})`,
  bookings: (campaigns) => `t.campaign_id IN (${campaigns})`,
  booking_deliverables: (campaigns) => `t.booking_id IN (SELECT vb.id FROM bookings vb WHERE vb.campaign_id IN (${campaigns}))`,
  videos: (campaigns) => `t.campaign_id IN (${campaigns})`,
  video_snapshots: (campaigns) => `t.video_id IN (SELECT vv.id FROM videos vv WHERE vv.campaign_id IN (${campaigns}))`,
  tracking_assets: (campaigns) => `t.campaign_id IN (${campaigns})`,
  conversions: (campaigns) => `t.tracking_asset_id IN (SELECT va.id FROM tracking_assets va WHERE va.campaign_id IN (${campaigns}))`,
  payments: (campaigns) => `t.campaign_id IN (${campaigns})`,
  // Issue 14: a client sees the tags of the creators they see; the agency's notes on a creator
  // (calls, complaints) and its rate cards (what it pays them) stay the agency's.
  creator_tags: (campaigns) => `t.id IN (SELECT vtm.tag_id FROM creator_tag_maps vtm WHERE vtm.deleted_at IS NULL AND vtm.creator_id IN (${creatorsOn(campaigns)}))`,
  creator_tag_map: (campaigns) => `t.creator_id IN (${creatorsOn(campaigns)})`,
  creator_notes: () => 'FALSE',
  creator_rate_cards: () => 'FALSE',
};

/** The creators assigned to or booked on these campaigns (live assignments and bookings). */
function creatorsOn(campaigns: string): string {
  return `SELECT vcc.creator_id FROM campaign_creators vcc WHERE vcc.deleted_at IS NULL AND vcc.campaign_id IN (${campaigns})
          UNION SELECT vbk.creator_id FROM bookings vbk WHERE vbk.deleted_at IS NULL AND vbk.campaign_id IN (${campaigns})`;
}

/**
 * SQL on the template table's row aliased `t`: a row this actor may read (a client: of their
 * campaigns, brands and creators, above). Null when every row is.
 */
export function visibleRowsSql(actor: Pick<Actor, 'role' | 'brandIds'>, definition: TableDefinition, addParameter: AddParameter): string | null {
  const brands = visibleBrandIds(actor);
  if (brands === null) return null;
  const brandList = `${addParameter([...brands])}::uuid[]`;
  const campaigns = `SELECT vc.id FROM campaigns vc WHERE vc.brand_id = ANY(${brandList})`;
  return ROW_CONDITIONS[definition.name](campaigns, brandList);
}

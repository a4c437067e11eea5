/**
 * Reads for the detail screen (000 §6.3) and the exports (000 §4.7): the campaign with its
 * creators (status badges, watchlist/blacklist warnings), products (priority order), brief
 * sections, metrics and flags; and every row of a filtered list for an export.
 */
import { parseBrief, type BriefSectionKey } from '../../contract/campaigns/campaign-brief.js';
import type { CampaignFlag } from '../../contract/campaigns/campaign-health.js';
import type { CampaignMetrics } from '../../contract/campaigns/campaign-metrics.js';
import { t } from '../../contract/i18n/translate.js';
import type { Actor } from '../access/actor.js';
import { redactSpendFlags, redactSpendMetrics } from '../access/money-redaction.js';
import { assertAllowed } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { listCampaigns, type CampaignListItem, type CampaignListQuery } from './campaign-list.service.js';
import { getCampaignsHealth, type MetricsOptions } from './campaign-metrics.service.js';
import { findCampaignCreators, findCampaignProducts } from './campaigns.repository.js';
import { getCampaign, type CampaignView } from './campaigns.service.js';

export type CampaignDetail = {
  campaign: CampaignView;
  brief: Partial<Record<BriefSectionKey, string>>;
  creators: { creatorId: string; creatorKey: string; name: string; status: 'active' | 'watchlist' | 'blacklist'; role: string; note: string | null; warning: string | null }[];
  products: { productId: string; key: string; name: string; priority: number; note: string | null }[];
  /** Spend figures are zeroed (ROAS, CPO, CPV nulled) for roles that may not see budgets. */
  metrics: CampaignMetrics | null;
  flags: CampaignFlag[];
};

export async function getCampaignDetail(db: Db, actor: Actor, campaignId: string, options: MetricsOptions = {}): Promise<CampaignDetail> {
  const campaign = await getCampaign(db, actor, campaignId);
  const [creators, products, health] = await Promise.all([
    findCampaignCreators(db, campaignId),
    findCampaignProducts(db, campaignId),
    getCampaignsHealth(db, [campaignId], options),
  ]);
  const metrics = health[0]?.metrics ?? null;
  return {
    campaign,
    brief: parseBrief(campaign.description).sections,
    creators: creators
      .filter((row) => !row.deletedAt)
      .map((row) => ({
        creatorId: row.creatorId,
        creatorKey: row.creator.creatorKey,
        name: row.creator.name,
        status: row.creator.status,
        role: row.role,
        note: row.note,
        warning:
          row.creator.status === 'blacklist'
            ? t('campaign.creatorBlacklistedBadge', { name: row.creator.name })
            : row.creator.status === 'watchlist'
              ? t('campaign.creatorWatchlistBadge', { name: row.creator.name })
              : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    products: products
      .filter((row) => !row.deletedAt)
      .map((row) => ({ productId: row.productId, key: `${row.product.brand.code}/${row.product.code}`, name: row.product.name, priority: row.priority, note: row.note }))
      .sort((a, b) => a.priority - b.priority || a.key.localeCompare(b.key)),
    metrics: metrics && redactSpendMetrics(actor, metrics),
    flags: redactSpendFlags(actor, health[0]?.flags ?? []),
  };
}

/** Every campaign matching the list filters, in list order, for a CSV/XLSX export (needs campaign.export). */
export async function listCampaignsForExport(db: Db, actor: Actor, query: Omit<CampaignListQuery, 'cursor' | 'limit'>, options: MetricsOptions = {}): Promise<CampaignListItem[]> {
  assertAllowed(actor, 'campaign.export');
  const items: CampaignListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCampaigns(db, actor, { ...query, limit: 200, cursor }, options);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

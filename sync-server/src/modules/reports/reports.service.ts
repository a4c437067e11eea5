import type { Actor } from '../access/actor.js';
import { canSeeSpend, redactSpendFlags } from '../access/money-redaction.js';
import { visibleBrandIds } from '../access/campaign-scope.js';
import { assertAllowed } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { getCampaignFlags } from '../campaigns/campaign-metrics.service.js';
import {
  countCampaignsByStatus, findCampaignIds, findTopCreatorsByRevenue, findTopCreatorsByViews, sumBudgets,
} from './reports.repository.js';
import type { OverviewQuery, OverviewResponse } from './reports.schemas.js';

/** The Dashboard / Overview module (query only): a fixed number of set-based queries, whatever the campaign count. */
export async function buildOverview(db: Db, actor: Actor, query: OverviewQuery): Promise<OverviewResponse> {
  assertAllowed(actor, 'campaign.view');
  // A client's overview counts only their brands' campaigns.
  const scope = { from: query.from, to: query.to, brandCode: query.brand, visibleBrandIds: visibleBrandIds(actor) };
  const canSeeBudgets = canSeeSpend(actor);
  const [byStatus, byBrand, byMonth, topViews, topRevenue, campaignIds] = await Promise.all([
    countCampaignsByStatus(db, scope),
    canSeeBudgets ? sumBudgets(db, scope, 'brand') : Promise.resolve(null),
    canSeeBudgets ? sumBudgets(db, scope, 'month') : Promise.resolve(null),
    findTopCreatorsByViews(db, scope, query.top),
    findTopCreatorsByRevenue(db, scope, query.top),
    findCampaignIds(db, scope),
  ]);
  const flagCounts: Record<string, number> = {};
  for (const flags of (await getCampaignFlags(db, campaignIds)).values()) {
    // Counting OVER_BUDGET would tell a viewer how many campaigns overspent.
    for (const flag of redactSpendFlags(actor, flags)) flagCounts[flag.code] = (flagCounts[flag.code] ?? 0) + 1;
  }
  return {
    campaignsByStatus: Object.fromEntries(byStatus.map((row) => [row.status, row.count])),
    budgetByBrand: byBrand?.map((row) => ({ brandCode: row.group_key, brandName: row.brand_name ?? row.group_key, planned: row.planned, committed: row.committed, paid: row.paid })) ?? null,
    budgetByMonth: byMonth?.map((row) => ({ month: row.group_key, planned: row.planned, committed: row.committed, paid: row.paid })) ?? null,
    topCreatorsByViews: topViews.map((row) => ({ creatorKey: row.creator_key, name: row.name, views: row.views, videos: row.videos })),
    topCreatorsByRevenue: topRevenue.map((row) => ({ creatorKey: row.creator_key, name: row.name, revenue: row.revenue, orders: row.orders })),
    flagCounts,
  };
}

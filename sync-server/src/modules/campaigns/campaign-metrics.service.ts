/**
 * CampaignMetricsService (000 §5) and the health flags (000 §4.6) for any set of campaigns, in
 * one set-based query. Later modules' data may be absent: every metric then reads 0, empty or
 * null, and a flag whose data doesn't exist is simply absent.
 */
import { computeCampaignFlags, sortFlagsBySeverity, type CampaignFlag, type CampaignObjective } from '../../contract/campaigns/campaign-health.js';
import type { CampaignStatus } from '../../contract/campaigns/campaign-lifecycle.js';
import { computeProgress, divideOrNull, type CampaignMetrics } from '../../contract/campaigns/campaign-metrics.js';
import type { Db } from '../audit/audit.types.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { DEFAULT_CAMPAIGNS_CONFIG, todayIn, type CampaignsConfig } from './campaigns.config.js';
import { findCampaignFacts, recalculateBudgetActualRows, type CampaignFactsRow } from './campaign-metrics.repository.js';

export type CampaignHealth = { campaignId: string; metrics: CampaignMetrics; flags: CampaignFlag[] };

export type MetricsOptions = {
  config?: CampaignsConfig;
  /** The team's today (YYYY-MM-DD); defaults to now in config.timeZone. */
  today?: string;
};

function toMetrics(row: CampaignFactsRow): CampaignMetrics {
  const spend = row.budget_committed > 0 ? row.budget_committed : row.budget_actual_paid;
  const progress = computeProgress({
    hasDates: Boolean(row.start_date && row.end_date),
    hasCreators: row.creators_count > 0,
    hasProducts: row.products_count > 0,
    hasBudget: row.budget_planned !== null && row.budget_planned > 0,
    deliverablesTotal: row.deliverables_total,
    deliverablesPosted: row.deliverables_posted,
  });
  return {
    campaignId: row.id,
    budgetActualPaid: row.budget_actual_paid,
    budgetCommitted: row.budget_committed,
    budgetPlanned: row.budget_planned,
    creatorsCount: row.creators_count,
    productsCount: row.products_count,
    bookingsCountByStatus: row.bookings_by_status ?? {},
    deliverablesTotal: row.deliverables_total,
    deliverablesPosted: row.deliverables_posted,
    deliverablesOverdue: row.deliverables_overdue,
    videosPosted: row.videos_posted,
    viewsLatestTotal: row.views_latest_total,
    ordersAttributed: row.orders_attributed,
    revenueAttributed: row.revenue_attributed,
    spend,
    roas: row.tracking_assets > 0 ? divideOrNull(row.revenue_attributed, spend) : null,
    cpo: divideOrNull(spend, row.orders_attributed),
    cpv: divideOrNull(spend, row.views_latest_total),
    progressPercent: progress.percent,
    progressKind: progress.kind,
  };
}

function toFlags(row: CampaignFactsRow, metrics: CampaignMetrics, config: CampaignsConfig, today: string): CampaignFlag[] {
  return sortFlagsBySeverity(
    computeCampaignFlags(
      {
        status: row.status as CampaignStatus,
        objective: row.objective as CampaignObjective,
        startDate: row.start_date,
        endDate: row.end_date,
        creatorsCount: row.creators_count,
        productsCount: row.products_count,
        hasAnyKpi: row.has_any_kpi,
        budgetPlanned: row.budget_planned,
        budgetActual: row.budget_actual_paid,
        overdueDeliverables: row.deliverables_overdue,
        overdueBookingCodes: row.overdue_booking_codes ?? [],
        roas: metrics.roas,
        hasTracking: row.tracking_assets > 0,
        riskyCreators: row.risky_creators ?? [],
        today,
      },
      config,
    ),
  );
}

/** Metrics and flags for every campaign of the set that exists, in the order of `campaignIds`. */
export async function getCampaignsHealth(db: SqlDb, campaignIds: readonly string[], options: MetricsOptions = {}): Promise<CampaignHealth[]> {
  const config = options.config ?? DEFAULT_CAMPAIGNS_CONFIG;
  const today = options.today ?? todayIn(config.timeZone);
  const rows = await findCampaignFacts(db, campaignIds, today, config.creatorRiskThreshold);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result: CampaignHealth[] = [];
  for (const id of new Set(campaignIds)) {
    const row = byId.get(id);
    if (!row) continue;
    const metrics = toMetrics(row);
    result.push({ campaignId: id, metrics, flags: toFlags(row, metrics, config, today) });
  }
  return result;
}

export async function getCampaignMetrics(db: Db, campaignIds: readonly string[], options: MetricsOptions = {}): Promise<CampaignMetrics[]> {
  return (await getCampaignsHealth(db, campaignIds, options)).map((health) => health.metrics);
}

export async function getCampaignFlags(db: Db, campaignIds: readonly string[], options: MetricsOptions = {}): Promise<Map<string, CampaignFlag[]>> {
  return new Map((await getCampaignsHealth(db, campaignIds, options)).map((health) => [health.campaignId, health.flags]));
}

/**
 * Makes campaigns.budget_actual equal the sum of paid payments for these campaigns, in one
 * statement. Payment writes already do this through triggers; call it after bulk repairs.
 * Returns how many campaigns changed.
 */
export function recalculateBudgetActual(db: Db, campaignIds: readonly string[]): Promise<number> {
  return recalculateBudgetActualRows(db, campaignIds);
}

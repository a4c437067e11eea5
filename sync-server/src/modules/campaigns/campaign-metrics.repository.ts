/**
 * One set-based query that returns, for any set of campaigns, every fact the metrics and the
 * health flags need (rows typed by the function's RETURNS TABLE). Never one query per campaign: the list page and the dashboard ask for
 * hundreds at once.
 */
import type { Db } from '../audit/audit.types.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import type { RiskyCreator } from '../../contract/campaigns/campaign-health.js';
import type { BookingStatusCounts } from '../../contract/campaigns/campaign-metrics.js';

export type CampaignFactsRow = {
  id: string;
  status: string;
  objective: string;
  start_date: string | null;
  end_date: string | null;
  budget_planned: number | null;
  has_any_kpi: boolean;
  creators_count: number;
  products_count: number;
  bookings_by_status: BookingStatusCounts | null;
  budget_committed: number;
  budget_actual_paid: number;
  deliverables_total: number;
  deliverables_posted: number;
  deliverables_overdue: number;
  overdue_booking_codes: string[] | null;
  videos_posted: number;
  views_latest_total: number;
  tracking_assets: number;
  orders_attributed: number;
  revenue_attributed: number;
  risky_creators: RiskyCreator[] | null;
};

/**
 * The query itself lives in the database (migration campaign_facts_function) as a PL/pgSQL
 * function, so each connection plans its many joins once: for a list page, planning cost more
 * than running it. Every table is filtered by the campaign ids, never scanned per campaign.
 */
const CAMPAIGN_FACTS_SQL = 'SELECT * FROM booking_center_campaign_facts($1::uuid[], $2::date, $3::int)';

export function findCampaignFacts(db: SqlDb, campaignIds: readonly string[], today: string, creatorRiskThreshold: number): Promise<CampaignFactsRow[]> {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return Promise.resolve(db.$queryRawUnsafe<CampaignFactsRow[]>(CAMPAIGN_FACTS_SQL, [...campaignIds], today, creatorRiskThreshold));
}

/** Recomputes campaigns.budget_actual from paid payments (the same function the payment triggers call). */
export async function recalculateBudgetActualRows(db: Db, campaignIds: readonly string[]): Promise<number> {
  if (campaignIds.length === 0) return 0;
  const rows = await db.$queryRawUnsafe<{ changed: number }[]>('SELECT booking_center_recalculate_budget_actual($1::uuid[]) AS changed', [...campaignIds]);
  return rows[0]?.changed ?? 0;
}

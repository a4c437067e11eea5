/**
 * The creator scorecard (issue 14, item 8): the rules that turn the repository's counts and sums
 * into rates, means and ROAS, and who sees what. A reader sees the scorecard of a creator they
 * may see, counted over the campaigns they may see (a client: their brands' only); the money
 * (total paid, ROAS) only with the right to see budgets, like every other read of spend.
 */
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import type { Actor } from '../access/actor.js';
import { visibleBrandIds, visibleCampaignSql } from '../access/campaign-scope.js';
import { canSeeSpend } from '../access/money-redaction.js';
import type { Db } from '../audit/audit.types.js';
import { findBaseCurrency } from '../currencies/exchange-rates.repository.js';
import { findCreatorHeading, findCreatorScorecards, type CreatorScorecardRow } from './creator-scorecard.repository.js';
import { findVisibleCreatorByKey } from './creators.repository.js';
import type { CreatorScorecardResponse } from './creators.schemas.js';

export type CreatorScorecard = Omit<CreatorScorecardResponse, 'creatorKey' | 'name' | 'status' | 'baseCurrency'>;

function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** The share posted on time (0–1, four places), or null when nothing could be measured. */
export function onTimeRateOf(onTime: number, measured: number): number | null {
  return measured > 0 ? roundTo(onTime / measured, 4) : null;
}

/** Revenue over what was paid (two places, as the bookings tab shows it); null when nothing was paid. */
export function roasOf(revenue: number, paid: number): number | null {
  return paid > 0 ? roundTo(revenue / paid, 2) : null;
}

/** Views are whole numbers: their mean is shown as one. */
export function averageViewsOf(mean: number | null): number | null {
  return mean === null ? null : Math.round(mean);
}

export function toCreatorScorecard(row: CreatorScorecardRow): CreatorScorecard {
  const revenue = row.revenue ?? 0;
  const paid = row.total_paid ?? 0;
  return {
    campaigns: row.campaigns,
    bookings: row.bookings,
    onTimeRate: onTimeRateOf(row.deliverables_on_time, row.deliverables_measured),
    deliverablesMeasured: row.deliverables_measured,
    deliverablesOnTime: row.deliverables_on_time,
    rejectionCount: row.rejection_count,
    risk: { rejectedNow: row.rejected_now, overdueNow: row.overdue_now, troubleCount: row.risk_count },
    avgViewsPerVideo: averageViewsOf(row.avg_views_per_video),
    videosMeasured: row.videos_measured,
    orders: row.orders ?? 0,
    revenue,
    totalPaid: paid,
    roas: roasOf(revenue, paid),
    lastCollaboration: row.last_collaboration,
  };
}

/** The scorecards of a page of creators, every campaign counted (the Creators tab's computed columns). */
export async function getCreatorScorecards(db: SqlDb, creatorIds: readonly string[], today: string): Promise<Map<string, CreatorScorecard>> {
  const rows = await findCreatorScorecards(db, creatorIds, today);
  return new Map(rows.map((row) => [row.id, toCreatorScorecard(row)]));
}

/** GET /api/v1/creators/{key}/scorecard. */
export async function readCreatorScorecard(db: Db, actor: Actor, creatorKey: string, today: string): Promise<CreatorScorecardResponse> {
  const creator = await findVisibleCreatorByKey(db, actor, creatorKey);
  if (!creator) throw new AppError({ code: 'NOT_FOUND', reason: 'CREATOR_NOT_FOUND', userMessage: t('creator.notFound', { creatorKey }) });
  const isEveryCampaign = visibleBrandIds(actor) === null;
  const [row] = await findCreatorScorecards(db, [creator.id], today, {
    visibleCampaign: isEveryCampaign ? undefined : (expression, addParameter) => visibleCampaignSql(actor, expression, addParameter),
  });
  const heading = await findCreatorHeading(db, creator.id);
  const scorecard = toCreatorScorecard(row!);
  const isSpendVisible = canSeeSpend(actor);
  return {
    creatorKey: creator.creator_key,
    name: heading?.name ?? creator.creator_key,
    status: heading?.status ?? 'active',
    ...scorecard,
    totalPaid: isSpendVisible ? scorecard.totalPaid : null,
    roas: isSpendVisible ? scorecard.roas : null,
    baseCurrency: await findBaseCurrency(db),
  };
}

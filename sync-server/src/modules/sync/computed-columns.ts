import { storedComputedColumns, type TableDefinition } from '../../contract/index.js';
import type { CellRecord } from '../../contract/sync-payloads.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { findBookingFacts, findDeliverableFacts, findVideoFacts, type BookingFacts } from '../bookings/booking-facts.repository.js';
import { DEFAULT_CAMPAIGNS_CONFIG, todayIn } from '../campaigns/campaigns.config.js';
import { getCampaignsHealth } from '../campaigns/campaign-metrics.service.js';
import { getCreatorScorecards } from '../creators/creator-scorecard.service.js';
import type { TemplateRowRecord } from '../exports/template-rows.repository.js';

/**
 * The read-only columns a sheet shows right of the template columns. Every table has
 * row_version and updated_at; campaigns add their health flags and metrics, computed for the
 * whole set of rows at once (never one query per campaign); amounts in another currency show
 * their base-currency value as the write door stored it (amount_vnd, total_fee_vnd, revenue_vnd);
 * bookings, deliverables and videos add their execution read-outs (issue 14, item 7).
 */
export async function computeColumns(db: SqlDb, definition: TableDefinition, rows: readonly TemplateRowRecord[]): Promise<Map<string, CellRecord>> {
  const stored = storedComputedColumns(definition);
  const computed = new Map<string, CellRecord>(
    rows.map((row) => {
      const cells: CellRecord = { row_version: row.row_version, updated_at: row.updated_at };
      for (const column of stored) {
        const text = row.values[column.name] ?? null;
        cells[column.name] = text === null ? null : Number(text);
      }
      return [row.id, cells];
    }),
  );
  const live = rows.filter((row) => !row.is_deleted).map((row) => row.id);
  if (definition.name === 'campaigns') {
    for (const health of await getCampaignsHealth(db, live)) {
      const { metrics, flags } = health;
      Object.assign(computed.get(health.campaignId)!, {
        health_flags: flags.map((flag) => flag.code).join(', '),
        creators_count: metrics.creatorsCount,
        products_count: metrics.productsCount,
        budget_committed: metrics.budgetCommitted,
        budget_actual: metrics.budgetActualPaid,
        progress_percent: metrics.progressPercent,
        roas: metrics.roas,
      });
    }
  }
  const today = () => todayIn(DEFAULT_CAMPAIGNS_CONFIG.timeZone);
  if (definition.name === 'bookings') {
    for (const facts of await findBookingFacts(db, live, today())) Object.assign(computed.get(facts.id)!, bookingCells(facts));
  } else if (definition.name === 'booking_deliverables') {
    for (const facts of await findDeliverableFacts(db, live, today())) Object.assign(computed.get(facts.id)!, { is_overdue: facts.is_overdue, days_to_deadline: facts.days_to_deadline });
  } else if (definition.name === 'videos') {
    for (const facts of await findVideoFacts(db, live)) Object.assign(computed.get(facts.id)!, { latest_views: facts.latest_views, latest_snapshot_at: facts.latest_snapshot_at });
  } else if (definition.name === 'creators') {
    // Issue 14, item 8: the scorecard, counted over every campaign: this function knows no reader,
    // so a client's pull shows the same counts (GET /creators/{key}/scorecard narrows them to theirs).
    for (const [id, card] of await getCreatorScorecards(db, live, today())) {
      Object.assign(computed.get(id)!, {
        campaigns_count: card.campaigns,
        bookings_count: card.bookings,
        on_time_rate: card.onTimeRate,
        rejection_count: card.rejectionCount,
        avg_views_per_video: card.avgViewsPerVideo,
        roas: card.roas,
        total_paid: card.totalPaid,
        last_collaboration: card.lastCollaboration,
      });
    }
  }
  return computed;
}

/** Half a đồng either way is rounding, not money owed or overpaid. */
const MONEY_EPSILON = 0.005;

function bookingCells(facts: BookingFacts): CellRecord {
  const flags = [
    facts.is_overdue ? 'DELIVERABLE_OVERDUE' : null,
    facts.is_completed && facts.remaining !== null && facts.remaining > MONEY_EPSILON ? 'UNPAID_AFTER_COMPLETION' : null,
    facts.remaining !== null && facts.remaining < -MONEY_EPSILON ? 'OVERPAID' : null,
  ].filter((flag): flag is string => flag !== null);
  return {
    paid: facts.paid,
    remaining: facts.remaining,
    deliverables_posted: facts.deliverables_posted,
    deliverables_planned: facts.deliverables_planned,
    views: facts.views,
    orders: facts.orders,
    revenue: facts.revenue,
    roas: facts.paid > 0 ? Math.round((facts.revenue / facts.paid) * 100) / 100 : null,
    cpv: facts.views > 0 ? Math.round((facts.paid / facts.views) * 100) / 100 : null,
    cpo: facts.orders > 0 ? Math.round((facts.paid / facts.orders) * 100) / 100 : null,
    booking_flags: flags.join(', '),
  };
}

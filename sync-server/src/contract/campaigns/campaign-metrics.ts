/**
 * The CampaignMetricsService result of 000 §5, and the pure arithmetic on top of the counts the
 * server's set-based SQL returns. Every metric is zero, empty or null (for ratios with no
 * denominator) while later modules have no data, never an error.
 */

export type BookingStatusCounts = Partial<Record<'negotiating' | 'confirmed' | 'in_progress' | 'completed' | 'canceled', number>>;

export type CampaignMetrics = {
  campaignId: string;
  /** Sum of paid payments in the tenant's base currency (amount_vnd; without one, amount only when it is in the base currency). */
  budgetActualPaid: number;
  /** Sum of total_fee_agreed in the base currency (total_fee_vnd) over bookings that are not canceled. */
  budgetCommitted: number;
  budgetPlanned: number | null;
  creatorsCount: number;
  productsCount: number;
  bookingsCountByStatus: BookingStatusCounts;
  /** Deliverables not canceled. */
  deliverablesTotal: number;
  deliverablesPosted: number;
  /** Past deadline_post and neither posted nor canceled. */
  deliverablesOverdue: number;
  videosPosted: number;
  /** Sum over videos of each video's latest snapshot view_count. */
  viewsLatestTotal: number;
  ordersAttributed: number;
  revenueAttributed: number;
  /** The money ROAS, CPO and CPV divide by: committed fees once bookings exist, else paid. */
  spend: number;
  roas: number | null;
  cpo: number | null;
  cpv: number | null;
  /** 0–100: planning progress until deliverables exist, then posted / planned deliverables. */
  progressPercent: number;
  progressKind: 'planning' | 'execution';
};

export type ProgressFacts = {
  hasDates: boolean;
  hasCreators: boolean;
  hasProducts: boolean;
  hasBudget: boolean;
  deliverablesTotal: number;
  deliverablesPosted: number;
};

export function computeProgress(facts: ProgressFacts): { percent: number; kind: 'planning' | 'execution' } {
  if (facts.deliverablesTotal > 0) {
    return { percent: Math.round((Math.min(facts.deliverablesPosted, facts.deliverablesTotal) / facts.deliverablesTotal) * 100), kind: 'execution' };
  }
  const done = [facts.hasDates, facts.hasCreators, facts.hasProducts, facts.hasBudget].filter(Boolean).length;
  return { percent: Math.round((done / 4) * 100), kind: 'planning' };
}

/** x / y rounded to 4 places, or null when y is zero (a ratio with no denominator is unknown). */
export function divideOrNull(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

/**
 * Health flags of 000 §4.6: codes, severities and the pure rule that turns a campaign's facts
 * (gathered in set-based SQL by the server) into flags with a one-line reason a person can act
 * on. A flag whose data does not exist yet is absent, never wrong.
 */
import type { CampaignStatus } from './campaign-lifecycle.js';

export const CAMPAIGN_FLAG_CODES = [
  'MISSING_CREATOR',
  'MISSING_PRODUCT',
  'DATE_INVALID',
  'KPI_MISSING',
  'OVER_BUDGET',
  'AT_RISK_DEADLINE',
  'LOW_PERFORMANCE',
  'CREATOR_RISK',
] as const;
export type CampaignFlagCode = (typeof CAMPAIGN_FLAG_CODES)[number];

/**
 * Flags that give spend away, so readers without the budget right never get them: OVER_BUDGET
 * says paid is above planned and its reason prints both amounts; LOW_PERFORMANCE prints the ROAS,
 * and with the attributed revenue (which everyone sees) that is the spend.
 */
export const SPEND_FLAG_CODES = ['OVER_BUDGET', 'LOW_PERFORMANCE'] as const satisfies readonly CampaignFlagCode[];
export type SpendFlagCode = (typeof SPEND_FLAG_CODES)[number];

export function isSpendFlagCode(code: string): code is SpendFlagCode {
  return (SPEND_FLAG_CODES as readonly string[]).includes(code);
}

/** error: wrong now, fix it; warning: likely to hurt the campaign; info: worth a look. */
export type FlagSeverity = 'error' | 'warning' | 'info';

/** The usual severity of each flag (CREATOR_RISK rises to error for a blacklisted creator). */
export const CAMPAIGN_FLAG_SEVERITIES: Record<CampaignFlagCode, FlagSeverity> = {
  MISSING_CREATOR: 'warning',
  MISSING_PRODUCT: 'info',
  DATE_INVALID: 'error',
  KPI_MISSING: 'warning',
  OVER_BUDGET: 'error',
  AT_RISK_DEADLINE: 'warning',
  LOW_PERFORMANCE: 'warning',
  CREATOR_RISK: 'warning',
};

export type CampaignFlag = {
  code: CampaignFlagCode;
  severity: FlagSeverity;
  /** One line a planner can act on, e.g. "2 deliverables overdue: BK-0012, BK-0015". */
  reason: string;
};

export type CampaignObjective = 'awareness' | 'traffic' | 'sale' | 'launch' | 'clearance';

export type HealthRules = {
  /** Objectives whose campaigns must carry at least one KPI (default sale and traffic). */
  kpiRequiredObjectives: CampaignObjective[];
  /** LOW_PERFORMANCE: ROAS under this… */
  lowRoasTarget: number;
  /** …after this many days running. */
  lowRoasMinDays: number;
  /** CREATOR_RISK: a creator with at least this many rejected or late deliverables (all campaigns). */
  creatorRiskThreshold: number;
};

export const DEFAULT_HEALTH_RULES: HealthRules = {
  kpiRequiredObjectives: ['sale', 'traffic'],
  lowRoasTarget: 1,
  lowRoasMinDays: 7,
  creatorRiskThreshold: 2,
};

export type RiskyCreator = {
  name: string;
  status: 'active' | 'watchlist' | 'blacklist';
  /** Rejected plus overdue deliverables of this creator, across every campaign. */
  troubleCount: number;
};

/** Facts about one campaign; the SQL returns them for any set of campaigns at once. */
export type CampaignHealthFacts = {
  status: CampaignStatus;
  objective: CampaignObjective;
  startDate: string | null;
  endDate: string | null;
  creatorsCount: number;
  productsCount: number;
  hasAnyKpi: boolean;
  budgetPlanned: number | null;
  budgetActual: number;
  overdueDeliverables: number;
  /** Codes of the bookings whose deliverables are overdue, in code order. */
  overdueBookingCodes: string[];
  /** Revenue over spend; null while either is unknown. */
  roas: number | null;
  /** Whether tracking data exists at all (no tracking asset: ROAS is unknown, not zero). */
  hasTracking: boolean;
  riskyCreators: RiskyCreator[];
  /** Today as `YYYY-MM-DD` in the team's time zone. */
  today: string;
};

const STAFFED_STATUSES: readonly CampaignStatus[] = ['planned', 'running'];
const ACTIVE_STATUSES: readonly CampaignStatus[] = ['draft', 'planned', 'running', 'paused'];

function formatMoney(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function listSome(values: string[], max = 5): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}

function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function computeCampaignFlags(facts: CampaignHealthFacts, rules: HealthRules = DEFAULT_HEALTH_RULES): CampaignFlag[] {
  const flags: CampaignFlag[] = [];
  const add = (code: CampaignFlagCode, reason: string, severity: FlagSeverity = CAMPAIGN_FLAG_SEVERITIES[code]) => flags.push({ code, severity, reason });

  if (STAFFED_STATUSES.includes(facts.status) && facts.creatorsCount === 0) {
    add('MISSING_CREATOR', `The campaign is ${facts.status} but has no creator: assign at least one.`);
  }
  if (STAFFED_STATUSES.includes(facts.status) && facts.productsCount === 0) {
    add('MISSING_PRODUCT', `The campaign is ${facts.status} but has no product: assign the products it promotes.`);
  }
  if (facts.startDate && facts.endDate && facts.endDate < facts.startDate) {
    add('DATE_INVALID', `End date ${facts.endDate} is before start date ${facts.startDate}: fix one of them.`);
  }
  if (facts.status !== 'canceled' && !facts.hasAnyKpi && rules.kpiRequiredObjectives.includes(facts.objective)) {
    add('KPI_MISSING', `A ${facts.objective} campaign needs a target: set KPI views, orders or revenue.`);
  }
  if (facts.budgetPlanned !== null && facts.budgetActual > facts.budgetPlanned) {
    const over = facts.budgetActual - facts.budgetPlanned;
    add('OVER_BUDGET', `Paid ${formatMoney(facts.budgetActual)} of a planned ${formatMoney(facts.budgetPlanned)} (${formatMoney(over)} over).`);
  }
  if (ACTIVE_STATUSES.includes(facts.status) && facts.overdueDeliverables > 0) {
    const noun = facts.overdueDeliverables === 1 ? 'deliverable' : 'deliverables';
    add('AT_RISK_DEADLINE', `${facts.overdueDeliverables} ${noun} overdue: ${listSome(facts.overdueBookingCodes)}.`);
  }
  if (
    facts.status === 'running' &&
    facts.startDate &&
    facts.hasTracking &&
    facts.roas !== null &&
    daysBetween(facts.startDate, facts.today) >= rules.lowRoasMinDays &&
    facts.roas < rules.lowRoasTarget
  ) {
    const days = daysBetween(facts.startDate, facts.today);
    add('LOW_PERFORMANCE', `ROAS ${facts.roas.toFixed(2)} is under the target ${rules.lowRoasTarget} after ${days} days running.`);
  }
  if (facts.status !== 'canceled' && facts.status !== 'finished' && facts.riskyCreators.length > 0) {
    const describe = (creator: RiskyCreator) => {
      if (creator.status === 'blacklist') return `${creator.name} (blacklisted)`;
      if (creator.status === 'watchlist') return `${creator.name} (watchlist)`;
      return `${creator.name} (${creator.troubleCount} rejected or late deliverables)`;
    };
    const hasBlacklisted = facts.riskyCreators.some((creator) => creator.status === 'blacklist');
    add('CREATOR_RISK', `Review ${facts.riskyCreators.length === 1 ? 'this creator' : 'these creators'}: ${listSome(facts.riskyCreators.map(describe))}.`, hasBlacklisted ? 'error' : 'warning');
  }
  return flags;
}

/** Severity order for badges: the worst first. */
export function sortFlagsBySeverity(flags: CampaignFlag[]): CampaignFlag[] {
  const rank: Record<FlagSeverity, number> = { error: 0, warning: 1, info: 2 };
  return [...flags].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/**
 * Health flags of 000 §4.6: codes, severities and the pure rule that turns a campaign's facts
 * (gathered in set-based SQL by the server) into flags with a one-line reason a person can act
 * on. A flag whose data does not exist yet is absent, never wrong.
 */
import { formatDate, getCurrentLanguage, t } from '../i18n/translate.js';
import type { CampaignStatus } from './campaign-lifecycle.js';
import { enumWord, joinWords, statusWord } from './sentence-words.js';

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
  /**
   * One line a planner can act on, e.g. "2 deliverables overdue: BK-0012, BK-0015", in the
   * language current when the flags were computed (a cache of flags must key on it).
   */
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

/** The first `max` values, then "and N more". */
function listSome(values: string[], max = 5): string {
  if (values.length <= max) return joinWords(values);
  return t('health.andMore', { items: joinWords(values.slice(0, max)), count: values.length - max });
}

function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function computeCampaignFlags(facts: CampaignHealthFacts, rules: HealthRules = DEFAULT_HEALTH_RULES): CampaignFlag[] {
  const flags: CampaignFlag[] = [];
  const add = (code: CampaignFlagCode, reason: string, severity: FlagSeverity = CAMPAIGN_FLAG_SEVERITIES[code]) => flags.push({ code, severity, reason });

  if (STAFFED_STATUSES.includes(facts.status) && facts.creatorsCount === 0) {
    add('MISSING_CREATOR', t('health.missingCreator', { status: statusWord(facts.status) }));
  }
  if (STAFFED_STATUSES.includes(facts.status) && facts.productsCount === 0) {
    add('MISSING_PRODUCT', t('health.missingProduct', { status: statusWord(facts.status) }));
  }
  if (facts.startDate && facts.endDate && facts.endDate < facts.startDate) {
    const language = getCurrentLanguage();
    add('DATE_INVALID', t('health.dateInvalid', { endDate: formatDate(language, facts.endDate), startDate: formatDate(language, facts.startDate) }));
  }
  if (facts.status !== 'canceled' && !facts.hasAnyKpi && rules.kpiRequiredObjectives.includes(facts.objective)) {
    add('KPI_MISSING', t('health.kpiMissing', { objective: enumWord('campaign_objective', facts.objective) }));
  }
  if (facts.budgetPlanned !== null && facts.budgetActual > facts.budgetPlanned) {
    const over = facts.budgetActual - facts.budgetPlanned;
    add('OVER_BUDGET', t('health.overBudget', { paid: Math.round(facts.budgetActual), planned: Math.round(facts.budgetPlanned), over: Math.round(over) }));
  }
  if (ACTIVE_STATUSES.includes(facts.status) && facts.overdueDeliverables > 0) {
    add('AT_RISK_DEADLINE', t('health.overdue', { count: facts.overdueDeliverables, bookings: listSome(facts.overdueBookingCodes) }));
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
    add('LOW_PERFORMANCE', t('health.lowPerformance', { roas: facts.roas, target: rules.lowRoasTarget, days }));
  }
  if (facts.status !== 'canceled' && facts.status !== 'finished' && facts.riskyCreators.length > 0) {
    const describe = (creator: RiskyCreator) => {
      if (creator.status === 'blacklist') return t('health.creatorBlacklisted', { name: creator.name });
      if (creator.status === 'watchlist') return t('health.creatorWatchlist', { name: creator.name });
      return t('health.creatorTroubles', { name: creator.name, count: creator.troubleCount });
    };
    const hasBlacklisted = facts.riskyCreators.some((creator) => creator.status === 'blacklist');
    add('CREATOR_RISK', t('health.creatorRisk', { count: facts.riskyCreators.length, creators: listSome(facts.riskyCreators.map(describe)) }), hasBlacklisted ? 'error' : 'warning');
  }
  return flags;
}

/** Severity order for badges: the worst first. */
export function sortFlagsBySeverity(flags: CampaignFlag[]): CampaignFlag[] {
  const rank: Record<FlagSeverity, number> = { error: 0, warning: 1, info: 2 };
  return [...flags].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

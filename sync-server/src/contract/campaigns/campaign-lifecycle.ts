/**
 * The campaign lifecycle of 000 §3, as data and pure functions. The server enforces it; the
 * sidebar uses the same table to offer only the buttons that can work and to explain why not.
 *
 *   draft → planned → running → finished
 *   draft | planned | running → paused → running
 *   any non-terminal → canceled
 *   finished, canceled: terminal (only insights and notes stay editable)
 */
import { formatDate, getCurrentLanguage, t } from '../i18n/translate.js';
import { listMissingPostmortemItems, parseBrief, POSTMORTEM_ITEM_LABELS } from './campaign-brief.js';
import { joinWords, statusWord } from './sentence-words.js';

export const CAMPAIGN_STATUSES = ['draft', 'planned', 'running', 'paused', 'finished', 'canceled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TERMINAL_CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['finished', 'canceled'];

/** What a transition is called in the permission matrix and on the buttons. */
export type CampaignTransitionAction = 'plan' | 'start' | 'pause' | 'resume' | 'finish' | 'cancel';

/** Every allowed move, and the name of the move (one row per arrow of the diagram). */
export const CAMPAIGN_TRANSITIONS: ReadonlyArray<{ from: CampaignStatus; to: CampaignStatus; action: CampaignTransitionAction }> = [
  { from: 'draft', to: 'planned', action: 'plan' },
  { from: 'planned', to: 'running', action: 'start' },
  { from: 'running', to: 'finished', action: 'finish' },
  { from: 'draft', to: 'paused', action: 'pause' },
  { from: 'planned', to: 'paused', action: 'pause' },
  { from: 'running', to: 'paused', action: 'pause' },
  { from: 'paused', to: 'running', action: 'resume' },
  { from: 'draft', to: 'canceled', action: 'cancel' },
  { from: 'planned', to: 'canceled', action: 'cancel' },
  { from: 'running', to: 'canceled', action: 'cancel' },
  { from: 'paused', to: 'canceled', action: 'cancel' },
];

/** What "running needs at least one …" means; 000 §3 makes it configurable, default creator. */
export type RunningRequirement = 'creator' | 'product' | 'either' | 'none';

export type LifecycleRules = {
  runningRequires: RunningRequirement;
};

export const DEFAULT_LIFECYCLE_RULES: LifecycleRules = { runningRequires: 'creator' };

export type CampaignRuleCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'ALREADY_IN_STATUS'
  | 'CAMPAIGN_TERMINAL'
  | 'MISSING_START_DATE'
  | 'MISSING_END_DATE'
  | 'MISSING_DATES'
  | 'DATE_INVALID'
  | 'MISSING_CREATOR'
  | 'MISSING_PRODUCT'
  | 'MISSING_CREATOR_OR_PRODUCT'
  | 'POSTMORTEM_MISSING'
  | 'POSTMORTEM_INCOMPLETE';

/** One reason a change is refused: a code for programs, plain words for people (in the current language). */
export type CampaignRuleViolation = {
  code: CampaignRuleCode;
  /** The campaign field a person has to fix, in the sheet's snake_case. */
  field?: string;
  message: string;
};

/** The facts the rules look at; dates as ISO `YYYY-MM-DD` (strings compare correctly). */
export type CampaignRuleFacts = {
  status: CampaignStatus;
  startDate: string | null;
  endDate: string | null;
  creatorsCount: number;
  productsCount: number;
  description: string | null;
};

export function isTerminalStatus(status: CampaignStatus): boolean {
  return TERMINAL_CAMPAIGN_STATUSES.includes(status);
}

export function findTransition(from: CampaignStatus, to: CampaignStatus): { from: CampaignStatus; to: CampaignStatus; action: CampaignTransitionAction } | undefined {
  return CAMPAIGN_TRANSITIONS.find((transition) => transition.from === from && transition.to === to);
}

/** The statuses a campaign can move to from `from`, in diagram order. */
export function listNextStatuses(from: CampaignStatus): CampaignStatus[] {
  return CAMPAIGN_TRANSITIONS.filter((transition) => transition.from === from).map((transition) => transition.to);
}

/**
 * What a campaign must satisfy to *be* in `status` (used by transitions and by edits, so a
 * planned campaign can't lose its dates). Lists every violation, never only the first.
 */
export function validateCampaignForStatus(facts: Omit<CampaignRuleFacts, 'status'>, status: CampaignStatus, rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES): CampaignRuleViolation[] {
  const violations: CampaignRuleViolation[] = [];
  const { startDate, endDate } = facts;

  if (status === 'planned' || status === 'running') {
    const words = { status: statusWord(status) };
    if (!startDate && !endDate) {
      violations.push({ code: 'MISSING_DATES', field: 'start_date', message: t('lifecycle.missingDates', words) });
    } else if (!startDate) {
      violations.push({ code: 'MISSING_START_DATE', field: 'start_date', message: t('lifecycle.missingStartDate', words) });
    } else if (!endDate) {
      violations.push({ code: 'MISSING_END_DATE', field: 'end_date', message: t('lifecycle.missingEndDate', words) });
    }
  }

  const dateViolation = validateDateRange(startDate, endDate);
  if (dateViolation) violations.push(dateViolation);

  if (status === 'running') {
    const hasCreator = facts.creatorsCount > 0;
    const hasProduct = facts.productsCount > 0;
    if (rules.runningRequires === 'creator' && !hasCreator) {
      violations.push({ code: 'MISSING_CREATOR', field: 'creators', message: t('lifecycle.missingCreator') });
    } else if (rules.runningRequires === 'product' && !hasProduct) {
      violations.push({ code: 'MISSING_PRODUCT', field: 'products', message: t('lifecycle.missingProduct') });
    } else if (rules.runningRequires === 'either' && !hasCreator && !hasProduct) {
      violations.push({ code: 'MISSING_CREATOR_OR_PRODUCT', field: 'creators', message: t('lifecycle.missingCreatorOrProduct') });
    }
  }

  if (status === 'finished') {
    const missing = listMissingPostmortemItems(facts.description);
    if (parseBrief(facts.description).sections.postmortem === undefined) {
      violations.push({ code: 'POSTMORTEM_MISSING', field: 'description', message: t('lifecycle.postmortemMissing') });
    } else if (missing.length > 0) {
      // The item headings stay as the brief parser reads them: they are what must be typed.
      const items = joinWords(missing.map((key) => POSTMORTEM_ITEM_LABELS[key]));
      violations.push({ code: 'POSTMORTEM_INCOMPLETE', field: 'description', message: t('lifecycle.postmortemIncomplete', { items }) });
    }
  }
  return violations;
}

/** end_date ≥ start_date, in every status (000 §8). */
export function validateDateRange(startDate: string | null, endDate: string | null): CampaignRuleViolation | undefined {
  if (startDate && endDate && endDate < startDate) {
    const language = getCurrentLanguage();
    return { code: 'DATE_INVALID', field: 'end_date', message: t('lifecycle.dateInvalid', { endDate: formatDate(language, endDate), startDate: formatDate(language, startDate) }) };
  }
  return undefined;
}

export type TransitionCheck =
  | { isAllowed: true; action: CampaignTransitionAction; violations: [] }
  | { isAllowed: false; action?: CampaignTransitionAction; violations: CampaignRuleViolation[] };

/** Whether `facts.status → to` may happen, with every reason when it may not. */
export function checkCampaignTransition(facts: CampaignRuleFacts, to: CampaignStatus, rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES): TransitionCheck {
  const from = facts.status;
  if (from === to) {
    return { isAllowed: false, violations: [{ code: 'ALREADY_IN_STATUS', field: 'status', message: t('lifecycle.alreadyInStatus', { status: statusWord(to) }) }] };
  }
  if (isTerminalStatus(from)) {
    return { isAllowed: false, violations: [{ code: 'CAMPAIGN_TERMINAL', field: 'status', message: t('lifecycle.terminal', { status: statusWord(from) }) }] };
  }
  const transition = findTransition(from, to);
  if (!transition) {
    return { isAllowed: false, violations: [describeTransitionNotAllowed(from, to)] };
  }
  const violations = validateCampaignForStatus(facts, to, rules);
  if (violations.length > 0) return { isAllowed: false, action: transition.action, violations };
  return { isAllowed: true, action: transition.action, violations: [] };
}

/** TRANSITION_NOT_ALLOWED for `from → to`, naming where `from` can go (the write door says the same). */
export function describeTransitionNotAllowed(from: CampaignStatus, to: CampaignStatus): CampaignRuleViolation {
  const allowed = joinWords(listNextStatuses(from).map(statusWord));
  return { code: 'TRANSITION_NOT_ALLOWED', field: 'status', message: t('lifecycle.transitionNotAllowed', { from: statusWord(from), to: statusWord(to), allowed }) };
}

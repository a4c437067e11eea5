/**
 * Thresholds of the Campaigns module in one object: defaults from the spec, each overridable by
 * an environment variable so a team can tune them without a release.
 */
import { DEFAULT_HEALTH_RULES, type CampaignObjective, type HealthRules } from '../../contract/campaigns/campaign-health.js';
import { DEFAULT_LIFECYCLE_RULES, type LifecycleRules, type RunningRequirement } from '../../contract/campaigns/campaign-lifecycle.js';

export type CampaignsConfig = LifecycleRules &
  HealthRules & {
    /** "Today" for deadlines and days running is the team's day, not the server's. */
    timeZone: string;
  };

export const DEFAULT_CAMPAIGNS_CONFIG: CampaignsConfig = {
  ...DEFAULT_LIFECYCLE_RULES,
  ...DEFAULT_HEALTH_RULES,
  timeZone: 'Asia/Ho_Chi_Minh',
};

const RUNNING_REQUIREMENTS: readonly RunningRequirement[] = ['creator', 'product', 'either', 'none'];
const OBJECTIVES: readonly CampaignObjective[] = ['awareness', 'traffic', 'sale', 'launch', 'clearance'];

function readNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, got "${value}"`);
  return parsed;
}

/**
 * CAMPAIGN_RUNNING_REQUIRES=creator|product|either|none, CAMPAIGN_KPI_OBJECTIVES=sale,traffic,
 * CAMPAIGN_LOW_ROAS_TARGET=1, CAMPAIGN_LOW_ROAS_MIN_DAYS=7, CAMPAIGN_CREATOR_RISK_THRESHOLD=2,
 * CAMPAIGN_TIME_ZONE=Asia/Ho_Chi_Minh.
 */
export function loadCampaignsConfig(env: NodeJS.ProcessEnv = process.env): CampaignsConfig {
  const runningRequires = (env.CAMPAIGN_RUNNING_REQUIRES?.trim() || DEFAULT_CAMPAIGNS_CONFIG.runningRequires) as RunningRequirement;
  if (!RUNNING_REQUIREMENTS.includes(runningRequires)) {
    throw new Error(`CAMPAIGN_RUNNING_REQUIRES must be one of ${RUNNING_REQUIREMENTS.join(', ')}, got "${runningRequires}"`);
  }
  const objectivesText = env.CAMPAIGN_KPI_OBJECTIVES;
  const kpiRequiredObjectives =
    objectivesText === undefined
      ? DEFAULT_CAMPAIGNS_CONFIG.kpiRequiredObjectives
      : objectivesText.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
          if (!OBJECTIVES.includes(item as CampaignObjective)) throw new Error(`CAMPAIGN_KPI_OBJECTIVES: unknown objective "${item}"`);
          return item as CampaignObjective;
        });
  return {
    runningRequires,
    kpiRequiredObjectives,
    lowRoasTarget: readNumber(env.CAMPAIGN_LOW_ROAS_TARGET, DEFAULT_CAMPAIGNS_CONFIG.lowRoasTarget, 'CAMPAIGN_LOW_ROAS_TARGET'),
    lowRoasMinDays: readNumber(env.CAMPAIGN_LOW_ROAS_MIN_DAYS, DEFAULT_CAMPAIGNS_CONFIG.lowRoasMinDays, 'CAMPAIGN_LOW_ROAS_MIN_DAYS'),
    creatorRiskThreshold: readNumber(env.CAMPAIGN_CREATOR_RISK_THRESHOLD, DEFAULT_CAMPAIGNS_CONFIG.creatorRiskThreshold, 'CAMPAIGN_CREATOR_RISK_THRESHOLD'),
    timeZone: env.CAMPAIGN_TIME_ZONE?.trim() || DEFAULT_CAMPAIGNS_CONFIG.timeZone,
  };
}

// Building an Intl.DateTimeFormat costs about a third of a millisecond (it loads time-zone
// data); every list request asks for today, so each zone's formatter is built once.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Today as YYYY-MM-DD in the team's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

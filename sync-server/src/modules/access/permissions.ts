/**
 * The one place that decides who may do what with campaigns (000 §2). Services call
 * `assertAllowed` before they change anything; the sidebar and the API can call `isAllowed`
 * to hide what would be refused. Nobody else keeps a copy of this matrix.
 */
import { AppError } from '../../platform/errors/app-error.js';
import type { CampaignTransitionAction } from '../../contract/campaigns/campaign-lifecycle.js';
import { LOCALE_TAG } from '../../contract/i18n/languages.js';
import { getCurrentLanguage, t, type MessageKey } from '../../contract/i18n/translate.js';
import type { Actor, Role } from './actor.js';

export const CAMPAIGN_ACTIONS = [
  'campaign.view',
  'campaign.create',
  'campaign.edit',
  'campaign.delete',
  'campaign.duplicate',
  'campaign.transition.plan',
  'campaign.transition.start',
  'campaign.transition.pause',
  'campaign.transition.resume',
  'campaign.transition.finish',
  'campaign.transition.cancel',
  'campaign.budget.view',
  'campaign.budget.edit',
  'campaign.kpi.edit',
  'campaign.creators.assign',
  'campaign.creators.assign_blacklisted',
  'campaign.products.assign',
  'campaign.export',
  'campaign.insights.edit',
  'campaign.history.view',
  'creator.erase',
  'payment.mark_paid',
] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const STAFF: readonly Role[] = ['admin', 'lead', 'finance', 'viewer'];
/** The agency's people, and a client reading their own brands' campaigns (access/campaign-scope.ts). */
const READERS: readonly Role[] = [...STAFF, 'client'];
const PLANNERS: readonly Role[] = ['admin', 'lead'];
const ADMIN: readonly Role[] = ['admin'];

/**
 * Roles allowed per action. Why these choices:
 * - finish and cancel close a campaign for good, so only an admin may (000 §2);
 * - changing a budget is an admin decision; a lead proposes budget_planned when creating;
 * - finance reads budgets and exports for reconciliation but changes nothing;
 * - viewers read campaigns and their history, without budgets or exports;
 * - a client (an advertiser's person, 003 RBAC) reads the campaigns of the brands assigned to them
 *   and exports them, changes nothing, and sees money only when their tenant says so
 *   (TENANT_GRANTS below); the agency's history of a campaign stays the agency's;
 * - a station rep holds nothing yet: they will see and accept or reject the media-plan spots of
 *   their station (issue 17), and no campaign, booking or creator data.
 *
 * To come with issue 17 (media plans): `mediaplan.view`, `mediaplan.accept` and `mediaplan.reject`,
 * for the client (plans of their campaigns) and the station rep (spots of their station).
 */
export const CAMPAIGN_PERMISSIONS: Record<CampaignAction, readonly Role[]> = {
  'campaign.view': READERS,
  'campaign.create': PLANNERS,
  'campaign.edit': PLANNERS,
  'campaign.delete': ADMIN,
  'campaign.duplicate': PLANNERS,
  'campaign.transition.plan': PLANNERS,
  'campaign.transition.start': PLANNERS,
  'campaign.transition.pause': PLANNERS,
  'campaign.transition.resume': PLANNERS,
  'campaign.transition.finish': ADMIN,
  'campaign.transition.cancel': ADMIN,
  'campaign.budget.view': ['admin', 'lead', 'finance'],
  'campaign.budget.edit': ADMIN,
  'campaign.kpi.edit': PLANNERS,
  'campaign.creators.assign': PLANNERS,
  'campaign.creators.assign_blacklisted': ADMIN,
  'campaign.products.assign': PLANNERS,
  'campaign.export': ['admin', 'lead', 'finance', 'client'],
  'campaign.insights.edit': PLANNERS,
  'campaign.history.view': STAFF,
  // Irreversible, and answering a person's request about their data is the admin's (002 §16).
  'creator.erase': ADMIN,
  // Money leaving the agency is finance's act, checked against the invoice (issue 14); an admin may stand in.
  'payment.mark_paid': ['admin', 'finance'],
};

/** What each action lets a person do, as words of a sentence ("finish campaigns"), in the catalogue. */
const ACTION_LABELS: Record<CampaignAction, MessageKey> = {
  'campaign.view': 'permission.viewCampaigns',
  'campaign.create': 'permission.createCampaigns',
  'campaign.edit': 'permission.editCampaigns',
  'campaign.delete': 'permission.deleteCampaigns',
  'campaign.duplicate': 'permission.duplicateCampaigns',
  'campaign.transition.plan': 'permission.planCampaigns',
  'campaign.transition.start': 'permission.startCampaigns',
  'campaign.transition.pause': 'permission.pauseCampaigns',
  'campaign.transition.resume': 'permission.resumeCampaigns',
  'campaign.transition.finish': 'permission.finishCampaigns',
  'campaign.transition.cancel': 'permission.cancelCampaigns',
  'campaign.budget.view': 'permission.seeBudgets',
  'campaign.budget.edit': 'permission.changeBudgets',
  'campaign.kpi.edit': 'permission.changeKpis',
  'campaign.creators.assign': 'permission.assignCreators',
  'campaign.creators.assign_blacklisted': 'permission.assignBlacklisted',
  'campaign.products.assign': 'permission.assignProducts',
  'campaign.export': 'permission.exportCampaigns',
  'campaign.insights.edit': 'permission.editInsights',
  'campaign.history.view': 'permission.seeHistory',
  'creator.erase': 'permission.eraseCreator',
  'payment.mark_paid': 'permission.markPaymentsPaid',
};

/**
 * Campaign fields (sheet column names) whose change needs more than `campaign.edit`: budgets are
 * an admin decision, KPIs a planner's. The campaign service and the sheet push both ask here.
 */
const FIELD_ACTIONS: Record<string, CampaignAction> = {
  budget_planned: 'campaign.budget.edit',
  kpi_view: 'campaign.kpi.edit',
  kpi_order: 'campaign.kpi.edit',
  kpi_revenue: 'campaign.kpi.edit',
};

export function campaignFieldAction(column: string): CampaignAction | undefined {
  return FIELD_ACTIONS[column];
}

/** What an action lets a person do, in words of the current language ("change campaign budgets"). */
export function describeAction(action: CampaignAction): string {
  return t(ACTION_LABELS[action]);
}

/**
 * A role inside a sentence, in the current language: its label ("Lead", "Trưởng nhóm") written
 * as running text writes a common noun ("Your role (lead) can't …").
 */
export function roleWord(role: Role): string {
  const language = getCurrentLanguage();
  return t(`userRole.${role}` as const).toLocaleLowerCase(LOCALE_TAG[language]);
}

/** Roles as alternatives in a sentence: "admin or lead", "quản trị hoặc trưởng nhóm". */
export function roleAlternatives(roles: readonly Role[]): string {
  return new Intl.ListFormat(LOCALE_TAG[getCurrentLanguage()], { type: 'disjunction' }).format(roles.map(roleWord));
}

/** "Your role (lead) can't finish campaigns.": the refusal of an action, for a row or a blocked button. */
export function describeRefusal(actor: Pick<Actor, 'role'>, action: CampaignAction): string {
  return t('permission.roleCannot', { role: roleWord(actor.role), action: describeAction(action) });
}

/**
 * Rights a tenant grants a role by a setting, resolved onto the actor at sign-in
 * (access/client-access.ts). A client sees budgets, fees and amounts only when their tenant's
 * `settings.clientsSeeMoney` is true; the money rule (money-redaction.ts) asks here like for any role.
 */
const TENANT_GRANTS: Partial<Record<CampaignAction, { role: Role; isGranted: (actor: PermissionActor) => boolean; setting: string }>> = {
  'campaign.budget.view': { role: 'client', isGranted: (actor) => actor.canSeeMoney === true, setting: 'clientsSeeMoney' },
};

/** What a permission check reads of an actor: the role, and the rights their tenant's settings grant. */
export type PermissionActor = Pick<Actor, 'role' | 'canSeeMoney'>;

export function isAllowed(actor: PermissionActor, action: CampaignAction): boolean {
  if (CAMPAIGN_PERMISSIONS[action].includes(actor.role)) return true;
  const grant = TENANT_GRANTS[action];
  return grant !== undefined && grant.role === actor.role && grant.isGranted(actor);
}

export function listAllowedActions(actor: PermissionActor): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => isAllowed(actor, action));
}

/** Throws FORBIDDEN naming the action and who may do it. */
export function assertAllowed(actor: PermissionActor & Pick<Actor, 'label'>, action: CampaignAction): void {
  if (isAllowed(actor, action)) return;
  throw new AppError({
    code: 'FORBIDDEN',
    reason: 'PERMISSION_DENIED',
    userMessage: t('permission.roleCannotAsk', { role: roleWord(actor.role), action: describeAction(action), roles: roleAlternatives(CAMPAIGN_PERMISSIONS[action]) }),
    internalMessage: `${actor.label} (${actor.role}) refused ${action}`,
  });
}

export function transitionPermission(action: CampaignTransitionAction): CampaignAction {
  return `campaign.transition.${action}`;
}

export type CreatorStatus = 'active' | 'watchlist' | 'blacklist';

export type CreatorAssignmentDecision =
  | { isAllowed: true; warning?: string }
  | { isAllowed: false; reason: 'CREATOR_BLACKLISTED'; message: string };

/** Watchlist creators may be assigned with a warning; blacklisted ones only by an admin (000 §4.3, §8). */
export function decideCreatorAssignment(actor: Pick<Actor, 'role'>, creator: { name: string; status: CreatorStatus }): CreatorAssignmentDecision {
  if (creator.status === 'blacklist') {
    if (isAllowed(actor, 'campaign.creators.assign_blacklisted')) {
      return { isAllowed: true, warning: t('assign.blacklistedByAdmin', { name: creator.name }) };
    }
    return { isAllowed: false, reason: 'CREATOR_BLACKLISTED', message: t('assign.blacklisted', { name: creator.name }) };
  }
  if (creator.status === 'watchlist') {
    return { isAllowed: true, warning: t('assign.watchlist', { name: creator.name }) };
  }
  return { isAllowed: true };
}

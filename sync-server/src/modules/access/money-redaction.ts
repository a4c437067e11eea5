/**
 * The one redaction rule for money (issue 10). Roles without `campaign.budget.view` (viewers, and
 * clients unless their tenant's `clientsSeeMoney` says otherwise)
 * read campaigns, bookings and payments like everyone else, but never the spend: budgets, fees,
 * amounts, committed and paid totals, ROAS, nor the health flags that give them away. Which
 * fields are spend is said once, in the contract (`isSpend` on columns, SPEND_FLAG_CODES); who may
 * see them is said once, here. Every read (pull, list, detail, reports, exports, history) asks
 * this file instead of checking the permission and naming fields itself.
 */
import { isSpendFlagCode } from '../../contract/campaigns/campaign-health.js';
import type { CampaignMetrics } from '../../contract/campaigns/campaign-metrics.js';
import { tableDefinitions, type TableDefinition } from '../../contract/index.js';
import type { FieldChanges } from '../audit/audit.types.js';
import type { Actor } from './actor.js';
import { assertAllowed, isAllowed, type PermissionActor } from './permissions.js';

/** What a history shows instead of a spend value: the change stays visible (who, when), the amounts do not. */
export const HIDDEN_SPEND_TEXT = 'hidden';

/** The computed campaigns column listing flag codes ("AT_RISK_DEADLINE, OVER_BUDGET"). */
const HEALTH_FLAGS_COLUMN = 'health_flags';

export function canSeeSpend(actor: PermissionActor): boolean {
  return isAllowed(actor, 'campaign.budget.view');
}

/** Throws FORBIDDEN ("can't see campaign budgets") for a read that would reveal spend by itself, such as sorting by it. */
export function assertCanSeeSpend(actor: PermissionActor & Pick<Actor, 'label'>): void {
  assertAllowed(actor, 'campaign.budget.view');
}

const spendColumnsByDefinition = new WeakMap<TableDefinition, ReadonlySet<string>>();

/** The template and computed columns of a table that hold spend, by their sheet names. */
export function spendColumnNames(definition: TableDefinition): ReadonlySet<string> {
  let names = spendColumnsByDefinition.get(definition);
  if (!names) {
    names = new Set([...definition.columns, ...definition.computedColumns].filter((column) => column.isSpend).map((column) => column.name));
    spendColumnsByDefinition.set(definition, names);
  }
  return names;
}

/**
 * A row of `definition` (template values, computed columns, an export row) as this reader may
 * see it: spend cells that are present become null, and the health flags text loses the spend
 * flags. Keys absent from the record stay absent, so a caller can pass values and computed
 * columns separately.
 */
export function redactSpendCells<V>(actor: PermissionActor, definition: TableDefinition, record: Readonly<Record<string, V>>): Record<string, V | null> {
  if (canSeeSpend(actor)) return record;
  const redacted: Record<string, V | null> = { ...record };
  for (const name of spendColumnNames(definition)) {
    if (name in redacted) redacted[name] = null;
  }
  const flags = redacted[HEALTH_FLAGS_COLUMN];
  // A string in, a string out: the cell keeps its type.
  if (typeof flags === 'string') redacted[HEALTH_FLAGS_COLUMN] = removeSpendFlagCodes(flags) as V;
  return redacted;
}

/** The health flags this reader may see: without the budget right, none that give spend away. */
export function redactSpendFlags<F extends { code: string }>(actor: PermissionActor, flags: readonly F[]): F[] {
  return canSeeSpend(actor) ? [...flags] : flags.filter((flag) => !isSpendFlagCode(flag.code));
}

/** The health_flags text ("OVER_BUDGET, AT_RISK_DEADLINE") this reader may see. */
export function redactSpendFlagText(actor: PermissionActor, text: string): string {
  return canSeeSpend(actor) ? text : removeSpendFlagCodes(text);
}

function removeSpendFlagCodes(text: string): string {
  return text
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code && !isSpendFlagCode(code))
    .join(', ');
}

/**
 * Campaign metrics as this reader may see them: spend and what is divided by it (ROAS, CPO, CPV)
 * become 0 or null; counts, views, orders and revenue stay.
 */
export function redactSpendMetrics(actor: PermissionActor, metrics: CampaignMetrics): CampaignMetrics {
  if (canSeeSpend(actor)) return metrics;
  return { ...metrics, budgetPlanned: null, budgetActualPaid: 0, budgetCommitted: 0, spend: 0, roas: null, cpo: null, cpv: null };
}

/**
 * Every name a spend value can carry in an audit entry, whatever the entity: sheet names and
 * database names of every table. One entry may hold changes of several entities (a campaign's
 * entry lists its assignments as "creator KOC-X.role"), so the entity type alone can't say which
 * keys are money; a name that is spend in any table is hidden in all of them (no column shares
 * a spend column's name without being spend itself, which a test keeps true).
 */
const SPEND_AUDIT_KEYS: ReadonlySet<string> = new Set(
  tableDefinitions.flatMap((definition) => [
    ...spendColumnNames(definition),
    ...definition.columns.filter((column) => column.isSpend && column.dbColumn).map((column) => column.dbColumn!),
  ]),
);

function isSpendAuditKey(key: string): boolean {
  // "booking BK-0001.total_fee_agreed": the field is what follows the last dot.
  return SPEND_AUDIT_KEYS.has(key) || SPEND_AUDIT_KEYS.has(key.slice(key.lastIndexOf('.') + 1));
}

/** An audit value with the spend hidden inside it: a created row is recorded as one object of its fields. */
function hideNestedSpend(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideNestedSpend);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isSpendAuditKey(key) ? HIDDEN_SPEND_TEXT : hideNestedSpend(inner)]));
}

/** Field changes as this reader may see them: who changed a budget, fee or amount, and when, but not the amounts. */
export function redactSpendChanges(actor: PermissionActor, changes: FieldChanges): FieldChanges {
  if (canSeeSpend(actor)) return changes;
  return Object.fromEntries(
    Object.entries(changes).map(([key, change]) => [
      key,
      isSpendAuditKey(key) ? { before: HIDDEN_SPEND_TEXT, after: HIDDEN_SPEND_TEXT } : { before: hideNestedSpend(change.before), after: hideNestedSpend(change.after) },
    ]),
  );
}

/** Audit entries (any entity) as this reader may see them. */
export function redactSpendAuditEntries<E extends { changes: FieldChanges }>(actor: PermissionActor, entries: readonly E[]): E[] {
  if (canSeeSpend(actor)) return [...entries];
  return entries.map((entry) => ({ ...entry, changes: redactSpendChanges(actor, entry.changes) }));
}

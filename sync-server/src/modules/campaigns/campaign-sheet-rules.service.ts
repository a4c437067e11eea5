/**
 * The Campaigns rules applied to rows that arrive from a sheet push (or any template-format
 * write): the same permission matrix and lifecycle as the API's campaign actions, checked on
 * whole rows. Field rules run before the write; state rules (a running campaign needs a
 * creator…) run after every table of the push is written, so a campaign and its creators can
 * arrive in one push.
 */
import type { CellRecord } from '../../contract/sync-payloads.js';
import { findTransition, isTerminalStatus, validateCampaignForStatus, validateDateRange, type CampaignStatus } from '../../contract/campaigns/index.js';
import { getTableDefinition, type NormalisedValue } from '../../contract/index.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { campaignFieldAction, decideCreatorAssignment, describeAction, isAllowed, transitionPermission, type CampaignAction, type CreatorStatus } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { DEFAULT_CAMPAIGNS_CONFIG, type CampaignsConfig } from './campaigns.config.js';
import { countLinkedData } from './campaigns.repository.js';
import { listLinkedDataProblems } from './campaigns.service.js';

export type SheetRow = { rowNumber: number; existingId: string | null; values: Record<string, NormalisedValue> };
export type RowProblems = Map<number, FieldProblem[]>;

const CAMPAIGN_COLUMNS = new Set(getTableDefinition('campaigns').columns.map((column) => column.name));
/** What stays editable once a campaign is finished or canceled (000 §3: insights and notes). */
const INSIGHT_FIELDS = ['description'];

const asText = (value: NormalisedValue | CellRecord[string] | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

function refuse(problems: RowProblems, rowNumber: number, column: string, value: unknown, message: string): void {
  problems.set(rowNumber, [...(problems.get(rowNumber) ?? []), { table: 'campaigns', row: rowNumber, column, value, message }]);
}

/** Changed template fields of an existing campaign: before (canonical text) vs the pushed values. */
function changedFields(before: Record<string, string | null>, values: Record<string, NormalisedValue>): string[] {
  return Object.keys(values).filter((field) => field in before && asText(values[field]) !== before[field]);
}

/**
 * Before the write: who may create or change which campaign fields, and which status moves
 * exist. `before` holds the current template values of existing rows (canonical text).
 */
export function reviewCampaignRows(actor: Actor, rows: readonly SheetRow[], before: ReadonlyMap<string, Record<string, string | null>>): RowProblems {
  const problems: RowProblems = new Map();
  const need = (row: SheetRow, action: CampaignAction, column: string) => {
    if (!isAllowed(actor, action)) refuse(problems, row.rowNumber, column, row.values[column] ?? null, `your role (${actor.role}) can't ${describeAction(action)}`);
  };
  for (const row of rows) {
    const dateProblem = validateDateRange(asText(row.values.start_date), asText(row.values.end_date));
    if (dateProblem) refuse(problems, row.rowNumber, dateProblem.field ?? 'end_date', row.values.end_date ?? null, dateProblem.message);

    const current = row.existingId ? before.get(row.existingId) : undefined;
    if (!current) {
      need(row, 'campaign.create', 'code');
      continue;
    }
    const changed = changedFields(current, row.values);
    if (changed.length === 0) continue;
    const fromStatus = current.status as CampaignStatus;
    const toStatus = (asText(row.values.status) ?? fromStatus) as CampaignStatus;
    if (isTerminalStatus(fromStatus)) {
      for (const field of changed.filter((name) => !INSIGHT_FIELDS.includes(name))) {
        refuse(problems, row.rowNumber, field, row.values[field] ?? null, `the campaign is ${fromStatus}: only the description (insights, postmortem) can still change`);
      }
      if (changed.some((field) => INSIGHT_FIELDS.includes(field))) need(row, 'campaign.insights.edit', 'description');
      continue;
    }
    if (changed.includes('status')) {
      const transition = findTransition(fromStatus, toStatus);
      if (!transition) refuse(problems, row.rowNumber, 'status', toStatus, `a ${fromStatus} campaign can't move to ${toStatus}`);
      else need(row, transitionPermission(transition.action), 'status');
    }
    // Each field asks for its own right (budget: admin; KPIs: planners); one note per right.
    const fieldsByAction = new Map<CampaignAction, string>();
    for (const field of changed.filter((name) => name !== 'status')) {
      const action = campaignFieldAction(field) ?? 'campaign.edit';
      if (!fieldsByAction.has(action)) fieldsByAction.set(action, field);
    }
    for (const [action, field] of fieldsByAction) need(row, action, field);
  }
  return problems;
}

/**
 * After every table of the push is written: each pushed campaign must satisfy the rules of
 * the status it is in now (dates, creators or products, postmortem), with the mappings the
 * same push may have added. One query for all of them.
 */
export async function validatePushedCampaignStates(
  db: Db,
  rows: ReadonlyArray<{ rowNumber: number; id: string; wasStatusChanged: boolean }>,
  config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG,
): Promise<RowProblems> {
  const problems: RowProblems = new Map();
  const checked = rows.filter((row) => row.wasStatusChanged);
  if (checked.length === 0) return problems;
  const facts = await db.$queryRawUnsafe<Array<{ id: string; status: CampaignStatus; start_date: string | null; end_date: string | null; description: string | null; creators: number; products: number }>>(
    `SELECT c.id::text AS id, c.status::text AS status, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.description,
            (SELECT count(*)::int FROM campaign_creators cc WHERE cc.campaign_id = c.id AND cc.deleted_at IS NULL) AS creators,
            (SELECT count(*)::int FROM campaign_products cp WHERE cp.campaign_id = c.id AND cp.deleted_at IS NULL) AS products
     FROM campaigns c WHERE c.id = ANY($1::uuid[])`,
    checked.map((row) => row.id),
  );
  const factsById = new Map(facts.map((fact) => [fact.id, fact]));
  for (const row of checked) {
    const fact = factsById.get(row.id);
    if (!fact) continue;
    const violations = validateCampaignForStatus(
      { startDate: fact.start_date, endDate: fact.end_date, description: fact.description, creatorsCount: fact.creators, productsCount: fact.products },
      fact.status,
      config,
    );
    // "creators" or "postmortem" are no sheet columns: the note then sits on the status that asks for them.
    for (const violation of violations) {
      const column = violation.field && CAMPAIGN_COLUMNS.has(violation.field) ? violation.field : 'status';
      refuse(problems, row.rowNumber, column, fact.status, `${violation.code}: ${violation.message}`);
    }
  }
  return problems;
}

/** Creator and product assignments from the mapping tabs: the same gates as the pickers. */
export async function reviewMappingRows(db: Db, actor: Actor, table: 'campaign_creators' | 'campaign_products', rows: readonly SheetRow[]): Promise<RowProblems> {
  const problems: RowProblems = new Map();
  const action: CampaignAction = table === 'campaign_creators' ? 'campaign.creators.assign' : 'campaign.products.assign';
  if (!isAllowed(actor, action)) {
    for (const row of rows) {
      problems.set(row.rowNumber, [{ table, row: row.rowNumber, column: table === 'campaign_creators' ? 'creator_key' : 'product_code', message: `your role (${actor.role}) can't ${table === 'campaign_creators' ? 'assign creators' : 'assign products'}` }]);
    }
    return problems;
  }
  if (table === 'campaign_creators') {
    const keys = [...new Set(rows.filter((row) => !row.existingId).map((row) => asText(row.values.creator_key)).filter((key): key is string => key !== null))];
    if (keys.length === 0) return problems;
    const creators = await db.$queryRawUnsafe<Array<{ creator_key: string; name: string; status: CreatorStatus }>>(
      'SELECT creator_key, name, status::text AS status FROM creators WHERE creator_key = ANY($1::text[])',
      keys,
    );
    const byKey = new Map(creators.map((creator) => [creator.creator_key, creator]));
    for (const row of rows.filter((candidate) => !candidate.existingId)) {
      const creator = byKey.get(asText(row.values.creator_key) ?? '');
      if (!creator) continue;
      const decision = decideCreatorAssignment(actor, creator);
      if (!decision.isAllowed) problems.set(row.rowNumber, [{ table, row: row.rowNumber, column: 'creator_key', value: creator.creator_key, message: decision.message }]);
    }
  }
  return problems;
}

/**
 * Deleting from a tab: campaigns are admin-only and never when bookings, videos, payments or
 * tracking codes hang on them (soft delete only, 000 §8); mapping rows need the assign right.
 * Returns the ids refused, with why.
 */
export async function reviewDeletions(db: Db, actor: Actor, table: string, ids: readonly string[]): Promise<Map<string, string>> {
  const refusals = new Map<string, string>();
  if (ids.length === 0) return refusals;
  if (table === 'campaigns') {
    if (!isAllowed(actor, 'campaign.delete')) {
      for (const id of ids) refusals.set(id, `your role (${actor.role}) can't delete campaigns`);
      return refusals;
    }
    for (const [id, linked] of await countLinkedData(db, ids)) {
      const problems = listLinkedDataProblems(linked);
      if (problems.length) refusals.set(id, `${problems.map((problem) => problem.message).join(' ')} The campaign can't be deleted; cancel it instead.`);
    }
  } else if (table === 'campaign_creators' || table === 'campaign_products') {
    const action: CampaignAction = table === 'campaign_creators' ? 'campaign.creators.assign' : 'campaign.products.assign';
    if (!isAllowed(actor, action)) for (const id of ids) refusals.set(id, `your role (${actor.role}) can't change campaign assignments`);
  }
  return refusals;
}

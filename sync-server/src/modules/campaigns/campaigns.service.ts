/**
 * Campaign create / edit / soft delete / transition / duplicate as REST actions. Each builds a
 * change set of campaign rows (template form) and hands it to the write door, which holds every
 * rule (rights, lifecycle, locks, blacklist), the version check, the audit and the events, as
 * it does for the sheet push and the import. Nothing here decides whether a change may happen.
 */
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import { removeBriefSection } from '../../contract/campaigns/campaign-brief.js';
import type { CampaignStatus } from '../../contract/campaigns/campaign-lifecycle.js';
import { statusWord } from '../../contract/campaigns/sentence-words.js';
import { t } from '../../contract/i18n/translate.js';
import { getTableDefinition, type NormalisedValue } from '../../contract/index.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { applyActionChanges, type ActionSession } from '../../write/apply-actions.js';
import type { ChangeSet, RowChange } from '../../write/change-set.js';
import type { Actor } from '../access/actor.js';
import { canSeeSpend, redactSpendAuditEntries } from '../access/money-redaction.js';
import { isBrandVisible } from '../access/campaign-scope.js';
import { assertAllowed } from '../access/permissions.js';
import { getAuditHistory } from '../audit/audit.service.js';
import type { AuditEntry, Db } from '../audit/audit.types.js';
import { DEFAULT_CAMPAIGNS_CONFIG, type CampaignsConfig } from './campaigns.config.js';
import { findCampaignById, findCodesStartingWith, findLiveCampaignMappings, type CampaignRecord } from './campaigns.repository.js';
import { createCampaignSchema, updateCampaignSchema, type CreateCampaignInput, type UpdateCampaignInput } from './campaigns.schemas.js';

/** A campaign as the services return it: plain JSON values, never Prisma types. */
export type CampaignView = {
  id: string;
  code: string;
  name: string;
  brandId: string;
  channel: 'tiktok' | 'multi';
  objective: 'awareness' | 'traffic' | 'sale' | 'launch' | 'clearance';
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Null for roles that may not see budgets (viewer). */
  budgetPlanned: number | null;
  budgetActual: number | null;
  kpiView: number | null;
  kpiOrder: number | null;
  kpiRevenue: number | null;
  status: CampaignStatus;
  ownerId: string | null;
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
};

const TABLE = 'campaigns';

function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

function toNumber(value: Prisma.Decimal | bigint | number | null): number | null {
  if (value === null) return null;
  return Number(value);
}

export function toCampaignView(record: CampaignRecord, actor?: Pick<Actor, 'role'>): CampaignView {
  const canSeeBudget = !actor || canSeeSpend(actor);
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    brandId: record.brandId,
    channel: record.channel,
    objective: record.objective,
    description: record.description,
    startDate: toIsoDate(record.startDate),
    endDate: toIsoDate(record.endDate),
    budgetPlanned: canSeeBudget ? toNumber(record.budgetPlanned) : null,
    budgetActual: canSeeBudget ? toNumber(record.budgetActual) : null,
    kpiView: toNumber(record.kpiView),
    kpiOrder: record.kpiOrder,
    kpiRevenue: toNumber(record.kpiRevenue),
    status: record.status,
    ownerId: record.ownerId,
    rowVersion: record.rowVersion,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

const CAMPAIGNS = getTableDefinition('campaigns');
const CAMPAIGN_CREATORS = getTableDefinition('campaign_creators');
const CAMPAIGN_PRODUCTS = getTableDefinition('campaign_products');

function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    table: TABLE,
    column: issue.path.map(String).join('.') || undefined,
    value: issue.path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), input),
    message: issue.message,
  }));
  throw new AppError({ code: 'VALIDATION_FAILED', userMessage: t('campaign.inputProblems', { count: problems.length }), problems });
}

function notFound(id: string): AppError {
  return new AppError({ code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', userMessage: t('campaign.notFound'), internalMessage: `campaign ${id} not found` });
}

async function loadLiveCampaign(db: Db, id: string): Promise<CampaignRecord> {
  const record = await findCampaignById(db, id);
  if (!record || record.deletedAt) throw notFound(id);
  return record;
}

/** Brand code and owner username of the ids the API speaks in: the door reads template rows. */
async function findKeysOfIds(db: Db, ids: { brandId?: string; ownerId?: string | null }): Promise<{ brandCode?: string; ownerUsername?: string | null }> {
  const keys: { brandCode?: string; ownerUsername?: string | null } = {};
  const problems: FieldProblem[] = [];
  if (ids.brandId !== undefined) {
    const brand = await db.brand.findFirst({ where: { id: ids.brandId, deletedAt: null }, select: { code: true } });
    if (brand) keys.brandCode = brand.code;
    else problems.push({ table: TABLE, column: 'brand_id', value: ids.brandId, message: t('campaign.noSuchBrand') });
  }
  if (ids.ownerId !== undefined) {
    const owner = ids.ownerId ? await db.user.findFirst({ where: { id: ids.ownerId, deletedAt: null }, select: { username: true } }) : null;
    if (owner || ids.ownerId === null) keys.ownerUsername = owner?.username ?? null;
    else problems.push({ table: TABLE, column: 'owner_id', value: ids.ownerId, message: t('campaign.noSuchOwner') });
  }
  if (problems.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', reason: 'UNKNOWN_REFERENCE', userMessage: problems.map((p) => p.message).join(' '), problems });
  return keys;
}

type CampaignFields = Partial<z.output<typeof updateCampaignSchema>>;

/** The API's camelCase fields as campaign template values (only the fields given). */
function toTemplateValues(fields: CampaignFields & { status?: CampaignStatus }, keys: { brandCode?: string; ownerUsername?: string | null }): Record<string, NormalisedValue> {
  const values: Record<string, NormalisedValue> = {};
  const set = (column: string, value: NormalisedValue | undefined) => {
    if (value !== undefined) values[column] = value;
  };
  set('code', fields.code);
  set('name', fields.name);
  set('brand_code', keys.brandCode);
  set('channel', fields.channel);
  set('objective', fields.objective);
  set('description', fields.description);
  set('start_date', fields.startDate);
  set('end_date', fields.endDate);
  set('budget_planned', fields.budgetPlanned === undefined || fields.budgetPlanned === null ? fields.budgetPlanned : String(fields.budgetPlanned));
  set('kpi_view', fields.kpiView);
  set('kpi_order', fields.kpiOrder);
  set('kpi_revenue', fields.kpiRevenue === undefined || fields.kpiRevenue === null ? fields.kpiRevenue : String(fields.kpiRevenue));
  set('status', fields.status);
  set('owner_username', keys.ownerUsername);
  return values;
}

/** A REST action's one campaign row: by id, with the version the caller saw. */
function campaignRow(id: string | undefined, values: Record<string, NormalisedValue>, expectedVersion?: number | null): RowChange {
  return { rowNumber: 2, values, ...(id ? { id } : {}), ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
}

async function readCampaignView(session: ActionSession, id: string | undefined, actor: Actor): Promise<CampaignView> {
  if (!id) throw new Error('the campaign row has no id');
  return toCampaignView(await loadLiveCampaign(session.db, id), actor);
}

/**
 * A create that names a code in use would, through the door's upsert by code, change that
 * campaign or bring a deleted one back: both are refused in the words of the door's code rule.
 */
async function refuseCodeInUse(db: Db, code: string): Promise<void> {
  const other = await db.campaign.findFirst({ where: { code: { equals: code.trim(), mode: 'insensitive' } }, select: { code: true, deletedAt: true } });
  if (!other) return;
  throw new AppError({
    code: 'CONFLICT',
    reason: 'CODE_TAKEN',
    userMessage: t(other.deletedAt ? 'rules.codeTakenByDeleted' : 'rules.codeTaken', { code: code.trim(), other: other.code }),
    problems: [{ table: TABLE, column: 'code', value: code, message: t(other.deletedAt ? 'rules.codeTakenByDeleted' : 'rules.codeTaken', { code: code.trim(), other: other.code }) }],
  });
}

// ── Create ────────────────────────────────────────────────────────────────────────────

export async function createCampaign(prisma: PrismaClient, actor: Actor, input: CreateCampaignInput, config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG): Promise<CampaignView> {
  const data = parseInput(createCampaignSchema, input);
  const ownerId = data.ownerId === undefined ? actor.userId : data.ownerId;
  const keys = await findKeysOfIds(prisma, { brandId: data.brandId, ownerId });
  await refuseCodeInUse(prisma, data.code);
  const { value } = await applyActionChanges(
    prisma,
    actor,
    // Bound to "new" (null): a create never updates or restores the campaign that holds the code.
    () => [{ table: CAMPAIGNS, rows: [campaignRow(undefined, toTemplateValues(data, keys), null)] }],
    (session, [results]) => readCampaignView(session, results?.[0]?.id, actor),
    { config, summary: t('campaign.cannotSaveAs', { status: statusWord(data.status) }) },
  );
  return value;
}

// ── Edit ──────────────────────────────────────────────────────────────────────────────

/**
 * Edits fields of a campaign (status moves through `transitionCampaign`). The door checks the
 * result against its status' rules; a finished or canceled campaign only accepts a new
 * description (its insights and notes).
 */
export async function updateCampaign(prisma: PrismaClient, actor: Actor, campaignId: string, input: UpdateCampaignInput, config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG): Promise<CampaignView> {
  const { expectedRowVersion, ...patch } = parseInput(updateCampaignSchema, input);
  const record = await loadLiveCampaign(prisma, campaignId);
  const keys = await findKeysOfIds(prisma, { brandId: patch.brandId, ownerId: patch.ownerId });
  const { value } = await applyActionChanges(
    prisma,
    actor,
    () => [{ table: CAMPAIGNS, rows: [campaignRow(campaignId, toTemplateValues(patch, keys), expectedRowVersion)] }],
    (session) => readCampaignView(session, campaignId, actor),
    { config, summary: t('campaign.cannotChange', { code: record.code }) },
  );
  return value;
}

// ── Transition ────────────────────────────────────────────────────────────────────────

export async function transitionCampaign(
  prisma: PrismaClient,
  actor: Actor,
  campaignId: string,
  to: CampaignStatus,
  options: { note?: string; expectedRowVersion?: number; config?: CampaignsConfig } = {},
): Promise<CampaignView> {
  const record = await loadLiveCampaign(prisma, campaignId);
  if (record.status === to) {
    // Asking for the status it has is a mistake in the request, not a change to check.
    throw new AppError({
      code: 'VALIDATION_FAILED',
      reason: 'ALREADY_IN_STATUS',
      userMessage: t('campaign.alreadyInStatus', { code: record.code, status: statusWord(to) }),
      problems: [{ table: TABLE, column: 'status', value: to, message: t('lifecycle.alreadyInStatus', { status: statusWord(to) }) }],
    });
  }
  const { value } = await applyActionChanges(
    prisma,
    actor,
    // Bound to the version just read: of two people pausing at once, one pauses and the other is
    // told someone changed the campaign meanwhile, never "paused" for a change that was not theirs.
    () => [{ table: CAMPAIGNS, rows: [campaignRow(campaignId, { status: to }, options.expectedRowVersion ?? record.rowVersion)], auditAction: 'transition', auditNote: options.note ?? null }],
    (session) => readCampaignView(session, campaignId, actor),
    { config: options.config, summary: t('campaign.cannotMove', { code: record.code, from: statusWord(record.status), to: statusWord(to) }) },
  );
  return value;
}

// ── Soft delete ───────────────────────────────────────────────────────────────────────

/** Soft delete only; a campaign with bookings (or videos, payments, tracking codes) stays. */
export async function softDeleteCampaign(prisma: PrismaClient, actor: Actor, campaignId: string, options: { note?: string } = {}): Promise<void> {
  const record = await loadLiveCampaign(prisma, campaignId);
  await applyActionChanges(
    prisma,
    actor,
    () => [{ table: CAMPAIGNS, rows: [{ ...campaignRow(campaignId, { code: record.code }), isDeletion: true }], auditNote: options.note ?? null }],
    async () => undefined,
    { summary: t('campaign.cannotDelete', { code: record.code }) },
  );
}

// ── Duplicate ─────────────────────────────────────────────────────────────────────────

/** CODE-COPY, then CODE-COPY-2, CODE-COPY-3…: the first free one (deleted campaigns keep their codes). */
export function chooseCopyCode(originalCode: string, takenCodes: readonly string[]): string {
  const base = `${originalCode}-COPY`;
  const taken = new Set(takenCodes.map((code) => code.toUpperCase()));
  if (!taken.has(base.toUpperCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate.toUpperCase())) return candidate;
  }
}

export type DuplicateResult = CampaignView & {
  /** Assignments left out of the copy, and why (a blacklisted creator, for someone who may not assign one). */
  leftOut: string[];
  warnings: string[];
};

/**
 * Copies basic info, brief (without the old run's postmortem), KPIs, budget, products and
 * creators; dates cleared, status draft, owner = the duplicating user. The copy's assignments
 * pass the same gates as any other (a blacklisted creator stays behind for a lead, and the
 * answer says so). The audit links both campaigns.
 */
export async function duplicateCampaign(prisma: PrismaClient, actor: Actor, campaignId: string): Promise<DuplicateResult> {
  // Refused before reading anything: finance and viewers may not copy (the door would refuse the rows anyway).
  assertAllowed(actor, 'campaign.duplicate');
  const { value, results } = await applyActionChanges(
    prisma,
    actor,
    async (session) => {
      const original = await loadLiveCampaign(session.db, campaignId);
      const mappings = await findLiveCampaignMappings(session.db, original.id);
      const code = chooseCopyCode(original.code, (await findCodesStartingWith(session.db, `${original.code}-COPY`)).map((row) => row.code));
      const owner = actor.userId ? await session.db.user.findUnique({ where: { id: actor.userId }, select: { username: true } }) : null;
      const description = original.description ? removeBriefSection(original.description, 'postmortem') || null : null;
      const note = `Duplicated from ${original.code}`;
      const copy: Record<string, NormalisedValue> = {
        code,
        name: t('campaign.copyName', { name: original.name }),
        brand_code: mappings.brandCode,
        channel: original.channel,
        objective: original.objective,
        description,
        start_date: null,
        end_date: null,
        budget_planned: original.budgetPlanned === null ? null : original.budgetPlanned.toString(),
        kpi_view: original.kpiView === null ? null : Number(original.kpiView),
        kpi_order: original.kpiOrder,
        kpi_revenue: original.kpiRevenue === null ? null : original.kpiRevenue.toString(),
        status: 'draft',
        owner_username: owner?.username ?? null,
      };
      const changeSets: ChangeSet[] = [{ table: CAMPAIGNS, rows: [campaignRow(undefined, copy)], auditAction: 'duplicate', auditNote: note }];
      if (mappings.creators.length) {
        changeSets.push({
          table: CAMPAIGN_CREATORS,
          rows: mappings.creators.map((creator, index) => ({ rowNumber: index + 2, values: { campaign_code: code, creator_key: creator.creatorKey, role: creator.role, note: creator.note } })),
          auditAction: 'duplicate',
          auditNote: note,
          onRefusedRow: 'skip',
        });
      }
      if (mappings.products.length) {
        changeSets.push({
          table: CAMPAIGN_PRODUCTS,
          rows: mappings.products.map((product, index) => ({ rowNumber: index + 2, values: { campaign_code: code, brand_code: product.brandCode, product_code: product.productCode, priority: product.priority, note: product.note } })),
          auditAction: 'duplicate',
          auditNote: note,
          onRefusedRow: 'skip',
        });
      }
      return changeSets;
    },
    async (session, [campaignResults, ...mappingResults]) => {
      const copyId = campaignResults?.[0]?.id;
      const view = await readCampaignView(session, copyId, actor);
      const original = await loadLiveCampaign(session.db, campaignId);
      const counts = mappingResults.map((results) => results.filter((result) => result.outcome === 'created').length);
      await session.recordAction({
        entityType: 'campaign',
        entityId: view.id,
        action: 'duplicate',
        changes: { duplicated_from: { before: null, after: original.id }, creators_count: { before: 0, after: counts[0] ?? 0 }, products_count: { before: 0, after: counts[1] ?? 0 } },
        note: `Duplicated from ${original.code}`,
      });
      await session.recordAction({ entityType: 'campaign', entityId: original.id, action: 'duplicate', changes: { duplicated_to: { before: null, after: view.id } }, note: `Duplicated as ${view.code}` });
      return view;
    },
    { summary: t('campaign.cannotDuplicate') },
  );
  const mappingResults = results.slice(1).flat();
  return {
    ...value,
    leftOut: mappingResults.filter((result) => result.outcome === 'skipped').flatMap((result) => result.problems.map((problem) => problem.message)),
    warnings: mappingResults.flatMap((result) => result.warnings),
  };
}

// ── Read ──────────────────────────────────────────────────────────────────────────────

export async function getCampaign(db: Db, actor: Actor, campaignId: string): Promise<CampaignView> {
  assertAllowed(actor, 'campaign.view');
  const record = await loadLiveCampaign(db, campaignId);
  // Another brand's campaign does not exist for a client (a 404, never a 403 that confirms it).
  if (!isBrandVisible(actor, record.brandId)) throw notFound(campaignId);
  return toCampaignView(record, actor);
}

/** Newest first. A viewer sees who changed a budget, fee or amount and when, not the amounts. */
export async function getCampaignHistory(db: Db, actor: Actor, campaignId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  assertAllowed(actor, 'campaign.history.view');
  return redactSpendAuditEntries(actor, await getAuditHistory(db, 'campaign', campaignId, options));
}

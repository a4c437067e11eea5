/**
 * Campaign create / edit / soft delete / transition / duplicate, each checked against the
 * permission matrix and the lifecycle rules, each recorded in the audit log with field-level
 * before and after. The API, the sheet push, the importer and the CLI all call these.
 */
import { z } from 'zod';
import { isUniqueViolation } from '../../platform/database/database-errors.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import { removeBriefSection } from '../../contract/campaigns/campaign-brief.js';
import {
  checkCampaignTransition,
  isTerminalStatus,
  validateCampaignForStatus,
  type CampaignRuleViolation,
  type CampaignStatus,
} from '../../contract/campaigns/campaign-lifecycle.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { assertAllowed, campaignFieldAction, isAllowed, transitionPermission } from '../access/permissions.js';
import { diffFields, getAuditHistory, recordAudit } from '../audit/audit.service.js';
import type { AuditEntry, Db } from '../audit/audit.types.js';
import { DEFAULT_CAMPAIGNS_CONFIG, type CampaignsConfig } from './campaigns.config.js';
import {
  brandExists,
  countLinkedData,
  type LinkedDataCounts,
  countMappings,
  findCampaignByCodeInsensitive,
  findCampaignById,
  findCodesStartingWith,
  insertCampaign,
  lockCampaign,
  updateCampaignRow,
  userExists,
  type CampaignRecord,
} from './campaigns.repository.js';
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

/** The audited fields, by their sheet (snake_case) names. */
const AUDITED_FIELDS = ['code', 'name', 'brand_id', 'channel', 'objective', 'description', 'start_date', 'end_date', 'budget_planned', 'kpi_view', 'kpi_order', 'kpi_revenue', 'status', 'owner_id'] as const;
type AuditSnapshot = Record<(typeof AUDITED_FIELDS)[number], unknown>;

function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

function fromIsoDate(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

function toNumber(value: Prisma.Decimal | bigint | number | null): number | null {
  if (value === null) return null;
  return Number(value);
}

export function toCampaignView(record: CampaignRecord, actor?: Pick<Actor, 'role'>): CampaignView {
  const canSeeBudget = !actor || isAllowed(actor, 'campaign.budget.view');
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

function toAuditSnapshot(view: CampaignView | Omit<CampaignView, 'id' | 'rowVersion' | 'createdAt' | 'updatedAt' | 'budgetActual'>): AuditSnapshot {
  return {
    code: view.code,
    name: view.name,
    brand_id: view.brandId,
    channel: view.channel,
    objective: view.objective,
    description: view.description,
    start_date: view.startDate,
    end_date: view.endDate,
    budget_planned: view.budgetPlanned,
    kpi_view: view.kpiView,
    kpi_order: view.kpiOrder,
    kpi_revenue: view.kpiRevenue,
    status: view.status,
    owner_id: view.ownerId,
  };
}

function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    table: TABLE,
    column: issue.path.map(String).join('.') || undefined,
    value: issue.path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), input),
    message: issue.message,
  }));
  throw new AppError({ code: 'VALIDATION_FAILED', userMessage: `The campaign has ${problems.length} problem(s) to fix.`, problems });
}

function refuseViolations(violations: CampaignRuleViolation[], userMessage: string, value?: Record<string, unknown>): never {
  throw new AppError({
    code: 'VALIDATION_FAILED',
    reason: violations[0]?.code,
    userMessage: `${userMessage} ${violations.map((violation) => violation.message).join(' ')}`,
    problems: violations.map((violation) => ({
      table: TABLE,
      column: violation.field,
      value: violation.field && value ? value[violation.field] : undefined,
      message: `${violation.code}: ${violation.message} / ${violation.messageVi}`,
    })),
  });
}

function notFound(id: string): AppError {
  return new AppError({ code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', userMessage: 'This campaign does not exist or was deleted.', internalMessage: `campaign ${id} not found` });
}

async function loadLiveCampaign(db: Db, id: string): Promise<CampaignRecord> {
  const record = await findCampaignById(db, id);
  if (!record || record.deletedAt) throw notFound(id);
  return record;
}


async function assertCodeAvailable(db: Db, code: string, exceptId?: string): Promise<void> {
  const existing = await findCampaignByCodeInsensitive(db, code);
  if (!existing || existing.id === exceptId) return;
  const where = existing.deletedAt ? 'a deleted campaign' : 'another campaign';
  throw new AppError({
    code: 'CONFLICT',
    reason: 'CODE_TAKEN',
    userMessage: `The code ${code} is already used by ${where} (${existing.code}); choose another code.`,
    problems: [{ table: TABLE, column: 'code', value: code, message: `Already used by ${where} (${existing.code}).` }],
  });
}

async function assertReferencesExist(db: Db, brandId: string | undefined, ownerId: string | null | undefined): Promise<void> {
  const problems: FieldProblem[] = [];
  if (brandId !== undefined && !(await brandExists(db, brandId))) problems.push({ table: TABLE, column: 'brand_id', value: brandId, message: 'No such brand: pick an existing brand.' });
  if (ownerId && !(await userExists(db, ownerId))) problems.push({ table: TABLE, column: 'owner_id', value: ownerId, message: 'No such user: pick an existing owner.' });
  if (problems.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', reason: 'UNKNOWN_REFERENCE', userMessage: problems.map((p) => p.message).join(' '), problems });
}

function codeConflict(code: string, cause: unknown): AppError {
  return new AppError({ code: 'CONFLICT', reason: 'CODE_TAKEN', userMessage: `The code ${code} is already used; choose another code.`, cause, problems: [{ table: TABLE, column: 'code', value: code, message: 'Already used.' }] });
}

// ── Create ────────────────────────────────────────────────────────────────────────────

export async function createCampaign(prisma: PrismaClient, actor: Actor, input: CreateCampaignInput, config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG): Promise<CampaignView> {
  assertAllowed(actor, 'campaign.create');
  const data = parseInput(createCampaignSchema, input);
  if (data.status === 'planned') assertAllowed(actor, 'campaign.transition.plan');
  const violations = validateCampaignForStatus(
    { startDate: data.startDate ?? null, endDate: data.endDate ?? null, creatorsCount: 0, productsCount: 0, description: data.description ?? null },
    data.status,
    config,
  );
  if (violations.length > 0) refuseViolations(violations, `The campaign can't be saved as ${data.status}.`, { start_date: data.startDate, end_date: data.endDate });
  const ownerId = data.ownerId === undefined ? actor.userId : data.ownerId;

  try {
    return await prisma.$transaction(async (tx) => {
      await assertCodeAvailable(tx, data.code);
      await assertReferencesExist(tx, data.brandId, ownerId);
      const record = await insertCampaign(tx, {
        code: data.code,
        name: data.name,
        brandId: data.brandId,
        channel: data.channel,
        objective: data.objective,
        description: data.description ?? null,
        startDate: fromIsoDate(data.startDate ?? null),
        endDate: fromIsoDate(data.endDate ?? null),
        budgetPlanned: data.budgetPlanned ?? null,
        kpiView: data.kpiView === undefined || data.kpiView === null ? null : BigInt(data.kpiView),
        kpiOrder: data.kpiOrder ?? null,
        kpiRevenue: data.kpiRevenue ?? null,
        status: data.status,
        ownerId,
      });
      const view = toCampaignView(record);
      const snapshot = toAuditSnapshot(view);
      const changes = Object.fromEntries(Object.entries(snapshot).filter(([, value]) => value !== null).map(([field, value]) => [field, { before: null, after: value }]));
      await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: record.id, action: 'create', changes }]);
      return toCampaignView(record, actor);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeConflict(data.code, error);
    throw error;
  }
}

// ── Edit ──────────────────────────────────────────────────────────────────────────────

function assertNotStale(record: CampaignRecord, expectedRowVersion: number | undefined): void {
  if (expectedRowVersion !== undefined && expectedRowVersion !== record.rowVersion) {
    throw new AppError({
      code: 'CONFLICT',
      reason: 'STALE_ROW_VERSION',
      userMessage: `Someone changed ${record.code} since you loaded it (version ${expectedRowVersion}, now ${record.rowVersion}); reload and try again.`,
    });
  }
}

/**
 * Edits fields of a campaign (status moves through `transitionCampaign`). The campaign must
 * still satisfy its status' rules afterwards; a finished or canceled campaign only accepts a
 * new description (its insights and notes).
 */
export async function updateCampaign(prisma: PrismaClient, actor: Actor, campaignId: string, input: UpdateCampaignInput, config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG): Promise<CampaignView> {
  const { expectedRowVersion, ...patch } = parseInput(updateCampaignSchema, input);
  const touched = (Object.keys(patch) as (keyof typeof patch)[]).filter((key) => patch[key] !== undefined);

  try {
    return await prisma.$transaction(async (tx) => {
      await lockCampaign(tx, campaignId);
      const record = await loadLiveCampaign(tx, campaignId);
      assertNotStale(record, expectedRowVersion);
      const before = toCampaignView(record);

      if (isTerminalStatus(record.status)) {
        const notEditable = touched.filter((key) => key !== 'description');
        if (notEditable.length > 0) {
          throw new AppError({
            code: 'VALIDATION_FAILED',
            reason: 'CAMPAIGN_TERMINAL',
            userMessage: `${record.code} is ${record.status}: only its insights and notes can change.`,
            problems: notEditable.map((key) => ({ table: TABLE, column: key, value: patch[key], message: `A ${record.status} campaign keeps its ${key}.` })),
          });
        }
        assertAllowed(actor, 'campaign.insights.edit');
      } else {
        assertAllowed(actor, 'campaign.edit');
      }
      const changedKeys = touched.filter((key) => JSON.stringify(patch[key] ?? null) !== JSON.stringify((before as Record<string, unknown>)[key] ?? null));
      for (const key of changedKeys) {
        const action = campaignFieldAction(key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
        if (action) assertAllowed(actor, action);
      }
      if (changedKeys.length === 0) return toCampaignView(record, actor);

      const after = { ...before, ...Object.fromEntries(changedKeys.map((key) => [key, patch[key]])) } as CampaignView;
      const counts = await countMappings(tx, campaignId);
      const violations = validateCampaignForStatus(
        { startDate: after.startDate, endDate: after.endDate, creatorsCount: counts.creators, productsCount: counts.products, description: after.description },
        record.status,
        // Edits never remove creators, so only dates and the postmortem are re-checked here.
        { ...config, runningRequires: 'none' },
      );
      if (violations.length > 0) refuseViolations(violations, `${record.code} is ${record.status}; this change would break its rules.`, { start_date: after.startDate, end_date: after.endDate });
      if (patch.code !== undefined && patch.code !== record.code) await assertCodeAvailable(tx, patch.code, campaignId);
      await assertReferencesExist(tx, changedKeys.includes('brandId') ? patch.brandId : undefined, changedKeys.includes('ownerId') ? patch.ownerId : undefined);

      const updated = await updateCampaignRow(tx, campaignId, {
        code: patch.code,
        name: patch.name,
        brandId: patch.brandId,
        channel: patch.channel,
        objective: patch.objective,
        description: patch.description,
        startDate: fromIsoDate(patch.startDate),
        endDate: fromIsoDate(patch.endDate),
        budgetPlanned: patch.budgetPlanned,
        kpiView: patch.kpiView === undefined ? undefined : patch.kpiView === null ? null : BigInt(patch.kpiView),
        kpiOrder: patch.kpiOrder,
        kpiRevenue: patch.kpiRevenue,
        ownerId: patch.ownerId,
      });
      const changes = diffFields(toAuditSnapshot(before), toAuditSnapshot(toCampaignView(updated)), AUDITED_FIELDS);
      await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: campaignId, action: 'update', changes }]);
      return toCampaignView(updated, actor);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeConflict(patch.code ?? '', error);
    throw error;
  }
}

// ── Transition ────────────────────────────────────────────────────────────────────────

export async function transitionCampaign(
  prisma: PrismaClient,
  actor: Actor,
  campaignId: string,
  to: CampaignStatus,
  options: { note?: string; expectedRowVersion?: number; config?: CampaignsConfig } = {},
): Promise<CampaignView> {
  const config = options.config ?? DEFAULT_CAMPAIGNS_CONFIG;
  return prisma.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId);
    const record = await loadLiveCampaign(tx, campaignId);
    assertNotStale(record, options.expectedRowVersion);
    const counts = await countMappings(tx, campaignId);
    const check = checkCampaignTransition(
      { status: record.status, startDate: toIsoDate(record.startDate), endDate: toIsoDate(record.endDate), creatorsCount: counts.creators, productsCount: counts.products, description: record.description },
      to,
      config,
    );
    if (check.action) assertAllowed(actor, transitionPermission(check.action));
    else assertAllowed(actor, 'campaign.edit');
    if (!check.isAllowed) {
      refuseViolations(check.violations, `${record.code} can't move from ${record.status} to ${to}.`, {
        status: to,
        start_date: toIsoDate(record.startDate),
        end_date: toIsoDate(record.endDate),
        creators: counts.creators,
        products: counts.products,
      });
    }
    const updated = await updateCampaignRow(tx, campaignId, { status: to });
    await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: campaignId, action: 'transition', changes: { status: { before: record.status, after: to } }, note: options.note ?? null }]);
    return toCampaignView(updated, actor);
  });
}

// ── Soft delete ───────────────────────────────────────────────────────────────────────

/** Soft delete only; a campaign with bookings (or videos, payments, tracking codes) stays. */
export async function softDeleteCampaign(prisma: PrismaClient, actor: Actor, campaignId: string, options: { note?: string } = {}): Promise<void> {
  assertAllowed(actor, 'campaign.delete');
  await prisma.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId);
    const record = await loadLiveCampaign(tx, campaignId);
    const linked = (await countLinkedData(tx, [campaignId])).get(campaignId);
    const problems = linked ? listLinkedDataProblems(linked) : [];
    if (problems.length > 0) {
      throw new AppError({
        code: 'CONFLICT',
        reason: linked!.bookings > 0 ? 'HAS_BOOKINGS' : 'HAS_LINKED_DATA',
        userMessage: `${record.code} can't be deleted: ${problems.map((p) => p.message).join(' ')} Cancel it instead.`,
        problems,
      });
    }
    const deletedAt = new Date();
    await updateCampaignRow(tx, campaignId, { deletedAt, isActive: false });
    await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: campaignId, action: 'delete', changes: { deleted_at: { before: null, after: deletedAt.toISOString() } }, note: options.note ?? null }]);
  });
}

const LINKED_DATA_LABELS: Record<keyof LinkedDataCounts, string> = { bookings: 'booking', videos: 'video', payments: 'payment', trackingAssets: 'tracking code' };

/** Soft delete only, and never under bookings, videos, payments or tracking codes (000 §8). Empty = deletable. */
export function listLinkedDataProblems(linked: LinkedDataCounts): FieldProblem[] {
  return (Object.keys(linked) as (keyof LinkedDataCounts)[])
    .filter((key) => linked[key] > 0)
    .map((key) => ({ table: TABLE, column: key, value: linked[key], message: `${linked[key]} ${LINKED_DATA_LABELS[key]}(s) belong to this campaign.` }));
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

/**
 * Copies basic info, brief (without the old run's postmortem), KPIs, budget, products and
 * creators; dates cleared, status draft, owner = the duplicating user. The audit links both.
 */
export async function duplicateCampaign(prisma: PrismaClient, actor: Actor, campaignId: string): Promise<CampaignView> {
  assertAllowed(actor, 'campaign.duplicate');
  try {
    return await duplicateInTransaction(prisma, actor, campaignId);
  } catch (error) {
    // Two people duplicating at once can pick the same free code; the second retries once.
    if (isUniqueViolation(error)) return duplicateInTransaction(prisma, actor, campaignId);
    throw error;
  }
}

function duplicateInTransaction(prisma: PrismaClient, actor: Actor, campaignId: string): Promise<CampaignView> {
  return prisma.$transaction(async (tx) => {
    const original = await loadLiveCampaign(tx, campaignId);
    const code = chooseCopyCode(original.code, (await findCodesStartingWith(tx, `${original.code}-COPY`)).map((row) => row.code));
    const description = original.description ? removeBriefSection(original.description, 'postmortem') || null : null;
    const copy = await insertCampaign(tx, {
      code,
      name: `${original.name} (copy)`,
      brandId: original.brandId,
      channel: original.channel,
      objective: original.objective,
      description,
      startDate: null,
      endDate: null,
      budgetPlanned: original.budgetPlanned,
      kpiView: original.kpiView,
      kpiOrder: original.kpiOrder,
      kpiRevenue: original.kpiRevenue,
      status: 'draft',
      ownerId: actor.userId,
    });
    // Set-based copies of the live mappings.
    const creators = await tx.$executeRawUnsafe(
      `INSERT INTO campaign_creators (campaign_id, creator_id, role, note)
       SELECT $2::uuid, creator_id, role, note FROM campaign_creators WHERE campaign_id = $1::uuid AND deleted_at IS NULL`,
      original.id,
      copy.id,
    );
    const products = await tx.$executeRawUnsafe(
      `INSERT INTO campaign_products (campaign_id, product_id, priority, note)
       SELECT $2::uuid, product_id, priority, note FROM campaign_products WHERE campaign_id = $1::uuid AND deleted_at IS NULL`,
      original.id,
      copy.id,
    );
    const view = toCampaignView(copy);
    const changes = Object.fromEntries(Object.entries(toAuditSnapshot(view)).filter(([, value]) => value !== null).map(([field, value]) => [field, { before: null, after: value }]));
    await recordAudit(tx, actor, [
      {
        entityType: 'campaign',
        entityId: copy.id,
        action: 'duplicate',
        changes: { ...changes, duplicated_from: { before: null, after: original.id }, creators_count: { before: 0, after: creators }, products_count: { before: 0, after: products } },
        note: `Duplicated from ${original.code}`,
      },
      { entityType: 'campaign', entityId: original.id, action: 'duplicate', changes: { duplicated_to: { before: null, after: copy.id } }, note: `Duplicated as ${code}` },
    ]);
    return toCampaignView(copy, actor);
  });
}

// ── Read ──────────────────────────────────────────────────────────────────────────────

export async function getCampaign(db: Db, actor: Actor, campaignId: string): Promise<CampaignView> {
  assertAllowed(actor, 'campaign.view');
  return toCampaignView(await loadLiveCampaign(db, campaignId), actor);
}

/** Newest first. */
export async function getCampaignHistory(db: Db, actor: Actor, campaignId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  assertAllowed(actor, 'campaign.history.view');
  const entries = await getAuditHistory(db, 'campaign', campaignId, options);
  if (isAllowed(actor, 'campaign.budget.view')) return entries;
  // A viewer sees who changed the budget and when, not the amounts.
  return entries.map((entry) => {
    if (!entry.changes.budget_planned) return entry;
    return { ...entry, changes: { ...entry.changes, budget_planned: { before: 'hidden', after: 'hidden' } } };
  });
}

/**
 * Bulk assignment of creators and products to a campaign (000 §4.2, §4.3, §6.4, §6.5): role or
 * priority and a note for the whole selection, permission-checked, watchlist warnings,
 * blacklisted creators for admins only, friendly handling of "already in this campaign", and
 * one audit entry per call with the before and after lists.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { isTerminalStatus } from '../../contract/campaigns/campaign-lifecycle.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { assertAllowed, decideCreatorAssignment } from '../access/permissions.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import type { Db } from '../audit/audit.types.js';
import { findCampaignById, findCampaignCreators, findCampaignProducts, findCreatorsByIds, findProductsByIds, lockCampaign } from './campaigns.repository.js';
import { assignCreatorsSchema, assignProductsSchema, type AssignCreatorsInput, type AssignProductsInput } from './campaigns.schemas.js';

export type AssignmentSkip = { id: string; reason: 'ALREADY_ASSIGNED' | 'NOT_FOUND' | 'CREATOR_BLACKLISTED'; message: string };

export type AssignmentResult = {
  added: string[];
  skipped: AssignmentSkip[];
  warnings: string[];
};

async function loadAssignableCampaign(db: Db, campaignId: string) {
  await lockCampaign(db, campaignId);
  const campaign = await findCampaignById(db, campaignId);
  if (!campaign || campaign.deletedAt) throw new AppError({ code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', userMessage: 'This campaign does not exist or was deleted.' });
  if (isTerminalStatus(campaign.status)) {
    throw new AppError({ code: 'VALIDATION_FAILED', reason: 'CAMPAIGN_TERMINAL', userMessage: `${campaign.code} is ${campaign.status}: its creators and products can't change any more.` });
  }
  return campaign;
}

function parse<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }, table: string): T {
  if (result.success) return result.data;
  throw new AppError({
    code: 'VALIDATION_FAILED',
    userMessage: result.error.issues.map((issue) => issue.message).join(' '),
    problems: result.error.issues.map((issue) => ({ table, column: issue.path.map(String).join('.'), message: issue.message })),
  });
}

export async function assignCreators(prisma: PrismaClient, actor: Actor, input: AssignCreatorsInput): Promise<AssignmentResult> {
  assertAllowed(actor, 'campaign.creators.assign');
  const data = parse(assignCreatorsSchema.safeParse(input), 'campaign_creators');
  return prisma.$transaction(async (tx) => {
    const campaign = await loadAssignableCampaign(tx, data.campaignId);
    const existing = await findCampaignCreators(tx, campaign.id);
    const creators = await findCreatorsByIds(tx, data.creatorIds);
    const byId = new Map(creators.map((creator) => [creator.id, creator]));
    const existingById = new Map(existing.map((row) => [row.creatorId, row]));
    const result: AssignmentResult = { added: [], skipped: [], warnings: [] };
    const toInsert: string[] = [];
    const toRestore: string[] = [];

    for (const creatorId of new Set(data.creatorIds)) {
      const creator = byId.get(creatorId);
      if (!creator) {
        result.skipped.push({ id: creatorId, reason: 'NOT_FOUND', message: 'No such creator (deleted or never existed).' });
        continue;
      }
      const current = existingById.get(creatorId);
      if (current && !current.deletedAt) {
        result.skipped.push({ id: creatorId, reason: 'ALREADY_ASSIGNED', message: `${creator.name} is already in ${campaign.code} (as ${current.role}).` });
        continue;
      }
      const decision = decideCreatorAssignment(actor, creator);
      if (!decision.isAllowed) {
        result.skipped.push({ id: creatorId, reason: decision.reason, message: decision.message });
        continue;
      }
      if (decision.warning) result.warnings.push(decision.warning);
      (current ? toRestore : toInsert).push(creatorId);
      result.added.push(creatorId);
    }

    const blacklisted = result.skipped.filter((skip) => skip.reason === 'CREATOR_BLACKLISTED');
    if (blacklisted.length > 0) {
      // Refuse the whole selection: assigning "all but the blacklisted" silently is a surprise.
      throw new AppError({
        code: 'FORBIDDEN',
        reason: 'CREATOR_BLACKLISTED',
        userMessage: blacklisted.map((skip) => skip.message).join(' '),
        problems: blacklisted.map((skip) => ({ table: 'campaign_creators', column: 'creator_id', value: skip.id, message: skip.message })),
      });
    }

    if (toInsert.length > 0) {
      await tx.campaignCreator.createMany({ data: toInsert.map((creatorId) => ({ campaignId: campaign.id, creatorId, role: data.role, note: data.note ?? null })) });
    }
    if (toRestore.length > 0) {
      await tx.campaignCreator.updateMany({
        where: { campaignId: campaign.id, creatorId: { in: toRestore } },
        data: { deletedAt: null, isActive: true, role: data.role, note: data.note ?? null },
      });
    }
    if (result.added.length > 0) {
      const keyOf = (id: string) => byId.get(id)?.creatorKey ?? existing.find((row) => row.creatorId === id)?.creator.creatorKey ?? id;
      const before = existing.filter((row) => !row.deletedAt).map((row) => row.creator.creatorKey).sort();
      const after = [...before, ...result.added.map(keyOf)].sort();
      await recordAudit(tx, actor, [{
        entityType: 'campaign',
        entityId: campaign.id,
        action: 'assign',
        changes: { creators: { before, after } },
        note: [`role ${data.role}`, data.note ? `note: ${data.note}` : null, ...result.warnings].filter(Boolean).join('; '),
      }]);
    }
    return result;
  });
}

export async function unassignCreators(prisma: PrismaClient, actor: Actor, campaignId: string, creatorIds: string[]): Promise<{ removed: string[] }> {
  assertAllowed(actor, 'campaign.creators.assign');
  return prisma.$transaction(async (tx) => {
    const campaign = await loadAssignableCampaign(tx, campaignId);
    const existing = (await findCampaignCreators(tx, campaign.id)).filter((row) => !row.deletedAt);
    const removing = existing.filter((row) => creatorIds.includes(row.creatorId));
    if (removing.length === 0) return { removed: [] };
    await tx.campaignCreator.updateMany({ where: { id: { in: removing.map((row) => row.id) } }, data: { deletedAt: new Date(), isActive: false } });
    const before = existing.map((row) => row.creator.creatorKey).sort();
    const after = existing.filter((row) => !creatorIds.includes(row.creatorId)).map((row) => row.creator.creatorKey).sort();
    await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: campaign.id, action: 'unassign', changes: { creators: { before, after } } }]);
    return { removed: removing.map((row) => row.creatorId) };
  });
}

/** A product reads as BRAND/CODE in the audit: product codes are unique within a brand only. */
function productKey(product: { code: string; brand: { code: string } }): string {
  return `${product.brand.code}/${product.code}`;
}

export async function assignProducts(prisma: PrismaClient, actor: Actor, input: AssignProductsInput): Promise<AssignmentResult> {
  assertAllowed(actor, 'campaign.products.assign');
  const data = parse(assignProductsSchema.safeParse(input), 'campaign_products');
  return prisma.$transaction(async (tx) => {
    const campaign = await loadAssignableCampaign(tx, data.campaignId);
    const existing = await findCampaignProducts(tx, campaign.id);
    const products = await findProductsByIds(tx, data.productIds);
    const byId = new Map(products.map((product) => [product.id, product]));
    const existingById = new Map(existing.map((row) => [row.productId, row]));
    const result: AssignmentResult = { added: [], skipped: [], warnings: [] };
    const toInsert: string[] = [];
    const toRestore: string[] = [];
    for (const productId of new Set(data.productIds)) {
      const product = byId.get(productId);
      if (!product) {
        result.skipped.push({ id: productId, reason: 'NOT_FOUND', message: 'No such product (deleted or never existed).' });
        continue;
      }
      const current = existingById.get(productId);
      if (current && !current.deletedAt) {
        result.skipped.push({ id: productId, reason: 'ALREADY_ASSIGNED', message: `${productKey(product)} ${product.name} is already in ${campaign.code} (priority ${current.priority}).` });
        continue;
      }
      (current ? toRestore : toInsert).push(productId);
      result.added.push(productId);
    }
    if (toInsert.length > 0) {
      await tx.campaignProduct.createMany({ data: toInsert.map((productId) => ({ campaignId: campaign.id, productId, priority: data.priority, note: data.note ?? null })) });
    }
    if (toRestore.length > 0) {
      await tx.campaignProduct.updateMany({ where: { campaignId: campaign.id, productId: { in: toRestore } }, data: { deletedAt: null, isActive: true, priority: data.priority, note: data.note ?? null } });
    }
    if (result.added.length > 0) {
      const before = existing.filter((row) => !row.deletedAt).map((row) => productKey(row.product)).sort();
      const added = result.added.map((id) => {
        const product = byId.get(id);
        return product ? productKey(product) : id;
      });
      await recordAudit(tx, actor, [{
        entityType: 'campaign',
        entityId: campaign.id,
        action: 'assign',
        changes: { products: { before, after: [...before, ...added].sort() } },
        note: [`priority ${data.priority}`, data.note ? `note: ${data.note}` : null].filter(Boolean).join('; '),
      }]);
    }
    return result;
  });
}

export async function unassignProducts(prisma: PrismaClient, actor: Actor, campaignId: string, productIds: string[]): Promise<{ removed: string[] }> {
  assertAllowed(actor, 'campaign.products.assign');
  return prisma.$transaction(async (tx) => {
    const campaign = await loadAssignableCampaign(tx, campaignId);
    const existing = (await findCampaignProducts(tx, campaign.id)).filter((row) => !row.deletedAt);
    const removing = existing.filter((row) => productIds.includes(row.productId));
    if (removing.length === 0) return { removed: [] };
    await tx.campaignProduct.updateMany({ where: { id: { in: removing.map((row) => row.id) } }, data: { deletedAt: new Date(), isActive: false } });
    const before = existing.map((row) => productKey(row.product)).sort();
    const after = existing.filter((row) => !productIds.includes(row.productId)).map((row) => productKey(row.product)).sort();
    await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: campaign.id, action: 'unassign', changes: { products: { before, after } } }]);
    return { removed: removing.map((row) => row.productId) };
  });
}

export type AssignmentChange = { role?: 'main' | 'supporting' | 'trial'; priority?: number; note?: string | null };

/**
 * Changes the role (creators), priority (products) or note of one assignment. On a finished or
 * canceled campaign only the note may change: notes are part of what the team learnt.
 */
async function updateAssignment(
  prisma: PrismaClient,
  actor: Actor,
  kind: 'creator' | 'product',
  campaignId: string,
  targetId: string,
  change: AssignmentChange,
): Promise<void> {
  assertAllowed(actor, kind === 'creator' ? 'campaign.creators.assign' : 'campaign.products.assign');
  const table = kind === 'creator' ? 'campaign_creators' : 'campaign_products';
  await prisma.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId);
    const campaign = await findCampaignById(tx, campaignId);
    if (!campaign || campaign.deletedAt) throw new AppError({ code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', userMessage: 'This campaign does not exist or was deleted.' });
    const structural = kind === 'creator' ? change.role !== undefined : change.priority !== undefined;
    if (isTerminalStatus(campaign.status) && structural) {
      throw new AppError({ code: 'VALIDATION_FAILED', reason: 'CAMPAIGN_TERMINAL', userMessage: `${campaign.code} is ${campaign.status}: only notes can change.` });
    }
    const rows = kind === 'creator' ? await findCampaignCreators(tx, campaignId) : await findCampaignProducts(tx, campaignId);
    const row = rows.find((candidate) => ('creatorId' in candidate ? candidate.creatorId : candidate.productId) === targetId && !candidate.deletedAt);
    if (!row) throw new AppError({ code: 'NOT_FOUND', reason: 'NOT_ASSIGNED', userMessage: `This ${kind} is not in ${campaign.code}.` });
    const before: Record<string, unknown> = { note: row.note, ...('role' in row ? { role: row.role } : { priority: row.priority }) };
    const after: Record<string, unknown> = { ...before };
    if (change.note !== undefined) after.note = change.note;
    if (kind === 'creator' && change.role !== undefined) after.role = change.role;
    if (kind === 'product' && change.priority !== undefined) after.priority = change.priority;
    const changes = diffFields(before, after, Object.keys(before));
    if (Object.keys(changes).length === 0) return;
    if (kind === 'creator') await tx.campaignCreator.update({ where: { id: row.id }, data: { note: after.note as string | null, role: after.role as AssignmentChange['role'] } });
    else await tx.campaignProduct.update({ where: { id: row.id }, data: { note: after.note as string | null, priority: after.priority as number } });
    const label = 'creator' in row ? row.creator.creatorKey : `${row.product.brand.code}/${row.product.code}`;
    await recordAudit(tx, actor, [{ entityType: 'campaign', entityId: campaignId, action: 'update', changes: Object.fromEntries(Object.entries(changes).map(([field, value]) => [`${table}[${label}].${field}`, value])) }]);
  });
}

export function updateCreatorAssignment(prisma: PrismaClient, actor: Actor, campaignId: string, creatorId: string, change: Pick<AssignmentChange, 'role' | 'note'>): Promise<void> {
  return updateAssignment(prisma, actor, 'creator', campaignId, creatorId, change);
}

export function updateProductAssignment(prisma: PrismaClient, actor: Actor, campaignId: string, productId: string, change: Pick<AssignmentChange, 'priority' | 'note'>): Promise<void> {
  return updateAssignment(prisma, actor, 'product', campaignId, productId, change);
}

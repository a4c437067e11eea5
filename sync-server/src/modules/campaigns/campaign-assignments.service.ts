/**
 * Assigning creators and products to a campaign (000 §4.2, §4.3, §6.4, §6.5) as REST actions:
 * role or priority and a note for the whole selection, "already in this campaign" answered
 * kindly, the rest handed to the write door, which holds the rules (the assign right, the
 * blacklist for admins only, the lock of finished and canceled campaigns, what running needs),
 * the audit and the events, as for the sheet tabs and the imports.
 */
import { enumWord } from '../../contract/campaigns/sentence-words.js';
import { t } from '../../contract/i18n/translate.js';
import { getTableDefinition, type NormalisedValue } from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { applyActionChanges } from '../../write/apply-actions.js';
import type { RowChange } from '../../write/change-set.js';
import type { Actor } from '../access/actor.js';
import { assertAllowed } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { findCampaignById, findCampaignCreators, findCampaignProducts, findCreatorsByIds, findProductsByIds } from './campaigns.repository.js';
import { assignCreatorsSchema, assignProductsSchema, type AssignCreatorsInput, type AssignProductsInput } from './campaigns.schemas.js';

export type AssignmentSkip = { id: string; reason: 'ALREADY_ASSIGNED' | 'NOT_FOUND' | 'CREATOR_BLACKLISTED'; message: string };

export type AssignmentResult = {
  added: string[];
  skipped: AssignmentSkip[];
  warnings: string[];
};

const CAMPAIGN_CREATORS = getTableDefinition('campaign_creators');
const CAMPAIGN_PRODUCTS = getTableDefinition('campaign_products');

async function loadLiveCampaign(db: Db, campaignId: string) {
  const campaign = await findCampaignById(db, campaignId);
  if (!campaign || campaign.deletedAt) throw new AppError({ code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', userMessage: t('campaign.notFound') });
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

function rowsOf(values: ReadonlyArray<Record<string, NormalisedValue>>, extra: Partial<RowChange> = {}): RowChange[] {
  return values.map((row, index) => ({ rowNumber: index + 2, values: row, ...extra }));
}

/**
 * Which of the picked ids can be added: unknown ones and ones already live in the campaign are
 * answered kindly instead (the door would refuse or update them; neither is what was asked).
 */
function sortSelection<T, L>(ids: readonly string[], found: ReadonlyMap<string, T>, live: ReadonlyMap<string, L>, notFoundMessage: string, describeAssigned: (item: T, current: L) => string): AssignmentResult {
  const result: AssignmentResult = { added: [], skipped: [], warnings: [] };
  for (const id of new Set(ids)) {
    const item = found.get(id);
    const current = live.get(id);
    if (!item) result.skipped.push({ id, reason: 'NOT_FOUND', message: notFoundMessage });
    else if (current) result.skipped.push({ id, reason: 'ALREADY_ASSIGNED', message: describeAssigned(item, current) });
    else result.added.push(id);
  }
  return result;
}

export async function assignCreators(prisma: PrismaClient, actor: Actor, input: AssignCreatorsInput): Promise<AssignmentResult> {
  assertAllowed(actor, 'campaign.creators.assign');
  const data = parse(assignCreatorsSchema.safeParse(input), 'campaign_creators');
  const campaign = await loadLiveCampaign(prisma, data.campaignId);
  const existing = await findCampaignCreators(prisma, campaign.id);
  const creators = new Map((await findCreatorsByIds(prisma, data.creatorIds)).map((creator) => [creator.id, creator]));
  const live = new Map(existing.filter((row) => !row.deletedAt).map((row) => [row.creatorId, row]));
  const result = sortSelection(data.creatorIds, creators, live, t('assign.noSuchCreator'), (creator, current) =>
    t('assign.creatorAlreadyIn', { name: creator.name, code: campaign.code, role: enumWord('campaign_creator_role', current.role) }),
  );
  if (result.added.length === 0) return result;
  const { results } = await applyActionChanges(
    prisma,
    actor,
    () => [{
      table: CAMPAIGN_CREATORS,
      rows: rowsOf(result.added.map((id) => ({ campaign_code: campaign.code, creator_key: creators.get(id)!.creatorKey, role: data.role, note: data.note ?? null }))),
      auditAction: 'assign',
      auditNote: [`role ${data.role}`, data.note ? `note: ${data.note}` : null].filter(Boolean).join('; '),
    }],
    async () => undefined,
  );
  result.warnings.push(...results.flat().flatMap((row) => row.warnings));
  return result;
}

export async function unassignCreators(prisma: PrismaClient, actor: Actor, campaignId: string, creatorIds: string[]): Promise<{ removed: string[] }> {
  assertAllowed(actor, 'campaign.creators.assign');
  const campaign = await loadLiveCampaign(prisma, campaignId);
  const removing = (await findCampaignCreators(prisma, campaign.id)).filter((row) => !row.deletedAt && creatorIds.includes(row.creatorId));
  if (removing.length === 0) return { removed: [] };
  await applyActionChanges(
    prisma,
    actor,
    () => [{ table: CAMPAIGN_CREATORS, rows: rowsOf(removing.map((row) => ({ campaign_code: campaign.code, creator_key: row.creator.creatorKey })), { isDeletion: true }), auditAction: 'unassign' }],
    async () => undefined,
  );
  return { removed: removing.map((row) => row.creatorId) };
}

export async function assignProducts(prisma: PrismaClient, actor: Actor, input: AssignProductsInput): Promise<AssignmentResult> {
  assertAllowed(actor, 'campaign.products.assign');
  const data = parse(assignProductsSchema.safeParse(input), 'campaign_products');
  const campaign = await loadLiveCampaign(prisma, data.campaignId);
  const existing = await findCampaignProducts(prisma, campaign.id);
  const products = new Map((await findProductsByIds(prisma, data.productIds)).map((product) => [product.id, product]));
  const live = new Map(existing.filter((row) => !row.deletedAt).map((row) => [row.productId, row]));
  const result = sortSelection(data.productIds, products, live, t('assign.noSuchProduct'), (product, current) =>
    t('assign.productAlreadyIn', { product: `${product.brand.code}/${product.code}`, name: product.name, code: campaign.code, priority: current.priority }),
  );
  if (result.added.length === 0) return result;
  await applyActionChanges(
    prisma,
    actor,
    () => [{
      table: CAMPAIGN_PRODUCTS,
      rows: rowsOf(result.added.map((id) => ({ campaign_code: campaign.code, brand_code: products.get(id)!.brand.code, product_code: products.get(id)!.code, priority: data.priority, note: data.note ?? null }))),
      auditAction: 'assign',
      auditNote: [`priority ${data.priority}`, data.note ? `note: ${data.note}` : null].filter(Boolean).join('; '),
    }],
    async () => undefined,
  );
  return result;
}

export async function unassignProducts(prisma: PrismaClient, actor: Actor, campaignId: string, productIds: string[]): Promise<{ removed: string[] }> {
  assertAllowed(actor, 'campaign.products.assign');
  const campaign = await loadLiveCampaign(prisma, campaignId);
  const removing = (await findCampaignProducts(prisma, campaign.id)).filter((row) => !row.deletedAt && productIds.includes(row.productId));
  if (removing.length === 0) return { removed: [] };
  await applyActionChanges(
    prisma,
    actor,
    () => [{ table: CAMPAIGN_PRODUCTS, rows: rowsOf(removing.map((row) => ({ campaign_code: campaign.code, brand_code: row.product.brand.code, product_code: row.product.code })), { isDeletion: true }), auditAction: 'unassign' }],
    async () => undefined,
  );
  return { removed: removing.map((row) => row.productId) };
}

export type AssignmentChange = { role?: 'main' | 'supporting' | 'trial'; priority?: number; note?: string | null };

/**
 * Changes the role (creators), priority (products) or note of one assignment. On a finished or
 * canceled campaign the door lets only the note change: notes are part of what the team learnt.
 */
async function updateAssignment(prisma: PrismaClient, actor: Actor, kind: 'creator' | 'product', campaignId: string, targetId: string, change: AssignmentChange): Promise<void> {
  assertAllowed(actor, kind === 'creator' ? 'campaign.creators.assign' : 'campaign.products.assign');
  const campaign = await loadLiveCampaign(prisma, campaignId);
  const values: Record<string, NormalisedValue> = { campaign_code: campaign.code };
  if (kind === 'creator') {
    const row = (await findCampaignCreators(prisma, campaignId)).find((candidate) => candidate.creatorId === targetId && !candidate.deletedAt);
    if (!row) throw new AppError({ code: 'NOT_FOUND', reason: 'NOT_ASSIGNED', userMessage: t('assign.creatorNotIn', { code: campaign.code }) });
    values.creator_key = row.creator.creatorKey;
    if (change.role !== undefined) values.role = change.role;
  } else {
    const row = (await findCampaignProducts(prisma, campaignId)).find((candidate) => candidate.productId === targetId && !candidate.deletedAt);
    if (!row) throw new AppError({ code: 'NOT_FOUND', reason: 'NOT_ASSIGNED', userMessage: t('assign.productNotIn', { code: campaign.code }) });
    values.brand_code = row.product.brand.code;
    values.product_code = row.product.code;
    if (change.priority !== undefined) values.priority = change.priority;
  }
  if (change.note !== undefined) values.note = change.note;
  await applyActionChanges(prisma, actor, () => [{ table: kind === 'creator' ? CAMPAIGN_CREATORS : CAMPAIGN_PRODUCTS, rows: rowsOf([values]) }], async () => undefined);
}

export function updateCreatorAssignment(prisma: PrismaClient, actor: Actor, campaignId: string, creatorId: string, change: Pick<AssignmentChange, 'role' | 'note'>): Promise<void> {
  return updateAssignment(prisma, actor, 'creator', campaignId, creatorId, change);
}

export function updateProductAssignment(prisma: PrismaClient, actor: Actor, campaignId: string, productId: string, change: Pick<AssignmentChange, 'priority' | 'note'>): Promise<void> {
  return updateAssignment(prisma, actor, 'product', campaignId, productId, change);
}

/**
 * The campaign services as the HTTP API speaks them: campaigns, brands, owners, creators and
 * products named by their codes and keys, answers in the contract's shapes. Every rule stays in
 * the services this file calls; this file only translates keys to ids and results to payloads.
 */
import { parseBrief } from '../../contract/campaigns/campaign-brief.js';
import { checkCampaignTransition, listNextStatuses } from '../../contract/campaigns/campaign-lifecycle.js';
import { t } from '../../contract/i18n/translate.js';
import type {
  AssignCreatorsRequest,
  AssignProductsRequest,
  AssignmentResponse,
  CampaignDetail as CampaignDetailPayload,
  CampaignTransitions,
  CellValue,
  CreatorSearchQuery,
  CreatorSearchResponse,
  DuplicateResponse,
  ProductSearchQuery,
  ProductSearchResponse,
  TransitionResponse,
} from '../../contract/sync-payloads.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { visibleBrandWhere } from '../access/campaign-scope.js';
import { canSeeSpend } from '../access/money-redaction.js';
import { assertAllowed, describeRefusal, isAllowed, transitionPermission } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { assignCreators, assignProducts, unassignCreators, unassignProducts, type AssignmentResult } from './campaign-assignments.service.js';
import { getCampaignDetail } from './campaign-detail.service.js';
import { findBrandById, findBrandsByCodes, findCreatorsByKeys, findLiveCampaignByCode, findProductsByKeys, findUserById, findUsersByUsernames } from './campaign-keys.repository.js';
import { listCampaigns, type CampaignListItem, type CampaignListQuery } from './campaign-list.service.js';
import type { MetricsOptions } from './campaign-metrics.service.js';
import { pickCreators, pickProducts } from './campaign-pickers.service.js';
import type { CampaignsConfig } from './campaigns.config.js';
import type {
  CampaignFiltersQuery,
  CampaignListHttpQuery,
  CampaignListItemResponse,
  CampaignListResponse,
  CampaignWriteResponse,
  CreateCampaignRequest,
  UpdateCampaignRequest,
} from './campaigns.http-schemas.js';
import { countMappings } from './campaigns.repository.js';
import { createCampaign, duplicateCampaign, getCampaign, getCampaignHistory, softDeleteCampaign, transitionCampaign, updateCampaign, type CampaignView } from './campaigns.service.js';

/**
 * The live campaign with this code (case-insensitive), or 404 naming the code. Given the reader,
 * only among the campaigns they may see: another brand's campaign is a 404 for a client, exactly
 * like a code that does not exist, so that its existence does not leak. Every HTTP door passes it.
 */
export async function resolveCampaign(db: Db, code: string, reader?: Actor): Promise<{ id: string; code: string; status: CampaignDetailPayload['status'] }> {
  // A role with no right to campaigns at all (a station rep) is refused whatever the code.
  if (reader) assertAllowed(reader, 'campaign.view');
  const campaign = await findLiveCampaignByCode(db, code, reader ? visibleBrandWhere(reader) : undefined);
  if (!campaign) throw new AppError({ code: 'NOT_FOUND', reason: 'CAMPAIGN_NOT_FOUND', userMessage: t('campaign.notFoundCode', { code }) });
  return campaign;
}

/**
 * The list filters by brand code and owner username, as ids. `undefined` when a named brand or
 * owner does not exist: nothing can match, and saying so is clearer than an error.
 */
export async function resolveCampaignFilters(db: Db, query: CampaignFiltersQuery): Promise<Omit<CampaignListQuery, 'cursor' | 'limit'> | undefined> {
  const { brand, owner, ...rest } = query;
  const brands = brand?.length ? await findBrandsByCodes(db, brand) : undefined;
  const owners = owner?.length ? await findUsersByUsernames(db, owner) : undefined;
  if ((brands && brands.length === 0) || (owners && owners.length === 0)) return undefined;
  return { ...rest, brandIds: brands?.map((row) => row.id), ownerIds: owners?.map((row) => row.id) };
}

export function toCampaignListItemResponse(item: CampaignListItem): CampaignListItemResponse {
  return {
    code: item.code,
    name: item.name,
    brandCode: item.brand.code,
    brandName: item.brand.name,
    channel: item.channel,
    objective: item.objective,
    status: item.status as CampaignListItemResponse['status'],
    startDate: item.startDate,
    endDate: item.endDate,
    budgetPlanned: item.budgetPlanned,
    budgetActual: item.budgetActual,
    owner: item.owner?.name ?? null,
    creatorsCount: item.creatorsCount,
    productsCount: item.productsCount,
    progressPercent: item.progressPercent,
    flags: item.flags.map((flag) => ({ code: flag.code, severity: flag.severity, message: flag.reason })),
    createdAt: item.createdAt,
  };
}

export async function listCampaignsPage(db: Db, actor: Actor, query: CampaignListHttpQuery, options: MetricsOptions = {}): Promise<CampaignListResponse> {
  const { limit, cursor, ...filterQuery } = query;
  const filters = await resolveCampaignFilters(db, filterQuery);
  if (!filters) {
    assertAllowed(actor, 'campaign.view');
    return { items: [], nextCursor: null };
  }
  const page = await listCampaigns(db, actor, { ...filters, limit, cursor }, options);
  return { items: page.items.map(toCampaignListItemResponse), nextCursor: page.nextCursor };
}

/** JSON audit values as cells: lists joined, objects as JSON text. */
function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number')) return value.join(', ');
  return JSON.stringify(value);
}

/** Splits a description at its "## " headings; text before the first heading has heading "". */
function splitBrief(description: string): CampaignDetailPayload['brief'] {
  const sections: CampaignDetailPayload['brief'] = [];
  for (const block of parseBrief(description).blocks) {
    if (block.kind === 'section') {
      sections.push({ heading: block.heading.replace(/^##\s*/, '').replace(/[\s#]+$/, ''), body: block.body.trim() });
      continue;
    }
    // Text the brief convention doesn't know: its own "## " headings still start sections.
    let current: { heading: string; lines: string[] } = { heading: '', lines: [] };
    const flush = () => {
      const body = current.lines.join('\n').trim();
      if (body || current.heading) sections.push({ heading: current.heading, body });
    };
    for (const line of block.text.split('\n')) {
      const match = /^##[ \t]+(.+?)[ \t#]*$/.exec(line);
      if (match?.[1]) {
        flush();
        current = { heading: match[1], lines: [] };
      } else current.lines.push(line);
    }
    flush();
  }
  return sections;
}

/** The detail screen (000 §6.3): metrics, flags, creators with badges, products by priority, brief, history newest first. */
export async function readCampaignDetail(db: Db, actor: Actor, code: string, options: MetricsOptions = {}): Promise<CampaignDetailPayload> {
  const { id } = await resolveCampaign(db, code, actor);
  const detail = await getCampaignDetail(db, actor, id, options);
  // The agency's history of a campaign (who changed what) is for its staff; a client gets none.
  const history = isAllowed(actor, 'campaign.history.view') ? await getCampaignHistory(db, actor, id) : [];
  const campaign = detail.campaign;
  const [brand, owner] = await Promise.all([findBrandById(db, campaign.brandId), campaign.ownerId ? findUserById(db, campaign.ownerId) : null]);
  const metrics = detail.metrics;
  // Actuals stay null (a placeholder in the widget) until videos or conversions exist.
  const hasViews = !!metrics && (metrics.videosPosted > 0 || metrics.viewsLatestTotal > 0);
  const hasSales = !!metrics && (metrics.ordersAttributed > 0 || metrics.revenueAttributed > 0);
  const canSeeBudget = canSeeSpend(actor);
  return {
    code: campaign.code,
    name: campaign.name,
    brandCode: brand?.code ?? '',
    brandName: brand?.name,
    channel: campaign.channel,
    objective: campaign.objective,
    status: campaign.status,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    owner: owner ? owner.displayName || owner.username : null,
    description: campaign.description ?? '',
    progressPercent: metrics?.progressPercent ?? null,
    budget: { planned: campaign.budgetPlanned, committed: canSeeBudget ? (metrics?.budgetCommitted ?? 0) : 0, paid: canSeeBudget ? (metrics?.budgetActualPaid ?? 0) : 0 },
    kpi: {
      targets: { views: campaign.kpiView, orders: campaign.kpiOrder, revenue: campaign.kpiRevenue },
      actuals: { views: hasViews ? metrics.viewsLatestTotal : null, orders: hasSales ? metrics.ordersAttributed : null, revenue: hasSales ? metrics.revenueAttributed : null },
    },
    flags: detail.flags.map((flag) => ({ code: flag.code, severity: flag.severity, message: flag.reason })),
    creators: detail.creators.map((creator) => ({
      creatorKey: creator.creatorKey,
      name: creator.name,
      role: creator.role as CampaignDetailPayload['creators'][number]['role'],
      note: creator.note ?? '',
      status: creator.status,
    })),
    products: detail.products.map((product) => {
      const [brandCode = '', productCode = ''] = product.key.split('/');
      return { brandCode, productCode, name: product.name, priority: product.priority, note: product.note ?? '' };
    }),
    brief: splitBrief(campaign.description ?? ''),
    history: history.map((entry) => ({
      at: entry.at,
      actor: entry.actorLabel,
      action: entry.action,
      changes: Object.fromEntries(Object.entries(entry.changes).map(([field, change]) => [field, { from: toCell(change.before), to: toCell(change.after) }])),
    })),
  };
}

/** The statuses the campaign can move to now, and for each next status that is blocked every reason (rules and role). */
export async function planCampaignTransitions(db: Db, actor: Actor, code: string, config: CampaignsConfig): Promise<CampaignTransitions> {
  const { id } = await resolveCampaign(db, code, actor);
  const campaign = await getCampaign(db, actor, id);
  const counts = await countMappings(db, id);
  const facts = { status: campaign.status, startDate: campaign.startDate, endDate: campaign.endDate, creatorsCount: counts.creators, productsCount: counts.products, description: campaign.description };
  const result: CampaignTransitions = { current: campaign.status, allowed: [], blocked: [] };
  for (const to of listNextStatuses(campaign.status)) {
    const check = checkCampaignTransition(facts, to, config);
    const reasons: CampaignTransitions['blocked'][number]['reasons'] = check.violations.map((violation) => ({ code: violation.code, message: violation.message }));
    if (check.action && !isAllowed(actor, transitionPermission(check.action))) {
      reasons.unshift({ code: 'PERMISSION_DENIED', message: describeRefusal(actor, transitionPermission(check.action)) });
    }
    if (reasons.length === 0) result.allowed.push(to);
    else result.blocked.push({ to, reasons });
  }
  return result;
}

export async function transitionCampaignByCode(prisma: PrismaClient, actor: Actor, code: string, to: TransitionResponse['status'], note: string | undefined, config: CampaignsConfig): Promise<TransitionResponse> {
  const campaign = await resolveCampaign(prisma, code, actor);
  const updated = await transitionCampaign(prisma, actor, campaign.id, to, { note, config });
  return { code: updated.code, from: campaign.status, status: updated.status };
}

export async function duplicateCampaignByCode(prisma: PrismaClient, actor: Actor, code: string): Promise<DuplicateResponse> {
  const campaign = await resolveCampaign(prisma, code, actor);
  const copy = await duplicateCampaign(prisma, actor, campaign.id);
  return { code: copy.code, name: copy.name, duplicatedFrom: campaign.code, ...(copy.leftOut.length ? { leftOut: copy.leftOut } : {}), ...(copy.warnings.length ? { warnings: copy.warnings } : {}) };
}

// ── Create, edit, delete ─────────────────────────────────────────────────────────────

type CampaignKeys = { brandCode?: string; ownerUsername?: string | null };

/** Brand code and owner username as the ids the services take; an unknown one is a 422 naming its field. */
async function resolveCampaignKeys(db: Db, keys: CampaignKeys): Promise<{ brandId?: string; ownerId?: string | null }> {
  const ids: { brandId?: string; ownerId?: string | null } = {};
  const problems: FieldProblem[] = [];
  if (keys.brandCode !== undefined) {
    const brand = (await findBrandsByCodes(db, [keys.brandCode])).find((row) => row.code.toLowerCase() === keys.brandCode!.toLowerCase());
    if (brand) ids.brandId = brand.id;
    else problems.push({ table: 'campaigns', column: 'brandCode', value: keys.brandCode, message: t('campaign.noSuchBrand') });
  }
  if (keys.ownerUsername === null) ids.ownerId = null;
  else if (keys.ownerUsername !== undefined) {
    const owner = (await findUsersByUsernames(db, [keys.ownerUsername])).find((row) => row.username.toLowerCase() === keys.ownerUsername!.toLowerCase());
    if (owner) ids.ownerId = owner.id;
    else problems.push({ table: 'campaigns', column: 'ownerUsername', value: keys.ownerUsername, message: t('campaign.noSuchOwner') });
  }
  if (problems.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', reason: 'UNKNOWN_REFERENCE', userMessage: problems.map((problem) => problem.message).join(' '), problems });
  return ids;
}

async function toWriteResponse(db: Db, actor: Actor, view: CampaignView, options: MetricsOptions): Promise<CampaignWriteResponse> {
  return { ...(await readCampaignDetail(db, actor, view.code, options)), rowVersion: view.rowVersion };
}

/** A new campaign, always a draft (planning it is a status move with its own rules). */
export async function createCampaignFromRequest(prisma: PrismaClient, actor: Actor, request: CreateCampaignRequest, options: MetricsOptions & { config?: CampaignsConfig } = {}): Promise<CampaignWriteResponse> {
  const { brandCode, ownerUsername, ...fields } = request;
  const ids = await resolveCampaignKeys(prisma, { brandCode, ownerUsername });
  const view = await createCampaign(prisma, actor, { ...fields, brandId: ids.brandId ?? '', ...(ids.ownerId !== undefined ? { ownerId: ids.ownerId } : {}), status: 'draft' }, options.config);
  return toWriteResponse(prisma, actor, view, options);
}

/** Edits the fields given, bound to expectedRowVersion or else to the version just read. */
export async function updateCampaignByCode(prisma: PrismaClient, actor: Actor, code: string, request: UpdateCampaignRequest, options: MetricsOptions & { config?: CampaignsConfig } = {}): Promise<CampaignWriteResponse> {
  const { brandCode, ownerUsername, expectedRowVersion, status: _status, ...fields } = request;
  const { id } = await resolveCampaign(prisma, code, actor);
  const current = await getCampaign(prisma, actor, id);
  const ids = await resolveCampaignKeys(prisma, { brandCode, ownerUsername });
  const view = await updateCampaign(prisma, actor, id, { ...fields, ...ids, expectedRowVersion: expectedRowVersion ?? current.rowVersion }, options.config);
  return toWriteResponse(prisma, actor, view, options);
}

export async function deleteCampaignByCode(prisma: PrismaClient, actor: Actor, code: string, note: string | undefined): Promise<void> {
  const { id } = await resolveCampaign(prisma, code, actor);
  await softDeleteCampaign(prisma, actor, id, { note });
}

/** Takes a creator off a campaign; the door refuses it when the campaign's status needs them. */
export async function unassignCreatorByKey(prisma: PrismaClient, actor: Actor, code: string, creatorKey: string): Promise<void> {
  const campaign = await resolveCampaign(prisma, code, actor);
  const [creator] = await findCreatorsByKeys(prisma, [creatorKey]);
  if (!creator) throw new AppError({ code: 'NOT_FOUND', reason: 'CREATOR_NOT_FOUND', userMessage: t('assign.noSuchKey', { key: creatorKey }) });
  const { removed } = await unassignCreators(prisma, actor, campaign.id, [creator.id]);
  if (removed.length === 0) throw new AppError({ code: 'NOT_FOUND', reason: 'NOT_ASSIGNED', userMessage: t('assign.creatorNotIn', { code: campaign.code }) });
}

export async function unassignProductByKey(prisma: PrismaClient, actor: Actor, code: string, key: { brandCode: string; productCode: string }): Promise<void> {
  const campaign = await resolveCampaign(prisma, code, actor);
  const [product] = await findProductsByKeys(prisma, [key]);
  if (!product) throw new AppError({ code: 'NOT_FOUND', reason: 'PRODUCT_NOT_FOUND', userMessage: t('assign.noSuchKey', { key: `${key.brandCode}/${key.productCode}` }) });
  const { removed } = await unassignProducts(prisma, actor, campaign.id, [product.id]);
  if (removed.length === 0) throw new AppError({ code: 'NOT_FOUND', reason: 'NOT_ASSIGNED', userMessage: t('assign.productNotIn', { code: campaign.code }) });
}

function toAssignmentResponse(code: string, result: AssignmentResult, keyOf: (id: string) => string, missing: string[]): AssignmentResponse {
  return {
    code,
    added: result.added.map(keyOf),
    skipped: [
      ...missing.map((key) => ({ key, reason: 'NOT_FOUND', message: t('assign.noSuchKey', { key }) })),
      ...result.skipped.map((skip) => ({ key: keyOf(skip.id), reason: skip.reason, message: skip.message })),
    ],
    warnings: result.warnings,
  };
}

export async function assignCreatorsByKey(prisma: PrismaClient, actor: Actor, code: string, request: AssignCreatorsRequest): Promise<AssignmentResponse> {
  const campaign = await resolveCampaign(prisma, code, actor);
  const creators = await findCreatorsByKeys(prisma, request.creatorKeys);
  const keyById = new Map(creators.map((creator) => [creator.id, creator.creatorKey]));
  const known = new Set(creators.map((creator) => creator.creatorKey));
  const missing = [...new Set(request.creatorKeys.filter((key) => !known.has(key)))];
  if (creators.length === 0) return toAssignmentResponse(campaign.code, { added: [], skipped: [], warnings: [] }, String, missing);
  const result = await assignCreators(prisma, actor, { campaignId: campaign.id, creatorIds: creators.map((creator) => creator.id), role: request.role, note: request.note });
  return toAssignmentResponse(campaign.code, result, (id) => keyById.get(id) ?? id, missing);
}

export async function assignProductsByKey(prisma: PrismaClient, actor: Actor, code: string, request: AssignProductsRequest): Promise<AssignmentResponse> {
  const campaign = await resolveCampaign(prisma, code, actor);
  const products = await findProductsByKeys(prisma, request.products);
  const keyById = new Map(products.map((product) => [product.id, `${product.brand.code}/${product.code}`]));
  const known = new Set(keyById.values());
  const missing = [...new Set(request.products.map((key) => `${key.brandCode}/${key.productCode}`).filter((key) => !known.has(key)))];
  if (products.length === 0) return toAssignmentResponse(campaign.code, { added: [], skipped: [], warnings: [] }, String, missing);
  const result = await assignProducts(prisma, actor, { campaignId: campaign.id, productIds: products.map((product) => product.id), priority: request.priority, note: request.note });
  return toAssignmentResponse(campaign.code, result, (id) => keyById.get(id) ?? id, missing);
}

const commaList = (value: string | undefined) => value?.split(',').map((part) => part.trim()).filter(Boolean);

export async function searchCreators(db: Db, actor: Actor, query: CreatorSearchQuery): Promise<CreatorSearchResponse> {
  const page = await pickCreators(db, actor, {
    search: query.search,
    statuses: query.status ? [query.status] : undefined,
    tags: commaList(query.tag),
    followersMin: query.followersMin,
    followersMax: query.followersMax,
    avgViewsMin: query.avgViewsMin,
    avgViewsMax: query.avgViewsMax,
    location: query.location,
    niche: query.niche,
    limit: query.limit,
    cursor: query.cursor,
  });
  return {
    creators: page.items.map((item) => ({
      creatorKey: item.creatorKey,
      name: item.name,
      alias: item.alias,
      status: item.status,
      tags: item.tags,
      location: item.location,
      niche: item.niche,
      followers: item.followers,
      avgViews: item.avgViews,
      mainChannel: item.mainChannel,
      scorecard: item.scorecard,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function searchProducts(db: Db, actor: Actor, query: ProductSearchQuery): Promise<ProductSearchResponse> {
  const brandCodes = commaList(query.brand);
  const brands = brandCodes?.length ? await findBrandsByCodes(db, brandCodes) : undefined;
  if (brands && brands.length === 0) {
    assertAllowed(actor, 'campaign.products.assign');
    return { products: [], nextCursor: null };
  }
  const page = await pickProducts(db, actor, { search: query.search, brandIds: brands?.map((brand) => brand.id), categories: commaList(query.category), limit: query.limit, cursor: query.cursor });
  return { products: page.items.map((item) => ({ brandCode: item.brand.code, productCode: item.code, name: item.name, category: item.category })), nextCursor: page.nextCursor };
}

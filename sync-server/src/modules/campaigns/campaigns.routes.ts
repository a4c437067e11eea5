import { Router } from 'express';
import { z } from 'zod';
import {
  assignCreatorsRequestSchema,
  assignmentResponseSchema,
  assignProductsRequestSchema,
  campaignDetailSchema,
  campaignTransitionsSchema,
  creatorSearchQuerySchema,
  creatorSearchResponseSchema,
  duplicateResponseSchema,
  productSearchQuerySchema,
  productSearchResponseSchema,
  transitionRequestSchema,
  transitionResponseSchema,
} from '../../contract/sync-payloads.js';
import { getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import type { Database } from '../../platform/database/open-database.js';
import { createSnapshotCache, readCurrentSnapshot } from '../../platform/database/snapshot-cache.js';
import { createAdmissionGate } from '../../platform/http/admission-gate.js';
import { encodeJson, sendEncodedJson } from '../../platform/http/encoded-json.js';
import { busyResponse, errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { campaignScopeKey } from '../access/campaign-scope.js';
import { canSeeSpend } from '../access/money-redaction.js';
import { assertAllowed } from '../access/permissions.js';
import { getActor, getRequestSnapshot } from '../auth/authenticate.js';
import {
  assignCreatorsByKey,
  assignProductsByKey,
  createCampaignFromRequest,
  deleteCampaignByCode,
  duplicateCampaignByCode,
  listCampaignsPage,
  planCampaignTransitions,
  readCampaignDetail,
  searchCreators,
  searchProducts,
  transitionCampaignByCode,
  unassignCreatorByKey,
  unassignProductByKey,
  updateCampaignByCode,
} from './campaign-api.service.js';
import { loadCampaignsConfig, todayIn } from './campaigns.config.js';
import {
  campaignCodeParamsSchema,
  campaignCreatorParamsSchema,
  campaignListQueryHttpSchema,
  campaignListResponseSchema,
  campaignProductParamsSchema,
  campaignWriteResponseSchema,
  createCampaignRequestSchema,
  deleteCampaignRequestSchema,
  updateCampaignRequestSchema,
} from './campaigns.http-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const notFound = errorResponse('No campaign has this code.');
const forbidden = errorResponse('Your role may not make this change; detail says which right it needs.');
const invalid = errorResponse('A value is not valid or a rule refuses the result; errors names each field.');
const conflict = errorResponse('Someone changed the campaign since you read it (STALE_ROW_VERSION), the code is taken (CODE_TAKEN), or linked data keeps it (HAS_BOOKINGS).');
const noContent = { description: 'Done; nothing to send back.' };
const requestBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['Campaigns'];

function documentCampaignRoutes(documentation: ApiDocumentation): void {
  documentation.register({
    method: 'get',
    path: '/api/v1/campaigns',
    operationId: 'listCampaigns',
    summary: 'List campaigns',
    description: 'The campaign list: search, filters, sort, keyset pagination; each row with counts, budget planned vs actual and health flags.',
    tags,
    request: { query: campaignListQueryHttpSchema },
    responses: { 200: json(campaignListResponseSchema, 'One page of campaigns'), 503: busyResponse },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/campaigns/{code}',
    operationId: 'getCampaign',
    summary: 'Get one campaign',
    description: 'The campaign detail: metrics, flags, creators with status badges, products by priority, brief sections, history newest first.',
    tags,
    request: { params: campaignCodeParamsSchema },
    responses: { 200: json(campaignDetailSchema, 'The campaign'), 404: notFound },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/campaigns',
    operationId: 'createCampaign',
    summary: 'Create a campaign',
    description: 'Creates a draft campaign for a brand (by brand code), owned by ownerUsername or else by the caller. The same rules as a new row pushed from the sheet: planners create (a lead may propose budgetPlanned here; changing it later needs an admin), codes are unique whatever their case.',
    tags,
    request: { body: requestBody(createCampaignRequestSchema) },
    responses: { 201: json(campaignWriteResponseSchema, 'The new draft, with its rowVersion'), 403: forbidden, 409: conflict, 422: invalid },
  });
  documentation.register({
    method: 'patch',
    path: '/api/v1/campaigns/{code}',
    operationId: 'updateCampaign',
    summary: 'Edit a campaign',
    description: 'Changes the fields given, as a sheet push of that row would: budgets need an admin, KPIs a planner; a finished or canceled campaign only takes a new description. The status is not edited here (422 naming status): use the transition route.',
    tags,
    request: { params: campaignCodeParamsSchema, body: requestBody(updateCampaignRequestSchema) },
    responses: { 200: json(campaignWriteResponseSchema, 'The campaign as changed, with its new rowVersion'), 403: forbidden, 404: notFound, 409: conflict, 422: invalid },
  });
  documentation.register({
    method: 'delete',
    path: '/api/v1/campaigns/{code}',
    operationId: 'deleteCampaign',
    summary: 'Delete a campaign',
    description: 'Soft delete (admins): the campaign leaves every list, its history stays. A campaign with bookings, videos, payments or tracking codes stays (409 HAS_BOOKINGS or HAS_LINKED_DATA, with what keeps it).',
    tags,
    request: { params: campaignCodeParamsSchema, body: { required: false, ...requestBody(deleteCampaignRequestSchema) } },
    responses: { 204: noContent, 403: forbidden, 404: notFound, 409: conflict },
  });
  documentation.register({
    method: 'delete',
    path: '/api/v1/campaigns/{code}/creators/{creatorKey}',
    operationId: 'removeCampaignCreator',
    summary: 'Remove a creator from a campaign',
    description: 'Takes the creator off the campaign (the mapping is soft deleted and audited). Refused with 422 when the campaign is running or paused and this is its last creator, and on a finished or canceled campaign.',
    tags,
    request: { params: campaignCreatorParamsSchema },
    responses: { 204: noContent, 403: forbidden, 404: errorResponse('No campaign has this code, no creator this key, or the creator is not in the campaign.'), 422: invalid },
  });
  documentation.register({
    method: 'delete',
    path: '/api/v1/campaigns/{code}/products/{brandCode}/{productCode}',
    operationId: 'removeCampaignProduct',
    summary: 'Remove a product from a campaign',
    description: 'Takes the product off the campaign (the mapping is soft deleted and audited). Refused with 422 when the campaign\'s status needs it, and on a finished or canceled campaign.',
    tags,
    request: { params: campaignProductParamsSchema },
    responses: { 204: noContent, 403: forbidden, 404: errorResponse('No campaign has this code, no product this key, or the product is not in the campaign.'), 422: invalid },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/campaigns/{code}/transitions',
    operationId: 'listCampaignTransitions',
    summary: 'List the statuses a campaign can move to',
    description: 'The statuses the campaign can move to now, and for each blocked next status every reason.',
    tags,
    request: { params: campaignCodeParamsSchema },
    responses: { 200: json(campaignTransitionsSchema, 'Allowed and blocked transitions'), 404: notFound },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/campaigns/{code}/transition',
    operationId: 'transitionCampaign',
    summary: 'Move a campaign to another status',
    description: 'Moves the campaign to another status. A refused move answers 422 with every reason in errors; code is the first reason (MISSING_CREATOR, POSTMORTEM_MISSING, …).',
    tags,
    request: { params: campaignCodeParamsSchema, body: { content: { 'application/json': { schema: transitionRequestSchema } } } },
    responses: { 200: json(transitionResponseSchema, 'The campaign moved'), 404: notFound },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/campaigns/{code}/duplicate',
    operationId: 'duplicateCampaign',
    summary: 'Copy a campaign as a draft',
    description: 'Copies the campaign as a draft (basic info, brief without postmortem, KPIs, budget, products, creators; dates cleared).',
    tags,
    request: { params: campaignCodeParamsSchema },
    responses: { 201: json(duplicateResponseSchema, 'The new draft'), 404: notFound },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/campaigns/{code}/creators',
    operationId: 'addCampaignCreators',
    summary: 'Add creators to a campaign',
    description: 'Adds creators by key with one role and note. Watchlist creators come with a warning; blacklisted ones only an admin may add (403 otherwise).',
    tags,
    request: { params: campaignCodeParamsSchema, body: { content: { 'application/json': { schema: assignCreatorsRequestSchema } } } },
    responses: { 200: json(assignmentResponseSchema, 'Added, skipped (with why) and warnings'), 404: notFound },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/campaigns/{code}/products',
    operationId: 'addCampaignProducts',
    summary: 'Add products to a campaign',
    description: 'Adds products by brand and product code with one priority and note.',
    tags,
    request: { params: campaignCodeParamsSchema, body: { content: { 'application/json': { schema: assignProductsRequestSchema } } } },
    responses: { 200: json(assignmentResponseSchema, 'Added, skipped (with why) and warnings'), 404: notFound },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/creators',
    operationId: 'searchCreators',
    summary: 'Search creators',
    description: 'The creator picker: search and filter creators to add to a campaign (planners).',
    tags: ['Pickers'],
    request: { query: creatorSearchQuerySchema },
    responses: { 200: json(creatorSearchResponseSchema, 'One page of creators') },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/products',
    operationId: 'searchProducts',
    summary: 'Search products',
    description: 'The product picker: search products by name or code, filter by brand and category (planners).',
    tags: ['Pickers'],
    request: { query: productSearchQuerySchema },
    responses: { 200: json(productSearchResponseSchema, 'One page of products') },
  });
}

/** Campaign actions of the detail screen and the sidebar, and the pickers that feed them. */
export function createCampaignsRouter(database: Database, documentation: ApiDocumentation, { listCacheEntries }: { listCacheEntries: number }): Router {
  documentCampaignRoutes(documentation);
  const config = loadCampaignsConfig();
  const options = { config };
  const prisma = database.prisma;
  const router = Router();
  // List pages as sent, per database snapshot: readers between two writes share one computation.
  const listCache = createSnapshotCache(listCacheEntries);
  // A page that must be computed (no cached copy under this snapshot) is about 15 ms of database
  // work: a few at a time in arrival order, so that a burst of them queues fairly instead of
  // crowding the pool (bench:api with the cache off at 150 connections: p95 7.2 s and 38
  // timeouts without the gate, 2.8 s and none with it).
  const listComputeGate = createAdmissionGate({ concurrency: 4, maxQueued: 1000, busyMessage: () => t('http.busy') });

  router.get('/campaigns', async (request, response) => {
    const query = campaignListQueryHttpSchema.parse(request.query);
    const actor = getActor(response);
    assertAllowed(actor, 'campaign.view');
    // Everything the answer depends on besides the data: the tenant, the campaigns this reader
    // may see (a client's brands), the query, the day (deadline flags), whether this reader
    // may see budgets, and the language the flag reasons are written in. Readers that agree on
    // all share one body.
    const key = JSON.stringify([actor.tenantId ?? '', campaignScopeKey(actor), query, todayIn(config.timeZone), canSeeSpend(actor), getCurrentLanguage()]);
    const snapshot = getRequestSnapshot(response) ?? (await readCurrentSnapshot(database.sql));
    const body = await listCache.read(snapshot, key, () => listComputeGate.run(async () => encodeJson(await listCampaignsPage(prisma, actor, query, options))));
    sendEncodedJson(request, response, body);
  });
  router.post('/campaigns', async (request, response) => {
    const body = createCampaignRequestSchema.parse(request.body);
    response.status(201).json(await createCampaignFromRequest(prisma, getActor(response), body, options));
  });
  router.patch('/campaigns/:code', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    const body = updateCampaignRequestSchema.parse(request.body);
    response.json(await updateCampaignByCode(prisma, getActor(response), code, body, options));
  });
  router.delete('/campaigns/:code', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    const body = deleteCampaignRequestSchema.parse(request.body ?? {});
    await deleteCampaignByCode(prisma, getActor(response), code, body.note);
    response.status(204).end();
  });
  router.delete('/campaigns/:code/creators/:creatorKey', async (request, response) => {
    const { code, creatorKey } = campaignCreatorParamsSchema.parse(request.params);
    await unassignCreatorByKey(prisma, getActor(response), code, creatorKey);
    response.status(204).end();
  });
  router.delete('/campaigns/:code/products/:brandCode/:productCode', async (request, response) => {
    const { code, brandCode, productCode } = campaignProductParamsSchema.parse(request.params);
    await unassignProductByKey(prisma, getActor(response), code, { brandCode, productCode });
    response.status(204).end();
  });
  router.get('/campaigns/:code', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    response.json(await readCampaignDetail(prisma, getActor(response), code, options));
  });
  router.get('/campaigns/:code/transitions', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    response.json(await planCampaignTransitions(prisma, getActor(response), code, config));
  });
  router.post('/campaigns/:code/transition', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    const body = transitionRequestSchema.parse(request.body);
    response.json(await transitionCampaignByCode(prisma, getActor(response), code, body.to, body.note, config));
  });
  router.post('/campaigns/:code/duplicate', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    response.status(201).json(await duplicateCampaignByCode(prisma, getActor(response), code));
  });
  router.post('/campaigns/:code/creators', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    const body = assignCreatorsRequestSchema.parse(request.body);
    response.json(await assignCreatorsByKey(prisma, getActor(response), code, body));
  });
  router.post('/campaigns/:code/products', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    const body = assignProductsRequestSchema.parse(request.body);
    response.json(await assignProductsByKey(prisma, getActor(response), code, body));
  });

  router.get('/creators', async (request, response) => {
    const query = creatorSearchQuerySchema.parse(request.query);
    response.json(await searchCreators(prisma, getActor(response), query));
  });
  router.get('/products', async (request, response) => {
    const query = productSearchQuerySchema.parse(request.query);
    response.json(await searchProducts(prisma, getActor(response), query));
  });
  return router;
}

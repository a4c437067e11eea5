import { Router } from 'express';
import { t } from '../../contract/i18n/translate.js';
import type { Database } from '../../platform/database/open-database.js';
import { createAdmissionGate, heldPlace, type AdmissionGate } from '../../platform/http/admission-gate.js';
import { busyResponse, errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { pushRequestSchema, pushResponseSchema } from '../../contract/sync-payloads.js';
import { loadCampaignsConfig } from '../campaigns/campaigns.config.js';
import { pullRows, parseCursor, resolvePullTables } from './sync-pull.service.js';
import { pushRows } from './sync-push.service.js';
import { pullQuerySchema, pullResponseWithPagingSchema } from './sync.schemas.js';

/**
 * The gate pushes wait at. The app mounts its `holdPlace` before any body is parsed, so a push
 * that finds the server full is refused before its rows are read.
 */
export function createPushGate(pushAdmission: { concurrency: number; maxQueued: number; maxWaitSeconds?: number }): AdmissionGate {
  return createAdmissionGate({
    concurrency: pushAdmission.concurrency,
    maxQueued: pushAdmission.maxQueued,
    maxWaitMs: pushAdmission.maxWaitSeconds === undefined ? undefined : pushAdmission.maxWaitSeconds * 1000,
    busyMessage: () => t('http.pushBusy'),
  });
}

export function createSyncRouter(database: Database, documentation: ApiDocumentation, pushGate: AdmissionGate): Router {
  documentation.register({
    method: 'get',
    path: '/api/v1/sync/pull',
    operationId: 'pullSheetRows',
    summary: 'Pull the rows of the sheet tabs',
    description: 'Rows of the sheet tabs with their computed columns: everything, or what changed since a cursor.',
    tags: ['Sheet sync'],
    request: { query: pullQuerySchema },
    responses: { 200: { description: 'Rows and the next cursor', content: { 'application/json': { schema: pullResponseWithPagingSchema } } } },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/sync/push',
    operationId: 'pushSheetRows',
    summary: 'Push the rows of the sheet tabs',
    description: 'Rows of one or more tabs, validated and written in one transaction (or only checked with dryRun). Stale rows come back as conflicts with the server values.',
    tags: ['Sheet sync'],
    request: { body: { content: { 'application/json': { schema: pushRequestSchema } } } },
    responses: {
      200: { description: 'Per-row results; applied is false when any row has an error or for a dry run', content: { 'application/json': { schema: pushResponseSchema } } },
      409: errorResponse('The idempotency key was used for a different push.'),
      503: { ...busyResponse, description: 'Too many pushes are already waiting: nothing was applied; send it again (same idempotency key) after Retry-After seconds.' },
    },
  });
  const campaignsConfig = loadCampaignsConfig();
  const router = Router();
  router.post('/sync/push', async (request, response) => {
    const body = pushRequestSchema.parse(request.body);
    const actor = getActor(response);
    response.json(await pushGate.run(() => pushRows(database.prisma, actor, body, campaignsConfig, database.bulkTransaction), heldPlace(response)));
  });
  router.get('/sync/pull', async (request, response) => {
    const query = pullQuerySchema.parse(request.query);
    response.json(await pullRows(database.prisma, getActor(response), resolvePullTables(query.tables), parseCursor(query.since)));
  });
  return router;
}

import { Router } from 'express';
import type { Database } from '../../platform/database/open-database.js';
import { createAdmissionGate } from '../../platform/http/admission-gate.js';
import type { ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { pushRequestSchema, pushResponseSchema } from '../../contract/sync-payloads.js';
import { loadCampaignsConfig } from '../campaigns/campaigns.config.js';
import { pullRows, parseCursor, resolvePullTables } from './sync-pull.service.js';
import { pushRows } from './sync-push.service.js';
import { pullQuerySchema, pullResponseWithPagingSchema } from './sync.schemas.js';

export function createSyncRouter(database: Database, documentation: ApiDocumentation, pushAdmission: { concurrency: number; maxQueued: number }): Router {
  documentation.register({
    method: 'get',
    path: '/api/v1/sync/pull',
    summary: 'Rows of the sheet tabs with their computed columns: everything, or what changed since a cursor.',
    tags: ['Sheet sync'],
    request: { query: pullQuerySchema },
    responses: { 200: { description: 'Rows and the next cursor', content: { 'application/json': { schema: pullResponseWithPagingSchema } } } },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/sync/push',
    summary: 'Rows of one or more tabs, validated and written in one transaction (or only checked with dryRun). Stale rows come back as conflicts with the server values.',
    tags: ['Sheet sync'],
    request: { body: { content: { 'application/json': { schema: pushRequestSchema } } } },
    responses: {
      200: { description: 'Per-row results; applied is false when any row has an error or for a dry run', content: { 'application/json': { schema: pushResponseSchema } } },
      409: { description: 'The idempotency key was used for a different push' },
      503: { description: 'Too many pushes are already waiting: nothing was applied; send it again (same idempotency key) after Retry-After seconds' },
    },
  });
  const campaignsConfig = loadCampaignsConfig();
  const pushGate = createAdmissionGate({
    ...pushAdmission,
    busyMessage: 'The server is busy with other people’s pushes, so yours was not applied yet. It is sent again automatically in a moment; nothing is lost.',
  });
  const router = Router();
  router.post('/sync/push', async (request, response) => {
    const body = pushRequestSchema.parse(request.body);
    const actor = getActor(response);
    response.json(await pushGate.run(() => pushRows(database.prisma, actor, body, campaignsConfig, database.bulkTransaction)));
  });
  router.get('/sync/pull', async (request, response) => {
    const query = pullQuerySchema.parse(request.query);
    response.json(await pullRows(database.prisma, getActor(response), resolvePullTables(query.tables), parseCursor(query.since)));
  });
  return router;
}

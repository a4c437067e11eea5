import { Router } from 'express';
import type { Database } from '../../platform/database/open-database.js';
import type { ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { overviewQuerySchema, overviewResponseSchema } from './reports.schemas.js';
import { buildOverview } from './reports.service.js';

export function createReportsRouter(database: Database, documentation: ApiDocumentation): Router {
  documentation.register({
    method: 'get',
    path: '/api/v1/reports/overview',
    operationId: 'getReportsOverview',
    summary: 'Get the overview report',
    description: 'Campaigns by status; budget planned vs committed vs paid by brand and by month; top creators by views and revenue; flag counts.',
    tags: ['Reports'],
    request: { query: overviewQuerySchema },
    responses: { 200: { description: 'The overview', content: { 'application/json': { schema: overviewResponseSchema } } } },
  });
  const router = Router();
  router.get('/reports/overview', async (request, response) => {
    const query = overviewQuerySchema.parse(request.query);
    response.json(await buildOverview(database.prisma, getActor(response), query));
  });
  return router;
}

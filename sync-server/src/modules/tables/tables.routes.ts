import { Router } from 'express';
import { tablesResponseSchema } from '../../contract/sync-payloads.js';
import type { ApiDocumentation } from '../../platform/http/openapi.js';
import { listTablePayloads } from './tables.service.js';

export function createTablesRouter(documentation: ApiDocumentation): Router {
  documentation.register({
    method: 'get',
    path: '/api/v1/tables',
    operationId: 'listTables',
    summary: 'List the sheet tabs',
    description: 'The sheet tabs: columns, types, enums, natural keys and read-only computed columns of every template table.',
    tags: ['Sheet sync'],
    responses: { 200: { description: 'Tab definitions', content: { 'application/json': { schema: tablesResponseSchema } } } },
  });
  const router = Router();
  router.get('/tables', (_request, response) => {
    response.json(listTablePayloads());
  });
  return router;
}

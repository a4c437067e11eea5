import { Router } from 'express';
import type { Database } from '../../platform/database/open-database.js';
import { checkHealth } from './health.service.js';

export function createHealthRouter(database: Database): Router {
  const router = Router();
  router.get('/healthz', async (_request, response) => {
    const report = await checkHealth(database);
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}

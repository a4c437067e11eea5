import express, { Router, type Express } from 'express';
import type { ServerConfig } from './config.js';
import { createAuthenticator } from './modules/auth/authenticate.js';
import { createCampaignsRouter } from './modules/campaigns/campaigns.routes.js';
import { createDocsRouter } from './modules/docs/docs.routes.js';
import { createExportsRouter } from './modules/exports/exports.routes.js';
import { createHealthRouter } from './modules/health/health.routes.js';
import { createImportsRouter } from './modules/imports/imports.routes.js';
import { createReportsRouter } from './modules/reports/reports.routes.js';
import { createSyncRouter } from './modules/sync/sync.routes.js';
import { createTablesRouter } from './modules/tables/tables.routes.js';
import type { Database } from './platform/database/open-database.js';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { ApiDocumentation } from './platform/http/openapi.js';
import { requestLogger } from './platform/http/request-logger.js';
import { createCors, createRateLimit, securityHeaders } from './platform/http/security.js';

export type AppDependencies = {
  database: Database;
  config: Pick<ServerConfig, 'bodyLimit' | 'auth' | 'corsAllowedOrigins' | 'campaignListCacheEntries' | 'pushAdmission'>;
};

/** The Express application: routes of every feature module, then the one error handler. */
export function createApp({ database, config }: AppDependencies): Express {
  const app = express();
  const documentation = new ApiDocumentation();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(requestLogger);
  app.use(securityHeaders);
  app.use(createCors(config.corsAllowedOrigins));
  app.use(express.json({ limit: config.bodyLimit }));

  app.use(createHealthRouter(database));

  const api = Router();
  api.use(createAuthenticator(database, config.auth));
  api.use(createRateLimit(config.auth.rateLimitPerMinute));
  api.use(createTablesRouter(documentation));
  api.use(createReportsRouter(database, documentation));
  api.use(createSyncRouter(database, documentation, config.pushAdmission));
  api.use(createExportsRouter(database, documentation));
  api.use(createCampaignsRouter(database, documentation, { listCacheEntries: config.campaignListCacheEntries }));
  api.use(createImportsRouter(database, documentation, config.bodyLimit));
  app.use('/api/v1', api);

  app.use(createDocsRouter(documentation));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

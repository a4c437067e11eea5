import express, { Router, type Express } from 'express';
import type { ServerConfig } from './config.js';
import { createAuthenticator, reenterActorTenant } from './modules/auth/authenticate.js';
import { createFailedSignIns } from './modules/auth/failed-sign-ins.js';
import { createBookingsRouter } from './modules/bookings/bookings.routes.js';
import { createCampaignsRouter } from './modules/campaigns/campaigns.routes.js';
import { createCreatorsRouter } from './modules/creators/creators.routes.js';
import { createDocsRouter } from './modules/docs/docs.routes.js';
import { createExportsRouter } from './modules/exports/exports.routes.js';
import { createHealthRouter } from './modules/health/health.routes.js';
import { createImportsRouter } from './modules/imports/imports.routes.js';
import { createPersonalDataRouter } from './modules/personal-data/personal-data.routes.js';
import { createReportsRouter } from './modules/reports/reports.routes.js';
import { createPushGate, createSyncRouter } from './modules/sync/sync.routes.js';
import { createTablesRouter } from './modules/tables/tables.routes.js';
import { createUsersRouter } from './modules/users/users.routes.js';
import type { Database } from './platform/database/open-database.js';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { ApiDocumentation } from './platform/http/openapi.js';
import { refuseUnstorableText } from './platform/http/refuse-unstorable-text.js';
import { enterAskedLanguage } from './platform/i18n/request-language.js';
import { requestLogger } from './platform/http/request-logger.js';
import { createCors, createRateLimit, securityHeaders } from './platform/http/security.js';
import type { SharedStore } from './platform/http/shared-store.js';

export type AppDependencies = {
  database: Database;
  /** Where the rate-limit counters live: this process, or Redis shared by every server. */
  sharedStore: SharedStore;
  config: Pick<ServerConfig, 'bodyLimit' | 'auth' | 'corsAllowedOrigins' | 'campaignListCacheEntries' | 'pushAdmission' | 'trustProxy'>;
};

/** The Express application: routes of every feature module, then the one error handler. */
export function createApp({ database, sharedStore, config }: AppDependencies): Express {
  const app = express();
  const documentation = new ApiDocumentation();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger);
  app.use(enterAskedLanguage);
  app.use(securityHeaders);
  app.use(createCors(config.corsAllowedOrigins));

  app.use(createHealthRouter(database));

  const api = Router();
  api.use(createAuthenticator(database, config.auth, createFailedSignIns(sharedStore.createCounterStore('failed-sign-ins'), config.auth.failedSignIns)));
  api.use(createRateLimit(config.auth.rateLimitPerMinute, sharedStore.createCounterStore('requests')));
  // A push takes its place in the queue before its rows are read: a full server says so at once.
  const pushGate = createPushGate(config.pushAdmission);
  api.post('/sync/push', pushGate.holdPlace);
  // Bodies are read only for callers who signed in and are within their limit: no one unknown
  // can make the server parse 10 MB of JSON.
  api.use(express.json({ limit: config.bodyLimit }));
  api.use(reenterActorTenant);
  api.use(refuseUnstorableText);
  api.use(createTablesRouter(documentation));
  api.use(createReportsRouter(database, documentation));
  api.use(createSyncRouter(database, documentation, pushGate));
  api.use(createExportsRouter(database, documentation));
  api.use(createPersonalDataRouter(database, documentation));
  api.use(createCampaignsRouter(database, documentation, { listCacheEntries: config.campaignListCacheEntries }));
  api.use(createCreatorsRouter(database, documentation));
  api.use(createBookingsRouter(database, documentation));
  api.use(createImportsRouter(database, documentation, config.bodyLimit));
  api.use(createUsersRouter(database, documentation));
  app.use('/api/v1', api);

  app.use(createDocsRouter(documentation));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

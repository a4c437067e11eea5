import express, { type Express } from 'express';
import type { ServerConfig } from './config.js';
import { createHealthRouter } from './modules/health/health.routes.js';
import type { Database } from './platform/database/open-database.js';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { requestLogger } from './platform/http/request-logger.js';

export type AppDependencies = {
  database: Database;
  config: Pick<ServerConfig, 'bodyLimit'>;
};

/** The Express application: routes of every feature module, then the one error handler. */
export function createApp({ database, config }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(requestLogger);
  app.use(express.json({ limit: config.bodyLimit }));

  app.use(createHealthRouter(database));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

// npm start: migrate, load sample data into an empty embedded database, listen.
import { readServerConfig } from './config.js';
import { isAppError } from './platform/errors/app-error.js';
import { logger } from './platform/logging/logger.js';
import { startServer } from './server.js';

try {
  const server = await startServer(readServerConfig());
  console.log(`\nBooking Center is running at ${server.url}  (database: ${server.database.description})\nHealth: ${server.url}/healthz   Stop: Ctrl+C\n`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  // Our own refusals (the data folder in use, a migration that failed) are for the person who
  // started the server: their plain message, no stack. Anything else is logged whole.
  if (isAppError(error)) logger.warn({ code: error.code, reason: error.reason }, error.message);
  else logger.error({ err: error }, 'the server could not start');
  console.error(`Booking Center could not start: ${isAppError(error) ? error.userMessage : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

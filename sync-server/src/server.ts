import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { seedSampleData, isDatabaseEmpty } from './modules/seed/seed.service.js';
import { openDatabase, type Database } from './platform/database/open-database.js';
import { applyMigrations } from './platform/database/schema-engine.js';
import { logger } from './platform/logging/logger.js';

export type RunningServer = {
  url: string;
  database: Database;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
};

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  try {
    const applied = await applyMigrations(database.migrationAdapterFactory);
    if (applied.length) logger.info({ applied }, `applied ${applied.length} migration(s)`);
    if (config.seedWhenEmpty && (await isDatabaseEmpty(database.prisma))) {
      await seedSampleData(database.prisma);
      logger.info('loaded the sample data into the empty database');
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = createApp({ database, config });
  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, database: database.description }, 'Booking Center sync server is listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    database,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
        server.closeIdleConnections();
        await stopped;
        await database.close();
      })();
      return closing;
    },
  };
}

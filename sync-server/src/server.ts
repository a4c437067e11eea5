import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { seedSampleData, isDatabaseEmpty } from './modules/seed/seed.service.js';
import { openDatabase, type Database } from './platform/database/open-database.js';
import { applyMigrations } from './platform/database/schema-engine.js';
import { openSharedStore } from './platform/http/shared-store.js';
import { logger } from './platform/logging/logger.js';

export type RunningServer = {
  url: string;
  database: Database;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
};

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  // First: a Redis that is configured but away stops the start before the database is touched.
  const sharedStore = await openSharedStore(config.sharedStore);
  const database = await openDatabase(config.database, { holder: { kind: 'server' } }).catch(async (error: unknown) => {
    await sharedStore.close();
    throw error;
  });
  try {
    const applied = await applyMigrations(database.migrationAdapterFactory);
    if (applied.length) logger.info({ applied }, `applied ${applied.length} migration(s)`);
    if (config.seedWhenEmpty && (await isDatabaseEmpty(database.prisma))) {
      await seedSampleData(database.prisma);
      logger.info('loaded the sample data into the empty database');
    }
  } catch (error) {
    await database.close();
    await sharedStore.close();
    throw error;
  }

  const app = createApp({ database, sharedStore, config });
  // The default backlog (511) is less than 600 callers connecting at once: the rest had their
  // handshakes dropped and retried for seconds (bench:api's stress load).
  const server = app.listen({ port: config.port, host: config.host, backlog: 4096 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  // A command refused the data folder can then point at this server's API.
  database.dataFolderLock?.update({ url });
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
        await sharedStore.close();
      })();
      return closing;
    },
  };
}

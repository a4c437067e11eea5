/**
 * The real sync server for the add-on's end-to-end tests, in its own process: the UrlFetchApp
 * fake blocks the test thread while it waits for an answer, so the server cannot share it.
 * Configured by the environment like `npm start` (embedded in-memory database, sample data,
 * ID tokens checked against a certificate file); prints one line `LISTENING {"url":...}`.
 */
import { readServerConfig } from '../../../sync-server/src/config.js';
import { startServer } from '../../../sync-server/src/server.js';

const server = await startServer(readServerConfig());
process.stdout.write(`LISTENING ${JSON.stringify({ url: server.url })}\n`);
const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

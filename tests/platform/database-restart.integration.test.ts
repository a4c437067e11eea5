/**
 * PostgreSQL closing idle connections (a restart, a failover, an admin's pg_terminate_backend,
 * a DROP DATABASE … WITH (FORCE)) must never be an uncaught exception that stops the process.
 * Prisma's adapter listens for it only while Prisma is connected, and removes its listener on
 * $disconnect: a connection still in the pool after that (closing at shutdown) crashed the
 * process. CI saw exactly that as "terminating connection due to administrator command" when a
 * test database was dropped under a server that was closing. The pool now always listens.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync-server/src/platform/database/open-database.js';
import { createScratchDatabase } from '../../sync-server/src/platform/database/scratch-database.js';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('the database pool when PostgreSQL closes its idle connections', () => {
  it('logs and replaces them, even while closing (after Prisma let go of the pool), instead of crashing', async () => {
    const scratch = await createScratchDatabase(serverUrl!, 'bc_restart');
    const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
    try {
      // Several idle connections: raw reads on the shared pool, at once.
      await Promise.all(Array.from({ length: 4 }, () => database.sql('SELECT pg_sleep(0.05)')));
      await database.prisma.$disconnect();

      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [scratch.name]);
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // Time for the pool to hear of it: without a listener this is where the process dies.
      await new Promise((resolve) => setTimeout(resolve, 300));

      // And the pool still serves: the dead connections are replaced.
      const [row] = await database.sql<{ answer: number }>('SELECT 42 AS answer');
      expect(row?.answer).toBe(42);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});

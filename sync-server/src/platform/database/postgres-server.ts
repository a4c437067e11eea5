import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { logger } from '../logging/logger.js';

/**
 * PrismaPg for the schema engine. PrismaPg's executeScript splits a script on every ";",
 * which breaks the plpgsql functions of our hand-written migrations. Here the whole script
 * goes to the server in one simple-protocol query, as Prisma's native engine sends it.
 */
export class PostgresMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName: string;

  constructor(private readonly url: string) {
    this.adapterName = new PrismaPg({ connectionString: url }).adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const pool = survivingIdleErrors(new pg.Pool({ connectionString: this.url, max: 1, allowExitOnIdle: true }));
    const adapter = await new PrismaPg(pool).connect();
    const disposeAdapter = adapter.dispose.bind(adapter);
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    adapter.dispose = async () => {
      await disposeAdapter();
      await pool.end();
    };
    return adapter;
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    // Diffs run on an embedded shadow database (schema-engine.ts); a server shadow is never needed.
    return new PrismaPg({ connectionString: this.url }).connectToShadowDb();
  }
}

/**
 * A pool whose idle connection the server closes (a PostgreSQL restart, a failover, an admin's
 * pg_terminate_backend) emits "error"; with no listener that is an uncaught exception and the
 * whole process stops. The pool drops the dead connection and opens a new one when needed, so
 * the right answer is a log line, not a crash.
 */
export function survivingIdleErrors(pool: pg.Pool): pg.Pool {
  pool.on('error', (error) => logger.warn({ err: error }, 'the database closed an idle connection; the pool will open a new one'));
  return pool;
}

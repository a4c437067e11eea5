import { mkdirSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client.js';
import { PostgresMigrationAdapterFactory } from './postgres-server.js';
import { createPgTransactionRunner, type SqlTransactionRunner } from './sql-transaction.js';
import { describeDatabaseTarget, resolveDatabaseTarget, type DatabaseKind, type DatabaseTarget } from './database-target.js';

export type Database = {
  kind: DatabaseKind;
  /** For logs and /healthz; never holds a password. */
  description: string;
  prisma: PrismaClient;
  /**
   * One read statement outside Prisma, on the same connections. Only for the few reads every
   * request makes (who is calling): there Prisma's own per-query work was a sixth of the
   * server's time under load. Never inside a transaction; everything else goes through Prisma.
   */
  sql: SqlReader;
  /**
   * Transactions on a pool connection outside Prisma, for bulk imports (PostgreSQL only; the
   * embedded database has one connection, which Prisma holds).
   */
  bulkTransaction?: SqlTransactionRunner;
  /** The adapter factory the schema engine needs to migrate this same database. */
  migrationAdapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
};

export type SqlReader = <T>(text: string, values?: unknown[]) => Promise<T[]>;

export async function openDatabase(target: DatabaseTarget = resolveDatabaseTarget()): Promise<Database> {
  const description = describeDatabaseTarget(target);
  if (target.kind === 'postgresql') {
    // One pool for Prisma and for the direct reads.
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: 'postgresql',
      description,
      prisma,
      sql: async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[],
      bulkTransaction: createPgTransactionRunner(pool),
      migrationAdapterFactory: new PostgresMigrationAdapterFactory(target.url),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  if (!target.dataDir.startsWith('memory://')) mkdirSync(target.dataDir, { recursive: true });
  // One PGlite instance serves both the client and the migrations: a data folder can be
  // opened by one process and one instance at a time.
  // Loaded only here: PGlite's module costs a command-line run on PostgreSQL a third of a second.
  const { createEmbeddedPostgres, EmbeddedAdapterFactory } = await import('./embedded-postgres.js');
  const pglite = await createEmbeddedPostgres(target.dataDir);
  const adapterFactory = new EmbeddedAdapterFactory(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'embedded',
    description,
    prisma,
    // PGlite is one connection that Prisma's transactions hold in turn: a direct query could
    // land inside someone's transaction, so the embedded database reads through Prisma.
    sql: <T>(text: string, values: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...values),
    migrationAdapterFactory: adapterFactory,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client.js';
import { PostgresMigrationAdapterFactory, survivingIdleErrors } from './postgres-server.js';
import { createPgTransactionRunner, type SqlTransactionRunner } from './sql-transaction.js';
import { describeDatabaseTarget, resolveDatabaseTarget, type DatabaseKind, type DatabaseTarget } from './database-target.js';
import { TenantScopedAdapterFactory, type TenantFallback } from './tenant-scope.js';
import { lockDataFolder, type BusyAdvice, type DataFolderHolder, type DataFolderLock } from './data-folder-lock.js';

export type Database = {
  kind: DatabaseKind;
  /** For logs and /healthz; never holds a password. */
  description: string;
  prisma: PrismaClient;
  /**
   * One read statement outside Prisma, on the same connections, in its own scoped transaction.
   * Only for the few reads every request makes (who is calling): there Prisma's own per-query
   * work was a sixth of the server's time under load. Never inside a transaction; everything
   * else goes through Prisma.
   */
  sql: SqlReader;
  /**
   * Transactions on a pool connection outside Prisma, for bulk imports (PostgreSQL only; the
   * embedded database has one connection, which Prisma holds).
   */
  bulkTransaction?: SqlTransactionRunner;
  /**
   * The tenant this handle's statements act for when the calling code has not said
   * (tenant-scope.ts): a command sets it from --tenant, a test to its tenant. The server leaves
   * it empty, so a request whose tenant was never set sees nothing.
   */
  tenant: TenantFallback;
  /** The adapter factory the schema engine needs to migrate this same database. */
  migrationAdapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** An embedded data folder on disk is this process's alone while it is open (data-folder-lock.ts). */
  dataFolderLock?: DataFolderLock;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** Who opens an embedded data folder (default: a command, named after the npm script that runs it). */
  holder?: Partial<DataFolderHolder>;
  /** What a command refused because the server holds the folder can do instead. */
  adviceWhenBusy?: BusyAdvice;
};

export type SqlReader = <T>(text: string, values?: unknown[]) => Promise<T[]>;

export async function openDatabase(target: DatabaseTarget = resolveDatabaseTarget(), options: OpenDatabaseOptions = {}): Promise<Database> {
  const description = describeDatabaseTarget(target);
  if (target.kind === 'postgresql') {
    // One pool for Prisma and for the direct reads.
    const pool = survivingIdleErrors(new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }));
    const tenant: TenantFallback = { tenantId: null };
    const prisma = new PrismaClient({ adapter: new TenantScopedAdapterFactory(new PrismaPg(pool), tenant) });
    const bulkTransaction = createPgTransactionRunner(pool, tenant);
    return {
      kind: 'postgresql',
      description,
      prisma,
      tenant,
      sql: <T>(text: string, values: unknown[] = []) => bulkTransaction(async (db) => db.$queryRawUnsafe<T[]>(text, ...values)),
      bulkTransaction,
      migrationAdapterFactory: new PostgresMigrationAdapterFactory(target.url),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  let dataFolderLock: DataFolderLock | undefined;
  if (!target.dataDir.startsWith('memory://')) {
    mkdirSync(target.dataDir, { recursive: true });
    dataFolderLock = lockDataFolder(target.dataDir, { ...describeThisProcess(), ...options.holder }, options.adviceWhenBusy);
  }
  // One PGlite instance serves both the client and the migrations: a data folder can be
  // opened by one process and one instance at a time.
  // Loaded only here: PGlite's module costs a command-line run on PostgreSQL a third of a second.
  const { createEmbeddedPostgres, EmbeddedAdapterFactory } = await import('./embedded-postgres.js');
  let pglite;
  try {
    pglite = await createEmbeddedPostgres(target.dataDir);
  } catch (error) {
    dataFolderLock?.release();
    throw error;
  }
  const adapterFactory = new EmbeddedAdapterFactory(pglite);
  const tenant: TenantFallback = { tenantId: null };
  const prisma = new PrismaClient({ adapter: new TenantScopedAdapterFactory(adapterFactory, tenant) });
  return {
    kind: 'embedded',
    description,
    prisma,
    tenant,
    // PGlite is one connection that Prisma's transactions hold in turn: a direct query could
    // land inside someone's transaction, so the embedded database reads through Prisma.
    sql: <T>(text: string, values: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...values),
    migrationAdapterFactory: adapterFactory,
    dataFolderLock,
    async close() {
      try {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
      } finally {
        dataFolderLock?.release();
      }
    },
  };
}

/** "npm run import", "npm start": how the person who started this process would name it. */
function describeThisProcess(): DataFolderHolder {
  const script = process.env.npm_lifecycle_event;
  const entry = basename(process.argv[1] ?? 'process');
  // npm's variables are inherited by whatever a script starts (npx vitest → its children): trust
  // them only when the npm script runs this very file.
  const isNpmScript = Boolean(script) && (process.env.npm_lifecycle_script ?? '').includes(entry);
  if (isNpmScript && script === 'start') return { kind: 'server', label: 'npm start' };
  if (isNpmScript) return { kind: 'command', label: `npm run ${script}` };
  return { kind: 'command', label: `node ${entry}` };
}

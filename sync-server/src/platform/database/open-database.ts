import { mkdirSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client.js';
import { PostgresMigrationAdapterFactory } from './postgres-server.js';
import { createEmbeddedPostgres, EmbeddedAdapterFactory } from './embedded-postgres.js';
import { describeDatabaseTarget, resolveDatabaseTarget, type DatabaseKind, type DatabaseTarget } from './database-target.js';

export type Database = {
  kind: DatabaseKind;
  /** For logs and /healthz; never holds a password. */
  description: string;
  prisma: PrismaClient;
  /** The adapter factory the schema engine needs to migrate this same database. */
  migrationAdapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
};

export async function openDatabase(target: DatabaseTarget = resolveDatabaseTarget()): Promise<Database> {
  const description = describeDatabaseTarget(target);
  if (target.kind === 'postgresql') {
    const adapterFactory = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      kind: 'postgresql',
      description,
      prisma,
      migrationAdapterFactory: new PostgresMigrationAdapterFactory(target.url),
      close: () => prisma.$disconnect(),
    };
  }

  if (!target.dataDir.startsWith('memory://')) mkdirSync(target.dataDir, { recursive: true });
  // One PGlite instance serves both the client and the migrations: a data folder can be
  // opened by one process and one instance at a time.
  const pglite = await createEmbeddedPostgres(target.dataDir);
  const adapterFactory = new EmbeddedAdapterFactory(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'embedded',
    description,
    prisma,
    migrationAdapterFactory: adapterFactory,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

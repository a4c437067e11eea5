import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** An embedded PostgreSQL with the extensions our migrations create (search needs both). */
export function createEmbeddedPostgres(dataDir: string): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } });
}

/**
 * PrismaPGlite, except that its shadow database (used by the schema engine to diff
 * migrations) has our extensions too and is closed when the engine lets go of it.
 */
export class EmbeddedAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName: string;
  private readonly inner: PrismaPGlite;

  constructor(client: PGlite) {
    this.inner = new PrismaPGlite(client);
    this.adapterName = this.inner.adapterName;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.inner.connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await createEmbeddedPostgres('memory://');
    const adapter = await new PrismaPGlite(shadow).connect();
    const disposeAdapter = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await disposeAdapter();
      // The engine disposes its shadow itself and our cleanup does it again: close once.
      if (!shadow.closed) await shadow.close();
    };
    return adapter;
  }
}

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

  constructor(private readonly client: PGlite) {
    this.inner = new PrismaPGlite(client);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return waitForScripts(await this.inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await createEmbeddedPostgres('memory://');
    const adapter = waitForScripts(await new PrismaPGlite(shadow).connect(), shadow);
    const disposeAdapter = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await disposeAdapter();
      // The engine disposes its shadow itself and our cleanup does it again: close once.
      if (!shadow.closed) await shadow.close();
    };
    return adapter;
  }
}

/**
 * PrismaPGlite's executeScript starts the script and returns before it has run: a migration that
 * fails was recorded as applied, and its error surfaced later as an unhandled rejection that
 * killed the process. Here the script is awaited and its error is the caller's.
 */
function waitForScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}

import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type ScratchDatabase = {
  name: string;
  /** A connection URL to the new database. */
  url: string;
  /** Drops it, closing whatever connections are still open. */
  drop(): Promise<void>;
};

/**
 * A new, empty database on a PostgreSQL server, for a test file or a benchmark run: it never
 * sees anybody else's rows, and dropping it cleans up everything at once.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * What the benchmarks do to their scratch databases as the owner (the login user), outside the
 * application's role and row-level security: generate data, copy a database, and switch
 * row-level security off on a twin so its cost can be measured against the same run.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { DEFAULT_TENANT_ID } from '../sync-server/src/platform/database/tenant-scope.js';
import type { ScratchDatabase } from '../sync-server/src/platform/database/scratch-database.js';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `statements` as the owner in `tenantId`'s context: tenant_id's column default is
 * app_current_tenant(), so the rows land in that tenant as the application's would. As the
 * owner, ANALYZE really analyzes (the application's role is skipped with a warning).
 */
export function runAsOwner(url: string, statements: readonly string[], tenantId = DEFAULT_TENANT_ID): Promise<void> {
  return withClient(url, async (client) => {
    await client.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
    for (const statement of statements) await client.query(statement);
  });
}

/**
 * The same on the embedded database, through the unscoped adapter the migrations use (PGlite is
 * one connection: the statements run in one transaction, so the tenant setting ends with it).
 */
export async function runAsOwnerEmbedded(owner: SqlMigrationAwareDriverAdapterFactory, statements: readonly string[], tenantId = DEFAULT_TENANT_ID): Promise<void> {
  const adapter = await owner.connect();
  await adapter.executeScript(['BEGIN', `SELECT set_config('app.tenant_id', '${tenantId}', true)`, ...statements, 'COMMIT'].join(';\n'));
}

/**
 * A copy of `source` on the same server (CREATE DATABASE … TEMPLATE): the same rows, pages and
 * statistics, so two measurements differ only in what is changed afterwards. Nobody may be
 * connected to `source` while it is copied.
 */
export async function copyScratchDatabase(serverUrl: string, source: ScratchDatabase, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${source.name}`));
      break;
    } catch (error) {
      // Autovacuum may be visiting the freshly written source for a moment (SQLSTATE 55006).
      if ((error as { code?: string }).code !== '55006' || attempt === 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Switches row-level security off on every table that has it, as the owner; returns how many.
 * Everything else stays: each transaction still switches to the application's role and sets
 * the tenant, and tenant_id's default still reads it. Only the policies stop being applied.
 */
export function disableRowLevelSecurity(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity ORDER BY 1`,
    );
    for (const { name } of rows) await client.query(`ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY`);
    const left = await client.query(`SELECT count(*)::int AS n FROM pg_class WHERE relkind IN ('r', 'p') AND relrowsecurity`);
    if (left.rows[0].n !== 0) throw new Error(`row-level security is still on for ${left.rows[0].n} tables`);
    if (rows.length === 0) throw new Error('no table had row-level security: is the database migrated?');
    return rows.length;
  });
}

/** The machine's load average (1, 5, 15 min), printed beside every figure: the machine is shared. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

/** "1.04×" of on against off; above 1 means row-level security costs time. */
export const ratioOf = (on: number, off: number): string => `${(on / off).toFixed(3)}×`;

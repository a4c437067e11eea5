/**
 * What the write door needs of a transaction: raw statements. Prisma's interactive transaction
 * is one (the sheet push and the REST actions use it, their reads use Prisma's models); a pg
 * connection of the server's pool is another, which bulk imports use on PostgreSQL: Prisma's
 * client keeps the serialised arguments of its last hundred calls, which for an import are
 * megabytes of batch parameters each, and copies every parameter twice on the way.
 */
import type pg from 'pg';
import { resolveScope, scopeParameters, SCOPE_STATEMENT, type TenantFallback } from './tenant-scope.js';

export type SqlDb = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
};

/** Runs `work` in one transaction: commit when it returns, roll back when it throws. */
export type SqlTransactionRunner = <T>(work: (db: SqlDb) => Promise<T>) => Promise<T>;

/**
 * A transaction on one connection of the pool, for statements only (no Prisma models), scoped
 * to the caller's tenant like every transaction (tenant-scope.ts).
 */
export function createPgTransactionRunner(pool: pg.Pool, tenant: TenantFallback): SqlTransactionRunner {
  return async (work) => {
    const scope = resolveScope(tenant);
    const client = await pool.connect();
    const db: SqlDb = {
      $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
      $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await client.query(query, values)).rowCount ?? 0,
    };
    let isBroken = false;
    try {
      await client.query('BEGIN');
      await client.query(SCOPE_STATEMENT, scopeParameters(scope));
      const value = await work(db);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        isBroken = true;
      });
      throw error;
    } finally {
      client.release(isBroken);
    }
  };
}

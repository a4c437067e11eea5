/**
 * Which tenant a database statement acts for, and the role it runs as.
 *
 * Isolation between tenants is PostgreSQL's row-level security (migration
 * 20261202011743_tenants_and_row_level_security): every business table shows and accepts only
 * the rows whose tenant_id is the transaction's `app.tenant_id`. This module is the one place
 * that sets it. Every transaction the application opens, through Prisma or the bulk runner,
 * starts with one statement that switches to the non-owner role `booking_center_app` and sets
 * the tenant, both transaction-local (`set_config(..., true)`): nothing survives the transaction,
 * so a pooled connection (PgBouncer in transaction mode) never carries one tenant's context into
 * another's. A Prisma query outside a transaction is run in a short transaction of its own.
 *
 * The tenant comes from the scope of the calling code (`runInTenant`: the HTTP layer after
 * sign-in, a command after reading --tenant), else from the database handle's fallback (a
 * command or a test that acts for one tenant throughout). Without either, the statement runs with
 * no tenant, and row-level security shows it nothing and refuses its writes: a forgotten context
 * fails closed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from '@prisma/driver-adapter-utils';

/** The role every application statement runs as (created by the tenants migration). */
export const APP_ROLE = 'booking_center_app';

/** The tenant every install starts with; the rows that existed before tenants belong to it. */
export const DEFAULT_TENANT_ID = '00000000-0000-4000-8000-000000000001';

export type TenantScope = {
  tenantId: string | null;
  /**
   * Signing in: users and API tokens are found by email or token hash before anyone's tenant is
   * known. Only the authenticator's lookups set it; it reads users and tokens, never writes.
   */
  isIdentityLookup?: boolean;
};

const scopes = new AsyncLocalStorage<TenantScope>();

/**
 * Runs `work` (and everything it awaits) as `tenantId`. Awaited inside the scope: a Prisma query
 * is a lazy promise that only starts when awaited, and awaited outside it would run outside it.
 */
export function runInTenant<T>(tenantId: string, work: () => PromiseLike<T> | T): Promise<T> {
  return scopes.run({ tenantId }, async () => await work());
}

/** Runs the sign-in lookups of `work` with no tenant, reading users and tokens of every tenant. */
export function runAsIdentityLookup<T>(work: () => PromiseLike<T> | T): Promise<T> {
  return scopes.run({ tenantId: null, isIdentityLookup: true }, async () => await work());
}

/** Runs the rest of a request (Express's `next`) as `tenantId`; it returns nothing to await. */
export function continueInTenant(tenantId: string, next: () => void): void {
  scopes.run({ tenantId }, next);
}

export function currentTenantScope(): TenantScope | undefined {
  return scopes.getStore();
}

/** One statement, the first of every transaction: the role and the tenant, both transaction-local. */
export const SCOPE_STATEMENT = `SELECT set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', $1, true), set_config('app.identity_lookup', $2, true)`;

export function scopeParameters(scope: TenantScope | undefined): [string, string] {
  return [scope?.tenantId ?? '', scope?.isIdentityLookup ? 'on' : ''];
}

/** Where a handle's statements take their tenant when the calling code has not named one. */
export type TenantFallback = { tenantId: string | null };

export function resolveScope(fallback: TenantFallback): TenantScope {
  return currentTenantScope() ?? { tenantId: fallback.tenantId };
}

const TEXT_ARGUMENT = { scalarType: 'string', arity: 'scalar' } as const;

function scopeQuery(scope: TenantScope): SqlQuery {
  return { sql: SCOPE_STATEMENT, args: scopeParameters(scope), argTypes: [TEXT_ARGUMENT, TEXT_ARGUMENT] };
}

const plainStatement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * A Prisma driver adapter whose every transaction is scoped, and whose lone queries are run in a
 * scoped transaction each. Migrations use the unwrapped factory: they run as the owner.
 */
class TenantScopedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly fallback: TenantFallback,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const transaction = await this.inner.startTransaction(isolationLevel);
    try {
      await transaction.executeRaw(scopeQuery(resolveScope(this.fallback)));
    } catch (error) {
      await this.end(transaction, false).catch(() => undefined);
      throw error;
    }
    return transaction;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inOwnTransaction((transaction) => transaction.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inOwnTransaction((transaction) => transaction.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  private async inOwnTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    const transaction = await this.startTransaction();
    let value: T;
    try {
      value = await work(transaction);
    } catch (error) {
      await this.end(transaction, false).catch(() => undefined);
      throw error;
    }
    await this.end(transaction, true);
    return value;
  }

  /** Adapters that do not manage BEGIN/COMMIT themselves ("phantom" transactions) need the statement sent. */
  private async end(transaction: Transaction, isCommit: boolean): Promise<void> {
    if (!transaction.options.usePhantomQuery) await transaction.executeRaw(plainStatement(isCommit ? 'COMMIT' : 'ROLLBACK'));
    await (isCommit ? transaction.commit() : transaction.rollback());
  }
}

export class TenantScopedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory['provider'];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapterFactory | SqlMigrationAwareDriverAdapterFactory,
    private readonly fallback: TenantFallback,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new TenantScopedAdapter(await this.inner.connect(), this.fallback);
  }
}

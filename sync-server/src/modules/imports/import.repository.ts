import type { SqlDb } from '../../platform/database/sql-transaction.js';
import type { BatchStatement } from './import-sql.js';

/** An open transaction (Prisma's or a pool connection's): imports always run inside one. */
export type ImportDb = SqlDb;

export type ResolvedRow = { __row: number; is_deleted: boolean | null } & Record<string, string | number | boolean | null>;

type BatchRow = Readonly<Record<string, unknown>>;

/** The batch as the statement's one parameter: each row an array in the statement's column order. */
function batchParameter(statement: BatchStatement, rows: readonly BatchRow[]): string {
  return JSON.stringify(rows.map((row) => statement.columns.map((column) => row[column] ?? null)));
}

/** Runs the resolve statement of import-sql.ts on one batch (one round trip). */
export function resolveBatch(db: ImportDb, statement: BatchStatement, rows: readonly BatchRow[]): Promise<ResolvedRow[]> {
  return Promise.resolve(db.$queryRawUnsafe<ResolvedRow[]>(statement.sql, batchParameter(statement, rows)));
}

/** Runs the write statement of import-sql.ts on one batch (one round trip); returns the ids it updated. */
export async function writeBatch(db: ImportDb, statement: BatchStatement, rows: readonly BatchRow[], extraParameters: readonly unknown[] = []): Promise<Set<string>> {
  const updated = await db.$queryRawUnsafe<Array<{ id: string }>>(statement.sql, batchParameter(statement, rows), ...extraParameters);
  return new Set(updated.map((row) => row.id));
}

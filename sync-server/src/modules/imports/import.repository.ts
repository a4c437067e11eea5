import type { Prisma } from '../../generated/prisma/client.js';

/** A Prisma client or an open transaction: imports always run inside one. */
export type ImportDb = Prisma.TransactionClient;

export type ResolvedRow = { __row: number; is_deleted: boolean | null } & Record<string, string | number | boolean | null>;

/** Runs the resolve statement of import-sql.ts on one batch (one round trip). */
export function resolveBatch(db: ImportDb, sql: string, rows: readonly object[]): Promise<ResolvedRow[]> {
  return db.$queryRawUnsafe<ResolvedRow[]>(sql, JSON.stringify(rows));
}

/** Runs the write statement of import-sql.ts on one batch (one round trip); returns the ids it updated. */
export async function writeBatch(db: ImportDb, sql: string, rows: readonly object[]): Promise<Set<string>> {
  const updated = await db.$queryRawUnsafe<Array<{ id: string }>>(sql, JSON.stringify(rows));
  return new Set(updated.map((row) => row.id));
}

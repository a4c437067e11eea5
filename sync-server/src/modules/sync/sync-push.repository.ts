import type { SqlDb } from '../../platform/database/sql-transaction.js';

/** The stored answer of an applied push, by its key (plain SQL: pushes may run outside Prisma). */
export async function findStoredPush(db: SqlDb, idempotencyKey: string): Promise<{ requestHash: string; response: unknown } | undefined> {
  const rows = await db.$queryRawUnsafe<Array<{ request_hash: string; response: string }>>('SELECT request_hash, response::text AS response FROM sync_pushes WHERE idempotency_key = $1', idempotencyKey);
  const row = rows[0];
  return row ? { requestHash: row.request_hash, response: JSON.parse(row.response) as unknown } : undefined;
}

/**
 * Holds the push's idempotency key until the transaction ends: a concurrent retry with the same
 * key waits here, then finds the first one's stored answer (or, if it was rolled back, runs).
 */
export async function lockIdempotencyKey(db: SqlDb, idempotencyKey: string): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l', idempotencyKey);
}

/** The answer goes in as one JSON text: Prisma's Json input walks every nested value of a 500-row answer. */
export async function insertStoredPush(db: SqlDb, data: { idempotencyKey: string; actorLabel: string; requestHash: string; response: object }): Promise<void> {
  await db.$executeRawUnsafe(
    'INSERT INTO sync_pushes (idempotency_key, actor_label, request_hash, response) VALUES ($1, $2, $3, $4::jsonb)',
    data.idempotencyKey,
    data.actorLabel,
    data.requestHash,
    JSON.stringify(data.response),
  );
}

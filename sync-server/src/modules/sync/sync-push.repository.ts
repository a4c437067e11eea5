import type { Db } from '../audit/audit.types.js';

export function findStoredPush(db: Db, idempotencyKey: string) {
  return db.syncPush.findUnique({ where: { idempotencyKey }, select: { requestHash: true, response: true } });
}

/**
 * Holds the push's idempotency key until the transaction ends: a concurrent retry with the same
 * key waits here, then finds the first one's stored answer (or, if it was rolled back, runs).
 */
export async function lockIdempotencyKey(db: Db, idempotencyKey: string): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l', idempotencyKey);
}

/** The answer goes in as one JSON text: Prisma's Json input walks every nested value of a 500-row answer. */
export async function insertStoredPush(db: Db, data: { idempotencyKey: string; actorLabel: string; requestHash: string; response: object }): Promise<void> {
  await db.$executeRawUnsafe(
    'INSERT INTO sync_pushes (idempotency_key, actor_label, request_hash, response) VALUES ($1, $2, $3, $4::jsonb)',
    data.idempotencyKey,
    data.actorLabel,
    data.requestHash,
    JSON.stringify(data.response),
  );
}

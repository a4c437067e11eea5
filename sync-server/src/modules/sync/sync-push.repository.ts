import type { PrismaClient } from '../../generated/prisma/client.js';
import type { TableDefinition } from '../../contract/index.js';
import type { Db } from '../audit/audit.types.js';
import { quoteIdent } from '../imports/import-sql.js';

export function findStoredPush(prisma: PrismaClient, idempotencyKey: string) {
  return prisma.syncPush.findUnique({ where: { idempotencyKey }, select: { requestHash: true, response: true } });
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

/** Soft delete in one statement. */
export async function markRowsDeleted(db: Db, definition: TableDefinition, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(`UPDATE ${quoteIdent(definition.dbTable)} SET deleted_at = now(), is_active = false WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, ids);
}

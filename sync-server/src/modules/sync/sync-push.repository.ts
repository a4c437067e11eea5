import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { TableDefinition } from '../../contract/index.js';
import type { Db } from '../audit/audit.types.js';
import { quoteIdent } from '../imports/import-sql.js';

export function findStoredPush(prisma: PrismaClient, idempotencyKey: string) {
  return prisma.syncPush.findUnique({ where: { idempotencyKey }, select: { requestHash: true, response: true } });
}

export function insertStoredPush(db: Db, data: { idempotencyKey: string; actorLabel: string; requestHash: string; response: object }) {
  return db.syncPush.create({ data: { ...data, response: data.response as Prisma.InputJsonValue }, select: { id: true } });
}

/** Soft delete in one statement. */
export async function markRowsDeleted(db: Db, definition: TableDefinition, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(`UPDATE ${quoteIdent(definition.dbTable)} SET deleted_at = now(), is_active = false WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, ids);
}

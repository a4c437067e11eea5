import type { PrismaClient } from '../../generated/prisma/client.js';

export type TextRow = Record<string, string | null>;

/** Runs an export page query (see export-sql.ts). */
export function readExportPage(prisma: PrismaClient, sql: string, limit: number, offset: number, params: readonly unknown[]): Promise<TextRow[]> {
  return prisma.$queryRawUnsafe<TextRow[]>(sql, limit, offset, ...params);
}

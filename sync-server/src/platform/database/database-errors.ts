import { Prisma } from '../../generated/prisma/client.js';

/** A unique constraint refused the write (Prisma's P2002, or PostgreSQL's 23505 from raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  return (error as { code?: unknown } | null)?.code === '23505';
}

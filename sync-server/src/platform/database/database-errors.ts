import { Prisma } from '../../generated/prisma/client.js';

/**
 * PostgreSQL's SQLSTATE of a failed statement, however it reached us: Prisma's own error
 * (P2002), a raw query's P2010 (the driver adapter's error in meta.driverAdapterError, its
 * cause carrying originalCode), or the pg driver's error (code).
 */
export function findSqlState(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return '23505';
    if (error.code === 'P2034') return '40001';
    const adapterError = (error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError;
    const original = adapterError?.cause?.originalCode;
    return typeof original === 'string' ? original : undefined;
  }
  const candidate = error as { code?: unknown; originalCode?: unknown; cause?: unknown } | null;
  if (!candidate || typeof candidate !== 'object') return undefined;
  if (typeof candidate.originalCode === 'string') return candidate.originalCode;
  if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate.code;
  return candidate.cause && candidate.cause !== error ? findSqlState(candidate.cause) : undefined;
}

/** A unique constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  return findSqlState(error) === '23505';
}

/** A deadlock or a serialisation failure: running the transaction again is the fix. */
export function isRetryableTransactionError(error: unknown): boolean {
  const state = findSqlState(error);
  return state === '40001' || state === '40P01';
}

/** The database's own sentence, without Prisma's wrapping. */
export function plainDatabaseMessage(error: unknown): string {
  const adapterMessage = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.originalMessage;
  if (typeof adapterMessage === 'string') return adapterMessage;
  const text = error instanceof Error ? error.message : String(error);
  const match = /Message: `([^`]*)`/.exec(text) ?? /message: "([^"]*)"/i.exec(text);
  return (match?.[1] ?? text.split('\n').filter(Boolean).pop() ?? 'unknown error').trim();
}

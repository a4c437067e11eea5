import { t } from '../../../sync-server/src/contract/i18n/translate.js';

/**
 * Sorting sync failures: a temporary one (network, timeout, server busy) is retried a bounded
 * number of times with backoff, under the same idempotency key; a permanent one (bad request,
 * not allowed, too large) stops the push and is reported to the planner.
 */

export type FailureKind = 'temporary' | 'permanent';

export type SyncFailure = {
  kind: FailureKind;
  /** HTTP status, or 0 when no answer came back. */
  status: number;
  /** The server's error code (UNAUTHENTICATED, VALIDATION_FAILED…) or a local one. */
  code: string;
  /** Plain message for the planner. */
  message: string;
  fieldErrors?: Record<string, string[]>;
};

const TEMPORARY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function classifyHttpStatus(status: number): FailureKind {
  if (status === 0) return 'temporary';
  return TEMPORARY_STATUSES.has(status) ? 'temporary' : 'permanent';
}

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

/** Three attempts within ~3 s: a push must finish inside Apps Script's 6-minute execution. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000 };

/** Delay before attempt `attempt + 1` (attempt counts from 1), or undefined to give up. */
export function nextRetryDelay(failure: SyncFailure, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, retryAfterSeconds?: number): number | undefined {
  if (failure.kind === 'permanent' || attempt >= policy.maxAttempts) return undefined;
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  const wanted = retryAfterSeconds !== undefined ? Math.max(exponential, retryAfterSeconds * 1000) : exponential;
  return Math.min(wanted, policy.maxDelayMs);
}

/** A plain-language message, in the planner's language, for a failure without a usable server message. */
export function describeHttpFailure(status: number): string {
  switch (true) {
    case status === 0:
      return t('client.unreachable');
    case status === 401:
      return t('client.signInRefused');
    case status === 403:
      return t('client.forbidden');
    case status === 404:
      return t('client.notFound');
    case status === 409:
      return t('client.conflict');
    case status === 413:
      return t('client.tooLarge');
    case status === 422 || status === 400:
      return t('client.invalid');
    case status === 429:
      return t('client.busy');
    default:
      return t('client.failed', { status: String(status) });
  }
}

/** Wall-clock budget of one push: stop sending new chunks early enough to write results back. */
export const EXECUTION_BUDGET_MS = 4.5 * 60 * 1000;

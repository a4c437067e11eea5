/**
 * Failed sign-ins, counted per address and per claimed identity. Past the limit in a window,
 * further sign-ins from that address, or for that identity, are refused with 429 before any
 * token is checked, until the window ends. Successful sign-ins are never counted: the store
 * is only read before a sign-in and only written when one fails (express-rate-limit's
 * `skipSuccessfulRequests` would count every request while it is in flight, so 600 people
 * behind one address calling at once would lock each other out).
 */
import { ipKeyGenerator, type Store } from 'express-rate-limit';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { initCounterStore, warnStoreDown } from '../../platform/http/shared-store.js';

export type FailedSignInLimit = {
  /** Failures allowed per address and per identity in one window; 0 turns the limit off. */
  limit: number;
  windowSeconds: number;
};

/** Whom failures are counted against: the caller's address, and the identity a token claims where it can be trusted. */
export type SignInSubject = { kind: 'address'; address: string } | { kind: 'identity'; identity: string; label: string };

export type FailedSignIns = {
  /** Refuses with 429 (TOO_MANY_FAILED_SIGN_INS) and Retry-After when `subject` failed too often lately. */
  assertMayTry(subject: SignInSubject): Promise<void>;
  recordFailure(subjects: readonly SignInSubject[]): Promise<void>;
};

export function createFailedSignIns(store: Store, { limit, windowSeconds }: FailedSignInLimit): FailedSignIns {
  if (limit <= 0) return { assertMayTry: async () => undefined, recordFailure: async () => undefined };
  const ready = initCounterStore(store, windowSeconds * 1000);
  // A store that does not answer must not lock everyone out: sign-ins go on unlimited, loudly.
  ready.catch(warnStoreDown);
  const keyOf = (subject: SignInSubject) => (subject.kind === 'address' ? `address:${ipKeyGenerator(subject.address)}` : `identity:${subject.identity}`);

  return {
    async assertMayTry(subject) {
      let failures: { totalHits: number; resetTime?: Date } | undefined;
      try {
        await ready;
        failures = await store.get?.(keyOf(subject));
      } catch (error) {
        warnStoreDown(error);
        return;
      }
      // (Redis answers a key it does not hold with no count at all: NaN here, which is no failure.)
      if (!failures || !(failures.totalHits >= limit)) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(((failures.resetTime?.getTime() ?? Date.now() + windowSeconds * 1000) - Date.now()) / 1000));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new AppError({
        code: 'RATE_LIMITED',
        reason: 'TOO_MANY_FAILED_SIGN_INS',
        userMessage: t('auth.tooManyFailedSignIns', { subject: subject.kind, label: subject.kind === 'address' ? '' : subject.label, limit, windowMinutes: Math.round(windowSeconds / 60), minutes }),
        retryAfterSeconds,
      });
    },
    async recordFailure(subjects) {
      try {
        await ready;
        await Promise.all(subjects.map((subject) => store.increment(keyOf(subject))));
      } catch (error) {
        warnStoreDown(error);
      }
    },
  };
}

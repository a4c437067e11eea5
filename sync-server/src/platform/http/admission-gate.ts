/**
 * Admission control for heavy writes. A 500-row push keeps the database busy for tens of
 * milliseconds; 150 of them at once do not finish sooner by running together, they thrash
 * the two cores and each other's pool connections, and the unlucky ones time out. The gate
 * runs `concurrency` at a time in arrival order (p-limit's FIFO queue); the rest wait their
 * turn without holding a connection. When the queue is already `maxQueued` long, a new
 * arrival is answered at once with 503 and a Retry-After estimated from the recent pace: the
 * add-on retries on its own under the same idempotency key, so nothing is lost or doubled.
 */
import pLimit from 'p-limit';
import { AppError } from '../errors/app-error.js';

export type AdmissionGate = {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
};

export function createAdmissionGate(options: { concurrency: number; maxQueued: number; busyMessage: string }): AdmissionGate {
  const limit = pLimit(Math.max(1, options.concurrency));
  // A moving average of how long one task takes, for Retry-After.
  let averageMs = 100;

  return {
    get running() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      // Counted together: p-limit moves a task from waiting to running a microtask later.
      const inGate = limit.activeCount + limit.pendingCount;
      if (inGate >= limit.concurrency + options.maxQueued) {
        const queueSeconds = (inGate * averageMs) / limit.concurrency / 1000;
        return Promise.reject(new AppError({ code: 'BUSY', userMessage: options.busyMessage, retryAfterSeconds: Math.max(1, Math.ceil(queueSeconds)) }));
      }
      return limit(async () => {
        const started = performance.now();
        try {
          return await task();
        } finally {
          averageMs = averageMs * 0.9 + (performance.now() - started) * 0.1;
        }
      });
    },
  };
}

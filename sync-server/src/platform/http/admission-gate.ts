/**
 * Admission control for heavy writes. A 500-row push keeps the database busy for tens of
 * milliseconds; 150 of them at once do not finish sooner by running together, they thrash
 * the two cores and each other's pool connections, and the unlucky ones time out. The gate
 * runs `concurrency` at a time in arrival order (p-limit's FIFO queue); the rest wait their
 * turn without holding a connection. When the queue is already `maxQueued` long, or a new
 * arrival would wait longer than `maxWaitMs` at the recent pace, it is answered at once with
 * 503 and a Retry-After estimated from that pace: the add-on retries on its own under the same
 * idempotency key, so nothing is lost or doubled.
 *
 * A request takes its place (`holdPlace`) before its body is read: at 600 connections, reading
 * and parsing 600 bodies of 500 rows only to turn most of them away kept the event loop so busy
 * that the refusals themselves came too late (bench:api's stress load: 503s at p99 11 s and 364
 * timeouts out of 540 pushes).
 *
 * The gate is per process on purpose: it protects this process's cores and pool. N servers
 * admit N × `concurrency` pushes at once; PUSH_CONCURRENCY is per server.
 */
import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler, Response } from 'express';
import pLimit from 'p-limit';
import { AppError } from '../errors/app-error.js';

/** A place in the queue taken before the body was read; released when the request ends without running. */
export type AdmissionPlace = { release(): void };

export type AdmissionGate = {
  /** Runs `task` in its turn; with `place`, in the place taken for it (never refused then). */
  run<T>(task: () => Promise<T>, place?: AdmissionPlace): Promise<T>;
  /** Express middleware: takes a place for the request, or answers 503 + Retry-After before its body is read. */
  holdPlace: RequestHandler;
  readonly running: number;
  readonly waiting: number;
};

const PLACE_KEY = 'admissionPlace';

/**
 * `busyMessage` is a function so that it is phrased when a request is turned away, in that
 * request's language (`() => t('http.pushBusy')`); a plain text is taken as it is.
 */
export function createAdmissionGate(options: { concurrency: number; maxQueued: number; maxWaitMs?: number; busyMessage: string | (() => string) }): AdmissionGate {
  const limit = pLimit(Math.max(1, options.concurrency));
  // A moving average of how long one task takes, for Retry-After and the longest wait.
  let averageMs = 100;
  // Places taken by requests whose body is still being read.
  let held = 0;

  /** Throws BUSY when one more would be too many, or would wait too long. */
  function assertRoom(): void {
    // Counted together: p-limit moves a task from waiting to running a microtask later.
    const inGate = limit.activeCount + limit.pendingCount + held;
    const waitMs = (inGate * averageMs) / limit.concurrency;
    const isFull = inGate >= limit.concurrency + options.maxQueued;
    const isTooLong = options.maxWaitMs !== undefined && inGate >= limit.concurrency && waitMs > options.maxWaitMs;
    if (isFull || isTooLong) {
      const userMessage = typeof options.busyMessage === 'function' ? options.busyMessage() : options.busyMessage;
      throw new AppError({ code: 'BUSY', userMessage, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
    }
  }

  function takePlace(): AdmissionPlace {
    assertRoom();
    held += 1;
    let isReleased = false;
    return {
      release() {
        if (isReleased) return;
        isReleased = true;
        held -= 1;
      },
    };
  }

  return {
    get running() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount + held;
    },
    run<T>(task: () => Promise<T>, place?: AdmissionPlace): Promise<T> {
      if (place) place.release();
      else {
        try {
          assertRoom();
        } catch (error) {
          return Promise.reject(error);
        }
      }
      // The task runs when a place frees, from whichever request freed it: bound here, it keeps
      // its own request's context (the tenant of tenant-scope.ts) instead of borrowing that one's.
      const ownTask = AsyncResource.bind(task);
      return limit(async () => {
        const started = performance.now();
        try {
          return await ownTask();
        } finally {
          averageMs = averageMs * 0.9 + (performance.now() - started) * 0.1;
        }
      });
    },
    holdPlace(_request, response, next) {
      try {
        const place = takePlace();
        response.locals[PLACE_KEY] = place;
        // However the request ends (bad body, client gone), its place is given back.
        response.once('close', () => place.release());
        next();
      } catch (error) {
        next(error);
      }
    },
  };
}

/** The place `holdPlace` took for this request, if it ran. */
export function heldPlace(response: Response): AdmissionPlace | undefined {
  return response.locals[PLACE_KEY] as AdmissionPlace | undefined;
}

/**
 * Where the rate-limit counters live. One server keeps them in its own memory (the embedded
 * default needs nothing else). Several servers behind a load balancer must share them, or a
 * caller's limit is N limits and failed sign-ins are counted N times over: with REDIS_URL set
 * every counter lives in Redis, under a key prefix per deployment (REDIS_KEY_PREFIX).
 *
 * Everything else a request depends on is already shared through the database: idempotency
 * keys (sync_pushes), sessions (there are none: every request carries its token) and the list
 * cache, whose entries are keyed by the database snapshot, so a write through any server moves
 * every server's key on. The admission gates are per process on purpose: they protect that
 * process's cores and pool.
 */
import { MemoryStore, type Logger as RateLimitLogger, type Options, type Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { logger } from '../logging/logger.js';

export type SharedStoreConfig = { redisUrl: string; keyPrefix: string } | null;

export type SharedStore = {
  /** For the start-up line and /healthz-style logs; never holds a password. */
  description: string;
  isShared: boolean;
  /**
   * A new counter store for one limit (`name` keeps its keys apart from the other limits').
   * express-rate-limit initialises the stores it is given; one used on its own is initialised
   * with `initCounterStore`.
   */
  createCounterStore(name: string): Store;
  close(): Promise<void>;
};

/** A store's failure must not become a 500: the request goes on unlimited, and the log says so (at most every 30 s). */
export const rateLimitStoreLogger: RateLimitLogger = {
  error: (error) => warnStoreDown(error),
  warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limit warning'),
};

let lastStoreWarningAt = 0;
export function warnStoreDown(error: unknown): void {
  const now = Date.now();
  if (now - lastStoreWarningAt < 30_000) return;
  lastStoreWarningAt = now;
  logger.error({ err: error }, 'the rate-limit store (Redis) did not answer: requests are let through without rate limits until it is back');
}

/**
 * Opens the store. With Redis configured and unreachable, the start fails with a plain
 * message: silently counting per process would quietly multiply every limit by the number
 * of servers, and nobody would notice until the limits were needed.
 */
export async function openSharedStore(config: SharedStoreConfig): Promise<SharedStore> {
  if (!config) {
    return {
      description: 'in this process',
      isShared: false,
      createCounterStore: () => new MemoryStore(),
      close: async () => undefined,
    };
  }

  const client = new Redis(config.redisUrl, {
    lazyConnect: true,
    // A request must not wait for Redis to come back: fail the command at once, let the request through.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    // Commands of requests that arrive together go out in one round trip.
    enableAutoPipelining: true,
  });
  const location = describeRedisUrl(config.redisUrl);
  // The first error says why (refused, unknown host, auth); connect() itself only says "closed".
  let firstError: unknown;
  const keepFirstError = (error: unknown) => (firstError ??= error);
  client.on('error', keepFirstError);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const cause = firstError ?? error;
    throw new Error(
      `REDIS_URL is set but Redis at ${location} could not be reached (${cause instanceof Error ? cause.message : String(cause)}). Start Redis, or unset REDIS_URL to run a single server with its limits in memory.`,
      { cause },
    );
  }
  client.off('error', keepFirstError);
  client.on('error', warnStoreDown);
  logger.info({ redis: location, keyPrefix: config.keyPrefix }, 'rate limits are shared through Redis');
  return {
    description: `shared through Redis at ${location} (keys ${config.keyPrefix}*)`,
    isShared: true,
    createCounterStore: (name) =>
      new RedisStore({
        prefix: `${config.keyPrefix}rl:${name}:`,
        sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply>,
      }),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** Initialises a store used without express-rate-limit's middleware. Both stores read only `windowMs` of the options. */
export async function initCounterStore(store: Store, windowMs: number): Promise<void> {
  await store.init?.({ windowMs } as Options);
}

function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname && parsed.pathname !== '/' ? parsed.pathname : ''}`;
  } catch {
    return 'the configured address';
  }
}

import { readAuthConfig, type AuthConfig } from './modules/auth/auth.config.js';
import { resolveDatabaseTarget, type DatabaseTarget } from './platform/database/database-target.js';
import type { SharedStoreConfig } from './platform/http/shared-store.js';

export type ServerConfig = {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Load the sample data into an empty embedded database at start, so a newcomer sees something. */
  seedWhenEmpty: boolean;
  /** Largest JSON or upload body accepted (a 500-row push is ~0.5 MB). */
  bodyLimit: string;
  auth: AuthConfig;
  /** Browser origins allowed to call the API; empty = CORS closed. */
  corsAllowedOrigins: string[];
  /** Campaign list pages kept per database snapshot (0 = no cache). */
  campaignListCacheEntries: number;
  /**
   * Pushes applied at once, and how many may wait, or how long at the recent pace (none: no
   * bound), before new ones get 503 + Retry-After.
   */
  pushAdmission: { concurrency: number; maxQueued: number; maxWaitSeconds?: number };
  /** Redis for the rate-limit counters when several servers share the load; null = this process's memory. */
  sharedStore: SharedStoreConfig;
  /** Express's `trust proxy`: behind a load balancer, which X-Forwarded-For hops give the caller's address. */
  trustProxy: boolean | number | string;
};

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const database = resolveDatabaseTarget(env);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '3000'),
    database,
    // Only the embedded database gets sample data by default: a real server's data is never touched.
    seedWhenEmpty: env.SEED_SAMPLE_DATA ? isTruthy(env.SEED_SAMPLE_DATA) : database.kind === 'embedded',
    bodyLimit: env.BODY_LIMIT ?? '10mb',
    auth: readAuthConfig(env),
    corsAllowedOrigins: (env.CORS_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    campaignListCacheEntries: parseCount('CAMPAIGN_LIST_CACHE_ENTRIES', env.CAMPAIGN_LIST_CACHE_ENTRIES ?? '256'),
    pushAdmission: {
      concurrency: Math.max(1, parseCount('PUSH_CONCURRENCY', env.PUSH_CONCURRENCY ?? '4')),
      maxQueued: parseCount('PUSH_QUEUE_LIMIT', env.PUSH_QUEUE_LIMIT ?? '400'),
      // Past this, a caller is better told to come back than kept waiting towards its own timeout.
      maxWaitSeconds: Math.max(1, parseCount('PUSH_MAX_WAIT_SECONDS', env.PUSH_MAX_WAIT_SECONDS ?? '8')),
    },
    sharedStore: env.REDIS_URL?.trim() ? { redisUrl: env.REDIS_URL.trim(), keyPrefix: env.REDIS_KEY_PREFIX ?? 'booking-center:' } : null,
    trustProxy: parseTrustProxy(env.TRUST_PROXY ?? ''),
  };
}

/** "" or "false": the connection's own address; a number: that many proxies; "true"; or addresses/subnets, comma-separated. */
function parseTrustProxy(value: string): boolean | number | string {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return value.trim();
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535; it is '${value}'.`);
  }
  return port;
}

function parseCount(name: string, value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new Error(`${name} must be a whole number, 0 or more; it is '${value}'.`);
  return count;
}

function isTruthy(value: string): boolean {
  return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

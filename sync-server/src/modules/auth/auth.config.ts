import { readFile } from 'node:fs/promises';
import type { FailedSignInLimit } from './failed-sign-ins.js';

export type GoogleCertificates = Record<string, string>;

export type AuthConfig = {
  /** Accepted `aud` of Google ID tokens: the add-on script's OAuth client id(s). */
  googleAudiences: string[];
  /** An unknown Google account becomes a viewer instead of being refused. */
  isAutoCreatingViewers: boolean;
  /** A fixed bearer token acting as the admin user; only when explicitly switched on, for local development. */
  devToken: string | null;
  /** Requests per minute per caller; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Failed sign-ins allowed per address and per claimed identity in a window (then 429). */
  failedSignIns: FailedSignInLimit;
  /** Google's public signing certificates; tests give their own, production fetches Google's. */
  fetchGoogleCertificates?: () => Promise<GoogleCertificates>;
};

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  // Offline machines and end-to-end tests trust certificates from a file instead of Google's.
  const certificatesFile = env.GOOGLE_ID_TOKEN_CERTS_FILE?.trim();
  const isDevAuth = ['1', 'true', 'yes'].includes((env.BOOKING_CENTER_DEV_AUTH ?? '').toLowerCase());
  return {
    googleAudiences: (env.GOOGLE_ID_TOKEN_AUDIENCE ?? '').split(',').map((value) => value.trim()).filter(Boolean),
    isAutoCreatingViewers: ['1', 'true', 'yes'].includes((env.AUTO_CREATE_VIEWERS ?? '').toLowerCase()),
    devToken: isDevAuth ? (env.BOOKING_CENTER_DEV_TOKEN ?? 'dev-token') : null,
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 600),
    failedSignIns: {
      limit: readCount('FAILED_SIGN_IN_LIMIT', env.FAILED_SIGN_IN_LIMIT ?? '20'),
      windowSeconds: Math.max(1, readCount('FAILED_SIGN_IN_WINDOW_SECONDS', env.FAILED_SIGN_IN_WINDOW_SECONDS ?? '300')),
    },
    ...(certificatesFile ? { fetchGoogleCertificates: async () => JSON.parse(await readFile(certificatesFile, 'utf8')) as GoogleCertificates } : {}),
  };
}

function readCount(name: string, value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new Error(`${name} must be a whole number, 0 or more; it is '${value}'.`);
  return count;
}

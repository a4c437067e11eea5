import { readFile } from 'node:fs/promises';

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
    ...(certificatesFile ? { fetchGoogleCertificates: async () => JSON.parse(await readFile(certificatesFile, 'utf8')) as GoogleCertificates } : {}),
  };
}

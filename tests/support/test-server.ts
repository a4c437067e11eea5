import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { ServerConfig } from '../../sync-server/src/config.js';
import { createApiToken } from '../../sync-server/src/modules/auth/api-tokens.service.js';
import { startServer, type RunningServer } from '../../sync-server/src/server.js';
import { createTestDatabase, isUsingPostgresServer, type TestDatabase } from './test-database.js';

export const TEST_AUDIENCE = '1234567890-booking-center-test.apps.googleusercontent.com';

// A signing key of our own stands in for Google's: the verifier is given its certificate,
// so no test reaches the network.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyId = 'test-key-1';
const testCertificates = { [keyId]: publicKey.export({ type: 'spki', format: 'pem' }).toString() };

/** `emailVerified` defaults to true; given as undefined, the claim is left out. */
export type IdTokenClaims = { email: string; aud?: string; iss?: string; expiresInSeconds?: number; emailVerified?: unknown; name?: string };

/** A Google-style ID token (RS256 JWT) signed with the test key. */
export function signIdToken(claims: IdTokenClaims, key = privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: keyId };
  const payload = {
    iss: claims.iss ?? 'https://accounts.google.com',
    aud: claims.aud ?? TEST_AUDIENCE,
    sub: randomUUID(),
    email: claims.email,
    email_verified: 'emailVerified' in claims ? claims.emailVerified : true,
    name: claims.name,
    iat: now - 10,
    exp: now + (claims.expiresInSeconds ?? 3600),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}

export function generateOtherKey() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

export type TestServer = RunningServer & {
  /** The PostgreSQL server database behind it (undefined on the embedded database). */
  databaseUrl: string | undefined;
  /** A personal API token of a seeded user (lan.nguyen admin, minh.tran lead, huong.le finance, an.pham viewer). */
  tokenFor(username: string): Promise<string>;
  /** Authorization headers for that user. */
  authAs(username: string): Promise<Record<string, string>>;
  dispose(): Promise<void>;
};

/**
 * The sync server, in process, on port 0, on a fresh database with the sample data, with the
 * test signing key trusted for Google ID tokens.
 */
/**
 * A server for bursts of parallel requests: enough pool connections and push slots that every
 * request of a burst really runs at the same time (by default the gate lets 4 pushes in at once
 * and the pool holds 10 connections).
 */
export async function startTestServerForBursts(): Promise<TestServer> {
  const previousPoolSize = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = '40';
  try {
    return await startTestServer({ pushAdmission: { concurrency: 20, maxQueued: 400 } });
  } finally {
    if (previousPoolSize === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = previousPoolSize;
  }
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const serverDatabase: TestDatabase | undefined = isUsingPostgresServer() ? await createTestDatabase() : undefined;
  const database = serverDatabase?.url ? { kind: 'postgresql' as const, url: serverDatabase.url } : { kind: 'embedded' as const, dataDir: 'memory://' };
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    database,
    seedWhenEmpty: true,
    bodyLimit: '10mb',
    corsAllowedOrigins: [],
    campaignListCacheEntries: 256,
    pushAdmission: { concurrency: 4, maxQueued: 400 },
    sharedStore: null,
    trustProxy: false,
    ...overrides,
    auth: {
      googleAudiences: [TEST_AUDIENCE],
      isAutoCreatingViewers: false,
      devToken: null,
      rateLimitPerMinute: 0,
      failedSignIns: { limit: 0, windowSeconds: 300 },
      fetchGoogleCertificates: async () => testCertificates,
      ...overrides.auth,
    },
  });
  // The test's own reads and writes (tokens, fixtures, checks) act in the default tenant; the
  // server's requests act in their caller's, which the tenant isolation tests hold it to.
  server.database.tenant.tenantId = DEFAULT_TENANT_ID;
  // A tenant speaks Vietnamese unless set otherwise, and a request without Accept-Language is
  // answered in its tenant's language. The tests' expectations are English: the sample tenant
  // speaks English here, and a test of another language asks for it (Accept-Language, PATCH /me).
  await server.database.prisma.tenant.update({ where: { id: DEFAULT_TENANT_ID }, data: { language: 'en' } });
  const tokens = new Map<string, string>();
  const tokenFor = async (username: string) => {
    if (!tokens.has(username)) {
      tokens.set(username, (await createApiToken(server.database.prisma, { username, name: 'test' })).token);
    }
    return tokens.get(username)!;
  };
  return {
    ...server,
    databaseUrl: serverDatabase?.url,
    tokenFor,
    authAs: async (username) => ({ authorization: `Bearer ${await tokenFor(username)}` }),
    async dispose() {
      await server.close();
      await serverDatabase?.dispose();
    },
  };
}

/** The test signing certificate as a JSON file, for a server started in another process (GOOGLE_ID_TOKEN_CERTS_FILE). */
export function testCertificatesJson(): string {
  return JSON.stringify(testCertificates);
}

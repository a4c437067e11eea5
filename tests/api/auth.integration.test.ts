import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../sync-server/src/modules/auth/api-tokens.service.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { generateOtherKey, signIdToken, startTestServer, TEST_AUDIENCE, type TestServer } from '../support/test-server.js';

describe('who is calling: Google ID tokens, API tokens, the development token', () => {
  let server: TestServer;
  const getTables = (headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1/tables`, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  it('refuses a request without a token with 401 and says how to sign in', async () => {
    const response = await getTables();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: expect.stringContaining('Authorization: Bearer') });
  });

  it('accepts a Google ID token of a known user (the add-on) and maps the email to that user', async () => {
    const response = await getTables(bearer(signIdToken({ email: 'Minh.Tran@bookingcenter.vn' })));
    expect(response.status).toBe(200);
  });

  it.each([
    ['meant for another audience', { email: 'minh.tran@bookingcenter.vn', aud: 'someone-else.apps.googleusercontent.com' }],
    ['from another issuer', { email: 'minh.tran@bookingcenter.vn', iss: 'https://evil.example' }],
    ['expired', { email: 'minh.tran@bookingcenter.vn', expiresInSeconds: -600 }],
  ])('refuses an ID token %s with 401', async (_case, claims) => {
    const response = await getTables(bearer(signIdToken(claims)));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['false', false],
    ['the string "false"', 'false'],
    ['left out', undefined],
    ['the string "yes"', 'yes'],
  ])('refuses a Google sign-in whose email_verified is %s with 401 EMAIL_NOT_VERIFIED and says why', async (_case, emailVerified) => {
    const response = await getTables(bearer(signIdToken({ email: 'minh.tran@bookingcenter.vn', emailVerified })));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', detail: expect.stringContaining('Google has not verified that minh.tran@bookingcenter.vn belongs to this account') });
  });

  it('accepts email_verified given as the string "true" (as some Google tokens carry it)', async () => {
    expect((await getTables(bearer(signIdToken({ email: 'minh.tran@bookingcenter.vn', emailVerified: 'true' })))).status).toBe(200);
  });

  it('reads no JSON body before the caller is signed in: a malformed or huge body from nobody gets 401, not 400 or 413', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const huge = `{"tables":[${'"x",'.repeat(3_000_000)}"x"]}`; // 12 MB, over BODY_LIMIT
    for (const body of ['{"tables": [', huge]) {
      const response = await post(body);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    // A signed-in caller is still told what is wrong with the body.
    const authorization = (await server.authAs('minh.tran')).authorization!;
    expect((await post('{"tables": [', { authorization })).status).toBe(400);
    expect((await post(huge, { authorization })).status).toBe(413);
  });

  it('refuses an ID token signed by a key that is not Google’s', async () => {
    const response = await getTables(bearer(signIdToken({ email: 'minh.tran@bookingcenter.vn' }, generateOtherKey())));
    expect(response.status).toBe(401);
  });

  it('refuses an unknown Google account with 403 and tells them to ask an admin', async () => {
    const response = await getTables(bearer(signIdToken({ email: 'stranger@gmail.com' })));
    expect(response.status).toBe(403);
    expect(errorResponseSchema.parse(await response.json()).detail).toBe('stranger@gmail.com is not a Booking Center user yet. Ask an admin to add you.');
  });

  it('accepts a personal API token, and refuses it once revoked', async () => {
    const token = await server.tokenFor('huong.le');
    expect((await getTables(bearer(token))).status).toBe(200);
    const used = await server.database.prisma.apiToken.findFirstOrThrow({ where: { prefix: token.slice(0, 12) } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.tokenHash).not.toContain(token);
    expect(await revokeApiToken(server.database.prisma, token.slice(0, 12))).toBe(true);
    expect((await getTables(bearer(token))).status).toBe(401);
  });

  it('answers people who call at the same moment each as themselves (their sign-ins are looked up together)', async () => {
    const { token: revoked } = await createApiToken(server.database.prisma, { username: 'lan.nguyen', name: 'revoked at once' });
    expect(await revokeApiToken(server.database.prisma, revoked.slice(0, 12))).toBe(true);
    const callers = [
      { authorization: (await server.authAs('minh.tran')).authorization, expected: 200 },
      { authorization: (await server.authAs('an.pham')).authorization, expected: 200 },
      { authorization: bearer(signIdToken({ email: 'huong.le@bookingcenter.vn' })).authorization, expected: 200 },
      { authorization: `Bearer ${revoked}`, expected: 401 },
      { authorization: 'Bearer bc_notatoken0000000000000000000000', expected: 401 },
    ];
    const answers = await Promise.all(
      [...callers, ...callers].map(async ({ authorization }) => {
        const response = await fetch(`${server.url}/api/v1/campaigns?statuses=running`, { headers: { authorization: authorization ?? '' } });
        return { status: response.status, body: (await response.json()) as { items?: { budgetPlanned: number | null }[] } };
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual([...callers, ...callers].map((caller) => caller.expected));
    // The lead and finance see budgets, the viewer does not.
    expect(answers.map((answer) => (answer.status === 200 ? answer.body.items?.[0]?.budgetPlanned : 'refused'))).toEqual([150_000_000, null, 150_000_000, 'refused', 'refused', 150_000_000, null, 150_000_000, 'refused', 'refused']);
  });

  it('has no development token unless it is switched on', async () => {
    expect((await getTables(bearer('dev-token'))).status).toBe(401);
  });

  it('sends security headers and no CORS permission to a browser origin', async () => {
    const response = await getTables({ ...bearer(await server.tokenFor('an.pham')), origin: 'https://evil.example' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes the OpenAPI document and the interactive docs', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/tables');
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    expect((await fetch(`${server.url}/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });
});

describe('optional identity settings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      auth: { googleAudiences: [TEST_AUDIENCE], isAutoCreatingViewers: true, devToken: 'local-dev', rateLimitPerMinute: 3, failedSignIns: { limit: 0, windowSeconds: 300 } },
    });
  });
  afterAll(async () => server?.dispose());

  it('creates an unknown Google account as a viewer when configured so', async () => {
    const response = await fetch(`${server.url}/api/v1/tables`, { headers: { authorization: `Bearer ${signIdToken({ email: 'new.planner@gmail.com', name: 'Người mới' })}` } });
    expect(response.status).toBe(200);
    const user = await server.database.prisma.user.findUniqueOrThrow({ where: { email: 'new.planner@gmail.com' } });
    expect(user.role).toBe('viewer');
  });

  it('accepts the development token when switched on, and limits requests per caller with 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await fetch(`${server.url}/api/v1/tables`, { headers: { authorization: 'Bearer local-dev' } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('failed sign-ins are limited per address and per claimed identity', () => {
  let server: TestServer;
  const LIMIT = 5;
  // The server trusts X-Forwarded-For (as behind a load balancer), so one test can call from many addresses.
  const call = (address: string, token: string | null) =>
    fetch(`${server.url}/api/v1/tables`, { headers: { 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const statusesOf = async (calls: Array<() => Promise<Response>>) => {
    const statuses: number[] = [];
    for (const send of calls) statuses.push((await send()).status);
    return statuses;
  };

  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true, auth: { googleAudiences: [TEST_AUDIENCE], isAutoCreatingViewers: false, devToken: null, rateLimitPerMinute: 0, failedSignIns: { limit: LIMIT, windowSeconds: 300 } } });
  });
  afterAll(async () => server?.dispose());

  it('after 5 bad tokens from one address, the next sign-ins from it get 429 with Retry-After and a plain message, even with a good token', async () => {
    const good = await server.tokenFor('minh.tran');
    const bad = Array.from({ length: LIMIT }, (_, index) => () => call('203.0.113.7', `bc_bad${index}${'0'.repeat(30)}`));
    expect(await statusesOf(bad)).toEqual(Array(LIMIT).fill(401));
    const refused = await call('203.0.113.7', 'bc_onemore000000000000000000000000');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(200);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(300);
    expect(errorResponseSchema.parse(await refused.json())).toMatchObject({ code: 'TOO_MANY_FAILED_SIGN_INS', detail: expect.stringMatching(/^Too many failed sign-ins from your address: 5 in 5 minutes\. Wait 5 minutes and try again/) });
    expect((await call('203.0.113.7', good)).status).toBe(429);
    // Someone else, from another address, is not affected.
    expect((await call('198.51.100.1', good)).status).toBe(200);
  });

  it('counts no successful sign-in: 30 good requests then a bad one from one address is a plain 401', async () => {
    const good = await server.tokenFor('huong.le');
    const statuses = await Promise.all(Array.from({ length: 30 }, () => call('203.0.113.8', good).then((response) => response.status)));
    expect(statuses).toEqual(Array(30).fill(200));
    expect((await call('203.0.113.8', 'bc_bad000000000000000000000000000')).status).toBe(401);
    expect((await call('203.0.113.8', good)).status).toBe(200);
  });

  it('limits one Google account tried from many addresses, but never counts an email written into a forged token', async () => {
    const expired = signIdToken({ email: 'an.pham@bookingcenter.vn', expiresInSeconds: -600 });
    expect(await statusesOf(Array.from({ length: LIMIT }, (_, index) => () => call(`192.0.2.${index + 1}`, expired)))).toEqual(Array(LIMIT).fill(401));
    const refused = await call('192.0.2.100', signIdToken({ email: 'an.pham@bookingcenter.vn' }));
    expect(refused.status).toBe(429);
    expect((await refused.json()) as { detail: string }).toMatchObject({ detail: expect.stringContaining('for an.pham@bookingcenter.vn') });

    // Bad tokens naming lan.nguyen but not signed by Google: lan.nguyen still signs in.
    const forged = signIdToken({ email: 'lan.nguyen@bookingcenter.vn' }, generateOtherKey());
    expect(await statusesOf(Array.from({ length: LIMIT + 2 }, (_, index) => () => call(`192.0.2.${index + 20}`, forged)))).toEqual(Array(LIMIT + 2).fill(401));
    expect((await call('192.0.2.200', signIdToken({ email: 'lan.nguyen@bookingcenter.vn' }))).status).toBe(200);
  });

  it('limits one API token tried from many addresses', async () => {
    const token = await server.tokenFor('lan.nguyen');
    const wrongEnding = `${token.slice(0, 12)}${'A'.repeat(token.length - 12)}`;
    expect(await statusesOf(Array.from({ length: LIMIT }, (_, index) => () => call(`2001:db8:${index + 1}::1`, wrongEnding)))).toEqual(Array(LIMIT).fill(401));
    const refused = await call('2001:db8:99::1', wrongEnding);
    expect(refused.status).toBe(429);
    expect((await refused.json()) as { detail: string }).toMatchObject({ detail: expect.stringContaining(`for the API token ${token.slice(0, 12)}`) });
  });
});

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
    expect(document.openapi).toBe('3.0.3');
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
      auth: { googleAudiences: [TEST_AUDIENCE], isAutoCreatingViewers: true, devToken: 'local-dev', rateLimitPerMinute: 3 },
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

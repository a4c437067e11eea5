/**
 * The language the server answers in, over HTTP on the real server: the error handler's own
 * refusals in the language Accept-Language asks for (the code unchanged), and the language a
 * person stores with PATCH /api/v1/me, which every later request without Accept-Language speaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../sync-server/src/contract/i18n/translate.js';
import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

type Answer = { status: number; body: Record<string, unknown> };

async function send(as: string | null, method: string, path: string, options: { body?: unknown; rawBody?: string; language?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(as ? await server.authAs(as) : {}), ...(options.language ? { 'accept-language': options.language } : {}) };
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const ETHIOPIC = /[\u1200-\u137F]/;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.dispose());

describe('the error handler speaks the language asked for', () => {
  it('answers "sign in first" in Amharic, Vietnamese or English, with the same code', async () => {
    const amharic = await send(null, 'GET', '/tables', { language: 'am' });
    const vietnamese = await send(null, 'GET', '/tables', { language: 'vi-VN,vi;q=0.9,en;q=0.5' });
    const english = await send(null, 'GET', '/tables');
    for (const answer of [amharic, vietnamese, english]) {
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('UNAUTHENTICATED');
    }
    expect(amharic.body.detail).toBe('መጀመሪያ ይግቡ፦ "Authorization: Bearer <token>" ይላኩ።');
    expect(amharic.body.detail).toMatch(ETHIOPIC);
    expect(vietnamese.body.detail).toBe('Hãy đăng nhập trước: gửi kèm "Authorization: Bearer <token>".');
    expect(english.body.detail).toBe('Sign in first: send "Authorization: Bearer <token>".');
    // One URL, several languages: a cache between the server and the caller must keep them apart.
    const response = await fetch(`${server.url}/api/v1/tables`, { headers: { 'accept-language': 'vi' } });
    expect(response.headers.get('vary') ?? '').toMatch(/accept-language/i);
  });

  it('says a route does not exist, and a body is not JSON, in the asked language (the body parser resumes outside the request)', async () => {
    const missing = await send('an.pham', 'GET', '/nothing-here', { language: 'vi' });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', detail: 'Máy chủ này không có GET /api/v1/nothing-here.' } });

    const broken = await send('an.pham', 'PATCH', '/me', { rawBody: '{"language": ', language: 'am' });
    expect(broken).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST', detail: 'የጥያቄው አካል ትክክለኛ JSON አይደለም።' } });
    const brokenInEnglish = await send('an.pham', 'PATCH', '/me', { rawBody: '{"language": ' });
    expect(brokenInEnglish.body.detail).toBe('The request body is not valid JSON.');
  });
});

describe('GET and PATCH /api/v1/me', () => {
  it('tells any signed-in user who they are, with no language of their own yet and the tenant’s', async () => {
    const me = await send('an.pham', 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ email: 'an.pham@bookingcenter.vn', name: expect.any(String), role: 'viewer', language: null, tenantLanguage: 'en', baseCurrency: 'VND' });
  });

  it('stores a viewer’s choice of Vietnamese, audited; their next requests without Accept-Language are answered in Vietnamese', async () => {
    const before = await send('an.pham', 'GET', '/nothing-here');
    expect(before.body.detail).toBe('There is no GET /api/v1/nothing-here on this server.');

    const changed = await send('an.pham', 'PATCH', '/me', { body: { language: 'vi' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ email: 'an.pham@bookingcenter.vn', language: 'vi', tenantLanguage: 'en' });
    expect((await send('an.pham', 'GET', '/me')).body.language).toBe('vi');

    const after = await send('an.pham', 'GET', '/nothing-here');
    expect(after.body).toMatchObject({ code: 'NOT_FOUND', detail: 'Máy chủ này không có GET /api/v1/nothing-here.' });
    // A validation refusal too: the envelope in Vietnamese, the field named as before.
    const refused = await send('an.pham', 'PATCH', '/me', { body: { language: 'fr' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: `Chưa đổi ngôn ngữ của bạn: language: ${translate('vi', 'me.languageInvalid')}.`,
      errors: { language: [translate('vi', 'me.languageInvalid')] },
    });
    // Accept-Language still wins over the stored choice, and a colleague is not affected.
    expect((await send('an.pham', 'GET', '/nothing-here', { language: 'en' })).body.detail).toBe('There is no GET /api/v1/nothing-here on this server.');
    expect((await send('minh.tran', 'GET', '/nothing-here')).body.detail).toBe('There is no GET /api/v1/nothing-here on this server.');

    const user = await server.database.prisma.user.findFirstOrThrow({ where: { email: 'an.pham@bookingcenter.vn' }, select: { id: true, language: true } });
    expect(user.language).toBe('vi');
    const audit = await server.database.prisma.auditLog.findMany({ where: { entityType: 'user', entityId: user.id }, select: { action: true, changes: true, source: true, actorLabel: true } });
    expect(audit).toEqual([{ action: 'set_language', changes: { language: { before: null, after: 'vi' } }, source: 'api', actorLabel: 'an.pham@bookingcenter.vn' }]);
  });

  it('follows the tenant again after language null: the tenant’s Amharic, then English', async () => {
    const cleared = await send('an.pham', 'PATCH', '/me', { body: { language: null } });
    expect(cleared).toMatchObject({ status: 200, body: { language: null } });
    expect((await send('an.pham', 'GET', '/nothing-here')).body.detail).toBe('There is no GET /api/v1/nothing-here on this server.');

    await server.database.prisma.tenant.update({ where: { id: DEFAULT_TENANT_ID }, data: { language: 'am' } });
    try {
      expect((await send('an.pham', 'GET', '/me')).body).toMatchObject({ language: null, tenantLanguage: 'am' });
      expect((await send('an.pham', 'GET', '/nothing-here')).body.detail).toBe('በዚህ ሰርቨር ላይ GET /api/v1/nothing-here የለም።');
      // The person's own choice comes before the tenant's.
      await send('an.pham', 'PATCH', '/me', { body: { language: 'en' } });
      expect((await send('an.pham', 'GET', '/nothing-here')).body.detail).toBe('There is no GET /api/v1/nothing-here on this server.');
    } finally {
      await server.database.prisma.tenant.update({ where: { id: DEFAULT_TENANT_ID }, data: { language: 'en' } });
    }
  });

  it('refuses a body without a language, and an unchanged choice writes no audit entry', async () => {
    const empty = await send('minh.tran', 'PATCH', '/me', { body: {} });
    expect(empty).toMatchObject({ status: 422, body: { code: 'VALIDATION_FAILED', errors: { language: [translate('en', 'me.languageInvalid')] } } });
    expect(empty.body.detail).toMatch(/^Your language was not changed: language: /);

    const id = (await server.database.prisma.user.findFirstOrThrow({ where: { email: 'minh.tran@bookingcenter.vn' }, select: { id: true } })).id;
    expect((await send('minh.tran', 'PATCH', '/me', { body: { language: null } })).status).toBe(200);
    expect(await server.database.prisma.auditLog.count({ where: { entityType: 'user', entityId: id } })).toBe(0);
  });
});

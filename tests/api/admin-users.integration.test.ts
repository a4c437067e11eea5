/**
 * The admin endpoints as an admin and the other roles meet them, over HTTP on the real server:
 * inviting, changing roles, deactivating, API tokens shown once and revoked, the last-admin
 * rule (one request after another, and two admins demoting each other at the same moment),
 * an email of another tenant, and the audit of every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../sync-server/src/modules/access/actor.js';
import { createTenant } from '../../sync-server/src/modules/tenants/tenants.service.js';
import { addUser } from '../../sync-server/src/modules/users/users.service.js';
import { runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';
import { isUsingPostgresServer } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

type Answer<T = Record<string, unknown>> = { status: number; body: T };

async function send<T = Record<string, unknown>>(as: string | Record<string, string>, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const auth = typeof as === 'string' ? await server.authAs(as) : as;
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

type User = { email: string; username: string; role: string; isActive: boolean; brands: string[] };

async function activeAdmins(): Promise<string[]> {
  const users = await server.database.prisma.user.findMany({ where: { role: 'admin', isActive: true }, select: { email: true }, orderBy: { email: 'asc' } });
  return users.map((user) => user.email);
}

function auditOf(entityType: string, entityId: string) {
  return server.database.prisma.auditLog.findMany({ where: { entityType, entityId }, orderBy: [{ createdAt: 'asc' }, { syncSeq: 'asc' }], select: { action: true, changes: true, actorLabel: true, source: true } });
}

async function userId(email: string): Promise<string> {
  return (await server.database.prisma.user.findFirstOrThrow({ where: { email }, select: { id: true } })).id;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.dispose());

describe('the admin endpoints', () => {
  it.each([
    ['minh.tran', 'lead'],
    ['huong.le', 'finance'],
    ['an.pham', 'viewer'],
  ])('refuse %s (%s) with 403 on every route, and change nothing', async (username, role) => {
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/admin/users'],
      ['POST', '/admin/users', { email: `by-${role}@agency.vn`, displayName: 'Nope', role: 'admin' }],
      ['PATCH', '/admin/users/lan.nguyen@bookingcenter.vn', { role: 'viewer' }],
      ['GET', '/admin/tokens'],
      ['POST', '/admin/tokens', { email: 'lan.nguyen@bookingcenter.vn', name: 'mine now' }],
      ['DELETE', '/admin/tokens/bc_doesnotexist'],
    ];
    for (const [method, path, body] of calls) {
      const answer = await send(username, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body).toMatchObject({ code: 'ADMIN_ONLY', detail: expect.stringContaining(`your role is ${role}`) });
    }
    expect(await server.database.prisma.user.count({ where: { email: `by-${role}@agency.vn` } })).toBe(0);
    expect(await activeAdmins()).toEqual(['lan.nguyen@bookingcenter.vn']);
  });

  it('let the admin invite a planner, then list them with role and state; the username is the email’s first part', async () => {
    const added = await send<User>('lan.nguyen', 'POST', '/admin/users', { email: 'Thu.Vo@Agency.vn', displayName: 'Võ Anh Thư', role: 'lead' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ email: 'thu.vo@agency.vn', username: 'thu.vo', role: 'lead', isActive: true, brands: [] });

    const listed = await send<{ users: User[] }>('lan.nguyen', 'GET', '/admin/users');
    expect(listed.status).toBe(200);
    expect(listed.body.users.map((user) => `${user.email} ${user.role}`)).toEqual(expect.arrayContaining(['thu.vo@agency.vn lead', 'lan.nguyen@bookingcenter.vn admin', 'an.pham@bookingcenter.vn viewer']));

    const again = await send('lan.nguyen', 'POST', '/admin/users', { email: 'thu.vo@agency.vn', displayName: 'Thư', role: 'viewer' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'USER_EXISTS' });
  });

  it('give a client the brands they may see, refuse an unknown brand by name, and refuse brands for other roles', async () => {
    const client = await send<User>('lan.nguyen', 'POST', '/admin/users', { email: 'brand.manager@cocoon.vn', displayName: 'Cocoon brand manager', role: 'client', brands: ['cocoon'] });
    expect(client.status, JSON.stringify(client.body)).toBe(201);
    expect(client.body.brands).toEqual(['COCOON']);

    const unknown = await send('lan.nguyen', 'POST', '/admin/users', { email: 'x@brand.vn', displayName: 'X', role: 'client', brands: ['COCOON', 'NOPE'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_BRAND', detail: expect.stringContaining('"NOPE"') });

    const wrongRole = await send('lan.nguyen', 'PATCH', '/admin/users/thu.vo@agency.vn', { brands: ['COCOON'] });
    expect(wrongRole.status).toBe(422);
    expect(wrongRole.body).toMatchObject({ code: 'BRANDS_FOR_CLIENTS_ONLY' });

    // No longer a client: the brands go with the role.
    const promoted = await send<User>('lan.nguyen', 'PATCH', '/admin/users/brand.manager@cocoon.vn', { role: 'viewer' });
    expect(promoted.body).toMatchObject({ role: 'viewer', brands: [] });
    expect(await server.database.prisma.userBrand.count({ where: { userId: await userId('brand.manager@cocoon.vn') } })).toBe(0);
  });

  it('answer bad input with 422 naming the field, and an unknown email with 404', async () => {
    const bad = await send<{ errors: Record<string, string[]> }>('lan.nguyen', 'POST', '/admin/users', { email: 'not-an-email', displayName: '', role: 'boss' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['displayName', 'email', 'role']);
    const missing = await send('lan.nguyen', 'PATCH', '/admin/users/nobody@agency.vn', { role: 'viewer' });
    expect(missing.status).toBe(404);
    const empty = await send('lan.nguyen', 'PATCH', '/admin/users/thu.vo@agency.vn', {});
    expect(empty.status).toBe(422);
  });

  it('audit every change of a user field by field, with the actor and the source', async () => {
    await send('lan.nguyen', 'PATCH', '/admin/users/thu.vo@agency.vn', { role: 'finance' });
    await send('lan.nguyen', 'PATCH', '/admin/users/thu.vo@agency.vn', { isActive: false });
    await send('lan.nguyen', 'PATCH', '/admin/users/thu.vo@agency.vn', { isActive: true, displayName: 'Võ Thư' });
    const entries = await auditOf('user', await userId('thu.vo@agency.vn'));
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'set_role', 'deactivate', 'reactivate']);
    for (const entry of entries) expect(entry).toMatchObject({ actorLabel: 'lan.nguyen@bookingcenter.vn', source: 'api' });
    expect(entries[0]?.changes).toMatchObject({ email: { before: null, after: 'thu.vo@agency.vn' }, role: { before: null, after: 'lead' }, username: { before: null, after: 'thu.vo' } });
    expect(entries[1]?.changes).toEqual({ role: { before: 'lead', after: 'finance' } });
    expect(entries[2]?.changes).toEqual({ is_active: { before: true, after: false } });
    expect(entries[3]?.changes).toEqual({ is_active: { before: false, after: true }, display_name: { before: 'Võ Anh Thư', after: 'Võ Thư' } });
  });

  it('refuse to demote or deactivate the last active admin, with a plain message, and change nothing', async () => {
    for (const change of [{ role: 'lead' }, { isActive: false }]) {
      const refused = await send('lan.nguyen', 'PATCH', '/admin/users/lan.nguyen@bookingcenter.vn', change);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'LAST_ADMIN', detail: expect.stringContaining('last active admin') });
    }
    expect(await activeAdmins()).toEqual(['lan.nguyen@bookingcenter.vn']);
    // With a second admin, the first may step down.
    await send('lan.nguyen', 'POST', '/admin/users', { email: 'second.admin@agency.vn', displayName: 'Second admin', role: 'admin' });
    const stepDown = await send<User>('lan.nguyen', 'PATCH', '/admin/users/lan.nguyen@bookingcenter.vn', { role: 'lead' });
    expect(stepDown.status).toBe(200);
    expect(await activeAdmins()).toEqual(['second.admin@agency.vn']);
    const back = await send<User>('second.admin', 'PATCH', '/admin/users/lan.nguyen@bookingcenter.vn', { role: 'admin' });
    expect(back.body.role).toBe('admin');
  });

  it.skipIf(!isUsingPostgresServer())('leave one admin when two admins demote each other at the same moment (PostgreSQL: two connections)', async () => {
    // PGlite has one connection, so its transactions never overlap: this race exists on PostgreSQL only.
    const lan = await server.authAs('lan.nguyen');
    // Exactly two admins: Lan and Quang.
    await send(lan, 'POST', '/admin/users', { email: 'quang.race@agency.vn', displayName: 'Quang', role: 'admin' });
    for (const email of await activeAdmins()) {
      if (email !== 'lan.nguyen@bookingcenter.vn' && email !== 'quang.race@agency.vn') await send(lan, 'PATCH', `/admin/users/${email}`, { role: 'lead' });
    }
    const second = await server.authAs('quang.race');
    for (let round = 0; round < 5; round += 1) {
      expect(await activeAdmins()).toEqual(['lan.nguyen@bookingcenter.vn', 'quang.race@agency.vn']);
      const [lanDemotesSecond, secondDemotesLan] = await Promise.all([
        send(lan, 'PATCH', '/admin/users/quang.race@agency.vn', { role: 'lead' }),
        send(second, 'PATCH', '/admin/users/lan.nguyen@bookingcenter.vn', { role: 'lead' }),
      ]);
      const statuses = [lanDemotesSecond.status, secondDemotesLan.status];
      // One wins; the other is refused: by the rule (it waited on the lock and then saw one admin
      // left), or as a non-admin when it signed in after the winner committed.
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      const refusal = [lanDemotesSecond, secondDemotesLan].find((answer) => answer.status !== 200)!;
      expect([409, 403]).toContain(refusal.status);
      const admins = await activeAdmins();
      expect(admins).toHaveLength(1);
      const demoted = admins[0] === 'lan.nguyen@bookingcenter.vn' ? 'quang.race@agency.vn' : 'lan.nguyen@bookingcenter.vn';
      const restored = await send(admins[0] === 'lan.nguyen@bookingcenter.vn' ? lan : second, 'PATCH', `/admin/users/${demoted}`, { role: 'admin' });
      expect(restored.status).toBe(200);
    }
  });

  it('create a token shown once that works as Authorization: Bearer, list it without the secret, and revoke it so it stops working', async () => {
    const created = await send<{ token: string; prefix: string; name: string; email: string; role: string }>('lan.nguyen', 'POST', '/admin/tokens', { email: 'thu.vo@agency.vn', name: 'Looker Studio report' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'Looker Studio report', email: 'thu.vo@agency.vn', role: 'finance' });
    expect(created.body.token).toMatch(/^bc_/);
    const bearer = { authorization: `Bearer ${created.body.token}` };

    // It acts as the person it was made for: finance reads campaigns, and is no admin.
    expect((await send(bearer, 'GET', '/campaigns')).status).toBe(200);
    expect((await send(bearer, 'GET', '/admin/users')).status).toBe(403);

    const listed = await send<{ tokens: Array<Record<string, unknown>> }>('lan.nguyen', 'GET', '/admin/tokens');
    const mine = listed.body.tokens.find((token) => token['prefix'] === created.body.prefix);
    expect(mine).toMatchObject({ name: 'Looker Studio report', email: 'thu.vo@agency.vn', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const revoked = await send<{ revokedAt: string }>('lan.nguyen', 'DELETE', `/admin/tokens/${created.body.prefix}`);
    expect(revoked.status).toBe(200);
    const afterRevoke = await send(bearer, 'GET', '/campaigns');
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body).toMatchObject({ detail: expect.stringContaining('revoked') });
    // Revoking again answers when it was revoked; an unknown prefix is 404.
    expect((await send<{ revokedAt: string }>('lan.nguyen', 'DELETE', `/admin/tokens/${created.body.prefix}`)).body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await send('lan.nguyen', 'DELETE', '/admin/tokens/bc_nosuchtoken')).status).toBe(404);

    const tokenId = (await server.database.prisma.apiToken.findFirstOrThrow({ where: { prefix: created.body.prefix }, select: { id: true } })).id;
    const entries = await auditOf('api_token', tokenId);
    expect(entries.map((entry) => `${entry.action} by ${entry.actorLabel} (${entry.source})`)).toEqual(['create by lan.nguyen@bookingcenter.vn (api)', 'revoke by lan.nguyen@bookingcenter.vn (api)']);
    expect(entries[0]?.changes).toMatchObject({ name: { after: 'Looker Studio report' }, user: { after: 'thu.vo@agency.vn' } });
  });

  it('stop a deactivated user’s tokens and refuse giving them a new one', async () => {
    const created = await send<{ token: string }>('lan.nguyen', 'POST', '/admin/tokens', { email: 'thu.vo@agency.vn', name: 'script' });
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await send(bearer, 'GET', '/campaigns')).status).toBe(200);
    await send('lan.nguyen', 'PATCH', '/admin/users/thu.vo@agency.vn', { isActive: false });
    expect((await send(bearer, 'GET', '/campaigns')).status).toBe(403);
    const refused = await send('lan.nguyen', 'POST', '/admin/tokens', { email: 'thu.vo@agency.vn', name: 'another' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'USER_INACTIVE' });
  });

  it('refuse an email that belongs to a user of another tenant, without naming that tenant', async () => {
    const other = await createTenant(server.database.prisma, { code: 'northwind', name: 'Northwind Media' });
    await runInTenant(other.id, () =>
      addUser(server.database, { ...SYSTEM_ACTOR, tenantId: other.id, label: 'test', source: 'cli' }, { email: 'mai.ho@northwind.vn', displayName: 'Hồ Mai', role: 'admin' }),
    );
    const refused = await send('lan.nguyen', 'POST', '/admin/users', { email: 'Mai.Ho@northwind.vn', displayName: 'Mai', role: 'viewer' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'EMAIL_TAKEN', detail: expect.stringContaining('elsewhere on this server') });
    expect(JSON.stringify(refused.body)).not.toMatch(/northwind media|"northwind"|Hồ Mai/i);
    // And the other tenant's user is not reachable from here.
    expect((await send('lan.nguyen', 'PATCH', '/admin/users/mai.ho@northwind.vn', { role: 'viewer' })).status).toBe(404);
    const listed = await send<{ users: User[] }>('lan.nguyen', 'GET', '/admin/users');
    expect(listed.body.users.map((user) => user.email)).not.toContain('mai.ho@northwind.vn');
  });
});

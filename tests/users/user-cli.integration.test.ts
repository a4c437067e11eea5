/**
 * `npm run user` as an operator runs it on a new install (no user yet): child processes on a
 * real database (embedded by default, PostgreSQL with TEST_DATABASE_URL). Usage mistakes exit
 * 2 with the usage; refusals exit 1 with a plain message; every change is audited as the
 * command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';
import { killAllChildren, runChild } from '../support/child-process.js';
import { runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';

const SCRIPT = 'scripts/user.ts';
let database: CliDatabase;

const user = (...args: string[]) => runChild(SCRIPT, args, database.env);

beforeAll(async () => {
  database = await createCliDatabase();
});
afterAll(async () => {
  await killAllChildren();
  await database?.dispose();
});

describe('npm run user', () => {
  it('answers a usage mistake with exit code 2 and the usage, before touching the database', async () => {
    const mistakes = [['promote'], ['add', '--email', 'boss@agency.vn', '--role', 'admin'], ['add', '--email', 'boss@agency.vn', '--name', 'Boss', '--role', 'king'], ['list', '--colour']];
    const runs = await Promise.all(mistakes.map((args) => user(...args)));
    for (const [index, run] of runs.entries()) {
      expect(run.exitCode, `${mistakes[index]!.join(' ')}\n${run.output}`).toBe(2);
      expect(run.output).toContain('Usage:');
    }
    expect(runs[0]!.output).toContain('There is no command "promote"');
    expect(runs[2]!.output).toContain('the roles are admin, lead, finance, viewer, client, station_rep');
    expect(await database.read((prisma) => prisma.user.count())).toBe(0);
  }, 120_000);

  it('makes the first admin of a new install, lists, changes roles, deactivates, and keeps the last admin', async () => {
    const empty = await user('list');
    expect(empty.exitCode, empty.output).toBe(0);
    expect(empty.output).toContain('No users yet');

    const added = await user('add', '--email', 'Boss@Agency.vn', '--name', 'Nguyễn Boss', '--role', 'admin');
    expect(added.exitCode, added.output).toBe(0);
    expect(added.output).toContain('Added boss@agency.vn (Nguyễn Boss) as admin, username boss.');

    const lastAdmin = await user('set-role', '--email', 'boss@agency.vn', '--role', 'lead');
    expect(lastAdmin.exitCode, lastAdmin.output).toBe(1);
    expect(lastAdmin.output).toContain('boss@agency.vn is the last active admin of this tenant');
    expect(lastAdmin.output).not.toContain('Usage:');

    expect((await user('add', '--email', 'planner@agency.vn', '--name', 'Planner', '--role', 'lead')).exitCode).toBe(0);
    expect((await user('set-role', '--email', 'planner@agency.vn', '--role', 'admin')).exitCode).toBe(0);
    const deactivated = await user('deactivate', '--email', 'boss@agency.vn');
    expect(deactivated.exitCode, deactivated.output).toBe(0);
    expect(deactivated.output).toContain('boss@agency.vn is deactivated');
    const lastOne = await user('deactivate', '--email', 'planner@agency.vn');
    expect(lastOne.exitCode, lastOne.output).toBe(1);
    expect(lastOne.output).toContain('last active admin');

    const listed = await user('list');
    expect(listed.exitCode).toBe(0);
    expect(listed.output).toMatch(/planner@agency\.vn\s+admin\s+active\s+Planner/);
    expect(listed.output).toMatch(/boss@agency\.vn\s+admin\s+deactivated\s+Nguyễn Boss/);

    const again = await user('add', '--email', 'boss@agency.vn', '--name', 'Boss', '--role', 'viewer');
    expect(again.exitCode).toBe(1);
    expect(again.output).toContain('already a user here (admin, deactivated). Reactivate them instead.');

    const audit = await database.read((prisma) => prisma.auditLog.findMany({ where: { entityType: 'user' }, orderBy: [{ createdAt: 'asc' }, { syncSeq: 'asc' }], select: { action: true, actorLabel: true, source: true, actorId: true } }));
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'create', 'set_role', 'deactivate']);
    for (const entry of audit) expect(entry).toMatchObject({ source: 'cli', actorId: null, actorLabel: expect.stringMatching(/^npm run user \(.+\)$/) });
  }, 300_000);

  it('acts in the tenant --tenant names, refusing there an email another tenant has', async () => {
    const tenant = await runChild('scripts/tenant.ts', ['add', '--code', 'northwind', '--name', 'Northwind Media'], database.env);
    expect(tenant.exitCode, tenant.output).toBe(0);

    const taken = await user('add', '--tenant', 'northwind', '--email', 'planner@agency.vn', '--name', 'Planner', '--role', 'admin');
    expect(taken.exitCode, taken.output).toBe(1);
    expect(taken.output).toContain('already belongs to a Booking Center user elsewhere on this server');

    const added = await user('add', '--tenant', 'northwind', '--email', 'mai@northwind.vn', '--name', 'Mai', '--role', 'admin');
    expect(added.exitCode, added.output).toBe(0);
    const listed = await user('list', '--tenant', 'northwind');
    expect(listed.output).toContain('mai@northwind.vn');
    expect(listed.output).not.toContain('planner@agency.vn');

    const unknown = await user('list', '--tenant', 'nowhere');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toContain('There is no tenant "nowhere"');
  }, 300_000);

  it('npm run token creates (shown once), lists and revokes a token in the tenant named, audited like the admin panel', async () => {
    const token = (...args: string[]) => runChild('scripts/token.ts', args, database.env);
    const created = await token('create', '--user', 'mai', '--name', 'Looker Studio', '--tenant', 'northwind');
    expect(created.exitCode, created.output).toBe(0);
    const secret = /\b(bc_[A-Za-z0-9_-]{20,})\b/.exec(created.output)?.[1];
    expect(secret, created.output).toBeDefined();
    const listed = await token('list', '--tenant', 'northwind');
    expect(listed.output).toContain(`${secret!.slice(0, 12)}…  mai`);
    expect(listed.output).not.toContain(secret);
    expect((await token('list')).output).not.toContain(secret!.slice(0, 12));
    const revoked = await token('revoke', secret!.slice(0, 12), '--tenant', 'northwind');
    expect(revoked.exitCode, revoked.output).toBe(0);
    expect((await token('create', '--user', 'nobody', '--tenant', 'northwind')).output).toContain("There is no user 'nobody' in the tenant northwind");

    const audit = await database.read(async (prisma) => {
      const northwind = await prisma.tenant.findFirstOrThrow({ where: { code: 'northwind' }, select: { id: true } });
      return runInTenant(northwind.id, () => prisma.auditLog.findMany({ where: { entityType: 'api_token' }, orderBy: [{ createdAt: 'asc' }, { syncSeq: 'asc' }], select: { action: true, actorLabel: true } }));
    });
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'revoke']);
    expect(audit[0]!.actorLabel).toMatch(/^npm run token \(.+\)$/);
  }, 300_000);
});

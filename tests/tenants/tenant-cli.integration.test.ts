/**
 * An agency adds a client as a tenant and works in it from the command line, as a person runs
 * the commands: `npm run tenant`, then `npm run import` and `npm run export` with --tenant. The
 * second tenant's rows stay its own; without --tenant every command acts in the first tenant.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID, runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';
import { killAllChildren, runChild } from '../support/child-process.js';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';

// Each command is a process that opens the database (PGlite loads in seconds): several per test.
const CHILD_RUNS_TIMEOUT = 240_000;

describe('tenants from the command line', () => {
  let database: CliDatabase;
  let scratch: string;
  const run = (script: string, ...args: string[]) => runChild(`scripts/${script}.ts`, args, { ...database.env, LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    database = await createCliDatabase();
    scratch = await mkdtemp(join(tmpdir(), 'bc-tenant-cli-'));
  });
  afterAll(async () => {
    await killAllChildren();
    await database?.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  it('adds a tenant, lists it after the default one, and refuses a bad code or a second one of the same code', async () => {
    const added = await run('tenant', 'add', '--code', 'HNF', '--name', 'Hanoi Food (agency client)', '--currency', 'vnd', '--language', 'en');
    expect(added.exitCode, added.output).toBe(0);
    expect(added.output).toContain('Added the tenant hnf (Hanoi Food (agency client): VND, Asia/Ho_Chi_Minh, en)');
    expect(added.output).toContain('npm run user -- add --tenant hnf');

    const listed = await run('tenant', 'list');
    expect(listed.exitCode).toBe(0);
    expect(listed.output.indexOf('default')).toBeLessThan(listed.output.indexOf('hnf'));
    expect(listed.output).toMatch(/default .*← the default of every command/);

    const again = await run('tenant', 'add', '--code', 'hnf', '--name', 'Twice');
    expect(again.exitCode).toBe(1);
    expect(again.output).toContain('A tenant with the code "hnf" already exists.');
    const badCode = await run('tenant', 'add', '--code', 'Hà Nội!', '--name', 'Bad');
    expect(badCode.exitCode).toBe(1);
    expect(badCode.output).toContain('a tenant code is 1–40 letters, digits');
    const usage = await run('tenant', 'add', '--code', 'x');
    expect(usage.exitCode).toBe(2);
  }, CHILD_RUNS_TIMEOUT);

  it('imports into the tenant --tenant names and exports only its rows; without it, the first tenant', async () => {
    const file = join(scratch, 'brands.csv');
    await writeFile(file, 'code,name\nHNF-OWN,Brand of the HNF tenant\n');
    const imported = await run('import', file, '--tenant', 'hnf');
    expect(imported.exitCode, imported.output).toBe(0);
    await writeFile(file, 'code,name\nDEFAULT-OWN,Brand of the first tenant\n');
    expect((await run('import', file)).exitCode).toBe(0);

    const out = join(scratch, 'out.csv');
    expect((await run('export', '--table', 'brands', '--out', out, '--tenant', 'hnf')).exitCode).toBe(0);
    const hnf = await readFile(out, 'utf8');
    expect(hnf).toContain('HNF-OWN');
    expect(hnf).not.toContain('DEFAULT-OWN');

    const rows = await database.read(async (prisma) => {
      const hnfTenant = await prisma.tenant.findFirstOrThrow({ where: { code: 'hnf' }, select: { id: true } });
      return {
        first: (await runInTenant(DEFAULT_TENANT_ID, () => prisma.brand.findMany({ select: { code: true } }))).map((row) => row.code),
        hnf: (await runInTenant(hnfTenant.id, () => prisma.brand.findMany({ select: { code: true } }))).map((row) => row.code),
      };
    });
    expect(rows).toEqual({ first: ['DEFAULT-OWN'], hnf: ['HNF-OWN'] });

    const unknown = await run('import', file, '--tenant', 'nobody');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toContain('There is no tenant "nobody". The tenants are: default, hnf.');
  }, CHILD_RUNS_TIMEOUT);
});

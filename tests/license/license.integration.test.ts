import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENSE_BEGIN, LICENSE_END, signLicense, type LicensePayload } from '../../sync-server/src/modules/license/license-file.js';
import { activateLicense, evaluateLicense, forgetLicenseStatus } from '../../sync-server/src/modules/license/license.service.js';
import type { LicenseConfig } from '../../sync-server/src/modules/license/license.config.js';
import { computeMachineFingerprint } from '../../sync-server/src/modules/license/machine-fingerprint.js';
import { projectRoot } from '../../sync-server/src/platform/project-paths.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { runChild } from '../support/child-process.js';
import { queryAsOwner } from '../support/owner-sql.js';
import { createCliDatabase } from '../support/cli-database.js';

const execFileAsync = promisify(execFile);
const DAY_MS = 24 * 60 * 60 * 1000;

// The tests' own vendor key pair: the real private key never enters the repository.
const vendor = generateKeyPairSync('ed25519');
const vendorPrivatePem = vendor.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const trustedKeys = { 'test-vendor-1': vendor.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
const thisMachine = computeMachineFingerprint();

function licenseFor(overrides: Partial<LicensePayload> = {}, privatePem = vendorPrivatePem): string {
  return signLicense(
    {
      version: 1,
      keyId: 'test-vendor-1',
      licenseId: randomUUID(),
      licensee: 'Công ty Quảng cáo Sao Mai',
      tenant: 'default',
      seats: 5,
      issuedAt: new Date(Date.now() - DAY_MS).toISOString(),
      expiresAt: new Date(Date.now() + 365 * DAY_MS).toISOString(),
      machineFingerprint: thisMachine,
      ...overrides,
    },
    privatePem,
  );
}

/** The licence with its payload edited and the old signature kept: what a customer raising their seats would try. */
function withEditedPayload(licenseText: string, edit: (payload: Record<string, unknown>) => void): string {
  const body = licenseText.slice(licenseText.indexOf(LICENSE_BEGIN) + LICENSE_BEGIN.length, licenseText.indexOf(LICENSE_END)).replace(/\s+/g, '');
  const envelope = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
  const payload = JSON.parse(Buffer.from(envelope.enc, 'base64').toString('utf8'));
  edit(payload);
  envelope.enc = Buffer.from(JSON.stringify(payload)).toString('base64');
  return `${LICENSE_BEGIN}\n${Buffer.from(JSON.stringify(envelope)).toString('base64')}\n${LICENSE_END}\n`;
}

const freshConfig = (): LicenseConfig => ({ dir: mkdtempSync(join(tmpdir(), 'bc-license-test-')), trustedKeys });
const writeClock = (config: LicenseConfig, trialStartedAt: Date, lastSeenAt = new Date()) =>
  writeFileSync(join(config.dir, 'state.json'), JSON.stringify({ trialStartedAt: trialStartedAt.toISOString(), lastSeenAt: lastSeenAt.toISOString() }));

describe('offline licences', () => {
  it('a new installation runs a 30-day trial that can write, then turns read-only with TRIAL_OVER', () => {
    const config = freshConfig();
    const first = evaluateLicense(config);
    expect(first).toMatchObject({ state: 'trial', canWrite: true });
    expect(first.message).toMatch(/^Trial: 30 days left/);

    writeClock(config, new Date(Date.now() - 31 * DAY_MS));
    const over = evaluateLicense(config);
    expect(over).toMatchObject({ state: 'read_only', canWrite: false, reason: 'TRIAL_OVER' });
    expect(over.message).toMatch(/read-only: you can read and export, not change data/);
  });

  it('a valid licence for this machine is activated and reports licensee, seats and expiry', () => {
    const config = freshConfig();
    const status = activateLicense(licenseFor(), config);
    expect(status).toMatchObject({ state: 'licensed', canWrite: true, license: { licensee: 'Công ty Quảng cáo Sao Mai', seats: 5, tenant: 'default' } });
    expect(evaluateLicense(config).state).toBe('licensed');
  });

  it.each([
    ['a payload edited after signing (seats raised to 500)', 'LICENSE_TAMPERED', (): string => withEditedPayload(licenseFor(), (payload) => (payload.seats = 500)), /changed since it was issued/],
    ['a licence for another machine', 'LICENSE_OTHER_MACHINE', (): string => licenseFor({ machineFingerprint: 'a'.repeat(64) }), /for another machine/],
    ['an expired licence', 'LICENSE_EXPIRED', (): string => licenseFor({ issuedAt: new Date(Date.now() - 400 * DAY_MS).toISOString(), expiresAt: new Date(Date.now() - DAY_MS).toISOString() }), /expired on/],
    ['a licence signed by a key the server does not trust', 'LICENSE_TAMPERED', (): string => licenseFor({}, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), /signature does not match/],
    ['a licence naming an unknown key id', 'LICENSE_UNKNOWN_KEY', (): string => licenseFor({ keyId: 'someone-else' }), /key this server does not know/],
    ['a file that is not a licence', 'LICENSE_MALFORMED', (): string => 'hello', /not a Booking Center licence file/],
  ] as const)('%s is refused with %s and nothing is installed', (_name, reason, makeLicense, message) => {
    const config = freshConfig();
    expect(() => activateLicense(makeLicense(), config)).toThrow(expect.objectContaining({ reason, message: expect.stringMatching(message) }));
    expect(evaluateLicense(config).state).toBe('trial');
  });

  it('an installed licence that expires makes the installation read-only with LICENSE_EXPIRED', () => {
    const config = freshConfig();
    activateLicense(licenseFor({ expiresAt: new Date(Date.now() + DAY_MS).toISOString() }), config);
    const later = evaluateLicense(config, new Date(Date.now() + 2 * DAY_MS));
    expect(later).toMatchObject({ state: 'read_only', canWrite: false, reason: 'LICENSE_EXPIRED' });
  });

  it('setting the clock back (before the last time it ran) is refused, and the last-seen time is kept', () => {
    const config = freshConfig();
    activateLicense(licenseFor(), config);
    const future = new Date(Date.now() + 5 * DAY_MS);
    expect(evaluateLicense(config, future).state).toBe('licensed');
    const setBack = evaluateLicense(config, new Date());
    expect(setBack).toMatchObject({ state: 'read_only', reason: 'LICENSE_CLOCK_SET_BACK' });
    expect(JSON.parse(readFileSync(join(config.dir, 'state.json'), 'utf8')).lastSeenAt).toBe(future.toISOString());
  });
});

describe('npm run license (offline CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-license-cli-'));
  const keysFile = join(dir, 'trusted-keys.json');
  writeFileSync(keysFile, JSON.stringify(trustedKeys));
  const env = { ...process.env, BOOKING_CENTER_LICENSE_DIR: join(dir, 'state'), BOOKING_CENTER_LICENSE_TRUSTED_KEYS: keysFile, LOG_LEVEL: 'silent' };
  const runLicense = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await execFileAsync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/license.ts', ...args], { cwd: projectRoot, env, timeout: 60_000 });
      return { exitCode: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { exitCode: failed.code, output: `${failed.stdout}${failed.stderr}` };
    }
  };

  it('prints the fingerprint, activates a licence, shows it in status, and refuses a tampered one without replacing it', async () => {
    const fingerprint = await runLicense('fingerprint');
    expect(fingerprint).toEqual({ exitCode: 0, output: `${thisMachine}\n` });

    const valid = join(dir, 'sao-mai.lic');
    writeFileSync(valid, licenseFor({ seats: 7 }));
    const activated = await runLicense('activate', valid);
    expect(activated.exitCode).toBe(0);
    expect(activated.output).toMatch(/^Licensed to Công ty Quảng cáo Sao Mai \(tenant default, 7 seats\)/);

    const tampered = join(dir, 'tampered.lic');
    writeFileSync(tampered, withEditedPayload(licenseFor({ seats: 7 }), (payload) => (payload.seats = 70)));
    const refused = await runLicense('activate', tampered);
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toMatch(/The licence was not activated: The licence has been changed since it was issued/);
    expect(refused.output).toMatch(/Reason code: LICENSE_TAMPERED/);

    const status = await runLicense('status');
    expect(status.exitCode).toBe(0);
    expect(status.output).toMatch(/7 seats/);

    expect((await runLicense('activate')).exitCode).toBe(2);
  });
});

describe('a read-only installation (the trial is over)', () => {
  let server: TestServer;
  const licenseDir = mkdtempSync(join(tmpdir(), 'bc-license-server-'));
  const keysFile = join(licenseDir, 'trusted-keys.json');

  beforeAll(async () => {
    process.env.BOOKING_CENTER_LICENSE_DIR = licenseDir;
    writeFileSync(keysFile, JSON.stringify(trustedKeys));
    process.env.BOOKING_CENTER_LICENSE_TRUSTED_KEYS = keysFile;
    writeClock({ dir: licenseDir, trustedKeys }, new Date(Date.now() - 40 * DAY_MS));
    forgetLicenseStatus();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('still reads and exports, refuses every write with LICENSE_READ_ONLY at every door, and writes again once a licence is activated', async () => {
    const headers = { ...(await server.authAs('lan.nguyen')), 'content-type': 'application/json' };
    const readHealth = async () => (await (await fetch(`${server.url}/healthz`)).json()) as { license: Record<string, unknown> };
    const health = await readHealth();
    expect(health.license).toMatchObject({ state: 'read_only', canWrite: false, reason: 'TRIAL_OVER' });

    const list = await fetch(`${server.url}/api/v1/campaigns`, { headers });
    expect(list.status).toBe(200);
    const before = await server.database.prisma.campaign.count();

    const refused = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/duplicate`, { method: 'POST', headers, body: '{}' });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { code: string; detail: string };
    expect(body.code).toBe('LICENSE_READ_ONLY');
    expect(body.detail).toMatch(/^Nothing was saved\. The trial ended on \d{4}-\d{2}-\d{2}/);
    // The status is kept a minute, and still each refusal speaks its caller's language, whole.
    for (const [language, expected] of [
      ['vi', /^Chưa lưu gì cả\. Thời gian dùng thử đã kết thúc ngày \d{4}-\d{2}-\d{2} nên Booking Center chỉ cho đọc/],
      ['am', /^ምንም አልተቀመጠም። የሙከራ ጊዜው በ\d{4}-\d{2}-\d{2} ስላበቃ Booking Center ለንባብ ብቻ ነው/],
    ] as const) {
      const answer = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/duplicate`, { method: 'POST', headers: { ...headers, 'accept-language': language }, body: '{}' });
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { detail: string }).detail).toMatch(expected);
    }
    expect(await server.database.prisma.campaign.count()).toBe(before);

    // The same refusal at every door, since it is the write door's: the sheet push, the upload, the CLI.
    const pushed = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ idempotencyKey: randomUUID(), tables: [{ table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: 'READONLY-PUSH', name: 'Pushed while read-only' } }] }] }),
    });
    expect(pushed.status).toBe(403);
    expect(((await pushed.json()) as { code: string }).code).toBe('LICENSE_READ_ONLY');
    const form = new FormData();
    form.append('file', new Blob(['code,name\nREADONLY-UPLOAD,Uploaded while read-only\n']), 'brands.csv');
    const uploaded = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs('lan.nguyen'), body: form });
    expect(uploaded.status).toBe(403);
    expect(((await uploaded.json()) as { code: string }).code).toBe('LICENSE_READ_ONLY');
    const cliDatabase = await createCliDatabase();
    try {
      const file = join(licenseDir, 'brands.csv');
      writeFileSync(file, 'code,name\nREADONLY-CLI,Imported while read-only\n');
      const cli = await runChild('scripts/import.ts', [file], { ...cliDatabase.env, BOOKING_CENTER_LICENSE_DIR: licenseDir, BOOKING_CENTER_LICENSE_TRUSTED_KEYS: keysFile, LOG_LEVEL: 'silent' });
      expect(cli.exitCode).toBe(1);
      expect(cli.output).toContain('Nothing was saved. The trial ended on');
      expect(await cliDatabase.read((prisma) => prisma.brand.count({ where: { code: 'READONLY-CLI' } }))).toBe(0);
    } finally {
      await cliDatabase.dispose();
    }
    expect(await server.database.prisma.brand.count({ where: { code: { startsWith: 'READONLY-' } } })).toBe(0);

    activateLicense(licenseFor(), { dir: licenseDir, trustedKeys });
    expect((await readHealth()).license).toMatchObject({ state: 'licensed', canWrite: true, seats: 5 });
    const accepted = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/duplicate`, { method: 'POST', headers, body: '{}' });
    expect(accepted.status).toBe(201);
    expect(await server.database.prisma.campaign.count()).toBe(before + 1);
  }, 180_000);

  it('counts seats: a licence full of active people refuses a new one (LICENSE_SEATS_FULL) at the API and the CLI, even when two admins add at once', async () => {
    const headers = { ...(await server.authAs('lan.nguyen')), 'content-type': 'application/json' };
    const countActive = async () => Number((await queryAsOwner<{ count: number }>(server.database, 'SELECT count(*)::int AS count FROM users WHERE is_active AND deleted_at IS NULL'))[0]?.count);
    const taken = await countActive();
    // One seat free, and two admins' requests racing for it.
    activateLicense(licenseFor({ seats: taken + 1 }), { dir: licenseDir, trustedKeys });
    const add = (email: string) =>
      fetch(`${server.url}/api/v1/admin/users`, { method: 'POST', headers, body: JSON.stringify({ email, displayName: email, role: 'viewer' }) });
    const raced = await Promise.all([add('seat.a@bookingcenter.vn'), add('seat.b@bookingcenter.vn')]);
    expect(raced.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = (await raced.find((answer) => answer.status === 409)!.json()) as { code: string; detail: string };
    expect(refused.code).toBe('LICENSE_SEATS_FULL');
    expect(refused.detail).toContain(`All ${taken + 1} seats of the licence are taken`);

    // Deactivating someone frees their seat; reactivating them while full is refused in turn.
    const deactivated = await fetch(`${server.url}/api/v1/admin/users/an.pham@bookingcenter.vn`, { method: 'PATCH', headers, body: JSON.stringify({ isActive: false }) });
    expect(deactivated.status).toBe(200);
    expect((await add('seat.c@bookingcenter.vn')).status).toBe(201);
    const reactivated = await fetch(`${server.url}/api/v1/admin/users/an.pham@bookingcenter.vn`, { method: 'PATCH', headers: { ...headers, 'accept-language': 'vi' }, body: JSON.stringify({ isActive: true }) });
    expect(reactivated.status).toBe(409);
    expect(((await reactivated.json()) as { detail: string }).detail).toMatch(/^Giấy phép chỉ có \d+ chỗ/);
    expect(await countActive()).toBe(taken + 1);
  }, 120_000);
});

/**
 * One writer on an embedded (PGlite) data folder, tried as a person would: `npm start` in one
 * window, a second `npm start` or `npm run import` in another, and a server killed with kill -9.
 * Real child processes on a temporary folder. The tests run in order: one server is started
 * first, the others are tried against it, then it is killed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../sync-server/src/platform/database/data-folder-lock.js';
import { killAllChildren, killHard, runChild, startServerProcess, type RunningChild } from '../support/child-process.js';
import { isUsingPostgresServer } from '../support/test-database.js';

const devToken = 'one-writer-test-token';
const auth = { authorization: `Bearer ${devToken}` };

async function uploadBrand(url: string, code: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([`code,name\n${code},Brand ${code}\n`], { type: 'text/csv' }), 'brands.csv');
  return fetch(`${url}/api/v1/imports`, { method: 'POST', headers: auth, body: form });
}

async function brandCodes(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/exports/brands?format=csv`, { headers: auth });
  expect(response.status).toBe(200);
  return response.text();
}

// The lock guards the embedded database only; the PostgreSQL run of the suite has nothing to add.
describe.skipIf(isUsingPostgresServer())('one process at a time on an embedded data folder', () => {
  let dataDir: string;
  let workDir: string;
  let server: RunningChild & { url: string };
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bc-one-writer-db-'));
    workDir = await mkdtemp(join(tmpdir(), 'bc-one-writer-files-'));
    env = { BOOKING_CENTER_DATA_DIR: dataDir, BOOKING_CENTER_DEV_AUTH: '1', BOOKING_CENTER_DEV_TOKEN: devToken };
    server = await startServerProcess(env);
  });

  afterAll(async () => {
    await killAllChildren();
    await rm(dataDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  it('a second server on the same folder is refused, names the running one and its pid, and exits with 1 without a stack trace', async () => {
    const second = await runChild('sync-server/src/main.ts', [], { ...env, PORT: '0' });
    expect(second.exitCode).toBe(1);
    expect(second.output).toContain(`The Booking Center server (node main.ts) is running on this data folder (pid ${server.process.pid}, since `);
    expect(second.output).toContain(`at ${server.url}). Stop it first`);
    expect(second.output).not.toMatch(/\n\s+at /);
    // The first one still serves.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('npm run import, token and seed while the server runs are refused, say what to do instead, and write nothing', async () => {
    const csv = join(workDir, 'brands.csv');
    await writeFile(csv, 'code,name\nREFUSED1,Refused brand\n');
    const [imported, token, seeded] = await Promise.all([
      runChild('scripts/import.ts', ['--path', csv], env),
      runChild('scripts/token.ts', ['create', '--user', 'lan.nguyen', '--name', 'refused'], env),
      runChild('scripts/seed.ts', [], env),
    ]);
    for (const run of [imported, token, seeded]) {
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain(`is running on this data folder (pid ${server.process.pid}`);
      expect(run.output).not.toMatch(/Done in|Done:|Token for|Sample data loaded/);
    }
    expect(imported.output).toContain(`or upload the file to the running server instead: Import in the add-on, or POST ${server.url}/api/v1/imports`);
    expect(await brandCodes(server.url)).not.toContain('REFUSED1');
  });

  it('after kill -9 of the server, the next start takes the folder over with a log line and serves every row it had acknowledged', async () => {
    const upload = await uploadBrand(server.url, 'ACKED1');
    expect(upload.status).toBe(200);
    expect(((await upload.json()) as { files: { isCommitted: boolean }[] }).files[0]?.isCommitted).toBe(true);

    await killHard(server);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);

    const restarted = await startServerProcess(env);
    expect(restarted.output()).toContain(`took over the data folder from node main.ts (pid ${server.process.pid})`);
    const brands = await brandCodes(restarted.url);
    expect(brands).toContain('ACKED1');
    expect(brands).toContain('COCOON');
    expect(brands).not.toContain('REFUSED1');

    // A clean stop hands the folder back: the next process needs no takeover.
    restarted.process.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});

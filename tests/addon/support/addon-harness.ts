/**
 * Runs the BUILT add-on (addon/dist/Code.js, the file clasp pushes) in a Node vm context whose
 * globals are the in-memory Apps Script fakes, and calls its generated global functions as
 * Apps Script would (menu items, triggers, google.script.run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildAddon } from '../../../scripts/build-addon.js';
import { CallLog, FakeSpreadsheet, FakeUi, createSpreadsheetApp } from '../fakes/spreadsheet-fake.js';
import { createServices } from '../fakes/services-fake.js';
import { TEST_AUDIENCE, signIdToken, testCertificatesJson } from '../../support/test-server.js';

/** A lead of the sample data: may edit campaigns and their mappings, not budgets. */
export const PLANNER_EMAIL = 'minh.tran@bookingcenter.vn';
/** The admin of the sample data, playing "someone else" who edits on the server. */
export const ADMIN_EMAIL = 'lan.nguyen@bookingcenter.vn';

const here = path.dirname(fileURLToPath(import.meta.url));
export const distDir = path.resolve(here, '../../../addon/dist');

let built: Promise<unknown> | undefined;
/** Builds addon/dist once per test file (the same build `npm run addon:build` makes). */
export function ensureAddonBuilt(): Promise<unknown> {
  built ??= buildAddon();
  return built;
}

export type AddonSandbox = ReturnType<typeof loadAddon>;

export function loadAddon(options: { locale?: string; serverUrl?: string; email?: string } = {}) {
  const log = new CallLog();
  const spreadsheet = new FakeSpreadsheet(log, options.locale ?? 'en_US');
  const ui = new FakeUi();
  const email = options.email ?? PLANNER_EMAIL;
  // ScriptApp.getIdentityToken(): a Google-style ID token the server checks against the test certificate.
  const services = createServices({ distDir, email, idToken: signIdToken({ email }) });
  if (options.serverUrl) services.documentProperties.setProperty('BOOKING_CENTER_SERVER_URL', options.serverUrl);
  const context = vm.createContext({
    ...services.globals,
    SpreadsheetApp: createSpreadsheetApp(spreadsheet, ui),
    console,
    // One realm for dates, as in Apps Script: the bundle's `instanceof Date` sees the fakes' dates.
    Date,
  });
  const code = readFileSync(path.join(distDir, 'Code.js'), 'utf8');
  vm.runInContext(code, context, { filename: 'Code.js' });
  const globals = context as Record<string, unknown>;
  return {
    spreadsheet,
    ui,
    log,
    services,
    /** Calls a top-level function of Code.js, like a menu item or google.script.run does. */
    call<T = unknown>(name: string, ...args: unknown[]): T {
      const fn = globals[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no global function ${name}`);
      // Cross the realm boundary as google.script.run does: JSON in, JSON out.
      const result = (fn as (...input: unknown[]) => unknown)(...(JSON.parse(JSON.stringify(args)) as unknown[]));
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
    globalFunctionNames(): string[] {
      return Object.keys(globals).filter((name) => typeof globals[name] === 'function' && !(name in services.globals));
    },
    sheet(name: string) {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`No tab ${name}`);
      return sheet;
    },
  };
}

export type RealServer = {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Calls the API as someone (another user than the add-on's, to play a concurrent edit). */
  api<T = unknown>(method: 'GET' | 'POST', apiPath: string, body?: unknown, email?: string): Promise<{ status: number; body: T }>;
};

/**
 * Starts the real sync server (tests/addon/support/real-sync-server.ts) in a child process on
 * the embedded in-memory database (or the data folder given, which commands prepared) with the
 * sample data, trusting the test ID-token certificate.
 * It cannot run in this process: the UrlFetchApp fake blocks this thread while it waits.
 */
export async function startRealServer(options: { dataDir?: string } = {}): Promise<RealServer> {
  const certificatesDir = mkdtempSync(path.join(tmpdir(), 'booking-center-certs-'));
  const certificatesFile = path.join(certificatesDir, 'certs.json');
  writeFileSync(certificatesFile, testCertificatesJson());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'real-sync-server.ts')], {
    cwd: path.resolve(here, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      GOOGLE_ID_TOKEN_AUDIENCE: TEST_AUDIENCE,
      GOOGLE_ID_TOKEN_CERTS_FILE: certificatesFile,
      BOOKING_CENTER_DATA_DIR: options.dataDir ?? 'memory://',
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      SEED_SAMPLE_DATA: 'true',
      RATE_LIMIT_PER_MINUTE: '0',
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    // Below the 120 s hook timeout: a PGlite start with the sample data takes seconds, but a
    // loaded 2-core CI machine has taken more than a minute.
    const timer = setTimeout(() => reject(new Error(`the sync server did not start: ${output}`)), 110_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\{.*\})/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve((JSON.parse(match[1]) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sync server exited with ${String(code)}`));
    });
  });
  return {
    url,
    process: child,
    async api<T>(method: 'GET' | 'POST', apiPath: string, body?: unknown, email = ADMIN_EMAIL) {
      // A fresh connection each time: a kept-alive socket may have been closed by the server
      // while this thread was blocked in UrlFetchApp calls.
      const response = await fetch(`${url}${apiPath}`, {
        method,
        headers: { connection: 'close', authorization: `Bearer ${signIdToken({ email })}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        rmSync(certificatesDir, { recursive: true, force: true });
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

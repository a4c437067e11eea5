/**
 * Runs the BUILT add-on (addon/dist/Code.js, the file clasp pushes) in a Node vm context whose
 * globals are the in-memory Apps Script fakes, and calls its generated global functions as
 * Apps Script would (menu items, triggers, google.script.run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildAddon } from '../../../scripts/build-addon.js';
import { CallLog, FakeSpreadsheet, FakeUi, createSpreadsheetApp } from '../fakes/spreadsheet-fake.js';
import { createServices } from '../fakes/services-fake.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const distDir = path.resolve(here, '../../../addon/dist');

let built: Promise<unknown> | undefined;
/** Builds addon/dist once per test file (the same build `npm run addon:build` makes). */
export function ensureAddonBuilt(): Promise<unknown> {
  built ??= buildAddon();
  return built;
}

export type AddonSandbox = ReturnType<typeof loadAddon>;

export function loadAddon(options: { locale?: string; serverUrl?: string } = {}) {
  const log = new CallLog();
  const spreadsheet = new FakeSpreadsheet(log, options.locale ?? 'en_US');
  const ui = new FakeUi();
  const services = createServices({ distDir });
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

export type StubServer = {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  hook(path: string, body?: unknown): Promise<unknown>;
};

/** Starts the stub sync server in a child process (the UrlFetchApp fake blocks this thread). */
export async function startStubServer(): Promise<StubServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'stub-sync-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`stub server did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`stub server exited with ${String(code)}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    process: child,
    async hook(hookPath, body) {
      // A fresh connection each time: a kept-alive socket may have been closed by the server
      // while the test thread was blocked in UrlFetchApp calls.
      const response = await fetch(`${url}${hookPath}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { connection: 'close' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

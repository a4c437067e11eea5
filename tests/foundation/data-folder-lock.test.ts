import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, lockDataFolder } from '../../sync-server/src/platform/database/data-folder-lock.js';
import { AppError } from '../../sync-server/src/platform/errors/app-error.js';

const server = { kind: 'server' as const, label: 'npm start' };
const command = { kind: 'command' as const, label: 'npm run import' };

/** A lock file as another process would have left it. */
function leaveLock(dataDir: string, record: Record<string, unknown>): void {
  writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ kind: 'server', label: 'npm start', host: hostname(), startedAt: '2026-01-05T08:00:00.000Z', ...record }));
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the data folder lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bc-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('while a live process holds the folder, another is refused with DATA_FOLDER_IN_USE, its pid, and what to do instead', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      leaveLock(dataDir, { pid: holder.pid, url: 'http://127.0.0.1:3000' });
      const error = refusal(() => lockDataFolder(dataDir, command, ({ url }) => `upload it to ${url}/api/v1/imports`));
      expect(error.reason).toBe('DATA_FOLDER_IN_USE');
      expect(error.userMessage).toMatch(
        new RegExp(`^The Booking Center server \\(npm start\\) is running on this data folder \\(pid ${holder.pid}, since 5 Jan 2026, \\d\\d:\\d\\d, at http://127\\.0\\.0\\.1:3000\\)\\. Stop it first \\(Ctrl\\+C in its window\\), or upload it to http://127\\.0\\.0\\.1:3000/api/v1/imports\\.`),
      );
      // The holder's lock is left alone.
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')).pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'close');
    }
  });

  it('a lock whose process is gone (kill -9) is taken over, and released on close', async () => {
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await once(gone, 'close');
    leaveLock(dataDir, { pid: gone.pid });
    const lock = lockDataFolder(dataDir, server);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('a lock naming our own pid that this process does not hold (a container restarted as pid 1) is taken over', () => {
    leaveLock(dataDir, { pid: process.pid });
    const lock = lockDataFolder(dataDir, server);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('a lock whose pid now belongs to another process (started later than the holder) is taken over', () => {
    leaveLock(dataDir, { pid: process.ppid, processStart: '1' });
    lockDataFolder(dataDir, server).release();
  });

  it('a second open of the same folder in one process is refused until the first is released', () => {
    const lock = lockDataFolder(dataDir, server);
    expect(refusal(() => lockDataFolder(dataDir, command)).reason).toBe('DATA_FOLDER_IN_USE');
    lock.release();
    lockDataFolder(dataDir, command).release();
  });

  it('a lock taken on another machine (a shared folder) is refused with the file to delete if nothing runs there', () => {
    leaveLock(dataDir, { pid: 4242, host: 'planning-laptop' });
    const error = refusal(() => lockDataFolder(dataDir, command));
    expect(error.userMessage).toContain('(pid 4242 on planning-laptop, since');
    expect(error.userMessage).toContain(`If nothing runs there any more, delete ${join(dataDir, LOCK_FILE_NAME)} and try again.`);
  });

  it('the address the server adds after it listens is what the next refused process is told', async () => {
    const lock = lockDataFolder(dataDir, server);
    lock.update({ url: 'http://127.0.0.1:4123' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, kind: 'server', url: 'http://127.0.0.1:4123' });
    lock.release();
  });
});

import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCALE_TAG } from '../../contract/i18n/languages.js';
import { getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import { AppError } from '../errors/app-error.js';
import { logger } from '../logging/logger.js';

/**
 * One process at a time on an embedded (PGlite) data folder. PGlite is PostgreSQL inside the
 * process, without the postmaster that would keep a second one out: two processes on one folder
 * each keep their own buffers, each sees only its own writes, and acknowledged writes are lost
 * when they overwrite each other's pages. The lock is a file in the folder holding the owner's
 * pid; a lock whose process is gone (kill -9, a crash, a power cut) is taken over.
 */
export const LOCK_FILE_NAME = 'booking-center.lock';

/** Who holds the folder: shown to whoever is refused. */
export type DataFolderHolder = {
  /** `server` for npm start; a command otherwise (`npm run import`). */
  kind: 'server' | 'command';
  /** How a person would name it: "npm start", "npm run import". */
  label: string;
};

type LockRecord = DataFolderHolder & {
  pid: number;
  host: string;
  /** The kernel's start time of the process (Linux), so a reused pid is not taken for the owner. */
  processStart?: string;
  startedAt: string;
  /** The server's address once it listens, so a refused command can point at its API. */
  url?: string;
};

export type DataFolderLock = {
  readonly path: string;
  /** Adds what the next refused process should be told (the server's address). */
  update(details: { url: string }): void;
  /** Lets the folder go; safe to call twice. */
  release(): void;
};

/** What a refused caller can do instead, when the server holds the folder. */
export type BusyAdvice = (holder: { url?: string }) => string;

// Locks this process holds, by path: a lock file naming our own pid that is not in here was left
// by an earlier process that had the same pid (containers start every run as pid 1).
const heldLocks = new Set<string>();

export function lockDataFolder(dataDir: string, holder: DataFolderHolder, adviceWhenBusy?: BusyAdvice): DataFolderLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  const record: LockRecord = {
    ...holder,
    pid: process.pid,
    host: hostname(),
    processStart: readProcessStart(process.pid),
    startedAt: new Date().toISOString(),
  };
  const token = `${record.pid}:${record.startedAt}:${Math.random()}`;
  if (heldLocks.has(path)) {
    throw new AppError({ code: 'CONFLICT', reason: 'DATA_FOLDER_IN_USE', userMessage: t('database.alreadyOpenHere') });
  }

  if (!tryCreate(path, record)) {
    takeOverIfStale(path, adviceWhenBusy);
    if (!tryCreate(path, record)) throw inUseError(path, readRecord(path) ?? record, adviceWhenBusy);
  }
  heldLocks.add(path);

  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    heldLocks.delete(path);
    process.off('exit', release);
    // Only our own lock: never remove one another process took over.
    const current = readRecord(path);
    if (current && current.pid === record.pid && current.startedAt === record.startedAt) unlinkQuietly(path);
  };
  // process.exit() skips close(); the folder is still ours to hand back.
  process.on('exit', release);
  return {
    path,
    update(details) {
      if (isReleased) return;
      Object.assign(record, details);
      writeAtomically(path, record, token);
    },
    release,
  };
}

/** Creates the lock file with its content in one step: it exists whole or not at all. */
function tryCreate(path: string, record: LockRecord): boolean {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temporary);
  }
}

function writeAtomically(path: string, record: LockRecord, token: string): void {
  const temporary = `${path}.${token.replace(/[^0-9a-z]/gi, '')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temporary, path);
}

function takeOverIfStale(path: string, adviceWhenBusy?: BusyAdvice): void {
  // Two processes finding the same stale lock must not both take it: the one that creates the
  // takeover file decides, the other tries again after it (or is refused by the new lock).
  const takeoverPath = `${path}.takeover`;
  const takeover: LockRecord = { kind: 'command', label: 'takeover', pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  if (!tryCreate(takeoverPath, takeover)) {
    if (!isOlderThan(takeoverPath, 10_000)) return;
    unlinkQuietly(takeoverPath);
    if (!tryCreate(takeoverPath, takeover)) return;
  }
  try {
    const current = readRecord(path);
    if (current === undefined) {
      logger.warn({ lockFile: path }, 'took over an unreadable data folder lock');
      unlinkQuietly(path);
      return;
    }
    const liveness = judgeHolder(current);
    if (liveness === 'alive') return;
    if (liveness === 'unknown') throw inUseError(path, current, adviceWhenBusy);
    logger.warn(
      { lockFile: path, previousPid: current.pid, previousHolder: current.label, since: current.startedAt },
      `took over the data folder from ${current.label} (pid ${current.pid}), which stopped without letting it go`,
    );
    unlinkQuietly(path);
  } finally {
    unlinkQuietly(takeoverPath);
  }
}

/** Is the process named in the lock still running? `unknown` when it ran on another machine. */
function judgeHolder(record: LockRecord): 'alive' | 'gone' | 'unknown' {
  if (record.host !== hostname()) return 'unknown';
  if (record.pid === process.pid) return 'gone';
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'gone';
  }
  const start = readProcessStart(record.pid);
  return record.processStart && start && start !== record.processStart ? 'gone' : 'alive';
}

function readRecord(path: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startedAt !== 'string') return undefined;
    return { ...parsed, kind: parsed.kind === 'server' ? 'server' : 'command', label: String(parsed.label ?? 'another process'), host: String(parsed.host ?? '') } as LockRecord;
  } catch {
    return undefined;
  }
}

function inUseError(path: string, holder: LockRecord, adviceWhenBusy: BusyAdvice | undefined): AppError {
  const since = new Date(holder.startedAt).toLocaleString(LOCALE_TAG[getCurrentLanguage()], { dateStyle: 'medium', timeStyle: 'short' });
  const where = holder.host === hostname() ? t('database.pid', { pid: holder.pid }) : t('database.pidOnHost', { pid: holder.pid, host: holder.host });
  const at = holder.url ? t('database.atUrl', { url: holder.url }) : '';
  const elsewhere = holder.host !== hostname() ? t('database.lockOnOtherHost', { path }) : '';
  const userMessage =
    holder.kind === 'server'
      ? t('database.inUseByServer', { label: holder.label, where, since, at, instead: adviceWhenBusy ? t('database.orInstead', { advice: adviceWhenBusy({ url: holder.url }) }) : '', elsewhere })
      : t('database.inUseByCommand', { label: holder.label, where, since, at, elsewhere });
  return new AppError({
    code: 'CONFLICT',
    reason: 'DATA_FOLDER_IN_USE',
    userMessage,
    internalMessage: `data folder lock ${path} is held by pid ${holder.pid} (${holder.label})`,
  });
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux only). */
function readProcessStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isOlderThan(path: string, milliseconds: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > milliseconds;
  } catch {
    return true;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { logger } from '../../platform/logging/logger.js';
import {
  assertClockNotSetBack,
  checkLicenseValidity,
  LicenseError,
  readSignedLicense,
  type LicensePayload,
  type LicenseRefusal,
} from './license-file.js';
import { licenseFilePath, licenseStatePath, readLicenseConfig, TRIAL_DAYS, type LicenseConfig } from './license.config.js';
import { computeMachineFingerprint } from './machine-fingerprint.js';

/**
 * Without a licence an installation runs a trial of TRIAL_DAYS from its first start, then
 * turns read-only: everything can still be read, pulled and exported, nothing written. An
 * expired, tampered or foreign licence also means read-only, never lost data.
 */
export type LicenseStatus = {
  state: 'licensed' | 'trial' | 'read_only';
  canWrite: boolean;
  reason?: LicenseRefusal | 'TRIAL_OVER';
  /**
   * What a person reads in `license status`, /healthz and a refused write: phrased each time it
   * is read, in the current language (a status is kept a minute and read by many callers).
   */
  readonly message: string;
  license?: Pick<LicensePayload, 'licenseId' | 'licensee' | 'tenant' | 'seats' | 'expiresAt' | 'keyId'>;
  trialEndsAt?: string;
  machineFingerprint: string;
};

type ClockState = { trialStartedAt: string; lastSeenAt: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A status whose `message` is phrased when read, in the reader's language. */
function withMessage(facts: Omit<LicenseStatus, 'message'>, phrase: () => string): LicenseStatus {
  return Object.defineProperty({ ...facts }, 'message', { get: phrase, enumerable: true }) as LicenseStatus;
}

export function evaluateLicense(config: LicenseConfig = readLicenseConfig(), now = new Date()): LicenseStatus {
  const machineFingerprint = computeMachineFingerprint();
  const clock = readClockState(config) ?? { trialStartedAt: now.toISOString(), lastSeenAt: now.toISOString() };
  const lastSeenAt = new Date(clock.lastSeenAt);
  const status = decide(config, now, lastSeenAt, clock, machineFingerprint);
  // Only a clock that moves forward is remembered, so setting it back cannot erase the evidence.
  if (status.reason !== 'LICENSE_CLOCK_SET_BACK') {
    writeClockState(config, { trialStartedAt: clock.trialStartedAt, lastSeenAt: new Date(Math.max(now.getTime(), lastSeenAt.getTime())).toISOString() });
  }
  return status;
}

function decide(config: LicenseConfig, now: Date, lastSeenAt: Date, clock: ClockState, machineFingerprint: string): LicenseStatus {
  const licenseText = readOptionalFile(licenseFilePath(config));
  try {
    if (licenseText === undefined) {
      assertClockNotSetBack(now, lastSeenAt);
      const trialEndsAt = new Date(Date.parse(clock.trialStartedAt) + TRIAL_DAYS * DAY_MS).toISOString();
      if (now.toISOString() < trialEndsAt) {
        const daysLeft = Math.ceil((Date.parse(trialEndsAt) - now.getTime()) / DAY_MS);
        return withMessage({ state: 'trial', canWrite: true, trialEndsAt, machineFingerprint }, () => t('license.trial', { days: daysLeft, until: trialEndsAt.slice(0, 10) }));
      }
      return withMessage({ state: 'read_only', canWrite: false, reason: 'TRIAL_OVER', trialEndsAt, machineFingerprint }, () => t('license.trialOver', { endedOn: trialEndsAt.slice(0, 10) }));
    }
    const payload = readSignedLicense(licenseText, config.trustedKeys);
    checkLicenseValidity(payload, { now, machineFingerprint, lastSeenAt });
    const { licenseId, licensee, tenant, seats, expiresAt, keyId } = payload;
    return withMessage({ state: 'licensed', canWrite: true, license: { licenseId, licensee, tenant, seats, expiresAt, keyId }, machineFingerprint }, () =>
      t('license.licensed', { licensee, tenant, seats, until: expiresAt.slice(0, 10) }),
    );
  } catch (error) {
    if (!(error instanceof LicenseError)) throw error;
    return withMessage({ state: 'read_only', canWrite: false, reason: error.reason, machineFingerprint }, () => t('license.readOnlyUntilThen', { refusal: error.describe() }));
  }
}

/** Checks a licence file completely and stores it; a refused file changes nothing. */
export function activateLicense(fileText: string, config: LicenseConfig = readLicenseConfig(), now = new Date()): LicenseStatus {
  const payload = readSignedLicense(fileText, config.trustedKeys);
  const lastSeen = readClockState(config)?.lastSeenAt;
  checkLicenseValidity(payload, { now, machineFingerprint: computeMachineFingerprint(), lastSeenAt: lastSeen ? new Date(lastSeen) : undefined });
  writeFileAtomically(licenseFilePath(config), fileText);
  forgetLicenseStatus();
  logger.info({ licenseId: payload.licenseId, licensee: payload.licensee, expiresAt: payload.expiresAt }, 'licence activated');
  return evaluateLicense(config, now);
}

// Every write asks; reading two small files per write would be waste, and a licence that
// expires a minute late harms no one.
const STATUS_TTL_MS = 60_000;
let cachedStatus: { status: LicenseStatus; checkedAt: number } | undefined;

export function currentLicenseStatus(): LicenseStatus {
  const now = Date.now();
  if (cachedStatus && now - cachedStatus.checkedAt < STATUS_TTL_MS) return cachedStatus.status;
  const status = evaluateLicense();
  if (status.reason && status.reason !== cachedStatus?.status.reason) logger.warn({ reason: status.reason }, status.message);
  cachedStatus = { status, checkedAt: now };
  return status;
}

export function forgetLicenseStatus(): void {
  cachedStatus = undefined;
}

/** The write door's question: may anything be written on this installation now? */
export function assertLicenseAllowsWrites(): void {
  const status = currentLicenseStatus();
  if (status.canWrite) return;
  throw new AppError({ code: 'FORBIDDEN', reason: 'LICENSE_READ_ONLY', userMessage: t('license.nothingSaved', { status: status.message }) });
}

function readClockState(config: LicenseConfig): ClockState | undefined {
  const text = readOptionalFile(licenseStatePath(config));
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<ClockState>;
    if (typeof parsed.trialStartedAt === 'string' && typeof parsed.lastSeenAt === 'string') return { trialStartedAt: parsed.trialStartedAt, lastSeenAt: parsed.lastSeenAt };
  } catch {
    // unreadable: fall through
  }
  // A damaged state file counts as a trial long over, not as a fresh one.
  const epoch = new Date(0).toISOString();
  return { trialStartedAt: epoch, lastSeenAt: epoch };
}

function writeClockState(config: LicenseConfig, state: ClockState): void {
  writeFileAtomically(licenseStatePath(config), `${JSON.stringify(state, null, 2)}\n`);
}

function readOptionalFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Two processes (a server and a CLI) may evaluate at once: a rename is atomic, a write is not.
function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

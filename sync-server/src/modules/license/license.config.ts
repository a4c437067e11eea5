import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { projectRoot } from '../../platform/project-paths.js';
import type { TrustedKeys } from './license-file.js';

/**
 * The vendor's public keys. The private keys never enter this repository: the vendor keeps
 * them and issues licences with `npm run license:vendor -- issue`. A new key is added here
 * (and old ones kept) so licences signed before a rotation stay valid.
 */
const VENDOR_KEYS: TrustedKeys = {
  'bc-2026-1': '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAv7pD8SqZxUwcTj8s0K1tJtw28xYhHjcvie00uUX9ReM=\n-----END PUBLIC KEY-----\n',
};

/** Days a new installation may write without a licence; after that it is read-only. */
export const TRIAL_DAYS = 30;

export type LicenseConfig = {
  /** Where the activated licence and the clock state live, on this machine. */
  dir: string;
  trustedKeys: TrustedKeys;
};

export function readLicenseConfig(env: NodeJS.ProcessEnv = process.env): LicenseConfig {
  const configured = env.BOOKING_CENTER_LICENSE_DIR?.trim() || '.data/license';
  const dir = isAbsolute(configured) ? configured : resolve(projectRoot, configured);
  return { dir, trustedKeys: { ...VENDOR_KEYS, ...readExtraTrustedKeys(env.BOOKING_CENTER_LICENSE_TRUSTED_KEYS) } };
}

/**
 * A vendor's staging key (and the tests' own key pair) come in through a JSON file of
 * { keyId: publicKeyPem }. An offline licence deters rather than prevents: whoever controls
 * the machine controls the code, so this adds no hole that was not there.
 */
function readExtraTrustedKeys(path: string | undefined): TrustedKeys {
  if (!path?.trim()) return {};
  const parsed: unknown = JSON.parse(readFileSync(path.trim(), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`BOOKING_CENTER_LICENSE_TRUSTED_KEYS (${path}) must hold a JSON object of { keyId: publicKeyPem }.`);
  return Object.fromEntries(Object.entries(parsed).map(([keyId, pem]) => [keyId, String(pem)]));
}

export const licenseFilePath = (config: LicenseConfig) => join(config.dir, 'license.lic');
export const licenseStatePath = (config: LicenseConfig) => join(config.dir, 'state.json');

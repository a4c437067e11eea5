import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { t, type MessageKey, type MessageParams } from '../../contract/i18n/translate.js';

/**
 * An offline licence file, Keygen-style: a base64 JSON envelope between BEGIN/END markers,
 * holding the payload (base64) and its Ed25519 signature. Node's own crypto signs and
 * verifies, so a server with no network can check it and no dependency is needed.
 */
export const LICENSE_BEGIN = '-----BEGIN BOOKING CENTER LICENSE-----';
export const LICENSE_END = '-----END BOOKING CENTER LICENSE-----';

export const licensePayloadSchema = z.object({
  version: z.literal(1),
  /** Which vendor key signed it, so keys can be rotated without invalidating old licences. */
  keyId: z.string().min(1),
  licenseId: z.string().min(1),
  licensee: z.string().min(1),
  /** The tenant code the licence is for ("default" for a single team). */
  tenant: z.string().min(1),
  /** Active users allowed. */
  seats: z.number().int().positive(),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The hash `npm run license -- fingerprint` prints on the customer's machine. */
  machineFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LicensePayload = z.infer<typeof licensePayloadSchema>;

const envelopeSchema = z.object({ alg: z.literal('ed25519'), enc: z.string().min(1), sig: z.string().min(1) });

/** Why a licence is not accepted; stable codes for programs, each with a message for people. */
export type LicenseRefusal =
  | 'LICENSE_MALFORMED'
  | 'LICENSE_UNKNOWN_KEY'
  | 'LICENSE_TAMPERED'
  | 'LICENSE_NOT_YET_VALID'
  | 'LICENSE_EXPIRED'
  | 'LICENSE_OTHER_MACHINE'
  | 'LICENSE_CLOCK_SET_BACK';

/**
 * A refused licence. `message` is phrased in the language current when it was raised; `describe()`
 * phrases it again in the current one, for a refusal remembered longer than one request (the
 * licence status is kept a minute, and each refused write is answered in its caller's language).
 */
export class LicenseError extends Error {
  constructor(
    readonly reason: LicenseRefusal,
    readonly messageKey: MessageKey,
    readonly messageParams: MessageParams = {},
  ) {
    super(t(messageKey, messageParams));
    this.name = 'LicenseError';
  }

  describe(): string {
    return t(this.messageKey, this.messageParams);
  }
}

/** Public keys by key id, as PEM. */
export type TrustedKeys = Readonly<Record<string, string>>;

// The signature covers a prefix as well as the payload, so a signature made for something
// else with the same key can never pass as a licence.
const signingInputOf = (encodedPayload: string) => Buffer.from(`booking-center-license/${encodedPayload}`);

export function signLicense(payload: LicensePayload, privateKeyPem: string): string {
  const checked = licensePayloadSchema.parse(payload);
  const enc = Buffer.from(JSON.stringify(checked)).toString('base64');
  const sig = sign(null, signingInputOf(enc), createPrivateKey(privateKeyPem)).toString('base64');
  const body = Buffer.from(JSON.stringify({ alg: 'ed25519', enc, sig })).toString('base64');
  return `${LICENSE_BEGIN}\n${body.match(/.{1,64}/g)!.join('\n')}\n${LICENSE_END}\n`;
}

/** Reads and checks the signature; says nothing yet about dates or the machine. */
export function readSignedLicense(fileText: string, trustedKeys: TrustedKeys): LicensePayload {
  const begin = fileText.indexOf(LICENSE_BEGIN);
  const end = fileText.indexOf(LICENSE_END);
  if (begin < 0 || end < begin) {
    throw new LicenseError('LICENSE_MALFORMED', 'license.notALicenceFile', { begin: LICENSE_BEGIN, end: LICENSE_END });
  }
  const body = fileText.slice(begin + LICENSE_BEGIN.length, end).replace(/\s+/g, '');
  const envelope = envelopeSchema.safeParse(parseJson(Buffer.from(body, 'base64').toString('utf8')));
  if (!envelope.success) throw new LicenseError('LICENSE_MALFORMED', 'license.damaged');

  const encoded = parseJson(Buffer.from(envelope.data.enc, 'base64').toString('utf8'));
  const keyId = typeof encoded === 'object' && encoded !== null && 'keyId' in encoded ? String(encoded.keyId) : undefined;
  const publicKeyPem = keyId ? trustedKeys[keyId] : undefined;
  if (!publicKeyPem) {
    throw new LicenseError('LICENSE_UNKNOWN_KEY', 'license.unknownKey', { keyId: keyId ?? t('license.noKeyId') });
  }
  if (!verify(null, signingInputOf(envelope.data.enc), createPublicKey(publicKeyPem), Buffer.from(envelope.data.sig, 'base64'))) {
    throw new LicenseError('LICENSE_TAMPERED', 'license.tampered');
  }
  const payload = licensePayloadSchema.safeParse(encoded);
  if (!payload.success) throw new LicenseError('LICENSE_MALFORMED', 'license.notThisVersion');
  return payload.data;
}

/** Dates, machine and clock: the checks that can change from one day to the next. */
export function checkLicenseValidity(
  payload: LicensePayload,
  context: { now: Date; machineFingerprint: string; lastSeenAt?: Date },
): void {
  const { now } = context;
  assertClockNotSetBack(now, context.lastSeenAt);
  if (payload.machineFingerprint !== context.machineFingerprint) {
    throw new LicenseError('LICENSE_OTHER_MACHINE', 'license.otherMachine', { licensed: payload.machineFingerprint.slice(0, 12), current: context.machineFingerprint.slice(0, 12) });
  }
  if (now.getTime() < Date.parse(payload.issuedAt) - CLOCK_TOLERANCE_MS) {
    throw new LicenseError('LICENSE_NOT_YET_VALID', 'license.notYetValid', { issuedOn: payload.issuedAt.slice(0, 10), today: now.toISOString().slice(0, 10) });
  }
  if (now.getTime() > Date.parse(payload.expiresAt)) {
    throw new LicenseError('LICENSE_EXPIRED', 'license.expired', { licensee: payload.licensee, expiredOn: payload.expiresAt.slice(0, 10) });
  }
}

/** Clocks drift and NTP corrects them; only a jump back beyond this counts as setting the clock back. */
export const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

export function assertClockNotSetBack(now: Date, lastSeenAt: Date | undefined): void {
  if (lastSeenAt && now.getTime() < lastSeenAt.getTime() - CLOCK_TOLERANCE_MS) {
    throw new LicenseError('LICENSE_CLOCK_SET_BACK', 'license.clockSetBack', { now: now.toISOString(), lastSeen: lastSeenAt.toISOString() });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

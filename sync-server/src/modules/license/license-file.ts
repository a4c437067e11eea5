import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';

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

export class LicenseError extends Error {
  constructor(readonly reason: LicenseRefusal, message: string) {
    super(message);
    this.name = 'LicenseError';
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
    throw new LicenseError('LICENSE_MALFORMED', `This is not a Booking Center licence file: it has no "${LICENSE_BEGIN}" … "${LICENSE_END}" block. Use the .lic file you were sent, unchanged.`);
  }
  const body = fileText.slice(begin + LICENSE_BEGIN.length, end).replace(/\s+/g, '');
  const envelope = envelopeSchema.safeParse(parseJson(Buffer.from(body, 'base64').toString('utf8')));
  if (!envelope.success) throw new LicenseError('LICENSE_MALFORMED', 'The licence file is damaged: its content cannot be read. Use the .lic file you were sent, unchanged.');

  const encoded = parseJson(Buffer.from(envelope.data.enc, 'base64').toString('utf8'));
  const keyId = typeof encoded === 'object' && encoded !== null && 'keyId' in encoded ? String(encoded.keyId) : undefined;
  const publicKeyPem = keyId ? trustedKeys[keyId] : undefined;
  if (!publicKeyPem) {
    throw new LicenseError('LICENSE_UNKNOWN_KEY', `The licence was signed with a key this server does not know (${keyId ?? 'no key id'}). Ask your vendor for a licence for this version.`);
  }
  if (!verify(null, signingInputOf(envelope.data.enc), createPublicKey(publicKeyPem), Buffer.from(envelope.data.sig, 'base64'))) {
    throw new LicenseError('LICENSE_TAMPERED', 'The licence has been changed since it was issued (its signature does not match), so it is not accepted. Use the .lic file you were sent, unchanged.');
  }
  const payload = licensePayloadSchema.safeParse(encoded);
  if (!payload.success) throw new LicenseError('LICENSE_MALFORMED', 'The licence is signed but its content is not a Booking Center licence of this version.');
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
    throw new LicenseError(
      'LICENSE_OTHER_MACHINE',
      `This licence is for another machine (${payload.machineFingerprint.slice(0, 12)}…); this one is ${context.machineFingerprint.slice(0, 12)}…. Send the output of "npm run license -- fingerprint" to your vendor for a licence for this machine.`,
    );
  }
  if (now.getTime() < Date.parse(payload.issuedAt) - CLOCK_TOLERANCE_MS) {
    throw new LicenseError('LICENSE_NOT_YET_VALID', `The licence was issued on ${payload.issuedAt.slice(0, 10)}, after this machine's date (${now.toISOString().slice(0, 10)}). Check the machine's clock.`);
  }
  if (now.getTime() > Date.parse(payload.expiresAt)) {
    throw new LicenseError('LICENSE_EXPIRED', `The licence for ${payload.licensee} expired on ${payload.expiresAt.slice(0, 10)}. Ask your vendor to renew it, then run "npm run license -- activate FILE".`);
  }
}

/** Clocks drift and NTP corrects them; only a jump back beyond this counts as setting the clock back. */
export const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

export function assertClockNotSetBack(now: Date, lastSeenAt: Date | undefined): void {
  if (lastSeenAt && now.getTime() < lastSeenAt.getTime() - CLOCK_TOLERANCE_MS) {
    throw new LicenseError(
      'LICENSE_CLOCK_SET_BACK',
      `This machine's clock (${now.toISOString()}) is earlier than the last time Booking Center ran (${lastSeenAt.toISOString()}). Set the clock right and start again.`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The vendor's tool; customers never need it.
// npm run license:vendor -- keygen --key-id bc-2027-1 --out DIR
//     a new Ed25519 key pair; add the printed public key to license.config.ts, keep the private one safe
// npm run license:vendor -- issue --private-key FILE --key-id ID --licensee "…" --tenant default
//     --seats 10 --expires 2027-12-31 --fingerprint <hash from the customer> --out customer.lic
// The private key never enters the repository (*.pem is ignored by git).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signLicense } from '../sync-server/src/modules/license/license-file.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'key-id': { type: 'string' },
    out: { type: 'string' },
    'private-key': { type: 'string' },
    licensee: { type: 'string' },
    tenant: { type: 'string', default: 'default' },
    seats: { type: 'string' },
    expires: { type: 'string' },
    fingerprint: { type: 'string' },
  },
});

const [command] = positionals;
if (command === 'keygen' && values['key-id'] && values.out) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(values.out, { recursive: true });
  const privatePath = join(values.out, `${values['key-id']}.private.pem`);
  writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeFileSync(join(values.out, `${values['key-id']}.public.pem`), publicPem);
  console.log(`Private key: ${privatePath} (keep it off the repository)\nPublic key for license.config.ts, as '${values['key-id']}':\n${publicPem}`);
} else if (command === 'issue' && values['private-key'] && values['key-id'] && values.licensee && values.seats && values.expires && values.fingerprint && values.out) {
  const expiresAt = new Date(`${values.expires}T23:59:59.000Z`);
  if (Number.isNaN(expiresAt.getTime())) throw new Error(`--expires must be a date like 2027-12-31; it is '${values.expires}'.`);
  const text = signLicense(
    {
      version: 1,
      keyId: values['key-id'],
      licenseId: randomUUID(),
      licensee: values.licensee,
      tenant: values.tenant ?? 'default',
      seats: Number(values.seats),
      issuedAt: new Date().toISOString(),
      expiresAt: expiresAt.toISOString(),
      machineFingerprint: values.fingerprint.trim().toLowerCase(),
    },
    readFileSync(values['private-key'], 'utf8'),
  );
  writeFileSync(values.out, text);
  console.log(`Wrote ${values.out} for ${values.licensee}, valid until ${values.expires}.`);
} else {
  console.error('Usage:\n  npm run license:vendor -- keygen --key-id ID --out DIR\n  npm run license:vendor -- issue --private-key FILE --key-id ID --licensee NAME [--tenant CODE] --seats N --expires YYYY-MM-DD --fingerprint HASH --out FILE');
  process.exitCode = 2;
}

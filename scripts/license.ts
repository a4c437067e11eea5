// npm run license -- fingerprint        the hash of this machine, to send to the vendor
// npm run license -- activate FILE      check a licence file and install it on this machine
// npm run license -- status             licensed, trial or read-only, and why
// Add --lang vi|en|am for the messages' language (default: LANG).
// Works offline: the licence is checked with the vendor's public key, no network needed.
// First: it takes --lang out of the arguments and chooses the language before anything is said.
import './lib/command-language.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { LicenseError } from '../sync-server/src/modules/license/license-file.js';
import { activateLicense, evaluateLicense, type LicenseStatus } from '../sync-server/src/modules/license/license.service.js';
import { computeMachineFingerprint } from '../sync-server/src/modules/license/machine-fingerprint.js';

const usage = [t('cli.usage'), '  npm run license -- fingerprint', '  npm run license -- activate FILE', '  npm run license -- status', t('cli.langHint')].join('\n');

function printStatus(status: LicenseStatus): void {
  // The message names the state itself ("Trial: 12 days left", "Licensed to …", "… read-only").
  console.log(status.message);
  if (status.reason) console.log(t('cli.license.reasonCode', { reason: status.reason }));
  console.log(t('cli.license.machine', { fingerprint: status.machineFingerprint }));
}

try {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const [command, file, ...rest] = positionals;
  if (command === 'fingerprint' && !file) {
    console.log(computeMachineFingerprint());
  } else if (command === 'status' && !file) {
    const status = evaluateLicense();
    printStatus(status);
    if (!status.canWrite) process.exitCode = 1;
  } else if (command === 'activate' && file && rest.length === 0) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new LicenseError('LICENSE_MALFORMED', 'license.cannotReadFile', { file });
    }
    printStatus(activateLicense(text));
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (error) {
  if (error instanceof LicenseError) {
    console.error(`${t('cli.license.notActivated', { message: error.message })}\n${t('cli.license.reasonCode', { reason: error.reason })}`);
    process.exitCode = 1;
  } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n${usage}`);
    process.exitCode = 2;
  } else {
    console.error(t('cli.license.failed', { message: error instanceof Error ? error.message : String(error) }));
    process.exitCode = 1;
  }
}

/**
 * The language a command line speaks (`npm run import`, `user`, `token`, `tenant`, `erase`,
 * `seed`, `export`, `license`, `db:migrate`): `--lang vi|en|am` if given, else the terminal's
 * locale (LC_ALL, LC_MESSAGES, LANG: `vi_VN.UTF-8`), else the tenant's language once the command
 * knows its tenant, else English.
 *
 * `--lang` is taken out of the arguments before the command reads them, so that every command
 * accepts it without knowing of it, and its own strict parsing (node:util parseArgs) is unchanged.
 */
import { isLanguage } from '../../contract/i18n/languages.js';
import { t } from '../../contract/i18n/translate.js';
import { languageOfEnvironment, setProcessLanguage } from './request-language.js';

/**
 * `none`: not a command (the server, a test): the tenant never decides the process's language.
 * `chosen`: --lang or the locale decided. `open`: neither did; the tenant's language will.
 */
let choice: 'none' | 'chosen' | 'open' = 'none';

/**
 * Takes `--lang X` / `--lang=X` out of `argv` (in place, up to a `--` that ends the options) and
 * makes the process speak it, or the environment's language. Answers a problem to print (in the
 * language decided so far) when --lang names no language we speak.
 */
export function chooseCommandLanguage(argv: string[] = process.argv, environment: NodeJS.ProcessEnv = process.env): string | null {
  let given: string | undefined;
  let isMissingValue = false;
  for (let index = 2; index < argv.length; ) {
    const argument = argv[index]!;
    if (argument === '--') break;
    if (argument === '--lang') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) {
        isMissingValue = true;
        argv.splice(index, 1);
      } else {
        given = value;
        argv.splice(index, 2);
      }
    } else if (argument.startsWith('--lang=')) {
      given = argument.slice('--lang='.length);
      argv.splice(index, 1);
    } else {
      index += 1;
    }
  }
  const fromEnvironment = languageOfEnvironment(environment);
  if (fromEnvironment) setProcessLanguage(fromEnvironment);
  if (isMissingValue) return t('cli.langNeedsValue');
  if (given !== undefined) {
    const language = given.trim().toLowerCase();
    if (!isLanguage(language)) return t('cli.unknownLanguage', { given });
    setProcessLanguage(language);
    choice = 'chosen';
    return null;
  }
  choice = fromEnvironment ? 'chosen' : 'open';
  return null;
}

/** A command now knows its tenant: it speaks the tenant's language unless --lang or the locale chose. */
export function followTenantLanguage(language: string): void {
  if (choice === 'open' && isLanguage(language)) setProcessLanguage(language);
}

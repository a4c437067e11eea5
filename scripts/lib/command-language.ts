/**
 * Imported first by every command (open-command-database.ts imports it; a command without a
 * database imports it itself): before the command reads its arguments, `--lang vi|en|am` is
 * taken out of them and the process speaks it, else the terminal's locale (LANG, LC_ALL), else
 * the tenant's language once the command knows its tenant (tenants.service.ts actInTenant).
 * A --lang that names no language we speak is a usage mistake: exit code 2, like the others.
 */
import { chooseCommandLanguage } from '../../sync-server/src/platform/i18n/command-language.js';

const problem = chooseCommandLanguage();
if (problem) {
  console.error(problem);
  process.exit(2);
}

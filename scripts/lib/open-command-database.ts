// First: it takes --lang out of the arguments and chooses the language before anything is said.
import './command-language.js';
import { t } from '../../sync-server/src/contract/i18n/translate.js';
import { openDatabase, type Database } from '../../sync-server/src/platform/database/open-database.js';
import type { BusyAdvice } from '../../sync-server/src/platform/database/data-folder-lock.js';
import { plainDatabaseMessage } from '../../sync-server/src/platform/database/database-errors.js';
import { isAppError } from '../../sync-server/src/platform/errors/app-error.js';

/**
 * The configured database for a command. On the embedded database the command is refused while
 * the server (or another command) has the data folder open: PGlite is one process's alone, and a
 * second one's writes would be acknowledged and then lost. The refusal is printed plainly and the
 * command ends with exit code 1.
 *
 * Why refuse rather than go through the running server: the server's API asks for a signed-in
 * user or an API token, which a command run on the server's own machine does not have; the
 * import and export have their API twins (the upload, the export downloads), named in `advice`.
 */
export async function openCommandDatabase(advice?: BusyAdvice): Promise<Database> {
  try {
    return await openDatabase(undefined, { adviceWhenBusy: advice });
  } catch (error) {
    console.error(isAppError(error) ? error.userMessage : t('database.couldNotOpen', { message: plainDatabaseMessage(error) }));
    process.exit(1);
  }
}

/** An endpoint of the running server, with its address once it listens (it writes it into the lock). */
export function serverEndpoint(url: string | undefined, path: string): string {
  return `${url ?? ''}${path}`;
}

// npm run db:migrate: applies pending migrations to the configured database
// (DATABASE_URL, else the embedded PostgreSQL in BOOKING_CENTER_DATA_DIR).
// npm run db:migrate -- --mark-applied NAME: records NAME as applied without running it, for a
// database that has its changes but no record of them (the message of a failed run says when).
// Add --lang vi|en|am for the messages' language (default: LANG).
import { parseArgs } from 'node:util';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { applyMigrations, markMigrationApplied } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { openCommandDatabase } from './lib/open-command-database.js';

const usage = `${t('cli.usage')} npm run db:migrate [-- --mark-applied <migration name>] [--lang vi|en|am]`;
let args;
try {
  args = parseArgs({ options: { 'mark-applied': { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const database = await openCommandDatabase(() => t('cli.migrate.restartServer'));
try {
  const toMark = args['mark-applied'];
  if (toMark) {
    const isMarked = await markMigrationApplied(database.migrationAdapterFactory, toMark);
    console.log(t(isMarked ? 'cli.migrate.marked' : 'cli.migrate.alreadyMarked', { name: toMark, database: database.description }));
  } else {
    const applied = await applyMigrations(database.migrationAdapterFactory);
    console.log(
      applied.length
        ? t('cli.migrate.applied', { count: applied.length, database: database.description, list: applied.map((name) => `  - ${name}`).join('\n') })
        : t('cli.migrate.upToDate', { database: database.description }),
    );
  }
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : t('cli.migrate.stopped', { message: error instanceof Error ? error.message.split('\n')[0] : String(error) }));
  process.exitCode = 1;
} finally {
  await database.close();
}

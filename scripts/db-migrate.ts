// npm run db:migrate: applies pending migrations to the configured database
// (DATABASE_URL, else the embedded PostgreSQL in BOOKING_CENTER_DATA_DIR).
// npm run db:migrate -- --mark-applied NAME: records NAME as applied without running it, for a
// database that has its changes but no record of them (the message of a failed run says when).
import { parseArgs } from 'node:util';
import { applyMigrations, markMigrationApplied } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { openCommandDatabase } from './lib/open-command-database.js';

const usage = 'Usage: npm run db:migrate [-- --mark-applied <migration name>]';
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

const database = await openCommandDatabase(() => 'restart it: the server applies pending migrations when it starts');
try {
  const toMark = args['mark-applied'];
  if (toMark) {
    const isMarked = await markMigrationApplied(database.migrationAdapterFactory, toMark);
    console.log(isMarked ? `Recorded ${toMark} as applied in ${database.description} (its SQL was not run).` : `${toMark} is already recorded as applied in ${database.description}.`);
  } else {
    const applied = await applyMigrations(database.migrationAdapterFactory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${database.description}:\n${applied.map((name) => `  - ${name}`).join('\n')}`
        : `${database.description} is up to date: no migration to apply.`,
    );
  }
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : `The migration stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

// npm run db:migrate: applies pending migrations to the configured database
// (DATABASE_URL, else the embedded PostgreSQL in BOOKING_CENTER_DATA_DIR).
import { openDatabase } from '../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../sync-server/src/platform/database/schema-engine.js';

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.migrationAdapterFactory);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${database.description}:\n${applied.map((name) => `  - ${name}`).join('\n')}`
      : `${database.description} is up to date: no migration to apply.`,
  );
} finally {
  await database.close();
}

// npm run seed: loads the sample data set of spec 001 into the configured database
// (DATABASE_URL, else the embedded PostgreSQL). Safe to run again: nothing changes.
// npm run seed -- --lang vi|en|am: the language of what it says (default: LANG, else the tenant's).
import { openCommandDatabase } from './lib/open-command-database.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { seedSampleData } from '../sync-server/src/modules/seed/seed.service.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';

// The server loads the sample data into an empty folder itself when it starts.
const database = await openCommandDatabase();
try {
  await applyPendingMigrations(database);
  const tenant = await actInTenant(database, undefined);
  await seedSampleData(database.prisma, tenant.id);
  const [brands, creators, campaigns, bookings, payments] = await Promise.all([
    database.prisma.brand.count(), database.prisma.creator.count(), database.prisma.campaign.count(),
    database.prisma.booking.count(), database.prisma.payment.count(),
  ]);
  console.log(t('cli.seed.loaded', { database: database.description, brands, creators, campaigns, bookings, payments }));
} catch (error) {
  console.error(t('cli.seed.failed', { message: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  await database.close();
}

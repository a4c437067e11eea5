// npm run seed: loads the sample data set of spec 001 into the configured database
// (DATABASE_URL, else the embedded PostgreSQL). Safe to run again: nothing changes.
import { openCommandDatabase } from './lib/open-command-database.js';
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
  console.log(`Sample data loaded into ${database.description}: ${brands} brands, ${creators} creators, ${campaigns} campaigns, ${bookings} bookings, ${payments} payments.`);
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

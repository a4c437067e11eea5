import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../sync-server/src/modules/seed/seed.service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('npm run seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  async function snapshot() {
    const prisma = database.prisma;
    const [counts] = await prisma.$queryRawUnsafe<Record<string, bigint>[]>(`
      SELECT (SELECT count(*) FROM brands) AS brands, (SELECT count(*) FROM products) AS products,
             (SELECT count(*) FROM creators) AS creators, (SELECT count(*) FROM creator_channels WHERE platform = 'tiktok') AS tiktok_channels,
             (SELECT count(*) FROM creator_contacts) AS contacts, (SELECT count(*) FROM campaigns) AS campaigns,
             (SELECT count(*) FROM campaign_products) AS campaign_products, (SELECT count(*) FROM campaign_creators) AS campaign_creators,
             (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM booking_deliverables) AS deliverables,
             (SELECT count(*) FROM videos) AS videos, (SELECT count(*) FROM video_metric_snapshots) AS snapshots,
             (SELECT count(*) FROM payments WHERE status = 'paid') AS paid_payments,
             (SELECT count(*) FROM payments WHERE status = 'planned') AS planned_payments,
             (SELECT count(*) FROM templates) AS templates, (SELECT count(*) FROM rules) AS rules,
             (SELECT max(sync_seq) FROM (SELECT sync_seq FROM campaigns UNION ALL SELECT sync_seq FROM creators
                UNION ALL SELECT sync_seq FROM bookings UNION ALL SELECT sync_seq FROM payments) rows) AS newest_change,
             (SELECT sum(row_version) FROM (SELECT row_version FROM campaigns UNION ALL SELECT row_version FROM creators
                UNION ALL SELECT row_version FROM bookings UNION ALL SELECT row_version FROM payments) rows) AS versions`);
    return counts!;
  }

  it('loads the sample data set of 001: 2 brands, 6 products, 6 creators with TikTok channels and contacts, 2 campaigns …', async () => {
    await seedSampleData(database.prisma);
    const counts = await snapshot();
    expect(counts).toMatchObject({
      brands: 2n, products: 6n, creators: 6n, tiktok_channels: 6n, contacts: 6n, campaigns: 2n,
      campaign_products: 4n, campaign_creators: 5n, bookings: 3n, deliverables: 4n, videos: 2n, snapshots: 3n,
      paid_payments: 2n, planned_payments: 1n, templates: 2n, rules: 2n,
    });
    const tet = await database.prisma.campaign.findFirstOrThrow({ where: { code: 'CC-TET-2026' } });
    expect(tet.name).toBe('Chiến dịch Tết 2026 – Cocoon');
    // budget_actual is the sum of the paid payments: 12.500.000 + 12.500.000 VND.
    expect(tet.budgetActual.toString()).toBe('25000000');
  });

  // "Nothing" as the sheet sync sees it: no row gets a new version or a newer change cursor.
  it('changes nothing when run a second time', async () => {
    const before = await snapshot();
    await seedSampleData(database.prisma);
    expect(await snapshot()).toEqual(before);
  });
});

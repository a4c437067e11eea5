import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewResponseSchema } from '../../sync-server/src/modules/reports/reports.schemas.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('GET /api/v1/reports/overview', () => {
  let server: TestServer;
  const overview = async (username: string, query = '') =>
    fetch(`${server.url}/api/v1/reports/overview${query}`, { headers: await server.authAs(username) });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  it('shows campaigns by status, budgets by brand and month, top creators and flag counts from the sample data', async () => {
    const response = await overview('huong.le');
    expect(response.status).toBe(200);
    const body = overviewResponseSchema.parse(await response.json());
    expect(body.campaignsByStatus).toEqual({ running: 1, planned: 1 });
    expect(body.budgetByBrand).toEqual([
      { brandCode: 'COCOON', brandName: 'Cocoon Việt Nam', planned: 150_000_000, committed: 37_000_000, paid: 25_000_000 },
      { brandCode: 'HANOIFOOD', brandName: 'Hà Nội Food', planned: 80_000_000, committed: 40_000_000, paid: 0 },
    ]);
    expect(body.budgetByMonth).toEqual([{ month: '2026-01', planned: 230_000_000, committed: 77_000_000, paid: 25_000_000 }]);
    // The latest snapshot of each video counts, not the sum of snapshots.
    expect(body.topCreatorsByViews[0]).toEqual({ creatorKey: 'KOC-LINHBEAUTY', name: 'Nguyễn Thuỳ Linh', views: 412_000, videos: 1 });
    expect(body.topCreatorsByRevenue).toEqual([{ creatorKey: 'KOC-LINHBEAUTY', name: 'Nguyễn Thuỳ Linh', revenue: 885_000, orders: 2 }]);
    // Both sample campaigns have a deliverable past its January 2026 deadline and not posted
    // (BK-0002's story, BK-0003's livestream).
    expect(body.flagCounts.AT_RISK_DEADLINE).toBe(2);
  });

  it('narrows to one brand', async () => {
    const body = overviewResponseSchema.parse(await (await overview('minh.tran', '?brand=HANOIFOOD')).json());
    expect(body.campaignsByStatus).toEqual({ planned: 1 });
    expect(body.topCreatorsByRevenue).toEqual([]);
  });

  it('hides budgets from a viewer but still shows the rest', async () => {
    const body = overviewResponseSchema.parse(await (await overview('an.pham')).json());
    expect(body.budgetByBrand).toBeNull();
    expect(body.budgetByMonth).toBeNull();
    expect(body.campaignsByStatus).toEqual({ running: 1, planned: 1 });
  });

  it('refuses a malformed date with 422 naming the field', async () => {
    const response = await overview('minh.tran', '?from=31/12/2026');
    expect(response.status).toBe(422);
    expect(errorResponseSchema.parse(await response.json()).errors).toHaveProperty('from');
  });
});

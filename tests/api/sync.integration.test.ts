import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type CellRecord, type PushRequest } from '../../sync-server/src/contract/sync-payloads.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { isUsingPostgresServer } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('sheet sync: push and pull', () => {
  let server: TestServer;

  const pull = async (query: string, username = 'minh.tran') => {
    const response = await fetch(`${server.url}/api/v1/sync/pull${query}`, { headers: await server.authAs(username) });
    expect(response.status).toBe(200);
    return pullResponseSchema.parse(await response.json());
  };
  const pushRaw = async (body: Omit<PushRequest, 'idempotencyKey'> & { idempotencyKey?: string }, username = 'minh.tran') =>
    fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { ...(await server.authAs(username)), 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: randomUUID(), ...body }),
    });
  const push = async (body: Omit<PushRequest, 'idempotencyKey'> & { idempotencyKey?: string }, username = 'minh.tran') => {
    const response = await pushRaw(body, username);
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json());
  };
  const pulledCampaign = async (code: string) => {
    const body = await pull('?tables=campaigns');
    const row = body.tables[0]!.rows.find((candidate) => candidate.values.code === code);
    if (!row) throw new Error(`campaign ${code} not pulled`);
    return row;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  it('pulls every row of a tab with its computed columns and a cursor', async () => {
    const body = await pull('?tables=campaigns,campaign_creators');
    const campaigns = body.tables.find((table) => table.table === 'campaigns')!;
    expect(campaigns.rows.map((row) => row.values.code).sort()).toEqual(['CC-TET-2026', 'HNF-MUT-TET-2026']);
    const tet = campaigns.rows.find((row) => row.values.code === 'CC-TET-2026')!;
    expect(tet.values).toMatchObject({ brand_code: 'COCOON', status: 'running', start_date: '2026-01-05', budget_planned: 150_000_000, owner_username: 'minh.tran' });
    expect(tet.computed).toMatchObject({ row_version: tet.rowVersion, creators_count: 3, products_count: 2, budget_actual: 25_000_000, budget_committed: 37_000_000 });
    expect(String(tet.computed.health_flags)).toContain('AT_RISK_DEADLINE');
    expect(body.tables.find((table) => table.table === 'campaign_creators')!.rows).toHaveLength(5);
    // "<change number>.<transactions not finished then>…"
    expect(body.cursor).toMatch(/^\d+(\.\d+)+$/);
    expect(Number(body.cursor.split('.')[0])).toBeGreaterThan(0);
  });

  it('hides campaign budgets from a viewer, as every other campaign read does', async () => {
    const body = await pull('?tables=campaigns', 'an.pham');
    const tet = body.tables[0]!.rows.find((row) => row.values.code === 'CC-TET-2026')!;
    expect(tet.values.budget_planned).toBeNull();
    expect(tet.computed).toMatchObject({ budget_actual: null, budget_committed: null, creators_count: 3 });
  });

  it('saves an edited row, bumps its version, and a pull since the cursor returns only that row', async () => {
    const { cursor } = await pull('?tables=campaigns');
    const tet = await pulledCampaign('CC-TET-2026');
    const result = await push({ tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: tet.rowVersion, values: { ...tet.values, name: 'Chiến dịch Tết 2026 – Cocoon (mở rộng)' } }] }] });
    expect(result.applied).toBe(true);
    expect(result.tables[0]!.results[0]).toMatchObject({ rowNumber: 2, status: 'updated', computed: { row_version: tet.rowVersion + 1, creators_count: 3 } });

    const changes = await pull(`?tables=campaigns,brands&since=${encodeURIComponent(cursor)}`);
    expect(changes.tables.find((table) => table.table === 'campaigns')!.rows.map((row) => row.values.name)).toEqual(['Chiến dịch Tết 2026 – Cocoon (mở rộng)']);
    expect(changes.tables.find((table) => table.table === 'brands')!.rows).toEqual([]);
  });

  // A second connection holding a transaction open needs a PostgreSQL server (the embedded
  // database is one connection).
  it.skipIf(!isUsingPostgresServer())('a pull since a cursor also sends a row that a transaction still open during the last pull committed afterwards', async () => {
    const late = new pg.Client({ connectionString: server.databaseUrl });
    await late.connect();
    try {
      // This change takes its change number now, but commits only after the next pull.
      await late.query('BEGIN');
      await late.query("UPDATE brands SET name = 'Cocoon Việt Nam (sửa muộn)' WHERE code = 'COCOON'");
      const first = await pull('?tables=brands');
      expect(first.tables[0]!.rows.map((row) => row.values.name)).not.toContain('Cocoon Việt Nam (sửa muộn)');
      await late.query('COMMIT');

      const next = await pull(`?tables=brands&since=${encodeURIComponent(first.cursor)}`);
      expect(next.tables[0]!.rows.map((row) => row.values.name)).toContain('Cocoon Việt Nam (sửa muộn)');
      // And once sent, it is not sent again.
      const after = await pull(`?tables=brands&since=${encodeURIComponent(next.cursor)}`);
      expect(after.tables[0]!.rows).toEqual([]);
    } finally {
      await late.end();
    }
  });

  it('still accepts a cursor of the earlier form (a bare change number), and refuses a made-up one', async () => {
    const { cursor } = await pull('?tables=brands');
    const bare = cursor.split('.')[0]!;
    expect((await pull(`?tables=brands&since=${bare}`)).tables[0]!.rows).toEqual([]);
    const refused = await fetch(`${server.url}/api/v1/sync/pull?tables=brands&since=12.x`, { headers: await server.authAs('minh.tran') });
    expect(refused.status).toBe(422);
  });

  it('answers a stale row with a conflict carrying the server values, and writes nothing for it', async () => {
    const tet = await pulledCampaign('CC-TET-2026');
    const stale = { rowNumber: 3, rowVersion: tet.rowVersion - 1, values: { ...tet.values, name: 'Bản cũ của tôi' } };
    const result = await push({ tables: [{ table: 'campaigns', rows: [stale] }] });
    const conflict = result.tables[0]!.results[0]!;
    expect(conflict.status).toBe('conflict');
    expect(conflict.serverValues).toMatchObject({ name: tet.values.name, row_version: tet.rowVersion });
    expect(conflict.errors?._row?.[0]).toMatch(/changed this row on the server/);
    expect((await pulledCampaign('CC-TET-2026')).values.name).toBe(tet.values.name);
  });

  it('treats a new sheet row whose key already exists on the server as a conflict, not an overwrite', async () => {
    const tet = await pulledCampaign('CC-TET-2026');
    const result = await push({ tables: [{ table: 'campaigns', rows: [{ rowNumber: 9, rowVersion: null, values: { ...tet.values, name: 'Trùng mã' } }] }] });
    expect(result.tables[0]!.results[0]!.status).toBe('conflict');
    expect((await pulledCampaign('CC-TET-2026')).values.name).toBe(tet.values.name);
  });

  it('a push with one bad row among 500 writes nothing and names that row and column', async () => {
    const rows = Array.from({ length: 500 }, (_, index) => ({
      rowNumber: index + 2,
      rowVersion: null,
      values: { code: `BR-${String(index).padStart(4, '0')}`, name: `Thương hiệu ${index}`, description: null } as CellRecord,
    }));
    rows[316]!.values.name = null;
    const result = await push({ tables: [{ table: 'brands', rows }] });
    expect(result.applied).toBe(false);
    const bad = result.tables[0]!.results.filter((row) => row.status === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ rowNumber: 318, errors: { name: [expect.stringMatching(/name/)] } });
    // Nothing was saved, so no row may claim a new version.
    expect(result.tables[0]!.results.every((row) => row.computed === undefined)).toBe(true);
    expect(result.summary).toMatchObject({ created: 499, error: 1 });
    expect(await server.database.prisma.brand.count({ where: { code: { startsWith: 'BR-' } } })).toBe(0);
  });

  it('a retry with the same idempotency key returns the first answer and changes nothing more', async () => {
    const hnf = await pulledCampaign('HNF-MUT-TET-2026');
    const body = { idempotencyKey: `retry-${randomUUID()}`, tables: [{ table: 'campaigns', rows: [{ rowNumber: 3, rowVersion: hnf.rowVersion, values: { ...hnf.values, kpi_view: 2_000_000 } }] }] };
    const first = await push(body);
    const second = await push(body);
    expect(second).toEqual(first);
    expect(first.tables[0]!.results[0]!.status).toBe('updated');
    expect((await pulledCampaign('HNF-MUT-TET-2026')).rowVersion).toBe(hnf.rowVersion + 1);

    const reused = await pushRaw({ ...body, tables: [{ table: 'brands', rows: [] }] });
    expect(reused.status).toBe(409);
    expect(errorResponseSchema.parse(await reused.json()).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const result = await push({ dryRun: true, tables: [{ table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: 'DRYRUN', name: 'Thử nghiệm', description: null } }] }] });
    expect(result).toMatchObject({ dryRun: true, applied: false, summary: { created: 1 } });
    expect(await server.database.prisma.brand.count({ where: { code: 'DRYRUN' } })).toBe(0);
  });

  it('a new campaign can arrive running together with its creator: the state rules see the whole push', async () => {
    const campaign = { code: 'CC-HE-2026', name: 'Hè 2026', brand_code: 'COCOON', channel: 'tiktok', objective: 'awareness', description: null, start_date: '01/06/2026', end_date: '30/06/2026', budget_planned: '50.000.000', kpi_view: null, kpi_order: null, kpi_revenue: null, status: 'running', owner_username: 'minh.tran' };
    const alone = await push({ tables: [{ table: 'campaigns', rows: [{ rowNumber: 5, rowVersion: null, values: campaign }] }] });
    expect(alone.applied).toBe(false);
    expect(alone.tables[0]!.results[0]!.errors?.status?.[0]).toMatch(/CC-HE-2026 is running: Add at least one creator/);

    const together = await push({
      tables: [
        { table: 'campaign_creators', rows: [{ rowNumber: 7, rowVersion: null, values: { campaign_code: 'CC-HE-2026', creator_key: 'KOC-LINHBEAUTY', role: 'main', note: 'Video mở màn' } }] },
        { table: 'campaigns', rows: [{ rowNumber: 5, rowVersion: null, values: campaign }] },
      ],
    });
    expect(together.applied).toBe(true);
    expect(together.tables.map((table) => table.table)).toEqual(['campaigns', 'campaign_creators']);
    expect(together.tables[0]!.results[0]!.computed).toMatchObject({ creators_count: 1, budget_actual: 0 });
    const history = await server.database.prisma.auditLog.findMany({ where: { entityType: 'campaign', entityId: (await server.database.prisma.campaign.findFirstOrThrow({ where: { code: 'CC-HE-2026' } })).id } });
    expect(history.map((entry) => entry.action).sort()).toEqual(['assign', 'create']);
    expect(history.every((entry) => entry.source === 'api' && entry.actorLabel === 'minh.tran@bookingcenter.vn')).toBe(true);
  });

  it('applies the campaign rules row by row: status moves, budget rights, terminal campaigns', async () => {
    const hnf = await pulledCampaign('HNF-MUT-TET-2026');
    const asLead = await push({ tables: [{ table: 'campaigns', rows: [
      { rowNumber: 2, rowVersion: hnf.rowVersion, values: { ...hnf.values, status: 'finished', budget_planned: 90_000_000 } },
    ] }] });
    const errors = asLead.tables[0]!.results[0]!.errors!;
    expect(errors.status?.[0]).toMatch(/^A planned campaign can't move to finished; it can move to: running, paused, canceled\.$/);
    expect(errors.budget_planned?.[0]).toMatch(/^Your role \(lead\) can't change campaign budgets\.$/);
    expect(asLead.applied).toBe(false);

    const asAdmin = await push({ tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: hnf.rowVersion, values: { ...hnf.values, budget_planned: 90_000_000 } }] }] }, 'lan.nguyen');
    expect(asAdmin.tables[0]!.results[0]!.status).toBe('updated');
  });

  it('refuses a tab the role may not write with 403', async () => {
    const asFinance = await pushRaw({ tables: [{ table: 'campaigns', rows: [] }] }, 'huong.le');
    expect(asFinance.status).toBe(403);
    expect(errorResponseSchema.parse(await asFinance.json()).detail).toBe("Your role (finance) can't change the campaigns tab; ask someone with the admin or lead role.");
    expect((await pushRaw({ tables: [{ table: 'brands', rows: [] }] }, 'an.pham')).status).toBe(403);
  });

  it('deletes explicitly, shows the deletion in the next pull, and refuses deleting a campaign with bookings', async () => {
    const { cursor } = await pull('?tables=campaign_creators');
    const mappings = (await pull('?tables=campaign_creators')).tables[0]!.rows;
    const trial = mappings.find((row) => row.values.creator_key === 'KOC-HOANGANHREVIEW')!;
    const result = await push({ tables: [{ table: 'campaign_creators', rows: [], deletions: [{ rowNumber: 4, key: { campaign_code: 'CC-TET-2026', creator_key: 'KOC-HOANGANHREVIEW' }, rowVersion: trial.rowVersion }] }] });
    expect(result.tables[0]!.results[0]).toMatchObject({ rowNumber: 4, status: 'deleted' });
    const changes = await pull(`?tables=campaign_creators&since=${encodeURIComponent(cursor)}`);
    expect(changes.tables[0]!.rows).toEqual([expect.objectContaining({ deleted: true, values: expect.objectContaining({ creator_key: 'KOC-HOANGANHREVIEW' }) })]);

    const refused = await push({ tables: [{ table: 'campaigns', rows: [], deletions: [{ rowNumber: 2, key: { code: 'CC-TET-2026' }, rowVersion: null }] }] }, 'lan.nguyen');
    expect(refused.applied).toBe(false);
    expect(refused.tables[0]!.results[0]!.errors?._row?.[0]).toMatch(/booking.*can't be deleted/);
  });

  it('refuses an unknown tab and a malformed body with 422 naming the field', async () => {
    const unknown = await pushRaw({ tables: [{ table: 'spaceships', rows: [] }] });
    expect(unknown.status).toBe(422);
    const malformed = await pushRaw({ tables: [{ table: 'brands', rows: [{ rowNumber: 1, rowVersion: null, values: {} }] }] });
    expect(malformed.status).toBe(422);
    expect(Object.keys(errorResponseSchema.parse(await malformed.json()).errors)).toContain('tables.0.rows.0.rowNumber');
  });
});

/**
 * Tenants are kept apart by PostgreSQL row-level security, not by the filters of our queries:
 * a query that forgot its tenant filter still sees only its own tenant, a request of tenant B's
 * user never reads or writes tenant A's rows through any door, and none of it relies on the
 * superuser (who bypasses row-level security). On both databases (TEST_DATABASE_URL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema, pullResponseSchema, pushResponseSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { createApiToken } from '../../sync-server/src/modules/auth/api-tokens.service.js';
import { createTenant } from '../../sync-server/src/modules/tenants/tenants.service.js';
import { APP_ROLE, DEFAULT_TENANT_ID, runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('tenant isolation by row-level security', () => {
  let server: TestServer;
  let tenantB: string;
  let tokenB: string;

  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  const tokenA = () => server.tokenFor('minh.tran');
  const campaignCodes = async (token: string) => {
    const response = await api('/campaigns?limit=100', token);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Array<{ code: string }> }).items.map((item) => item.code).sort();
  };

  beforeAll(async () => {
    // Tenant A is the default tenant with the sample data; tenant B is made as the CLI makes it.
    server = await startTestServer();
    const prisma = server.database.prisma;
    tenantB = (await createTenant(prisma, { code: 'agency-b', name: 'Agency B', baseCurrency: 'USD', language: 'en' })).id;
    await runInTenant(tenantB, async () => {
      await prisma.user.create({ data: { username: 'b.admin', email: 'b.admin@agency-b.example', displayName: 'B Admin', role: 'admin' } });
      tokenB = (await createApiToken(prisma, { username: 'b.admin', name: 'isolation test' })).token;
    });
  });
  afterAll(async () => server?.dispose());

  it('a query with no tenant filter, run as the application role, sees only its own tenant, and nothing without one', async () => {
    const prisma = server.database.prisma;
    await runInTenant(tenantB, () => prisma.brand.create({ data: { code: 'B-ONLY', name: 'Brand of B' } }));
    const codesIn = (tenantId: string) =>
      runInTenant(tenantId, async () => (await prisma.$queryRawUnsafe<Array<{ code: string }>>('SELECT code FROM brands ORDER BY code')).map((row) => row.code));
    expect(await codesIn(DEFAULT_TENANT_ID)).toEqual(['COCOON', 'HANOIFOOD']);
    expect(await codesIn(tenantB)).toEqual(['B-ONLY']);

    // A handle whose caller never said which tenant: row-level security shows it nothing.
    const fallback = server.database.tenant.tenantId;
    server.database.tenant.tenantId = null;
    try {
      expect(await prisma.$queryRawUnsafe('SELECT code FROM brands')).toEqual([]);
      expect(await prisma.campaign.count()).toBe(0);
    } finally {
      server.database.tenant.tenantId = fallback;
    }

    // Not the superuser's doing: the statements run as a role that cannot bypass the policies.
    const [role] = await runInTenant(tenantB, () =>
      prisma.$queryRawUnsafe<Array<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>>('SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user'),
    );
    expect(role).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false });
  });

  it('an update or delete with no filter touches only its own tenant, and a row for another tenant is refused', async () => {
    const prisma = server.database.prisma;
    await runInTenant(tenantB, () => prisma.$executeRawUnsafe("UPDATE brands SET name = name || ' (B)'"));
    const cocoon = await prisma.brand.findFirstOrThrow({ where: { code: 'COCOON' }, select: { name: true } });
    expect(cocoon.name).not.toContain('(B)');
    await expect(runInTenant(tenantB, () => prisma.$executeRawUnsafe(`INSERT INTO brands (code, name, tenant_id) VALUES ('SNEAKY', 'x', '${DEFAULT_TENANT_ID}')`))).rejects.toThrow(/row-level security/);
    expect(await prisma.brand.count({ where: { code: 'SNEAKY' } })).toBe(0);
  });

  it('natural keys are unique per tenant: tenant B may use a campaign code tenant A has', async () => {
    const push = await api('/sync/push', tokenB, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyKey: randomUUID(),
        tables: [
          { table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: 'COCOON', name: 'Cocoon (client of B)' } }] },
          { table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: null, values: { code: 'CC-TET-2026', name: 'B’s own Tết', brand_code: 'COCOON', objective: 'awareness', status: 'draft' } }] },
        ],
      }),
    });
    expect(push.status).toBe(200);
    const result = pushResponseSchema.parse(await push.json());
    expect(result.applied).toBe(true);
    expect(result.tables.flatMap((table) => table.results.map((row) => row.status))).toEqual(['created', 'created']);

    // A's campaign of the same code is untouched, and each tenant lists only its own.
    const tetA = await server.database.prisma.campaign.findFirstOrThrow({ where: { code: 'CC-TET-2026' }, select: { name: true, status: true } });
    expect(tetA).toMatchObject({ status: 'running' });
    expect(tetA.name).not.toContain('B’s own');
    expect(await campaignCodes(tokenB)).toEqual(['CC-TET-2026']);
    expect(await campaignCodes(await tokenA())).toEqual(['CC-TET-2026', 'HNF-MUT-TET-2026']);
  });

  it('a pull, a campaign read and an export by B never show A’s rows; A’s campaign is a 404 to B, not a 403', async () => {
    const pulled = pullResponseSchema.parse(await (await api('/sync/pull?tables=campaigns,creators,bookings', tokenB)).json());
    expect(pulled.tables.find((table) => table.table === 'campaigns')!.rows.map((row) => row.values.name)).toEqual(['B’s own Tết']);
    expect(pulled.tables.find((table) => table.table === 'creators')!.rows).toEqual([]);
    expect(pulled.tables.find((table) => table.table === 'bookings')!.rows).toEqual([]);

    expect((await api('/campaigns/HNF-MUT-TET-2026', tokenB)).status).toBe(404);
    const exported = await (await api('/exports/creators?format=csv', tokenB)).text();
    expect(exported).not.toContain('KOC-LINHBEAUTY');
    const campaignsCsv = await (await api('/campaigns/export?format=csv', tokenB)).text();
    expect(campaignsCsv).toContain('B’s own Tết');
    expect(campaignsCsv).not.toContain('HNF-MUT-TET-2026');
  });

  it('an upload by B writes B’s rows only: a creator key A has becomes B’s own creator', async () => {
    const form = new FormData();
    form.append('file', new Blob(['creator_key,name,status\nKOC-LINHBEAUTY,Linh (B’s roster),active\n']), 'creators.csv');
    const response = await api('/imports', tokenB, { method: 'POST', body: form });
    const report = importReportSchema.parse(await response.json());
    expect(report.files[0]).toMatchObject({ isCommitted: true, totals: { created: 1, updated: 0 } });
    const linhA = await server.database.prisma.creator.findFirstOrThrow({ where: { creatorKey: 'KOC-LINHBEAUTY' }, select: { name: true } });
    expect(linhA.name).not.toContain('B’s roster');
    const linhB = await runInTenant(tenantB, () => server.database.prisma.creator.findMany({ select: { name: true } }));
    expect(linhB).toEqual([{ name: 'Linh (B’s roster)' }]);
  });

  it('requests of A and B interleaved on the same pooled connections each see only their own tenant', async () => {
    const a = await tokenA();
    const answers = await Promise.all(Array.from({ length: 24 }, (_, index) => (index % 2 === 0 ? campaignCodes(a) : campaignCodes(tokenB))));
    // Under one database snapshot the list cache would answer both from one entry if it were not per tenant.
    answers.forEach((codes, index) => expect(codes).toEqual(index % 2 === 0 ? ['CC-TET-2026', 'HNF-MUT-TET-2026'] : ['CC-TET-2026']));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDetailSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { campaignWriteResponseSchema } from '../../sync-server/src/modules/campaigns/campaigns.http-schemas.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Seeded users: lan.nguyen admin, minh.tran lead, an.pham viewer.
const ADMIN = 'lan.nguyen';
const LEAD = 'minh.tran';
const VIEWER = 'an.pham';

describe('campaigns created, edited, deleted and unassigned over REST', () => {
  let server: TestServer;

  const send = async (method: string, path: string, body: unknown, username = LEAD) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...(await server.authAs(username)), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const detail = async (code: string) => {
    const response = await fetch(`${server.url}/api/v1/campaigns/${encodeURIComponent(code)}`, { headers: await server.authAs(LEAD) });
    expect(response.status).toBe(200);
    return campaignDetailSchema.parse(await response.json());
  };
  const isMissing = async (code: string) => (await fetch(`${server.url}/api/v1/campaigns/${encodeURIComponent(code)}`, { headers: await server.authAs(LEAD) })).status === 404;
  const written = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    return campaignWriteResponseSchema.parse(await response.json());
  };
  const refusal = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    return errorResponseSchema.parse(await response.json());
  };
  const create = (code: string, extra: Record<string, unknown> = {}, username = LEAD) =>
    send('POST', '/campaigns', { code, name: `Campaign ${code}`, brandCode: 'cocoon', objective: 'sale', ...extra }, username);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  describe('POST /campaigns', () => {
    it('a lead creates a draft for a brand named by its code, owned by them, with the proposed budget and KPIs', async () => {
      const body = await written(await create('REST-1', { budgetPlanned: 50_000_000, kpiOrder: 120, startDate: '2026-03-01', endDate: '2026-03-31', description: '## Key message\nFresh skin' }), 201);
      expect(body).toMatchObject({
        code: 'REST-1', brandCode: 'COCOON', status: 'draft', startDate: '2026-03-01', endDate: '2026-03-31', owner: expect.any(String),
        budget: { planned: 50_000_000 }, kpi: { targets: { orders: 120 } }, brief: [{ heading: 'Key message', body: 'Fresh skin' }],
      });
      expect(body.rowVersion).toEqual(expect.any(Number));
      expect((await detail('REST-1')).history[0]).toMatchObject({ action: 'create' });
    });

    it('an unknown brand is a 422 naming brandCode, and nothing is created', async () => {
      const error = await refusal(await send('POST', '/campaigns', { code: 'REST-NOBRAND', name: 'x', brandCode: 'NO-SUCH', objective: 'sale' }), 422);
      expect(error.errors.brandCode).toEqual(['No such brand: pick an existing brand.']);
      expect(await isMissing('REST-NOBRAND')).toBe(true);
    });

    it('a code already used, in any case, is a 409 and the other campaign is untouched', async () => {
      await written(await create('REST-TAKEN'), 201);
      for (const code of ['cc-tet-2026', 'CC-TET-2026', 'REST-TAKEN']) {
        const error = await refusal(await create(code, { name: 'Overwritten?' }), 409);
        expect(error.code).toBe('CODE_TAKEN');
        expect(error.detail).toContain('is already used by another campaign');
      }
      expect((await detail('CC-TET-2026')).name).toBe('Chiến dịch Tết 2026 – Cocoon');
      expect((await detail('REST-TAKEN')).name).toBe('Campaign REST-TAKEN');
    });

    it('a viewer may not create a campaign (403 saying so), and nothing is created', async () => {
      const error = await refusal(await create('REST-VIEWER', {}, VIEWER), 403);
      expect(error.detail).toContain('create campaigns');
      expect(await isMissing('REST-VIEWER')).toBe(true);
    });
  });

  describe('PATCH /campaigns/{code}', () => {
    it('changes the fields given and answers the new version', async () => {
      const before = await detail('REST-1');
      const body = await written(await send('PATCH', '/campaigns/REST-1', { name: 'Spring glow', kpiView: 2_000_000 }), 200);
      expect(body).toMatchObject({ name: 'Spring glow', kpi: { targets: { views: 2_000_000, orders: 120 } }, budget: { planned: 50_000_000 }, description: before.description });
      const history = (await detail('REST-1')).history[0];
      expect(history?.changes.name).toEqual({ from: 'Campaign REST-1', to: 'Spring glow' });
    });

    it('a lead changing the budget is refused with 403 naming the right, and the budget stays', async () => {
      const error = await refusal(await send('PATCH', '/campaigns/REST-1', { budgetPlanned: 90_000_000 }), 403);
      expect(error.detail).toContain('change campaign budgets');
      expect(error.errors).toHaveProperty('budget_planned');
      expect((await detail('REST-1')).budget.planned).toBe(50_000_000);
    });

    it('the status is not edited here: 422 naming status, and the status stays draft', async () => {
      const error = await refusal(await send('PATCH', '/campaigns/REST-1', { status: 'planned', name: 'Sneaky' }), 422);
      expect(error.errors.status).toEqual(["The status can't be changed by editing the campaign: move it to its new status instead."]);
      expect(await detail('REST-1')).toMatchObject({ status: 'draft', name: 'Spring glow' });
    });

    it('an edit based on an old version is a 409 and the newer change is kept', async () => {
      const first = await written(await send('PATCH', '/campaigns/REST-1', { name: 'Spring glow 2' }, ADMIN), 200);
      const error = await refusal(await send('PATCH', '/campaigns/REST-1', { name: 'Stale edit', expectedRowVersion: first.rowVersion - 1 }), 409);
      expect(error.code).toBe('STALE_ROW_VERSION');
      expect((await detail('REST-1')).name).toBe('Spring glow 2');
      // With the version just answered, the same edit goes through.
      expect((await written(await send('PATCH', '/campaigns/REST-1', { name: 'Fresh edit', expectedRowVersion: first.rowVersion }), 200)).name).toBe('Fresh edit');
    });

    it('an admin changes the budget; a viewer changes nothing (403)', async () => {
      expect((await written(await send('PATCH', '/campaigns/REST-1', { budgetPlanned: 90_000_000 }, ADMIN), 200)).budget.planned).toBe(90_000_000);
      const error = await refusal(await send('PATCH', '/campaigns/REST-1', { name: 'Viewer name' }, VIEWER), 403);
      expect(error.detail).toContain('edit campaigns');
      expect((await detail('REST-1')).name).toBe('Fresh edit');
    });

    it('an invalid date is a 422 naming the field in plain words', async () => {
      const error = await refusal(await send('PATCH', '/campaigns/REST-1', { endDate: '2026-02-30' }), 422);
      expect(Object.keys(error.errors)).toEqual(['endDate']);
      expect((await detail('REST-1')).endDate).toBe('2026-03-31');
    });
  });

  describe('DELETE /campaigns/{code}/creators/… and /products/…', () => {
    it('the only creator of a running campaign can not be removed (422 with the reason); once another joins, it can', async () => {
      await written(await create('REST-RUN', { startDate: '2026-01-01', endDate: '2026-12-31' }), 201);
      expect((await send('POST', '/campaigns/REST-RUN/creators', { creatorKeys: ['KOC-LINHBEAUTY'] })).status).toBe(200);
      expect((await send('POST', '/campaigns/REST-RUN/products', { products: [{ brandCode: 'COCOON', productCode: 'CC-BI-BAO' }] })).status).toBe(200);
      expect((await send('POST', '/campaigns/REST-RUN/transition', { to: 'planned' })).status).toBe(200);
      expect((await send('POST', '/campaigns/REST-RUN/transition', { to: 'running' })).status).toBe(200);

      const error = await refusal(await send('DELETE', '/campaigns/REST-RUN/creators/KOC-LINHBEAUTY', undefined), 422);
      expect(error.code).toBe('MISSING_CREATOR');
      expect(error.detail).toContain('Add at least one creator before the campaign runs.');
      expect((await detail('REST-RUN')).creators.map((creator) => creator.creatorKey)).toEqual(['KOC-LINHBEAUTY']);

      // A second creator, and the first may go; the history says who left.
      expect((await send('POST', '/campaigns/REST-RUN/creators', { creatorKeys: ['KOC-HOANGANHREVIEW'] })).status).toBe(200);
      expect((await send('DELETE', '/campaigns/REST-RUN/creators/KOC-LINHBEAUTY', undefined)).status).toBe(204);
      const after = await detail('REST-RUN');
      expect(after.creators.map((creator) => creator.creatorKey)).toEqual(['KOC-HOANGANHREVIEW']);
      expect(after.history[0]).toMatchObject({ action: 'unassign' });
      expect(Object.keys(after.history[0]!.changes)).toEqual(['creator KOC-LINHBEAUTY']);
    });

    it('a product is removed by brand and product code; a creator or product not in the campaign is a 404', async () => {
      expect((await send('DELETE', '/campaigns/REST-RUN/products/COCOON/CC-BI-BAO', undefined)).status).toBe(204);
      expect((await detail('REST-RUN')).products).toEqual([]);
      expect((await refusal(await send('DELETE', '/campaigns/REST-RUN/products/COCOON/CC-BI-BAO', undefined), 404)).detail).toBe('This product is not in REST-RUN.');
      expect((await refusal(await send('DELETE', '/campaigns/REST-RUN/creators/KOC-LINHBEAUTY', undefined), 404)).detail).toBe('This creator is not in REST-RUN.');
      expect((await refusal(await send('DELETE', '/campaigns/REST-RUN/creators/NO-SUCH-KEY', undefined), 404)).detail).toBe('There is no NO-SUCH-KEY.');
    });

    it('a viewer can not remove a creator (403), and the creator stays', async () => {
      const error = await refusal(await send('DELETE', '/campaigns/REST-RUN/creators/KOC-HOANGANHREVIEW', undefined, VIEWER), 403);
      expect(error.detail).toContain('assign creators to campaigns');
      expect((await detail('REST-RUN')).creators).toHaveLength(1);
    });
  });

  describe('DELETE /campaigns/{code}', () => {
    it('a campaign with bookings stays: 409 saying what keeps it', async () => {
      const error = await refusal(await send('DELETE', '/campaigns/CC-TET-2026', {}, ADMIN), 409);
      expect(error.code).toBe('HAS_BOOKINGS');
      expect(error.detail).toContain("The campaign can't be deleted; cancel it instead.");
      expect(await isMissing('CC-TET-2026')).toBe(false);
    });

    it('a lead or a viewer may not delete (403), and the campaign stays', async () => {
      expect((await refusal(await send('DELETE', '/campaigns/REST-1', undefined, LEAD), 403)).detail).toContain('delete campaigns');
      expect((await refusal(await send('DELETE', '/campaigns/REST-1', undefined, VIEWER), 403)).detail).toContain('delete campaigns');
      expect(await isMissing('REST-1')).toBe(false);
    });

    it('an admin soft deletes a campaign with its note: it is gone from the API and the list, its code stays taken', async () => {
      expect((await send('DELETE', '/campaigns/REST-1', { note: 'made by mistake' }, ADMIN)).status).toBe(204);
      expect(await isMissing('REST-1')).toBe(true);
      const list = await (await fetch(`${server.url}/api/v1/campaigns?limit=200`, { headers: await server.authAs(LEAD) })).json() as { items: { code: string }[] };
      expect(list.items.map((item) => item.code)).not.toContain('REST-1');
      expect((await refusal(await send('DELETE', '/campaigns/REST-1', undefined, ADMIN), 404)).detail).toBe('There is no campaign REST-1.');
      // A new campaign with its code does not bring it back.
      const again = await refusal(await create('REST-1'), 409);
      expect(again).toMatchObject({ code: 'CODE_TAKEN', detail: 'The code REST-1 is already used by a deleted campaign (REST-1); choose another code.' });
      expect(await isMissing('REST-1')).toBe(true);
    });
  });
});

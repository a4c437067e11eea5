import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentResponseSchema,
  campaignDetailSchema,
  campaignTransitionsSchema,
  creatorSearchResponseSchema,
  duplicateResponseSchema,
  productSearchResponseSchema,
  transitionResponseSchema,
} from '../../sync-server/src/contract/sync-payloads.js';
import { SYSTEM_ACTOR } from '../../sync-server/src/modules/access/actor.js';
import { resolveCampaign } from '../../sync-server/src/modules/campaigns/campaign-api.service.js';
import { campaignListResponseSchema } from '../../sync-server/src/modules/campaigns/campaigns.http-schemas.js';
import { updateCampaign } from '../../sync-server/src/modules/campaigns/index.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('campaign actions over HTTP', () => {
  let server: TestServer;

  const get = async (path: string, username = 'minh.tran') => fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs(username) });
  const post = async (path: string, body: unknown, username = 'minh.tran') =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { ...(await server.authAs(username)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const list = async (query: string, username = 'minh.tran') => {
    const response = await get(`/campaigns${query}`, username);
    expect(response.status).toBe(200);
    return campaignListResponseSchema.parse(await response.json());
  };
  const detail = async (code: string, username = 'minh.tran') => {
    const response = await get(`/campaigns/${encodeURIComponent(code)}`, username);
    expect(response.status).toBe(200);
    return campaignDetailSchema.parse(await response.json());
  };
  const refusal = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    return errorResponseSchema.parse(await response.json());
  };
  /** A fresh draft copy of a sample campaign, so each test changes its own campaign. */
  const duplicate = async (code = 'CC-TET-2026') => duplicateResponseSchema.parse(await (await post(`/campaigns/${code}/duplicate`, {})).json()).code;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.dispose());

  describe('GET /campaigns', () => {
    it('lists every campaign with counts, budgets and flags, newest first', async () => {
      const body = await list('');
      const codes = body.items.map((item) => item.code);
      expect(codes).toEqual(expect.arrayContaining(['CC-TET-2026', 'HNF-MUT-TET-2026']));
      const tet = body.items.find((item) => item.code === 'CC-TET-2026')!;
      expect(tet).toMatchObject({ brandCode: 'COCOON', status: 'running', budgetPlanned: 150_000_000, creatorsCount: 3, productsCount: 2, owner: expect.any(String) });
      expect(tet.flags.map((flag) => flag.code)).toContain('AT_RISK_DEADLINE');
    });

    it('filters by status, brand code, owner, search and the has-creators toggle', async () => {
      expect((await list('?statuses=running')).items.map((item) => item.code)).toEqual(['CC-TET-2026']);
      expect((await list('?brand=HANOIFOOD')).items.map((item) => item.code)).toEqual(['HNF-MUT-TET-2026']);
      expect((await list('?statuses=planned,running&objectives=launch')).items.map((item) => item.code)).toEqual(['HNF-MUT-TET-2026']);
      expect((await list('?search=cocoon')).items.map((item) => item.code)).toEqual(['CC-TET-2026']);
      expect((await list('?owner=minh.tran&statuses=running')).items).toHaveLength(1);
      expect((await list('?brand=NO-SUCH-BRAND')).items).toEqual([]);
      expect((await list('?hasCreators=false&statuses=running')).items).toEqual([]);
    });

    it('pages with a cursor and sorts by budget', async () => {
      const first = await list('?sort=budget_planned&limit=1&statuses=planned,running');
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await list(`?sort=budget_planned&limit=1&statuses=planned,running&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(second.items).toHaveLength(1);
      expect(new Set([first.items[0]!.code, second.items[0]!.code])).toEqual(new Set(['CC-TET-2026', 'HNF-MUT-TET-2026']));
      expect(second.nextCursor).toBeNull();
    });

    it('hides budgets from a viewer', async () => {
      const body = await list('?statuses=running', 'an.pham');
      expect(body.items[0]).toMatchObject({ code: 'CC-TET-2026', budgetPlanned: null, budgetActual: null });
    });

    it('gives a lead and a viewer asking the same thing at the same moment each their own page: budgets only to the lead', async () => {
      const [lead, viewer] = await Promise.all([list('?statuses=running&limit=7'), list('?statuses=running&limit=7', 'an.pham')]);
      expect(lead.items[0]).toMatchObject({ code: 'CC-TET-2026', budgetPlanned: 150_000_000 });
      expect(viewer.items[0]).toMatchObject({ code: 'CC-TET-2026', budgetPlanned: null, budgetActual: null });
    });

    it('shows a change in the very next list request', async () => {
      const before = (await list('?statuses=draft&limit=200')).items.map((item) => item.code);
      const copy = await duplicate();
      const after = (await list('?statuses=draft&limit=200')).items.map((item) => item.code);
      expect(before).not.toContain(copy);
      expect(after).toContain(copy);
    });

    it('sends the page gzipped to clients that ask for it, and as plain JSON to the others', async () => {
      const headers = await server.authAs('minh.tran');
      const fetchRaw = (acceptEncoding: string) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
          http
            .get(`${server.url}/api/v1/campaigns?statuses=running`, { headers: { ...headers, 'accept-encoding': acceptEncoding } }, (response) => {
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => chunks.push(chunk));
              response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
            })
            .on('error', reject);
        });
      const zipped = await fetchRaw('gzip, deflate');
      const plain = await fetchRaw('identity');
      expect(zipped.encoding).toBe('gzip');
      expect(plain.encoding).toBeUndefined();
      expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(JSON.parse(plain.body.toString()));
      expect(zipped.body.length).toBeLessThan(plain.body.length);
    });

    it('refuses an unknown status with 422 naming the field, and a made-up cursor with 400', async () => {
      expect((await refusal(await get('/campaigns?statuses=sleeping'), 422)).errors).toHaveProperty('statuses.0');
      expect((await refusal(await get('/campaigns?cursor=not-a-cursor'), 400)).code).toBe('INVALID_CURSOR');
    });
  });

  describe('GET /campaigns/{code}', () => {
    it('shows metrics, flags, creators with status badges, products by priority and the brief sections', async () => {
      const body = await detail('CC-TET-2026');
      expect(body).toMatchObject({ code: 'CC-TET-2026', brandCode: 'COCOON', brandName: 'Cocoon Việt Nam', status: 'running', startDate: '2026-01-05', endDate: '2026-02-15' });
      expect(body.budget).toEqual({ planned: 150_000_000, committed: 37_000_000, paid: 25_000_000 });
      expect(body.kpi.targets).toEqual({ views: 3_000_000, orders: 2500, revenue: 450_000_000 });
      expect(body.kpi.actuals.views).toBeGreaterThan(0);
      expect(body.creators.find((creator) => creator.creatorKey === 'KOC-BAOTRAMSKIN')).toMatchObject({ status: 'watchlist', role: 'supporting', note: 'Theo dõi deadline' });
      expect(body.products.map((product) => [product.productCode, product.priority])).toEqual([['CC-BI-BAO', 1], ['CC-CAFE-DL', 2]]);
      expect(body.brief.map((section) => section.heading)).toEqual(['Key message', 'Do', "Don't", 'Hashtags', 'CTA']);
      expect(body.brief[4]!.body).toBe('Nhập mã COCOONTET giảm 15% trên TikTok Shop');
      expect(body.flags.map((flag) => flag.code)).toContain('AT_RISK_DEADLINE');
    });

    it('hides money from a viewer', async () => {
      const body = await detail('CC-TET-2026', 'an.pham');
      expect(body.budget).toEqual({ planned: null, committed: 0, paid: 0 });
    });

    it('finds a code whatever its case, and answers an unknown code with 404 naming it', async () => {
      expect((await detail('cc-tet-2026')).code).toBe('CC-TET-2026');
      const body = await refusal(await get('/campaigns/NOPE-2026'), 404);
      expect(body).toMatchObject({ code: 'CAMPAIGN_NOT_FOUND', detail: 'There is no campaign NOPE-2026.' });
    });
  });

  describe('transitions', () => {
    it('lists what a lead may do with a running campaign, and every reason for what is blocked', async () => {
      const response = await get('/campaigns/CC-TET-2026/transitions');
      expect(response.status).toBe(200);
      const body = campaignTransitionsSchema.parse(await response.json());
      expect(body.current).toBe('running');
      expect(body.allowed).toEqual(['paused']);
      const finished = body.blocked.find((blocked) => blocked.to === 'finished')!;
      expect(finished.reasons.map((reason) => reason.code)).toEqual(['PERMISSION_DENIED', 'POSTMORTEM_MISSING']);
      expect(body.blocked.find((blocked) => blocked.to === 'canceled')!.reasons.map((reason) => reason.code)).toEqual(['PERMISSION_DENIED']);
    });

    it('an admin may cancel; finishing still needs the postmortem', async () => {
      const body = campaignTransitionsSchema.parse(await (await get('/campaigns/CC-TET-2026/transitions', 'lan.nguyen')).json());
      expect(body.allowed).toEqual(expect.arrayContaining(['paused', 'canceled']));
      expect(body.blocked).toEqual([{ to: 'finished', reasons: [expect.objectContaining({ code: 'POSTMORTEM_MISSING' })] }]);
    });

    it('when a draft has no dates, moving it to planned is refused with 422, MISSING_DATES and the field to fix', async () => {
      const code = await duplicate();
      const body = await refusal(await post(`/campaigns/${code}/transition`, { to: 'planned' }), 422);
      expect(body.code).toBe('MISSING_DATES');
      expect(body.errors.start_date?.[0]).toContain('MISSING_DATES');
    });

    it('moves a campaign planned → running → paused → running, each answered with from and status and kept in the history', async () => {
      const code = await duplicate();
      const { id } = await resolveCampaign(server.database.prisma, code);
      await updateCampaign(server.database.prisma, SYSTEM_ACTOR, id, { startDate: '2026-03-01', endDate: '2026-03-31' });
      for (const [to, from] of [['planned', 'draft'], ['running', 'planned'], ['paused', 'running'], ['running', 'paused']] as const) {
        const response = await post(`/campaigns/${code}/transition`, { to, note: `to ${to}` });
        expect(response.status).toBe(200);
        expect(transitionResponseSchema.parse(await response.json())).toEqual({ code, from, status: to });
      }
      const history = (await detail(code)).history;
      expect(history[0]).toMatchObject({ action: 'transition', changes: { status: { from: 'paused', to: 'running' } } });
      expect(history.filter((entry) => entry.action === 'transition')).toHaveLength(4);
    });

    it('refuses a lead finishing a campaign with 403, and a move that is not in the diagram with 422', async () => {
      expect((await refusal(await post('/campaigns/CC-TET-2026/transition', { to: 'finished' }), 403)).code).toBe('PERMISSION_DENIED');
      expect((await refusal(await post('/campaigns/CC-TET-2026/transition', { to: 'draft' }), 422)).code).toBe('TRANSITION_NOT_ALLOWED');
      expect((await refusal(await post('/campaigns/CC-TET-2026/transition', { to: 'sleeping' }), 422)).errors).toHaveProperty('to');
    });

    it('answers a body that is not JSON with 400', async () => {
      const response = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/transition`, {
        method: 'POST',
        headers: { ...(await server.authAs('minh.tran')), 'content-type': 'application/json' },
        body: '{"to": "paused"',
      });
      expect((await refusal(response, 400)).code).toBe('BAD_REQUEST');
    });
  });

  describe('POST /campaigns/{code}/duplicate', () => {
    it('copies a campaign as a draft with its creators and products, under a free -COPY code', async () => {
      const response = await post('/campaigns/HNF-MUT-TET-2026/duplicate', {});
      expect(response.status).toBe(201);
      const copy = duplicateResponseSchema.parse(await response.json());
      expect(copy).toMatchObject({ code: 'HNF-MUT-TET-2026-COPY', duplicatedFrom: 'HNF-MUT-TET-2026' });
      const body = await detail(copy.code);
      expect(body).toMatchObject({ status: 'draft', startDate: null, endDate: null });
      expect(body.creators.map((creator) => creator.creatorKey).sort()).toEqual(['KOC-DUCANHEATS', 'KOL-MAIANHCOOKING']);
      expect(body.products).toHaveLength(2);
      expect(await duplicate('HNF-MUT-TET-2026')).toBe('HNF-MUT-TET-2026-COPY-2');
    });
  });

  describe('bulk assignment', () => {
    it('adds creators by key with one role and note, skips unknown and already assigned ones, and warns about the watchlist', async () => {
      const code = await duplicate('HNF-MUT-TET-2026');
      const response = await post(`/campaigns/${code}/creators`, { creatorKeys: ['KOC-LINHBEAUTY', 'KOC-BAOTRAMSKIN', 'KOC-DUCANHEATS', 'KOC-NOBODY'], role: 'trial', note: 'Tết test' });
      expect(response.status).toBe(200);
      const body = assignmentResponseSchema.parse(await response.json());
      expect(body.added.sort()).toEqual(['KOC-BAOTRAMSKIN', 'KOC-LINHBEAUTY']);
      expect(body.skipped.map((skip) => [skip.key, skip.reason]).sort()).toEqual([['KOC-DUCANHEATS', 'ALREADY_ASSIGNED'], ['KOC-NOBODY', 'NOT_FOUND']]);
      expect(body.warnings).toEqual([expect.stringContaining('watchlist')]);
      expect((await detail(code)).creators.find((creator) => creator.creatorKey === 'KOC-LINHBEAUTY')).toMatchObject({ role: 'trial', note: 'Tết test' });
    });

    it('refuses a blacklisted creator from a lead with 403, and accepts it from an admin with a warning', async () => {
      const code = await duplicate('HNF-MUT-TET-2026');
      const refused = await refusal(await post(`/campaigns/${code}/creators`, { creatorKeys: ['KOC-THAOVY'] }), 403);
      expect(refused.code).toBe('CREATOR_BLACKLISTED');
      expect(refused.detail).toContain('only an admin');
      const response = await post(`/campaigns/${code}/creators`, { creatorKeys: ['KOC-THAOVY'] }, 'lan.nguyen');
      expect(response.status).toBe(200);
      const body = assignmentResponseSchema.parse(await response.json());
      expect(body.added).toEqual(['KOC-THAOVY']);
      expect(body.warnings).toEqual([expect.stringContaining('blacklisted')]);
      expect((await detail(code)).creators.find((creator) => creator.creatorKey === 'KOC-THAOVY')?.status).toBe('blacklist');
    });

    it('adds products by brand and code with one priority, and lists them by priority', async () => {
      const code = await duplicate('HNF-MUT-TET-2026');
      const response = await post(`/campaigns/${code}/products`, { products: [{ brandCode: 'HANOIFOOD', productCode: 'HN-COM-VONG' }, { brandCode: 'HANOIFOOD', productCode: 'HN-O-MAI' }, { brandCode: 'HANOIFOOD', productCode: 'NOPE' }], priority: 3 });
      const body = assignmentResponseSchema.parse(await response.json());
      expect(body.added).toEqual(['HANOIFOOD/HN-COM-VONG']);
      expect(body.skipped.map((skip) => skip.reason).sort()).toEqual(['ALREADY_ASSIGNED', 'NOT_FOUND']);
      expect((await detail(code)).products.map((product) => [product.productCode, product.priority])).toEqual([['HN-MUT-TET', 1], ['HN-O-MAI', 2], ['HN-COM-VONG', 3]]);
    });

    it('refuses an empty selection with 422 and an unknown campaign with 404', async () => {
      expect((await refusal(await post('/campaigns/CC-TET-2026/creators', { creatorKeys: [] }), 422)).errors).toHaveProperty('creatorKeys');
      await refusal(await post('/campaigns/NOPE/products', { products: [{ brandCode: 'COCOON', productCode: 'CC-SACHI' }] }), 404);
    });
  });

  describe('pickers', () => {
    it('finds creators by search, status, tag and reach, with their largest channel', async () => {
      const search = async (query: string) => {
        const response = await get(`/creators${query}`);
        expect(response.status).toBe(200);
        return creatorSearchResponseSchema.parse(await response.json());
      };
      const linh = (await search('?search=linh')).creators.find((creator) => creator.creatorKey === 'KOC-LINHBEAUTY')!;
      expect(linh).toMatchObject({ alias: 'Linh Beauty', status: 'active', location: 'Hà Nội', niche: 'beauty', mainChannel: expect.stringMatching(/^tiktok:/) });
      expect(linh.tags).toEqual(expect.arrayContaining(['beauty', 'chot-don-tot']));
      expect((await search('?status=blacklist')).creators.map((creator) => creator.creatorKey)).toEqual(['KOC-THAOVY']);
      expect((await search('?tag=food')).creators.map((creator) => creator.creatorKey).sort()).toEqual(['KOC-DUCANHEATS', 'KOL-MAIANHCOOKING']);
      const big = (await search(`?followersMin=${linh.followers}`)).creators;
      expect(big.every((creator) => (creator.followers ?? 0) >= (linh.followers ?? 0))).toBe(true);
      const paged = await search('?limit=2');
      expect(paged.creators).toHaveLength(2);
      expect(paged.nextCursor).toEqual(expect.any(String));
    });

    it('finds products by brand, category and search', async () => {
      const search = async (query: string) => productSearchResponseSchema.parse(await (await get(`/products${query}`)).json());
      expect((await search('?brand=HANOIFOOD')).products.map((product) => product.productCode).sort()).toEqual(['HN-COM-VONG', 'HN-MUT-TET', 'HN-O-MAI']);
      expect((await search('?category=Quà Tết')).products).toEqual([{ brandCode: 'HANOIFOOD', productCode: 'HN-MUT-TET', name: 'Hộp mứt Tết Sum Vầy', category: 'Quà Tết' }]);
      expect((await search('?search=bi dao')).products.map((product) => product.productCode)).toEqual(['CC-BI-BAO']);
    });

    it('is for planners: a viewer gets 403, an anonymous caller 401', async () => {
      await refusal(await get('/creators', 'an.pham'), 403);
      await refusal(await fetch(`${server.url}/api/v1/products`), 401);
    });
  });

  it('describes every campaign, picker, export and import endpoint in /openapi.json', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected: [string, string][] = [
      ['/api/v1/campaigns', 'get'],
      ['/api/v1/campaigns/{code}', 'get'],
      ['/api/v1/campaigns/{code}/transitions', 'get'],
      ['/api/v1/campaigns/{code}/transition', 'post'],
      ['/api/v1/campaigns/{code}/duplicate', 'post'],
      ['/api/v1/campaigns/{code}/creators', 'post'],
      ['/api/v1/campaigns/{code}/products', 'post'],
      ['/api/v1/creators', 'get'],
      ['/api/v1/products', 'get'],
      ['/api/v1/campaigns/export', 'get'],
      ['/api/v1/campaigns/{code}/export', 'get'],
      ['/api/v1/exports/{table}', 'get'],
      ['/api/v1/imports', 'post'],
    ];
    for (const [path, method] of expected) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});

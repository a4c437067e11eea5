import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CampaignStatus } from '../../sync-server/src/contract/campaigns/campaign-lifecycle.js';
import { SYSTEM_ACTOR } from '../../sync-server/src/modules/access/actor.js';
import { resolveCampaign } from '../../sync-server/src/modules/campaigns/campaign-api.service.js';
import { duplicateCampaign, transitionCampaign, updateCampaign } from '../../sync-server/src/modules/campaigns/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The sample users, and a client of the brand COCOON (whose campaign CC-TET-2026 every case
// uses) and a station rep, made by the test.
const USERS = { admin: 'lan.nguyen', lead: 'minh.tran', finance: 'huong.le', viewer: 'an.pham', client: 'cocoon.client', station_rep: 'vtv.rep' } as const;
type Role = keyof typeof USERS;

/** The path a fresh draft copy takes to reach each status before the move under test. */
const PATH_TO: Record<'draft' | 'planned' | 'running' | 'paused', CampaignStatus[]> = {
  draft: [],
  planned: ['planned'],
  running: ['planned', 'running'],
  paused: ['planned', 'running', 'paused'],
};

type Case = {
  action: string;
  /** Roles answered 2xx; every other role gets 403. */
  allowed: readonly Role[];
  /** The campaign state the action needs, prepared for each role. */
  from?: keyof typeof PATH_TO;
  send: (code: string) => { method: 'GET' | 'POST'; path: string; body?: unknown; form?: FormData };
};

const PLANNERS: readonly Role[] = ['admin', 'lead'];
const READERS: readonly Role[] = ['admin', 'lead', 'finance', 'viewer', 'client'];
const EXPORTERS: readonly Role[] = ['admin', 'lead', 'finance', 'client'];

const transition = (to: CampaignStatus) => (code: string) => ({ method: 'POST' as const, path: `/campaigns/${code}/transition`, body: { to } });

const CASES: Case[] = [
  { action: 'list', allowed: READERS, send: () => ({ method: 'GET', path: '/campaigns' }) },
  { action: 'detail', allowed: READERS, send: () => ({ method: 'GET', path: '/campaigns/CC-TET-2026' }) },
  { action: 'transitions', allowed: READERS, send: () => ({ method: 'GET', path: '/campaigns/CC-TET-2026/transitions' }) },
  { action: 'plan', allowed: PLANNERS, from: 'draft', send: transition('planned') },
  { action: 'start', allowed: PLANNERS, from: 'planned', send: transition('running') },
  { action: 'pause', allowed: PLANNERS, from: 'running', send: transition('paused') },
  { action: 'resume', allowed: PLANNERS, from: 'paused', send: transition('running') },
  { action: 'finish', allowed: ['admin'], from: 'running', send: transition('finished') },
  { action: 'cancel', allowed: ['admin'], from: 'running', send: transition('canceled') },
  { action: 'duplicate', allowed: PLANNERS, send: () => ({ method: 'POST', path: '/campaigns/CC-TET-2026/duplicate', body: {} }) },
  { action: 'assign creators', allowed: PLANNERS, from: 'draft', send: (code) => ({ method: 'POST', path: `/campaigns/${code}/creators`, body: { creatorKeys: ['KOC-DUCANHEATS'] } }) },
  { action: 'assign products', allowed: PLANNERS, from: 'draft', send: (code) => ({ method: 'POST', path: `/campaigns/${code}/products`, body: { products: [{ brandCode: 'COCOON', productCode: 'CC-SACHI' }] } }) },
  { action: 'pick creators', allowed: PLANNERS, send: () => ({ method: 'GET', path: '/creators' }) },
  { action: 'pick products', allowed: PLANNERS, send: () => ({ method: 'GET', path: '/products' }) },
  { action: 'export list', allowed: EXPORTERS, send: () => ({ method: 'GET', path: '/campaigns/export?format=csv' }) },
  { action: 'export detail', allowed: EXPORTERS, send: () => ({ method: 'GET', path: '/campaigns/CC-TET-2026/export' }) },
  { action: 'export table', allowed: EXPORTERS, send: () => ({ method: 'GET', path: '/exports/creators?format=xlsx' }) },
  { action: 'import upload', allowed: PLANNERS, send: () => ({ method: 'POST', path: '/imports', form: brandsUpload() }) },
];

let brandsCsv = '';
function brandsUpload(): FormData {
  const form = new FormData();
  form.append('file', new Blob([brandsCsv]), 'brands.csv');
  form.append('dryRun', 'true');
  return form;
}

describe('the permission matrix through HTTP', () => {
  let server: TestServer;

  /** A fresh copy of CC-TET-2026 (creators, products, dates, a complete postmortem) in `from`. */
  async function prepare(from: keyof typeof PATH_TO): Promise<string> {
    const prisma = server.database.prisma;
    const original = await resolveCampaign(prisma, 'CC-TET-2026');
    const copy = await duplicateCampaign(prisma, SYSTEM_ACTOR, original.id);
    await updateCampaign(prisma, SYSTEM_ACTOR, copy.id, {
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      description: `${copy.description ?? ''}\n\n## Postmortem\n- What worked: the live\n- What didn\u2019t: late brief\n- Next time: brief a week earlier\n`,
    });
    for (const status of PATH_TO[from]) await transitionCampaign(prisma, SYSTEM_ACTOR, copy.id, status);
    return copy.code;
  }

  beforeAll(async () => {
    server = await startTestServer();
    const prisma = server.database.prisma;
    const cocoon = await prisma.brand.findFirstOrThrow({ where: { code: 'COCOON' }, select: { id: true } });
    await prisma.user.create({ data: { username: USERS.client, email: 'marketing@cocoon.example', displayName: 'Cocoon marketing', role: 'client', clientBrands: { create: [{ brandId: cocoon.id }] } } });
    await prisma.user.create({ data: { username: USERS.station_rep, email: 'sales@vtv.example', displayName: 'VTV sales', role: 'station_rep' } });
    brandsCsv = await readFile(join(import.meta.dirname, '../../import_templates/brands.csv'), 'utf8');
  });
  afterAll(async () => server?.dispose());

  const rows = CASES.flatMap((testCase) => (Object.keys(USERS) as Role[]).map((role) => ({ ...testCase, role, isAllowed: testCase.allowed.includes(role) })));

  it.each(rows)('$role: $action → allowed $isAllowed', async ({ role, from, send, isAllowed }) => {
    const code = from ? await prepare(from) : 'CC-TET-2026';
    const request = send(code);
    const headers: Record<string, string> = await server.authAs(USERS[role]);
    let body: string | FormData | undefined;
    if (request.form) body = request.form;
    else if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    const response = await fetch(`${server.url}/api/v1${request.path}`, { method: request.method, headers, body });
    const text = await response.text();
    if (isAllowed) {
      expect(response.status, text).toBeGreaterThanOrEqual(200);
      expect(response.status, text).toBeLessThan(300);
    } else {
      expect(response.status, text).toBe(403);
      expect(JSON.parse(text)).toMatchObject({ code: expect.stringMatching(/PERMISSION_DENIED/), detail: expect.stringContaining(role.replace('_', ' ')) });
    }
  });
});

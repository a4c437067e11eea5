/**
 * A tiny stand-in for the sync server, speaking the contract of sync-payloads.ts (requests are
 * parsed with the same zod schemas). It runs in a child process because the UrlFetchApp fake
 * blocks the test thread while it waits for an answer. The real server replaces it later.
 *
 * Test hooks: POST /__test/edit (another user edits a row), POST /__test/fail-next (the next
 * requests answer with an error status), GET /__test/requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  type CampaignDetail,
  type CampaignStatus,
  type CampaignTransitions,
  type CellRecord,
  type PushResponse,
  type PushRowResult,
  type RowStatus,
  type TableDefinition,
  pushRequestSchema,
  transitionRequestSchema,
} from '../../../sync-server/src/contract/sync-payloads.js';
import { fixtureTables } from './table-fixtures.js';

type StoredRow = { values: CellRecord; computed: CellRecord; version: number; seq: number; deleted: boolean };

const tables = new Map<string, TableDefinition>(fixtureTables.map((table) => [table.name, table]));
const store = new Map<string, Map<string, StoredRow>>(fixtureTables.map((table) => [table.name, new Map()]));
const idempotent = new Map<string, PushResponse>();
const requests: Array<{ method: string; path: string; auth: string | undefined; body: unknown }> = [];
const history = new Map<string, CampaignDetail['history']>();
let seq = 0;
let failNext: { status: number; count: number } = { status: 503, count: 0 };

function keyOf(table: TableDefinition, values: CellRecord): string {
  return JSON.stringify(table.naturalKey.map((name) => String(values[name] ?? '')));
}

function rowsOf(name: string): Map<string, StoredRow> {
  const rows = store.get(name);
  if (!rows) throw new Error(`no table ${name}`);
  return rows;
}

function live(name: string): StoredRow[] {
  return [...rowsOf(name).values()].filter((row) => !row.deleted);
}

function campaignCreators(code: string): StoredRow[] {
  return live('campaign_creators').filter((row) => row.values['campaign_code'] === code);
}

function computeFor(table: string, values: CellRecord, version: number): CellRecord {
  const computed: CellRecord = { row_version: version, updated_at: new Date(Date.UTC(2025, 4, 1, 8, 0, seq)).toISOString() };
  if (table === 'campaigns') {
    const count = campaignCreators(String(values['code'])).length;
    computed['creators_count'] = count;
    computed['budget_committed'] = 0;
    computed['health_flags'] = count === 0 ? 'MISSING_CREATOR' : '';
  }
  return computed;
}

function put(tableName: string, values: CellRecord, by = 'planner@example.com'): StoredRow {
  const table = tables.get(tableName)!;
  const rows = rowsOf(tableName);
  const key = keyOf(table, values);
  const existing = rows.get(key);
  seq += 1;
  const version = existing && !existing.deleted ? existing.version + 1 : 1;
  const row: StoredRow = { values: { ...values }, computed: computeFor(tableName, values, version), version, seq, deleted: false };
  rows.set(key, row);
  if (tableName === 'campaigns') {
    const code = String(values['code']);
    const list = history.get(code) ?? [];
    list.unshift({ at: new Date(Date.UTC(2025, 4, 1, 8, 0, seq)).toISOString(), actor: by, action: existing ? 'updated' : 'created', changes: {} });
    history.set(code, list);
  }
  if (tableName === 'campaign_creators') {
    const campaign = rowsOf('campaigns').get(JSON.stringify([String(values['campaign_code'])]));
    if (campaign) campaign.computed = computeFor('campaigns', campaign.values, campaign.version);
  }
  return row;
}

// Seed data: one brand, three creators, one draft campaign without creators.
put('brands', { code: 'LUMI', name: 'Lumi Skin', description: 'Skincare' });
put('creators', { creator_key: 'linh.review', name: 'Linh Review', location: 'HCMC', niche: 'beauty', status: 'active', priority_score: 8 });
put('creators', { creator_key: 'bao.eats', name: 'Bảo Eats', location: 'Hanoi', niche: 'food', status: 'watchlist', priority_score: 5 });
put('creators', { creator_key: 'spam.king', name: 'Spam King', location: 'HCMC', niche: 'beauty', status: 'blacklist', priority_score: 1 });
put('campaigns', {
  code: 'TET-2026',
  name: 'Tết glow 2026',
  brand_code: 'LUMI',
  channel: 'tiktok',
  objective: 'sale',
  description: '## Key message\nGlow for Tết\n## Do\nShow the serum on camera',
  start_date: '2026-01-10',
  end_date: '2026-02-10',
  budget_planned: 120000000,
  status: 'draft',
});

function validateRow(table: TableDefinition, values: CellRecord, pending: Map<string, Set<string>>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (column: string, message: string): void => {
    (errors[column] ??= []).push(message);
  };
  for (const column of table.columns) {
    if (column.computed) continue;
    const value = values[column.name] ?? null;
    if (column.required && (value === null || value === '')) add(column.name, `${column.name} is required.`);
    if (value !== null && column.type === 'enum' && column.enumValues && !column.enumValues.includes(String(value))) {
      add(column.name, `"${String(value)}" is not accepted. Use one of: ${column.enumValues.join(', ')}.`);
    }
    if (value !== null && ['integer', 'money', 'decimal'].includes(column.type) && typeof value !== 'number') add(column.name, `"${String(value)}" is not a number.`);
    if (value !== null && column.references) {
      const known = new Set(live(column.references.table).map((row) => String(row.values[column.references!.column])));
      const inPush = pending.get(column.references.table) ?? new Set();
      if (!known.has(String(value)) && !inPush.has(String(value))) add(column.name, `Unknown ${column.references.table} ${column.references.column} "${String(value)}".`);
    }
  }
  if (table.name === 'campaigns' && values['start_date'] && values['end_date'] && String(values['end_date']) < String(values['start_date'])) {
    add('end_date', 'The end date is before the start date.');
  }
  return errors;
}

function handlePush(body: unknown): { status: number; json: unknown } {
  const parsed = pushRequestSchema.safeParse(body);
  if (!parsed.success) return { status: 400, json: { detail: 'The push is malformed.', code: 'BAD_REQUEST' } };
  const request = parsed.data;
  const cached = idempotent.get(request.idempotencyKey);
  if (cached) return { status: 200, json: cached };
  const dryRun = request.dryRun ?? false;
  const summary: Partial<Record<RowStatus, number>> = {};
  const pending = new Map<string, Set<string>>();
  const out: PushResponse['tables'] = [];
  for (const pushTable of request.tables) {
    const table = tables.get(pushTable.table);
    if (!table) return { status: 422, json: { detail: `Unknown table ${pushTable.table}.`, code: 'VALIDATION_FAILED' } };
    const results: PushRowResult[] = [];
    const keyColumn = table.naturalKey.length === 1 ? table.naturalKey[0] : undefined;
    for (const row of pushTable.rows) {
      const key = keyOf(table, row.values);
      const existing = rowsOf(table.name).get(key);
      const errors = validateRow(table, row.values, pending);
      let result: PushRowResult;
      if (Object.keys(errors).length > 0) result = { rowNumber: row.rowNumber, status: 'error', errors };
      else if (existing && !existing.deleted && row.rowVersion !== existing.version) {
        result = { rowNumber: row.rowNumber, status: 'conflict', serverValues: { ...existing.values, ...existing.computed, row_version: existing.version } };
      } else if (existing && !existing.deleted && JSON.stringify(existing.values) === JSON.stringify({ ...existing.values, ...row.values })) {
        result = { rowNumber: row.rowNumber, status: 'unchanged', computed: { ...existing.computed } };
      } else if (!dryRun) {
        const stored = put(table.name, row.values);
        result = { rowNumber: row.rowNumber, status: existing && !existing.deleted ? 'updated' : 'created', computed: { ...stored.computed } };
      } else {
        result = { rowNumber: row.rowNumber, status: existing && !existing.deleted ? 'updated' : 'created' };
      }
      if (keyColumn && result.status !== 'error') (pending.get(table.name) ?? pending.set(table.name, new Set()).get(table.name)!).add(String(row.values[keyColumn]));
      results.push(result);
      summary[result.status] = (summary[result.status] ?? 0) + 1;
    }
    for (const deletion of pushTable.deletions ?? []) {
      const existing = rowsOf(table.name).get(JSON.stringify(table.naturalKey.map((name) => deletion.key[name] ?? '')));
      let result: PushRowResult;
      if (!existing || existing.deleted) result = { rowNumber: deletion.rowNumber, status: 'error', errors: { _row: ['This row does not exist on the server.'] } };
      else if (deletion.rowVersion !== existing.version) result = { rowNumber: deletion.rowNumber, status: 'conflict', serverValues: { ...existing.values, row_version: existing.version } };
      else {
        if (!dryRun) {
          seq += 1;
          existing.deleted = true;
          existing.seq = seq;
        }
        result = { rowNumber: deletion.rowNumber, status: 'deleted' };
      }
      results.push(result);
      summary[result.status] = (summary[result.status] ?? 0) + 1;
    }
    out.push({ table: table.name, results });
  }
  const response: PushResponse = { dryRun, applied: !dryRun, tables: out, summary };
  if (!dryRun) idempotent.set(request.idempotencyKey, response);
  return { status: 200, json: response };
}

function transitionsOf(code: string): CampaignTransitions {
  const campaign = rowsOf('campaigns').get(JSON.stringify([code]))!;
  const current = campaign.values['status'] as CampaignStatus;
  const graph: Record<CampaignStatus, CampaignStatus[]> = {
    draft: ['planned', 'canceled'],
    planned: ['running', 'draft', 'canceled'],
    running: ['paused', 'finished', 'canceled'],
    paused: ['running', 'canceled'],
    finished: [],
    canceled: [],
  };
  const allowed: CampaignStatus[] = [];
  const blocked: CampaignTransitions['blocked'] = [];
  for (const to of graph[current]) {
    const reasons: Array<{ code: string; message: string }> = [];
    if ((to === 'planned' || to === 'running') && campaignCreators(code).length === 0) reasons.push({ code: 'MISSING_CREATOR', message: 'Add at least one creator first.' });
    if (to === 'finished' && !/## Postmortem/.test(String(campaign.values['description']))) reasons.push({ code: 'MISSING_POSTMORTEM', message: 'Write the postmortem first.' });
    if (reasons.length > 0 && to !== 'finished') blocked.push({ to, reasons });
    else allowed.push(to);
  }
  return { current, allowed, blocked };
}

function detailOf(code: string): CampaignDetail | undefined {
  const campaign = rowsOf('campaigns').get(JSON.stringify([code]));
  if (!campaign || campaign.deleted) return undefined;
  const values = campaign.values;
  const creators = campaignCreators(code).map((row) => {
    const creator = rowsOf('creators').get(JSON.stringify([String(row.values['creator_key'])]));
    return {
      creatorKey: String(row.values['creator_key']),
      name: String(creator?.values['name'] ?? row.values['creator_key']),
      role: (row.values['role'] ?? 'main') as 'main' | 'supporting' | 'trial',
      note: String(row.values['note'] ?? ''),
      status: (creator?.values['status'] ?? 'active') as 'active' | 'watchlist' | 'blacklist',
    };
  });
  const description = String(values['description'] ?? '');
  return {
    code,
    name: String(values['name']),
    brandCode: String(values['brand_code']),
    channel: String(values['channel']),
    objective: String(values['objective']),
    status: values['status'] as CampaignStatus,
    startDate: (values['start_date'] as string | null) ?? null,
    endDate: (values['end_date'] as string | null) ?? null,
    owner: 'planner@example.com',
    description,
    progressPercent: 50,
    budget: { planned: (values['budget_planned'] as number | null) ?? null, committed: 0, paid: 0 },
    kpi: { targets: { views: 1000000, orders: 500, revenue: 300000000 }, actuals: { views: null, orders: null, revenue: null } },
    flags: creators.length === 0 ? [{ code: 'MISSING_CREATOR', severity: 'warning', message: 'No creator on the campaign yet.' }] : [],
    creators,
    products: [],
    brief: description.split(/^## /m).filter(Boolean).map((block) => {
      const [heading = '', ...body] = block.split('\n');
      return { heading: heading.trim(), body: body.join('\n') };
    }),
    history: history.get(code) ?? [],
  };
}

function send(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(json));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text === '' ? undefined : JSON.parse(text);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = await readBody(request).catch(() => undefined);
  const path = url.pathname;
  if (path.startsWith('/__test/')) {
    if (path === '/__test/requests') return send(response, 200, requests);
    if (path === '/__test/fail-next') {
      failNext = body as typeof failNext;
      return send(response, 200, {});
    }
    if (path === '/__test/edit') {
      const { table, values } = body as { table: string; values: CellRecord };
      const existing = rowsOf(table).get(keyOf(tables.get(table)!, values));
      const stored = put(table, { ...(existing?.values ?? {}), ...values }, 'someone.else@example.com');
      return send(response, 200, { version: stored.version });
    }
  }
  requests.push({ method: request.method ?? 'GET', path: path + url.search, auth: request.headers.authorization, body });
  if (failNext.count > 0) {
    failNext.count -= 1;
    return send(response, failNext.status, { detail: 'The server is busy.', code: 'UNAVAILABLE' });
  }
  if (request.headers.authorization !== 'Bearer test-id-token') return send(response, 401, { detail: 'Sign in with Google first.', code: 'UNAUTHENTICATED' });

  if (request.method === 'GET' && path === '/api/v1/tables') return send(response, 200, { tables: fixtureTables });
  if (request.method === 'POST' && path === '/api/v1/sync/push') {
    const result = handlePush(body);
    return send(response, result.status, result.json);
  }
  if (request.method === 'GET' && path === '/api/v1/sync/pull') {
    const names = (url.searchParams.get('tables') ?? '').split(',').filter(Boolean);
    const since = Number((url.searchParams.get('since') ?? 'c0').slice(1)) || 0;
    return send(response, 200, {
      cursor: `c${seq}`,
      tables: names.map((name) => ({
        table: name,
        rows: [...rowsOf(name).values()]
          .filter((row) => row.seq > since && (since > 0 || !row.deleted))
          .sort((left, right) => left.seq - right.seq)
          .map((row) => ({ values: row.values, computed: row.computed, rowVersion: row.version, deleted: row.deleted })),
      })),
    });
  }
  const campaignMatch = /^\/api\/v1\/campaigns\/([^/]+)(\/(transitions|transition|duplicate))?$/.exec(path);
  if (campaignMatch) {
    const code = decodeURIComponent(campaignMatch[1] ?? '');
    const detail = detailOf(code);
    if (!detail) return send(response, 404, { detail: `No campaign ${code}.`, code: 'NOT_FOUND' });
    const action = campaignMatch[3];
    if (!action && request.method === 'GET') return send(response, 200, detail);
    if (action === 'transitions') return send(response, 200, transitionsOf(code));
    if (action === 'transition' && request.method === 'POST') {
      const parsed = transitionRequestSchema.safeParse(body);
      if (!parsed.success) return send(response, 400, { detail: 'Say which status to move to.', code: 'BAD_REQUEST' });
      const transitions = transitionsOf(code);
      const blocked = transitions.blocked.find((item) => item.to === parsed.data.to);
      if (blocked || !transitions.allowed.includes(parsed.data.to)) {
        return send(response, 422, { detail: blocked?.reasons.map((reason) => reason.message).join(' ') ?? `Cannot move to ${parsed.data.to}.`, code: blocked?.reasons[0]?.code ?? 'INVALID_TRANSITION' });
      }
      const campaign = rowsOf('campaigns').get(JSON.stringify([code]))!;
      put('campaigns', { ...campaign.values, status: parsed.data.to });
      return send(response, 200, { code, from: transitions.current, status: parsed.data.to });
    }
    if (action === 'duplicate' && request.method === 'POST') {
      const campaign = rowsOf('campaigns').get(JSON.stringify([code]))!;
      const copyCode = `${code}-COPY`;
      put('campaigns', { ...campaign.values, code: copyCode, name: `${String(campaign.values['name'])} (copy)`, status: 'draft', start_date: null, end_date: null });
      for (const row of campaignCreators(code)) put('campaign_creators', { ...row.values, campaign_code: copyCode });
      return send(response, 200, { code: copyCode });
    }
  }
  if (request.method === 'GET' && path === '/api/v1/creators') {
    const search = (url.searchParams.get('search') ?? '').toLowerCase();
    const status = url.searchParams.get('status');
    const creators = live('creators')
      .filter((row) => (!search || String(row.values['name']).toLowerCase().includes(search)) && (!status || row.values['status'] === status))
      .map((row) => ({
        creatorKey: String(row.values['creator_key']),
        name: String(row.values['name']),
        alias: null,
        status: row.values['status'] as 'active',
        tags: [],
        location: (row.values['location'] as string | null) ?? null,
        niche: (row.values['niche'] as string | null) ?? null,
        followers: 120000,
        avgViews: 45000,
        mainChannel: `tiktok:@${String(row.values['creator_key'])}`,
      }));
    return send(response, 200, { creators });
  }
  if (request.method === 'GET' && path === '/api/v1/products') return send(response, 200, { products: [] });
  return send(response, 404, { detail: `No route ${request.method} ${path}.`, code: 'NOT_FOUND' });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`LISTENING ${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

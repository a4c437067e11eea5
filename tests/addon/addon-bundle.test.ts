/**
 * The built add-on (addon/dist/Code.js) in a vm sandbox with in-memory Apps Script fakes and a
 * UrlFetchApp making real HTTP calls to a stub sync server in a child process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddonSandbox, type StubServer, ensureAddonBuilt, loadAddon, startStubServer } from './support/addon-harness.js';
import type { FakeSheet } from './fakes/spreadsheet-fake.js';

let server: StubServer;

beforeAll(async () => {
  await ensureAddonBuilt();
  server = await startStubServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

type PushSummary = { dryRun: boolean; counts: Record<string, number>; pending: number; requests: number };

function column(sheet: FakeSheet, name: string): number {
  const index = (sheet.values[0] ?? []).indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${sheet.name}`);
  return index;
}
function cell(sheet: FakeSheet, row: number, name: string): unknown {
  return sheet.values[row - 1]?.[column(sheet, name)];
}
function setCell(sheet: FakeSheet, row: number, name: string, value: string | number): void {
  (sheet.values[row - 1] ??= [])[column(sheet, name)] = value;
}
function findRow(sheet: FakeSheet, name: string, value: string): number {
  const index = sheet.values.findIndex((row) => row[column(sheet, name)] === value);
  if (index < 0) throw new Error(`no row with ${name}=${value} in ${sheet.name}`);
  return index + 1;
}
async function pushRequests(): Promise<Array<{ path: string; body: { tables: Array<{ table: string; rows: unknown[] }> } }>> {
  const all = (await server.hook('/__test/requests')) as Array<{ method: string; path: string; body: { tables: Array<{ table: string; rows: unknown[] }> } }>;
  return all.filter((request) => request.path === '/api/v1/sync/push');
}

function setUp(locale?: string): AddonSandbox {
  const addon = loadAddon({ serverUrl: server.url, ...(locale ? { locale } : {}) });
  addon.call('menuSetUpSheets');
  addon.call('menuPull');
  return addon;
}

describe('the built bundle', () => {
  it('exposes one generated global per entry point, and onOpen builds the Booking Center menu from them', () => {
    const addon = loadAddon();
    const names = addon.globalFunctionNames();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'menuPush', 'getCampaignView', 'addCampaignCreators']));
    addon.call('onOpen');
    const menu = addon.ui.menus[0];
    expect(menu?.title).toBe('Booking Center');
    const items = menu?.items.filter((item) => item !== 'separator') as Array<{ caption: string; functionName: string }>;
    expect(items.map((item) => item.caption)).toEqual(['Open sidebar', 'Set up sheets', 'Pull', 'Push changes', 'Validate (dry run)', 'Import file…', 'Export…', 'Settings']);
    for (const item of items) expect(names).toContain(item.functionName);
  });

  it('speaks Vietnamese when the spreadsheet locale is Vietnamese', () => {
    const addon = loadAddon({ locale: 'vi_VN' });
    addon.call('onOpen');
    const items = addon.ui.menus[0]?.items.filter((item) => item !== 'separator') as Array<{ caption: string }>;
    expect(items[3]?.caption).toBe('Đẩy thay đổi (Push)');
  });

  it('keeps the server URL in document properties, https only, never in a cell', () => {
    const addon = loadAddon();
    addon.ui.nextPrompt = { button: 'OK', text: 'http://booking.example.com' };
    addon.call('showSettings');
    expect(addon.ui.alerts.pop()).toBe('The server URL must start with https://');
    addon.ui.nextPrompt = { button: 'OK', text: 'https://booking.example.com/' };
    addon.call('showSettings');
    expect(addon.services.documentProperties.getProperty('BOOKING_CENTER_SERVER_URL')).toBe('https://booking.example.com');
    expect(JSON.stringify(addon.spreadsheet.sheets.map((sheet) => sheet.values))).not.toContain('booking.example.com');
  });

  it('opens the sidebar with the built page and its language', () => {
    const addon = loadAddon({ locale: 'vi' });
    addon.call('showSidebar');
    expect(addon.ui.sidebars[0]).toContain('<div id="app"');
    expect(addon.ui.sidebars[0]).toContain('"language":"vi"');
  });
});

describe('set up sheets and pull', () => {
  it('creates one tab per table with frozen header, dropdowns, grey protected computed columns and hidden bookkeeping', () => {
    const addon = setUp();
    expect(addon.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Brands', 'Campaigns', 'Creators', 'Campaign Creators', 'Campaign Products']));
    const campaigns = addon.sheet('Campaigns');
    expect(campaigns.frozenRows).toBe(1);
    expect(campaigns.validations.get(column(campaigns, 'status') + 1)).toMatchObject({ kind: 'list', values: ['draft', 'planned', 'running', 'paused', 'finished', 'canceled'] });
    expect(campaigns.validations.get(column(campaigns, 'brand_code') + 1)).toMatchObject({ kind: 'range', a1: "'Brands'!A2:A" });
    expect(campaigns.hiddenColumns.has(column(campaigns, '_row_hash') + 1)).toBe(true);
    const protectedColumns = campaigns.protections.filter((protection) => !protection.isRemoved);
    expect(protectedColumns.length).toBeGreaterThan(0);
    expect(protectedColumns.every((protection) => protection.isWarningOnly)).toBe(true);
    expect(campaigns.conditionalRules.map((rule) => rule.formula)).toContain('=REGEXMATCH($P2, "error")');
  });

  it('pulls rows with their computed columns and version', () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    const row = findRow(campaigns, 'code', 'TET-2026');
    expect(cell(campaigns, row, 'name')).toBe('Tết glow 2026');
    expect(cell(campaigns, row, 'health_flags')).toBe('MISSING_CREATOR');
    expect(cell(campaigns, row, '_row_version')).toBe(1);
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/^Pulled: /);
  });

  it('repairs a tab whose planner reordered columns and added one of their own, without moving them', () => {
    const addon = setUp();
    const brands = addon.sheet('Brands');
    brands.values = [['name', 'My notes', 'code'], ['Lumi Skin', 'mine', 'LUMI']];
    addon.call('menuSetUpSheets');
    expect(brands.values[0]?.slice(0, 4)).toEqual(['name', 'My notes', 'code', 'description']);
    expect(brands.values[1]?.[1]).toBe('mine');
  });
});

describe('push', () => {
  it('sends only changed rows, writes computed columns back and puts errors on the right cell', async () => {
    const addon = setUp();
    const before = (await pushRequests()).length;
    const campaigns = addon.sheet('Campaigns');
    const brands = addon.sheet('Brands');
    setCell(brands, 3, 'code', 'BEP');
    setCell(brands, 3, 'name', 'Bếp Việt');
    const row = findRow(campaigns, 'code', 'TET-2026');
    setCell(campaigns, row, 'budget_planned', '150.000.000');
    const bad = campaigns.values.length + 1;
    for (const [name, value] of Object.entries({ code: 'BAD-1', name: 'Broken dates', brand_code: 'BEP', channel: 'tiktok', objective: 'sale', status: 'draft', start_date: '2026-03-10', end_date: '2026-03-01' })) {
      setCell(campaigns, bad, name, value);
    }
    const summary = addon.call<PushSummary>('menuPush');
    expect(summary.counts).toMatchObject({ created: 1, updated: 1, error: 1 });

    const sent = (await pushRequests()).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.tables.map((table) => `${table.table}:${table.rows.length}`)).toEqual(['brands:1', 'campaigns:2']);

    expect(cell(brands, 3, '_sync_status')).toBe('created');
    expect(cell(brands, 3, '_row_version')).toBe(1);
    expect(cell(campaigns, row, '_sync_status')).toBe('updated');
    expect(cell(campaigns, row, '_row_version')).toBe(2);
    expect(cell(campaigns, bad, '_sync_status')).toBe('error');
    expect(campaigns.notes[bad - 1]?.[column(campaigns, 'end_date')]).toBe('Booking Center: The end date is before the start date.');

    // Saved rows are not sent again; the row in error goes again until it is fixed.
    const again = addon.call<PushSummary>('menuPush');
    expect(again.counts).toMatchObject({ error: 1 });
    const resent = (await pushRequests()).slice(before + 1);
    expect(resent[0]?.body.tables.map((table) => `${table.table}:${table.rows.length}`)).toEqual(['campaigns:1']);
  });

  it('validates with a dry run without saving', () => {
    const addon = setUp();
    const brands = addon.sheet('Brands');
    const next = brands.values.length + 1;
    setCell(brands, next, 'code', 'DRY');
    setCell(brands, next, 'name', 'Dry Brand');
    const summary = addon.call<PushSummary>('menuValidate');
    expect(summary.dryRun).toBe(true);
    expect(cell(brands, next, '_sync_status')).toBe('check: created');
    expect(cell(brands, next, '_row_version')).toBe('');
  });

  it('shows a conflict with the server value, and "take theirs" resolves it', async () => {
    const addon = setUp();
    const creators = addon.sheet('Creators');
    const row = findRow(creators, 'creator_key', 'bao.eats');
    await server.hook('/__test/edit', { table: 'creators', values: { creator_key: 'bao.eats', niche: 'street food' } });
    setCell(creators, row, 'niche', 'home cooking');
    const summary = addon.call<PushSummary>('menuPush');
    expect(summary.counts['conflict']).toBe(1);
    expect(cell(creators, row, '_sync_status')).toBe('conflict');
    expect(creators.notes[row - 1]?.[column(creators, 'niche')]).toBe('Booking Center: Server value: street food');
    expect(cell(creators, row, 'niche')).toBe('home cooking'); // nothing lost

    setCell(creators, row, '_sync_status', 'take theirs');
    addon.call('menuPush');
    expect(cell(creators, row, 'niche')).toBe('street food');
    expect(cell(creators, row, '_sync_status')).toBe('unchanged');
    expect(creators.notes[row - 1]?.[column(creators, 'niche')]).toBe('');
  });

  it('makes a constant number of spreadsheet calls per tab, whatever the row count', () => {
    const callsFor = (rows: number, prefix: string): Record<string, number> => {
      const addon = setUp();
      const brands = addon.sheet('Brands');
      for (let index = 0; index < rows; index += 1) {
        setCell(brands, 3 + index, 'code', `${prefix}${index}`);
        setCell(brands, 3 + index, 'name', `Brand ${index}`);
      }
      addon.log.reset();
      const summary = addon.call<PushSummary>('menuPush');
      expect(summary.counts['created']).toBe(rows);
      return addon.log.forSheet('Brands');
    };
    const small = callsFor(3, 'SMALL');
    const large = callsFor(400, 'LARGE');
    expect(large).toEqual(small);
    expect(small['getValues']).toBe(2); // read to collect, read again before writing back
    expect(small['setValues']).toBe(1);
    expect(small['setNotes']).toBe(1);
  });

  it('retries a temporary failure under the same idempotency key, and stops on a permanent one', async () => {
    const addon = setUp();
    const brands = addon.sheet('Brands');
    setCell(brands, 3, 'code', 'RETRY');
    setCell(brands, 3, 'name', 'Retry Brand');
    await server.hook('/__test/fail-next', { status: 503, count: 1 });
    const summary = addon.call<PushSummary>('menuPush');
    expect(summary.counts['created']).toBe(1);
    expect(addon.services.sleeps).toEqual([1000]);
    const attempts = (await pushRequests()).slice(-2) as unknown as Array<{ body: { idempotencyKey: string } }>;
    expect(attempts[0]?.body.idempotencyKey).toBe(attempts[1]?.body.idempotencyKey);

    setCell(brands, 3, 'name', 'Retry Brand 2');
    await server.hook('/__test/fail-next', { status: 403, count: 1 });
    expect(() => addon.call('menuPush')).toThrow('The server is busy.');
    expect(addon.spreadsheet.toasts.at(-1)).toBe('Sync failed: The server is busy.');
    expect(cell(brands, 3, '_sync_status')).toBe('created'); // untouched, still changed for next time
  });

  it('refuses a second push while one holds the document lock', () => {
    const addon = setUp();
    addon.services.documentLock.isHeldElsewhere = true;
    expect(() => addon.call('menuPush')).toThrow('Another push is running');
  });
});

describe('the sidebar’s server functions', () => {
  it('reads the campaign of the selected row, refuses a blocked transition with its reasons, adds creators, moves status, duplicates', () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    addon.spreadsheet.setActiveSheet(campaigns);
    campaigns.activeCell = [findRow(campaigns, 'code', 'TET-2026'), 2];
    const context = addon.call<{ campaignCode: string; language: string }>('getSidebarContext');
    expect(context).toEqual({ language: 'en', campaignCode: 'TET-2026' });

    type View = { detail: { status: string; creators: Array<{ creatorKey: string; role: string }> }; transitions: { allowed: string[]; blocked: Array<{ to: string; reasons: Array<{ code: string }> }> } };
    const view = addon.call<View>('getCampaignView', 'TET-2026');
    expect(view.transitions.blocked).toEqual([{ to: 'planned', reasons: [{ code: 'MISSING_CREATOR', message: 'Add at least one creator first.' }] }]);
    expect(() => addon.call('transitionCampaign', 'TET-2026', 'planned')).toThrow('Add at least one creator first.');

    const picked = addon.call<{ added: number; view: View; push: PushSummary }>('addCampaignCreators', 'TET-2026', ['linh.review', 'bao.eats'], 'supporting', 'Tết wave 1');
    expect(picked.added).toBe(2);
    expect(picked.push.counts['created']).toBe(2);
    expect(picked.view.detail.creators.map((creator) => `${creator.creatorKey}:${creator.role}`)).toEqual(['linh.review:supporting', 'bao.eats:supporting']);
    const mapping = addon.sheet('Campaign Creators');
    expect(cell(mapping, findRow(mapping, 'creator_key', 'linh.review'), '_sync_status')).toBe('created');

    const moved = addon.call<View>('transitionCampaign', 'TET-2026', 'planned', 'creators booked');
    expect(moved.detail.status).toBe('planned');

    const copy = addon.call<{ code: string }>('duplicateCampaign', 'TET-2026');
    expect(copy.code).toBe('TET-2026-COPY');
    expect(findRow(campaigns, 'code', 'TET-2026-COPY')).toBeGreaterThan(2);
  });
});

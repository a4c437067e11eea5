/**
 * The built add-on (addon/dist/Code.js, the file clasp pushes) in a vm sandbox with in-memory
 * Apps Script fakes, and a UrlFetchApp making real HTTP calls to the REAL sync server, started
 * in a child process on the embedded database with the sample data. The add-on signs in as
 * minh.tran (a lead) with a Google-style ID token; "someone else" on the server is lan.nguyen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PullResponse, type PushResponse } from '../../sync-server/src/contract/sync-payloads.js';
import { type AddonSandbox, type RealServer, ensureAddonBuilt, loadAddon, startRealServer } from './support/addon-harness.js';
import { cell, column, findRow, setCell } from './support/sheet-cells.js';

let server: RealServer;

beforeAll(async () => {
  [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

type PushSummary = { dryRun: boolean; counts: Record<string, number>; pending: number; requests: number; unsaved: number };

function pushRequests(addon: AddonSandbox): Array<{ tables: Array<{ table: string; rows: unknown[] }>; idempotencyKey: string }> {
  return addon.services.fetches.filter((request) => request.url.endsWith('/api/v1/sync/push')).map((request) => JSON.parse(request.body ?? '{}'));
}
function rowsSent(addon: AddonSandbox, from = 0): string[] {
  return pushRequests(addon).slice(from).flatMap((request) => request.tables.map((table) => `${table.table}:${table.rows.length}`));
}
/** Someone else changes a row on the server through the API (pull it, push it back changed). */
async function editOnServer(table: string, key: Record<string, string>, changes: Record<string, string | number>): Promise<void> {
  const pulled = await server.api<PullResponse>('GET', `/api/v1/sync/pull?tables=${table}`);
  const row = pulled.body.tables[0]?.rows.find((candidate) => Object.entries(key).every(([name, value]) => candidate.values[name] === value));
  if (!row) throw new Error(`no ${table} row ${JSON.stringify(key)} on the server`);
  const pushed = await server.api<PushResponse>('POST', '/api/v1/sync/push', {
    idempotencyKey: `edit-${Date.now()}-${Math.random()}`,
    tables: [{ table, rows: [{ rowNumber: 2, rowVersion: row.rowVersion, values: { ...row.values, ...changes } }] }],
  });
  expect(pushed.body.tables[0]?.results[0]?.status).toBe('updated');
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

describe('set up sheets and pull, against the real server', () => {
  it('creates one tab per table of GET /api/v1/tables with frozen header, dropdowns, grey protected computed columns and hidden bookkeeping', () => {
    const addon = setUp();
    expect(addon.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Brands', 'Products', 'Creators (KOC/KOL)', 'Creator channels', 'Creator contacts', 'Campaigns', 'Campaign products', 'Campaign creators', 'Bookings', 'Payments']),
    );
    const campaigns = addon.sheet('Campaigns');
    expect(campaigns.frozenRows).toBe(1);
    expect(campaigns.validations.get(column(campaigns, 'status') + 1)).toMatchObject({ kind: 'list', values: ['Draft', 'Planned', 'Running', 'Paused', 'Finished', 'Canceled'] });
    expect(campaigns.validations.get(column(campaigns, 'brand_code') + 1)).toMatchObject({ kind: 'range', a1: "'Brands'!A2:A" });
    expect(campaigns.hiddenColumns.has(column(campaigns, '_row_hash') + 1)).toBe(true);
    // Computed columns sit right of the template columns.
    expect(column(campaigns, 'health_flags')).toBeGreaterThan(column(campaigns, 'owner_username'));
    const protectedColumns = campaigns.protections.filter((protection) => !protection.isRemoved);
    expect(protectedColumns.length).toBeGreaterThan(0);
    expect(protectedColumns.every((protection) => protection.isWarningOnly)).toBe(true);
  });

  it('pulls the sample data with its computed columns and version', () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    const row = findRow(campaigns, 'code', 'HNF-MUT-TET-2026');
    expect(cell(campaigns, row, 'name')).toBe('Mứt Tết Sum Vầy 2026');
    expect(cell(campaigns, row, 'brand_code')).toBe('HANOIFOOD');
    expect(cell(campaigns, row, 'creators_count')).toBe(2);
    expect(cell(campaigns, row, 'products_count')).toBe(2);
    expect(String(cell(campaigns, row, 'health_flags'))).toContain('AT_RISK_DEADLINE');
    expect(cell(campaigns, row, '_row_version')).toBeGreaterThanOrEqual(1);
    const creators = addon.sheet('Creators (KOC/KOL)');
    expect(cell(creators, findRow(creators, 'creator_key', 'KOC-THAOVY'), 'status')).toBe('Blacklist');
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/^Pulled: /);
  });

  it('repairs a tab whose planner reordered columns and added one of their own, without moving them', () => {
    const addon = setUp();
    const brands = addon.sheet('Brands');
    brands.values = [['name', 'My notes', 'code'], ['Cocoon Việt Nam', 'mine', 'COCOON']];
    addon.call('menuSetUpSheets');
    expect(brands.values[0]?.slice(0, 4)).toEqual(['name', 'My notes', 'code', 'description']);
    expect(brands.values[1]?.[1]).toBe('mine');
  });
});

describe('push, against the real server', () => {
  it('saves changed rows only, writes computed columns and versions back', () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    const brands = addon.sheet('Brands');
    const newBrand = brands.values.length + 1;
    setCell(brands, newBrand, 'code', 'BEPVIET');
    setCell(brands, newBrand, 'name', 'Bếp Việt');
    const row = findRow(campaigns, 'code', 'HNF-MUT-TET-2026');
    const version = Number(cell(campaigns, row, '_row_version'));
    setCell(campaigns, row, 'name', 'Mứt Tết Sum Vầy 2026 (mở rộng)');
    const added = campaigns.values.length + 1;
    for (const [name, value] of Object.entries({ code: 'BV-HE-2026', name: 'Bếp Việt hè', brand_code: 'BEPVIET', channel: 'tiktok', objective: 'awareness', status: 'draft' })) setCell(campaigns, added, name, value);

    const summary = addon.call<PushSummary>('menuPush');
    expect(summary.counts).toMatchObject({ created: 2, updated: 1, error: 0 });
    expect(rowsSent(addon)).toEqual(['brands:1', 'campaigns:2']);

    expect(cell(brands, newBrand, '_sync_status')).toBe('created');
    expect(cell(brands, newBrand, '_row_version')).toBe(1);
    expect(cell(campaigns, row, '_sync_status')).toBe('updated');
    expect(cell(campaigns, row, '_row_version')).toBe(version + 1);
    expect(cell(campaigns, added, '_sync_status')).toBe('created');
    expect(cell(campaigns, added, 'creators_count')).toBe(0);
    expect(cell(campaigns, added, 'products_count')).toBe(0);

    // Saved rows are not sent again.
    const before = pushRequests(addon).length;
    addon.call('menuPush');
    expect(pushRequests(addon).length).toBe(before);
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/^Nothing to push/);
  });

  it('puts each error as a note on its cell (a bad enum value, dates the wrong way round), saves nothing of that push, and sends the row again until fixed', () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    const good = findRow(campaigns, 'code', 'CC-TET-2026');
    setCell(campaigns, good, 'name', 'Tết 2026 – Cocoon (bản nháp)');
    const bad = campaigns.values.length + 1;
    for (const [name, value] of Object.entries({ code: 'BAD-ENUM', name: 'Hỏng', brand_code: 'COCOON', channel: 'tiktok', objective: 'viral', status: 'draft' })) setCell(campaigns, bad, name, value);
    const backwards = bad + 1;
    for (const [name, value] of Object.entries({ code: 'BAD-DATES', name: 'Ngược ngày', brand_code: 'COCOON', channel: 'tiktok', objective: 'sale', status: 'draft', start_date: '10/03/2026', end_date: '01/03/2026' })) setCell(campaigns, backwards, name, value);

    const summary = addon.call<PushSummary>('menuPush');
    expect(summary.counts['error']).toBe(2);
    expect(cell(campaigns, bad, '_sync_status')).toBe('error');
    expect(campaigns.notes[bad - 1]?.[column(campaigns, 'objective')]).toBe("Booking Center: objective 'viral' is not one of awareness, traffic, sale, launch, clearance");
    expect(cell(campaigns, backwards, '_sync_status')).toBe('error');
    expect(campaigns.notes[backwards - 1]?.[column(campaigns, 'end_date')]).toBe('Booking Center: The end date (01/03/2026) is before the start date (10/03/2026).');
    // One bad row keeps the whole push from being written: the good row says so and stays "changed".
    expect(summary.unsaved).toBe(1);
    expect(cell(campaigns, good, '_sync_status')).toBe('not saved: updated');
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/Nothing was saved/);

    setCell(campaigns, bad, 'objective', 'sale');
    setCell(campaigns, backwards, 'end_date', '30/03/2026');
    const fixed = addon.call<PushSummary>('menuPush');
    expect(rowsSent(addon).at(-1)).toBe('campaigns:3');
    expect(fixed.counts).toMatchObject({ created: 2, updated: 1, error: 0 });
    expect(campaigns.notes[bad - 1]?.[column(campaigns, 'objective')]).toBe('');
    expect(cell(campaigns, good, '_sync_status')).toBe('updated');
  });

  it('a campaign changed on the server meanwhile: the stale push is a conflict showing the server value; "take theirs" brings it in', async () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    const row = findRow(campaigns, 'code', 'HNF-MUT-TET-2026');
    await editOnServer('campaigns', { code: 'HNF-MUT-TET-2026' }, { name: 'Mứt Tết Sum Vầy 2026 – bản của admin' });
    setCell(campaigns, row, 'name', 'Mứt Tết Sum Vầy 2026 – bản của tôi');
    const summary = addon.call<PushSummary>('menuPush');
    expect(summary.counts['conflict']).toBe(1);
    expect(cell(campaigns, row, '_sync_status')).toBe('conflict');
    expect(campaigns.notes[row - 1]?.[column(campaigns, 'name')]).toBe('Booking Center: Server value: Mứt Tết Sum Vầy 2026 – bản của admin');
    expect(campaigns.notes[row - 1]?.[column(campaigns, '_sync_status')]).toMatch(/take theirs.*keep mine/);
    expect(cell(campaigns, row, 'name')).toBe('Mứt Tết Sum Vầy 2026 – bản của tôi');

    setCell(campaigns, row, '_sync_status', 'take theirs');
    addon.call('menuPush');
    expect(cell(campaigns, row, 'name')).toBe('Mứt Tết Sum Vầy 2026 – bản của admin');
    expect(cell(campaigns, row, '_sync_status')).toBe('unchanged');
    // Clean again: the next edit goes through.
    setCell(campaigns, row, 'kpi_view', 1_600_000);
    expect(addon.call<PushSummary>('menuPush').counts['updated']).toBe(1);
  });

  it('validates with a dry run without saving', async () => {
    const addon = setUp();
    const brands = addon.sheet('Brands');
    const next = brands.values.length + 1;
    setCell(brands, next, 'code', 'DRYRUN');
    setCell(brands, next, 'name', 'Thử');
    const summary = addon.call<PushSummary>('menuValidate');
    expect(summary.dryRun).toBe(true);
    expect(cell(brands, next, '_sync_status')).toBe('check: created');
    expect(cell(brands, next, '_row_version')).toBe('');
    const pulled = await server.api<PullResponse>('GET', '/api/v1/sync/pull?tables=brands');
    expect(pulled.body.tables[0]?.rows.map((row) => row.values['code'])).not.toContain('DRYRUN');
  });

  it('a creator changed on the server meanwhile: conflict, then "take theirs" and "keep mine" resolve it', async () => {
    const addon = setUp();
    const creators = addon.sheet('Creators (KOC/KOL)');
    const row = findRow(creators, 'creator_key', 'KOC-DUCANHEATS');
    await editOnServer('creators', { creator_key: 'KOC-DUCANHEATS' }, { niche: 'street food' });
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

    await editOnServer('creators', { creator_key: 'KOC-DUCANHEATS' }, { location: 'Hà Nội' });
    setCell(creators, row, 'location', 'Vũng Tàu');
    addon.call('menuPush');
    expect(cell(creators, row, '_sync_status')).toBe('conflict');
    setCell(creators, row, '_sync_status', 'keep mine');
    const kept = addon.call<PushSummary>('menuPush');
    expect(kept.counts['updated']).toBe(1);
    const pulled = await server.api<PullResponse>('GET', '/api/v1/sync/pull?tables=creators');
    expect(pulled.body.tables[0]?.rows.find((candidate) => candidate.values['creator_key'] === 'KOC-DUCANHEATS')?.values).toMatchObject({ location: 'Vũng Tàu', niche: 'street food' });
  });

  it('makes a constant number of spreadsheet calls per tab, whatever the row count (3 rows vs 300)', () => {
    const callsFor = (rows: number, prefix: string): Record<string, number> => {
      const addon = setUp();
      const brands = addon.sheet('Brands');
      const first = brands.values.length + 1;
      for (let index = 0; index < rows; index += 1) {
        setCell(brands, first + index, 'code', `${prefix}${index}`);
        setCell(brands, first + index, 'name', `Brand ${index}`);
      }
      addon.log.reset();
      const summary = addon.call<PushSummary>('menuPush');
      expect(summary.counts['created']).toBe(rows);
      expect(cell(brands, first + rows - 1, '_sync_status')).toBe('created');
      return addon.log.forSheet('Brands');
    };
    const small = callsFor(3, 'SMALL');
    const large = callsFor(300, 'LARGE');
    expect(large).toEqual(small);
    // Read to collect, read again just before writing back (the planner may have typed), write once.
    expect(small).toEqual({ getDataRange: 2, getValues: 2, getNotes: 2, getFormulas: 2, getRange: 1, setValues: 1, setNotes: 1 });
  });

  it('refuses a second push while one holds the document lock', () => {
    const addon = setUp();
    addon.services.documentLock.isHeldElsewhere = true;
    expect(() => addon.call('menuPush')).toThrow('Another push is running');
  });
});

describe('the sidebar’s server functions, against the real server', () => {
  it('reads the campaign of the selected row, refuses a blocked transition with its reasons, adds creators, moves status, duplicates', () => {
    const addon = setUp();
    const campaigns = addon.sheet('Campaigns');
    const row = campaigns.values.length + 1;
    for (const [name, value] of Object.entries({ code: 'CC-HE-2026', name: 'Cocoon hè 2026', brand_code: 'COCOON', channel: 'tiktok', objective: 'awareness', status: 'draft', start_date: '01/06/2026', end_date: '30/06/2026', description: '## Key message\nMát lành mùa hè.' })) setCell(campaigns, row, name, value);
    expect(addon.call<PushSummary>('menuPush').counts['created']).toBe(1);

    addon.spreadsheet.setActiveSheet(campaigns);
    campaigns.activeCell = [row, 2];
    expect(addon.call<{ campaignCode: string; language: string }>('getSidebarContext')).toEqual({ language: 'en', chosenLanguage: null, baseCurrency: 'VND', campaignCode: 'CC-HE-2026', bookingCode: null });

    type View = {
      detail: { status: string; brandName?: string; creators: Array<{ creatorKey: string; role: string; status: string }>; brief: Array<{ heading: string }>; history: Array<{ action: string }> };
      transitions: { current: string; allowed: string[]; blocked: Array<{ to: string; reasons: Array<{ code: string; message: string }> }> };
    };
    const view = addon.call<View>('getCampaignView', 'CC-HE-2026');
    expect(view.detail.status).toBe('draft');
    expect(view.detail.brief.map((section) => section.heading)).toContain('Key message');
    expect(view.transitions.blocked).toContainEqual({ to: 'canceled', reasons: [{ code: 'PERMISSION_DENIED', message: "Your role (lead) can't cancel campaigns." }] });

    const planned = addon.call<View>('transitionCampaign', 'CC-HE-2026', 'planned');
    expect(planned.detail.status).toBe('planned');
    // The tab shows the new status and version, so the planner's next edit is not a conflict.
    expect(cell(campaigns, row, 'status')).toBe('Planned');
    const running = planned.transitions.blocked.find((blocked) => blocked.to === 'running');
    expect(running?.reasons.map((reason) => reason.code)).toEqual(['MISSING_CREATOR']);
    expect(() => addon.call('transitionCampaign', 'CC-HE-2026', 'running')).toThrow(running?.reasons[0]?.message ?? 'a reason');

    const picked = addon.call<{ added: number; view: View; push: PushSummary }>('addCampaignCreators', 'CC-HE-2026', ['KOC-LINHBEAUTY', 'KOC-BAOTRAMSKIN'], 'supporting', 'Đợt 1');
    expect(picked.added).toBe(2);
    expect(picked.push.counts['created']).toBe(2);
    expect(picked.view.detail.creators.map((creator) => `${creator.creatorKey}:${creator.role}:${creator.status}`).sort()).toEqual(['KOC-BAOTRAMSKIN:supporting:watchlist', 'KOC-LINHBEAUTY:supporting:active']);
    const mapping = addon.sheet('Campaign creators');
    const mapped = mapping.values.findIndex((candidate) => candidate[column(mapping, 'campaign_code')] === 'CC-HE-2026' && candidate[column(mapping, 'creator_key')] === 'KOC-LINHBEAUTY') + 1;
    expect(cell(mapping, mapped, '_sync_status')).toBe('created');
    expect(picked.view.transitions.allowed).toContain('running');

    const found = addon.call<{ creators: Array<{ creatorKey: string }> }>('searchCreators', { niche: 'food' });
    expect(found.creators.map((creator) => creator.creatorKey).sort()).toEqual(['KOC-DUCANHEATS', 'KOL-MAIANHCOOKING']);
    const products = addon.call<{ products: Array<{ brandCode: string; productCode: string }> }>('searchProducts', { brand: 'COCOON' });
    expect(products.products.length).toBeGreaterThan(0);
    const withProduct = addon.call<{ added: number; view: { detail: { products: Array<{ productCode: string; priority: number }> } } }>('addCampaignProducts', 'CC-HE-2026', [products.products[0]], 1, 'Sản phẩm chính');
    expect(withProduct.added).toBe(1);
    expect(withProduct.view.detail.products).toEqual([expect.objectContaining({ productCode: products.products[0]?.productCode, priority: 1 })]);

    const moved = addon.call<View>('transitionCampaign', 'CC-HE-2026', 'running', 'creators booked');
    expect(moved.detail.status).toBe('running');
    expect(moved.detail.history.map((entry) => entry.action)).toEqual(expect.arrayContaining(['create', 'assign']));
    expect(cell(campaigns, row, 'status')).toBe('Running');
    expect(cell(campaigns, row, 'creators_count')).toBe(2);
    setCell(campaigns, row, 'name', 'Cocoon hè 2026 – mát lành');
    expect(addon.call<PushSummary>('menuPush').counts['updated']).toBe(1);

    const copy = addon.call<{ code: string; view: View }>('duplicateCampaign', 'CC-HE-2026');
    expect(copy.code).toBe('CC-HE-2026-COPY');
    expect(copy.view.detail.status).toBe('draft');
    expect(cell(campaigns, findRow(campaigns, 'code', 'CC-HE-2026-COPY'), 'name')).toBe('Cocoon hè 2026 – mát lành (copy)');
  });
});

describe('Import file… and Export…, against the real server', () => {
  type ImportResult = {
    report: { dryRun: boolean; files: Array<{ table: string; fileLabel: string; totals: Record<string, number>; isCommitted: boolean; problems: Array<{ row: number | null; column: string | null; message: string }> }> };
    pulled: { added: number } | null;
  };
  type ExportResult = { fileName: string; contentType: string; base64: string; rows: number | null };
  const csv = (lines: string[]): string => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const header = 'creator_key,name,alias,gender,dob,location,niche,status,priority_score,note_internal';

  it('checks a file (the report names row, column and value), imports it, and pulls the new rows into the tab', () => {
    const addon = setUp();
    const context = addon.call<{ tables: Array<{ name: string }>; campaignCode: string | null }>('getFileDialogContext');
    expect(context.tables.map((table) => table.name)).toContain('creators');

    const broken = csv([header, 'KOC-MOI-1,Trần Mới,,female,,Huế,beauty,active,5,', 'KOC-MOI-2,Lê Sai,,male,,Huế,food,vip,3,']);
    const checked = addon.call<ImportResult>('importFile', { fileName: 'creators.csv', base64: broken, dryRun: true, createMissing: false });
    expect(checked.report.dryRun).toBe(true);
    const file = checked.report.files[0];
    expect(file).toMatchObject({ table: 'creators', isCommitted: false });
    expect(file?.problems).toEqual([expect.objectContaining({ row: 3, column: 'status', message: expect.stringContaining('vip') })]);
    expect(checked.pulled).toBeNull();

    const good = csv([header, 'KOC-MOI-1,Trần Mới,,female,,Huế,beauty,active,5,', 'KOC-MOI-2,Lê Đúng,,male,,Huế,food,watchlist,3,']);
    const imported = addon.call<ImportResult>('importFile', { fileName: 'creators.csv', base64: good, dryRun: false, createMissing: false });
    expect(imported.report.files[0]).toMatchObject({ isCommitted: true, totals: expect.objectContaining({ created: 2 }) });
    expect(imported.pulled?.added).toBe(2);
    const creators = addon.sheet('Creators (KOC/KOL)');
    expect(cell(creators, findRow(creators, 'creator_key', 'KOC-MOI-2'), 'name')).toBe('Lê Đúng');
  });

  it('exports a table as CSV and XLSX, one campaign, and the campaign list, with the file name the server gives', () => {
    const addon = setUp();
    const table = addon.call<ExportResult>('exportFile', { kind: 'table', table: 'creators', format: 'csv' });
    expect(table.fileName).toMatch(/creators.*\.csv$/);
    const text = Buffer.from(table.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toBe(header);
    expect(text).toContain('KOC-LINHBEAUTY');

    const workbook = addon.call<ExportResult>('exportFile', { kind: 'table', table: 'creators', format: 'xlsx' });
    expect(workbook.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(workbook.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');

    const detail = addon.call<ExportResult>('exportFile', { kind: 'detail', code: 'HNF-MUT-TET-2026', format: 'csv' });
    expect(Buffer.from(detail.base64, 'base64').toString('utf8')).toContain('KOL-MAIANHCOOKING');

    const list = addon.call<ExportResult>('exportFile', { kind: 'list', format: 'csv', statuses: ['planned'] });
    const listed = Buffer.from(list.base64, 'base64').toString('utf8');
    expect(listed).toContain('HNF-MUT-TET-2026');
    expect(listed).not.toContain('CC-TET-2026,');

    // The dialog's other list filters reach the server: brand codes and the running dates.
    const byBrand = Buffer.from(addon.call<ExportResult>('exportFile', { kind: 'list', format: 'csv', brands: ['HANOIFOOD'] }).base64, 'base64').toString('utf8');
    expect(byBrand).toContain('HNF-MUT-TET-2026');
    expect(byBrand).not.toContain('CC-TET-2026,');
    // Still running on 12 February: only the Cocoon campaign (it ends on the 15th, Hanoi Food on the 10th).
    const byDates = Buffer.from(addon.call<ExportResult>('exportFile', { kind: 'list', format: 'csv', dateFrom: '2026-02-12', dateTo: '2026-02-28' }).base64, 'base64').toString('utf8');
    expect(byDates).toContain('CC-TET-2026,');
    expect(byDates).not.toContain('HNF-MUT-TET-2026');
  });
});

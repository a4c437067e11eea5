/**
 * What a Pull costs and writes: the built add-on in a vm sandbox against the REAL sync server
 * (child process, embedded database, sample data). The spreadsheet fake counts every Sheet and
 * Range call per tab and the UrlFetchApp fake records every request, so these tests see what
 * Apps Script would charge: one read per tab per pull, writes only for the rows that changed,
 * and a pull that stops at the time budget and resumes from its cursor.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PullResponse, type PushResponse } from '../../sync-server/src/contract/sync-payloads.js';
import { type AddonSandbox, type RealServer, ensureAddonBuilt, loadAddon, startRealServer } from './support/addon-harness.js';
import type { Cell, FakeSheet } from './fakes/spreadsheet-fake.js';
import { columnLetter } from '../../addon/src/sheets/sheet-columns.js';
import { cell, column, findRow } from './support/sheet-cells.js';

type PullSummary = { updated: number; added: number; removed: number; conflicts: number; cursor: string; pages: number; hasMore: boolean };

const CURSOR_PROPERTY = 'BOOKING_CENTER_PULL_CURSOR';
/** The server's page: a table with more changed rows than this takes several pulls' pages. */
const SERVER_PAGE_SIZE = 5000;
/** Brands someone else imports: a page and a bit. */
const BULK_BRANDS = SERVER_PAGE_SIZE + 200;

let server: RealServer;

beforeAll(async () => {
  [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function setUpSheets(): AddonSandbox {
  const addon = loadAddon({ serverUrl: server.url });
  addon.call('menuSetUpSheets');
  return addon;
}

function pullRequestCount(addon: AddonSandbox): number {
  return addon.services.fetches.filter((request) => request.url.includes('/api/v1/sync/pull')).length;
}

/** Calls made on every tab, leaving out tabs that saw none. */
function callsByTab(addon: AddonSandbox): Record<string, Record<string, number>> {
  const calls: Record<string, Record<string, number>> = {};
  for (const sheet of addon.spreadsheet.sheets) {
    const forSheet = addon.log.forSheet(sheet.name);
    if (Object.keys(forSheet).length > 0) calls[sheet.name] = forSheet;
  }
  return calls;
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

/** A planner's formula in a cell, as Sheets holds it: the formula, and a value shown. */
function typeFormula(sheet: FakeSheet, row: number, columnIndex: number, formula: string): void {
  (sheet.values[row - 1] ??= [])[columnIndex] = formula;
  (sheet.formulas[row - 1] ??= [])[columnIndex] = formula;
}

/** A tab's rows as a set (sorted), header first: pulls may order rows differently. */
function rowsAsSet(sheet: FakeSheet): string[] {
  const [header, ...rows] = sheet.snapshot();
  const text = (row: Cell[]): string => JSON.stringify(row.map((value) => (value instanceof Date ? value.toISOString() : value)));
  return [text(header ?? []), ...rows.map(text).sort()];
}

function everyTab(addon: AddonSandbox, read: (sheet: FakeSheet) => unknown): Record<string, unknown> {
  return Object.fromEntries(addon.spreadsheet.sheets.map((sheet) => [sheet.name, read(sheet)]));
}

describe('a pull writes only what changed', () => {
  it('after one row changed on the server, the next pull reads that tab once and writes that row only; formulas and the planner’s own column survive', async () => {
    const addon = setUpSheets();
    addon.call('menuPull');
    const campaigns = addon.sheet('Campaigns');
    // The planner's own column right of the table, with a formula on the row that will change and on one that won't.
    const ownColumn = campaigns.values[0]?.length ?? 0;
    campaigns.values[0]![ownColumn] = 'My check';
    const changed = findRow(campaigns, 'code', 'HNF-MUT-TET-2026');
    const untouched = changed === 2 ? 3 : 2;
    typeFormula(campaigns, changed, ownColumn, `=LEN(A${changed})`);
    typeFormula(campaigns, untouched, ownColumn, `=LEN(A${untouched})`);
    const untouchedBefore = [...(campaigns.values[untouched - 1] ?? [])];

    await editOnServer('campaigns', { code: 'HNF-MUT-TET-2026' }, { name: 'Mứt Tết Sum Vầy 2026 (bản mới)' });
    addon.log.reset();
    const fetchesBefore = addon.services.fetches.length;
    const summary = addon.call<PullSummary>('menuPull');

    expect(summary).toMatchObject({ updated: 1, added: 0, removed: 0, conflicts: 0, pages: 1, hasMore: false });
    expect(cell(campaigns, changed, 'name')).toBe('Mứt Tết Sum Vầy 2026 (bản mới)');
    // One request (table definitions are cached), one read of the one tab with changes, one
    // single-row write; notes did not change, so none are written.
    expect(addon.services.fetches.slice(fetchesBefore).map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['GET /api/v1/sync/pull']);
    expect(callsByTab(addon)).toEqual({ Campaigns: { getDataRange: 1, getValues: 1, getNotes: 1, getFormulas: 1, getRange: 1, setValues: 1 } });
    expect(addon.log.valueWrites.get('Campaigns')).toEqual([`A${changed}:${columnLetter(ownColumn)}${changed}`]);
    expect(campaigns.formulas[changed - 1]?.[ownColumn]).toBe(`=LEN(A${changed})`);
    expect(campaigns.formulas[untouched - 1]?.[ownColumn]).toBe(`=LEN(A${untouched})`);
    expect(campaigns.values[untouched - 1]).toEqual(untouchedBefore);

    // The same content a pull from scratch gives (rows may come in another order).
    const fresh = setUpSheets();
    fresh.call('menuPull');
    campaigns.values.forEach((row) => row.splice(ownColumn, 1));
    campaigns.formulas.forEach((row) => row.splice(ownColumn, 1));
    expect(everyTab(addon, rowsAsSet)).toEqual(everyTab(fresh, rowsAsSet));
  });

  it('a pull with nothing new makes one request and touches no tab', () => {
    const addon = setUpSheets();
    addon.call('menuPull');
    addon.log.reset();
    const requests = pullRequestCount(addon);
    const summary = addon.call<PullSummary>('menuPull');
    expect(summary).toMatchObject({ updated: 0, added: 0, pages: 1, hasMore: false });
    expect(pullRequestCount(addon) - requests).toBe(1);
    expect(callsByTab(addon)).toEqual({});
  });

  it('a brand added then deleted on the server: appended, then emptied as before, each time with one read and a one-row write', async () => {
    const addon = setUpSheets();
    addon.call('menuPull');
    const brands = addon.sheet('Brands');
    // Someone else adds a brand, then deletes it: the add-on sees it come and go.
    const created = await server.api<PushResponse>('POST', '/api/v1/sync/push', {
      idempotencyKey: `create-${Date.now()}`,
      tables: [{ table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: 'GONE-SOON', name: 'Gone soon' } }] }],
    });
    expect(created.body.tables[0]?.results[0]?.status).toBe('created');
    expect(addon.call<PullSummary>('menuPull')).toMatchObject({ added: 1 });
    const row = findRow(brands, 'code', 'GONE-SOON');
    const version = Number(cell(brands, row, '_row_version'));
    const deleted = await server.api<PushResponse>('POST', '/api/v1/sync/push', {
      idempotencyKey: `delete-${Date.now()}`,
      tables: [{ table: 'brands', rows: [], deletions: [{ rowNumber: 2, key: { code: 'GONE-SOON' }, rowVersion: version }] }],
    });
    expect(deleted.body.tables[0]?.results[0]?.status).toBe('deleted');
    addon.log.reset();
    expect(addon.call<PullSummary>('menuPull')).toMatchObject({ removed: 1, updated: 0, added: 0 });
    expect(cell(brands, row, 'code')).toBe('');
    expect(cell(brands, row, '_row_version')).toBe('');
    expect(addon.log.forSheet('Brands')).toEqual({ getDataRange: 1, getValues: 1, getNotes: 1, getFormulas: 1, getRange: 1, setValues: 1 });
    expect(addon.log.valueWrites.get('Brands')).toEqual([expect.stringMatching(new RegExp(`^A${row}:[A-Z]+${row}$`))]);
  });
});

describe('a pull of several pages, against a server with more brands than a page', () => {
  beforeAll(async () => {
    // Someone else imports enough brands for two pages of the Brands table.
    const batch = 1000;
    for (let first = 0; first < BULK_BRANDS; first += batch) {
      const rows = Array.from({ length: Math.min(batch, BULK_BRANDS - first) }, (_, index) => ({ rowNumber: index + 2, rowVersion: null, values: { code: `BULK-${String(first + index).padStart(5, '0')}`, name: `Bulk brand ${first + index}` } }));
      const pushed = await server.api<PushResponse>('POST', '/api/v1/sync/push', { idempotencyKey: `bulk-${first}-${Date.now()}`, tables: [{ table: 'brands', rows }] });
      expect(pushed.body.tables[0]?.results.every((result) => result.status === 'created')).toBe(true);
    }
  }, 240_000);

  let uninterrupted: AddonSandbox;

  it('reads each tab once and writes each in a bounded number of blocks, whatever the number of pages', () => {
    uninterrupted = setUpSheets();
    uninterrupted.log.reset();
    const summary = uninterrupted.call<PullSummary>('menuPull');
    expect(summary.pages).toBe(2);
    expect(summary.hasMore).toBe(false);
    expect(pullRequestCount(uninterrupted)).toBe(2);
    const brands = uninterrupted.sheet('Brands');
    expect(brands.values.filter((row) => String(row[column(brands, 'code')]).startsWith('BULK-'))).toHaveLength(BULK_BRANDS);
    // Every page's rows appended to a new tab: one read, one block of values and notes.
    expect(uninterrupted.log.forSheet('Brands')).toEqual({ getDataRange: 1, getValues: 1, getNotes: 1, getFormulas: 1, getRange: 1, setValues: 1, setNotes: 1 });
    // Other tabs' rows come again with the second page, unchanged: still one read and one write.
    for (const [tab, calls] of Object.entries(callsByTab(uninterrupted))) {
      expect({ tab, reads: calls['getValues'] }).toEqual({ tab, reads: 1 });
      expect({ tab, writes: calls['setValues'] }).toEqual({ tab, writes: 1 });
    }
  });

  it('stops at the time budget after a page, keeps its cursor, and the next pull finishes with the same sheet', () => {
    const addon = setUpSheets();
    // A slow network: every pull request takes five minutes of the 4.5-minute budget.
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + pullRequestCount(addon) * 5 * 60_000);
    const first = addon.call<PullSummary>('menuPull');
    expect(first).toMatchObject({ pages: 1, hasMore: true });
    expect(pullRequestCount(addon)).toBe(1);
    expect(addon.services.documentProperties.getProperty(CURSOR_PROPERTY)).toBe(first.cursor);
    expect(addon.spreadsheet.toasts.at(-1)).toContain('Run Pull again for the rest');
    const brands = addon.sheet('Brands');
    expect(brands.snapshot().length - 1).toBe(SERVER_PAGE_SIZE);

    vi.restoreAllMocks();
    const second = addon.call<PullSummary>('menuPull');
    expect(second).toMatchObject({ pages: 1, hasMore: false });
    expect(pullRequestCount(addon)).toBe(2);
    expect(addon.spreadsheet.toasts.at(-1)).not.toContain('Run Pull again');
    expect(everyTab(addon, (sheet) => sheet.snapshot())).toEqual(everyTab(uninterrupted, (sheet) => sheet.snapshot()));
  });
});

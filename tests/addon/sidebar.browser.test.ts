/**
 * The built sidebar page (addon/dist/sidebar.html) in headless Chromium. Its google.script.run
 * stand-in calls the built bundle (addon/dist/Code.js) in a Node vm with the Apps Script fakes,
 * which talks to the REAL sync server (child process, embedded database, sample data): every
 * click goes page → Code.js → HTTP → server and back, as in Sheets. Saves docs/sidebar.png.
 *
 * Chromium: /usr/bin/chromium (Debian's package; .ci/install-browser installs it) or CHROMIUM_PATH.
 * Without it these tests are skipped, with a message saying so.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../sync-server/src/contract/sync-payloads.js';
import { ADMIN_EMAIL, type AddonSandbox, type RealServer, distDir, ensureAddonBuilt, loadAddon, startRealServer } from './support/addon-harness.js';
import { connectPageToAddon } from './support/script-run-stand-in.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The screenshots in docs/ are refreshed on request (UPDATE_SCREENSHOTS=1 npx vitest run tests/addon):
// the history shows times, so every run would otherwise change a committed file.
const docsDir = process.env.UPDATE_SCREENSHOTS ? path.resolve(here, '../../docs') : path.join(tmpdir(), 'booking-center-screenshots');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const isChromiumThere = existsSync(executablePath);
if (!isChromiumThere) {
  console.warn(`Skipping the sidebar browser tests: no Chromium at ${executablePath}. Install it (sudo .ci/install-browser) or set CHROMIUM_PATH.`);
}

const CAMPAIGN = 'CC-TET-2026';


let server: RealServer;
let addon: AddonSandbox;
let browser: Browser;
let page: Page;

/** A page of the built HTML, its google.script.run calling `addon` (whichever sandbox it is now). */
async function openPage(html: string, width: number): Promise<Page> {
  // The Sheets sidebar is 300 px wide; dialogs are as wide as showModalDialog says.
  const opened = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
  await connectPageToAddon(opened, () => addon);
  const errors: string[] = [];
  opened.on('pageerror', (error) => errors.push(error.message));
  // Served from a made-up origin so the init script (the google.script.run stand-in) runs; no network.
  await opened.route('https://sidebar.test/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await opened.goto('https://sidebar.test/');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return opened;
}

async function serverCampaign(code: string): Promise<Record<string, unknown> | undefined> {
  const pulled = await server.api<PullResponse>('GET', '/api/v1/sync/pull?tables=campaigns');
  return pulled.body.tables[0]?.rows.find((row) => row.values['code'] === code)?.values;
}

/** The campaign view shows one section at a time: the tabs of issue 14 item 10. */
async function openTab(tab: 'overview' | 'creators' | 'products' | 'brief' | 'insights' | 'history'): Promise<void> {
  await page.locator(`[data-test="tab-${tab}"]`).click();
  await page.locator(`[data-test="tab-panel"][data-tab="${tab}"]`).waitFor();
}

async function serverCalls(): Promise<Array<{ name: string; args: unknown[] }>> {
  return page.evaluate(() => (globalThis as unknown as { __calls: Array<{ name: string; args: unknown[] }> }).__calls);
}

describe.skipIf(!isChromiumThere)('the sidebar in Chromium, backed by the built bundle and the real server', () => {
  beforeAll(async () => {
    [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
    addon = loadAddon({ serverUrl: server.url });
    addon.call('menuSetUpSheets');
    addon.call('menuPull');
    // The planner has the campaign's row selected, as when opening the sidebar in Sheets.
    const campaigns = addon.sheet('Campaigns');
    addon.spreadsheet.setActiveSheet(campaigns);
    campaigns.activeCell = [campaigns.values.findIndex((row) => row[0] === CAMPAIGN) + 1, 2];

    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // As HtmlService serves it: the page, then the boot tag showSidebar appends.
    addon.call('showSidebar');
    page = await openPage(addon.ui.sidebars.at(-1) ?? readFileSync(path.join(distDir, 'sidebar.html'), 'utf8'), 300);
    await page.getByText('Chiến dịch Tết 2026 – Cocoon').first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the command center of the selected campaign from the server', async () => {
    await expect(page.locator('[data-test="status-badge"]').first().textContent()).resolves.toBe('Running');
    await expect(page.locator('[data-test="budget"]').textContent()).resolves.toContain('150,000,000');
    await expect(page.locator('[data-test="flags"]').textContent()).resolves.toContain('AT_RISK_DEADLINE');
    await openTab('creators');
    await expect(page.locator('[data-test="creators"]').textContent()).resolves.toContain('On the watchlist');
    await openTab('brief');
    await expect(page.locator('[data-test="brief"]').textContent()).resolves.toContain('Key message');
    await openTab('overview');
  });

  it('shows a refused transition disabled with its reasons, and moves status with an allowed one', async () => {
    await expect(page.locator('[data-test="transition-canceled"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-test="blocked-reasons"]').textContent()).resolves.toContain("Your role (lead) can't cancel campaigns.");

    await page.locator('[data-test="transition-paused"]').click();
    await page.locator('#transition-note').fill('Brand asked to pause over the weekend');
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Status is now Paused.').waitFor();
    await expect(page.locator('[data-test="status-badge"]').first().textContent()).resolves.toBe('Paused');
    expect((await serverCalls()).find((call) => call.name === 'transitionCampaign')?.args).toEqual([CAMPAIGN, 'paused', 'Brand asked to pause over the weekend']);
    expect((await serverCampaign(CAMPAIGN))?.['status']).toBe('paused');
  });

  it('adds creators with the picker: search, select, bulk role and note; the rows land on the mapping tab and the server', async () => {
    await openTab('creators');
    await page.locator('[data-test="add-creators"]').click();
    await page.locator('[data-test="creator-result"]').first().waitFor();
    const already = page.locator('[data-test="creator-result"]', { hasText: 'Nguyễn Thuỳ Linh' });
    await expect(already.locator('input').isDisabled()).resolves.toBe(true);
    await page.locator('[data-test="creator-result"]', { hasText: 'Phạm Mai Anh' }).locator('input').check();
    await page.locator('[data-bulk="role"]').selectOption('supporting');
    await page.locator('[data-bulk="note"]').fill('Tết đợt 2');
    await page.locator('[data-test="picker-add"]').click();
    await page.getByText('Added 1 row and pushed it.').waitFor();
    await expect(page.locator('[data-test="creators"]').textContent()).resolves.toContain('Phạm Mai Anh');
    expect((await serverCalls()).find((call) => call.name === 'addCampaignCreators')?.args).toEqual([CAMPAIGN, ['KOL-MAIANHCOOKING'], 'supporting', 'Tết đợt 2']);
    const mapping = addon.sheet('Campaign creators');
    expect(mapping.values.some((row) => row.includes(CAMPAIGN) && row.includes('KOL-MAIANHCOOKING') && row.includes('created'))).toBe(true);

    // The screenshot for docs/: the campaign after a pause and a new creator, on its Overview tab.
    await page.locator('[data-action="load"]').click();
    await openTab('history');
    await expect(page.locator('[data-test="history"]').textContent()).resolves.toMatch(/creator KOL-MAIANHCOOKING \((note: Tết đợt 2, role: supporting|role: supporting, note: Tết đợt 2)\)/);
    await openTab('overview');
    mkdirSync(docsDir, { recursive: true });
    await page.screenshot({ path: path.join(docsDir, 'sidebar.png'), fullPage: true });
  });

  it('lets the admin finish: asks for the postmortem (the server’s POSTMORTEM_MISSING), writes it into the brief, finishes on the server', async () => {
    await page.locator('[data-test="transition-running"]').click();
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Status is now Running.').waitFor();
    // Only an admin may finish: the admin opens the same spreadsheet's sidebar.
    await expect(page.locator('[data-test="transition-finished"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-test="blocked-reasons"]').textContent()).resolves.toContain("Your role (lead) can't finish campaigns.");
    addon = loadAddon({ serverUrl: server.url, email: ADMIN_EMAIL });
    addon.call('menuSetUpSheets');
    addon.call('menuPull');
    await page.locator('[data-action="load"]').click();
    await page.locator('[data-test="transition-finished"]:not([disabled])').waitFor();
    await page.locator('[data-test="transition-finished"]').click();
    await page.locator('[data-test="postmortem-editor"]').waitFor();
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Fill in all three items.').waitFor();
    await page.locator('#pm-worked').fill('Livestream chốt đơn tốt nhất');
    await page.locator('#pm-didnt').fill('Story nhắc mã đăng trễ');
    await page.locator('#pm-next').fill('Chốt lịch live sớm hơn');
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Status is now Finished.').waitFor();
    const onServer = await serverCampaign(CAMPAIGN);
    expect(onServer?.['status']).toBe('finished');
    expect(String(onServer?.['description'])).toContain('Livestream chốt đơn tốt nhất');
  });

  it('duplicates the campaign into a new draft, shown in the sidebar and in the Campaigns tab', async () => {
    await page.locator('[data-test="duplicate"]').click();
    await page.getByText(`Created ${CAMPAIGN}-COPY.`).waitFor();
    await expect(page.locator('[data-test="status-badge"]').first().textContent()).resolves.toBe('Draft');
    expect(addon.sheet('Campaigns').values.some((row) => row[0] === `${CAMPAIGN}-COPY`)).toBe(true);
  });

  it('Import file…: checks a CSV (problems by row and column), imports it, and the tab gets the rows', async () => {
    addon.call('showImportDialog');
    const dialog = await openPage(addon.ui.dialogs.at(-1)?.html ?? '', 520);
    await dialog.locator('#import-table option', { hasText: 'Creators (KOC/KOL)' }).waitFor({ state: 'attached' });
    const header = 'creator_key,name,alias,gender,dob,location,niche,status,priority_score,note_internal';
    const file = (rows: string[]) => ({ name: 'creators.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf8') });
    await dialog.locator('[data-test="import-input"]').setInputFiles(file(['KOC-HUE-1,Ngô Huế,,female,,Huế,beauty,active,6,', 'KOC-HUE-2,Phan Sai,,male,,Huế,food,vip,4,']));
    await dialog.locator('[data-test="import-check"]').click();
    await dialog.locator('[data-test="import-report"]').waitFor();
    await expect(dialog.locator('[data-test="import-problems"]').textContent()).resolves.toMatch(/Row 3 · status.*vip/);
    await expect(dialog.locator('[data-test="import-file"]').textContent()).resolves.toContain('fix the rows below first');
    await dialog.screenshot({ path: path.join(docsDir, 'import-dialog.png'), fullPage: true });

    // Importing the checked file as it is: nothing saved, the same problem again.
    await expect(dialog.locator('[data-test="import-chosen"]').textContent()).resolves.toBe('File: creators.csv');
    await dialog.locator('[data-test="import-run"]').click();
    await dialog.getByText('nothing saved: fix the rows below and import again').waitFor();

    await dialog.locator('[data-test="import-input"]').setInputFiles(file(['KOC-HUE-1,Ngô Huế,,female,,Huế,beauty,active,6,', 'KOC-HUE-2,Phan Đúng,,male,,Huế,food,watchlist,4,']));
    await dialog.locator('[data-test="import-run"]').click();
    await dialog.getByText('Imported. The tabs now show the new rows (2 added, 0 updated).').waitFor();
    expect(addon.sheet('Creators (KOC/KOL)').values.some((row) => row[0] === 'KOC-HUE-2' && row[1] === 'Phan Đúng')).toBe(true);
    await dialog.close();
  });

  it('Export…: downloads a table as XLSX and the selected campaign as CSV, with the server’s file names', async () => {
    const campaigns = addon.sheet('Campaigns');
    addon.spreadsheet.setActiveSheet(campaigns);
    campaigns.activeCell = [campaigns.values.findIndex((row) => row[0] === CAMPAIGN) + 1, 1];
    addon.call('showExportDialog');
    const dialog = await openPage(addon.ui.dialogs.at(-1)?.html ?? '', 520);
    await dialog.locator('#export-table option', { hasText: 'Campaigns' }).first().waitFor({ state: 'attached' });
    const [table] = await Promise.all([dialog.waitForEvent('download'), dialog.locator('[data-test="export-table"]').click()]);
    expect(table.suggestedFilename()).toMatch(/^campaigns.*\.xlsx$/);
    await dialog.getByText(/^Saved campaigns.*\.xlsx \(\d+ rows\)\.$/).waitFor();

    await dialog.locator('#export-format').selectOption('csv');
    const [detail] = await Promise.all([dialog.waitForEvent('download'), dialog.locator('[data-test="export-detail"]').click()]);
    expect(detail.suggestedFilename()).toMatch(/CC-TET-2026.*\.csv$/);
    const saved = await detail.path();
    expect(readFileSync(saved, 'utf8')).toContain('KOL-MAIANHCOOKING');

    // The campaign list with filters chosen in the dialog: finished campaigns (the one finished
    // above) and planned ones, of one brand.
    await dialog.locator('[data-test="export-filters"] input[value="finished"]').check();
    await dialog.locator('[data-test="export-filters"] input[value="planned"]').check();
    await dialog.locator('[data-test="export-brands"]').fill('COCOON');
    await dialog.screenshot({ path: path.join(docsDir, 'export-dialog.png'), fullPage: true });
    const [list] = await Promise.all([dialog.waitForEvent('download'), dialog.locator('[data-test="export-list"]').click()]);
    const listed = readFileSync(await list.path(), 'utf8');
    expect(listed).toContain('CC-TET-2026,');
    expect(listed).not.toContain('HNF-MUT-TET-2026');
    await dialog.getByText(/^Saved .*\.csv \(1 row\)\.$/).waitFor();
    await dialog.close();
  });
});

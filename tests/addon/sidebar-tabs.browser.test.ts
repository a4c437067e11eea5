/**
 * The campaign view's tabs (issue 14 item 10) in headless Chromium, on the built page and bundle
 * and the REAL server, as sidebar.browser.test.ts runs them: switching tabs shows one section at
 * a time, the chosen tab survives a reload of the campaign, the Creators tab lists the campaign's
 * creators, and a finished campaign whose postmortem is incomplete opens the postmortem editor
 * on its Insights tab; saving fills the postmortem and the warning is gone after a reload.
 *
 * The write door refuses to finish a campaign (or to empty a finished campaign's postmortem)
 * without the three items, so such a campaign only comes from data older than the rule. The
 * data folder is prepared like that before the server opens it: the sample data, then the
 * campaign marked finished with one item written, as the seed writes its rows.
 * Saves docs/sidebar-insights.png (refreshed with UPDATE_SCREENSHOTS=1).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBriefSection } from '../../sync-server/src/contract/campaigns/campaign-brief.js';
import type { CampaignDetail, PullResponse } from '../../sync-server/src/contract/sync-payloads.js';
import { seedSampleData } from '../../sync-server/src/modules/seed/seed.service.js';
import { openDatabase } from '../../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../../sync-server/src/platform/database/schema-engine.js';
import { DEFAULT_TENANT_ID, runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';
import { type AddonSandbox, type RealServer, ensureAddonBuilt, loadAddon, startRealServer } from './support/addon-harness.js';
import { connectPageToAddon } from './support/script-run-stand-in.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = process.env.UPDATE_SCREENSHOTS ? path.resolve(here, '../../docs') : path.join(tmpdir(), 'booking-center-screenshots');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const isChromiumThere = existsSync(executablePath);
if (!isChromiumThere) console.warn(`Skipping the sidebar tabs browser tests: no Chromium at ${executablePath}. Install it (sudo .ci/install-browser) or set CHROMIUM_PATH.`);

const CAMPAIGN = 'CC-TET-2026';

let dataDir: string;
let server: RealServer;
let addon: AddonSandbox;
let browser: Browser;
let page: Page;

/** The sample data, with CC-TET-2026 finished long ago with only "What worked" written. */
async function prepareDataFolder(folder: string): Promise<void> {
  const database = await openDatabase({ kind: 'embedded', dataDir: folder });
  try {
    await applyMigrations(database.migrationAdapterFactory);
    await seedSampleData(database.prisma);
    await runInTenant(DEFAULT_TENANT_ID, async () => {
      const where = { tenantId_code: { tenantId: DEFAULT_TENANT_ID, code: CAMPAIGN } };
      const campaign = await database.prisma.campaign.findUniqueOrThrow({ where });
      const description = setBriefSection(campaign.description, 'postmortem', "- What worked: Livestream chốt đơn tốt nhất\n- What didn't:\n- Next time:");
      await database.prisma.campaign.update({ where, data: { status: 'finished', description } });
    });
  } finally {
    await database.close();
  }
}

async function serverDetail(): Promise<CampaignDetail> {
  const answer = await server.api<CampaignDetail>('GET', `/api/v1/campaigns/${CAMPAIGN}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function serverCalls(): Promise<Array<{ name: string; args: unknown[] }>> {
  return page.evaluate(() => (globalThis as unknown as { __calls: Array<{ name: string; args: unknown[] }> }).__calls);
}

async function selectedTab(): Promise<string | null> {
  return page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
}

describe.skipIf(!isChromiumThere)('the campaign view’s tabs, on the built bundle and the real server', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bc-sidebar-tabs-'));
    await prepareDataFolder(dataDir);
    [server] = await Promise.all([startRealServer({ dataDir }), ensureAddonBuilt()]);
    // The lead planner, with the campaign's row selected on the Campaigns tab.
    addon = loadAddon({ serverUrl: server.url });
    addon.call('menuSetUpSheets');
    addon.call('menuPull');
    const campaigns = addon.sheet('Campaigns');
    addon.spreadsheet.setActiveSheet(campaigns);
    campaigns.activeCell = [campaigns.values.findIndex((row) => row[0] === CAMPAIGN) + 1, 2];

    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    addon.call('showSidebar');
    const html = addon.ui.sidebars.at(-1) ?? '';
    page = await browser.newPage({ viewport: { width: 300, height: 900 }, deviceScaleFactor: 2 });
    await connectPageToAddon(page, () => addon);
    await page.route('https://sidebar.test/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto('https://sidebar.test/');
    await page.getByText('Chiến dịch Tết 2026 – Cocoon').first().waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows one section per tab; the Creators tab lists the campaign’s creators; the tab stays chosen over a reload', async () => {
    await expect(page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-tab')))).resolves.toEqual(['overview', 'creators', 'products', 'brief', 'insights', 'history']);
    expect(await selectedTab()).toBe('overview');
    await expect(page.locator('[data-test="status-badge"]').first().textContent()).resolves.toBe('Finished');
    await page.locator('[data-test="budget"]').waitFor();
    await expect(page.locator('[data-test="creators"]').count()).resolves.toBe(0);

    await page.locator('[data-test="tab-creators"]').click();
    await page.locator('[data-test="creators"]').waitFor();
    await expect(page.locator('[data-test="budget"]').count()).resolves.toBe(0);
    const onServer = (await serverDetail()).creators.map((creator) => creator.name).sort();
    expect(onServer.length).toBeGreaterThan(0);
    const listed = await page.locator('[data-test="campaign-creator"] .title').evaluateAll((titles) => titles.map((title) => title.childNodes[0]?.textContent?.trim() ?? ''));
    expect(listed.sort()).toEqual(onServer);
    await expect(page.locator('[data-test="tab-creators"] [data-test="tab-mark"]').textContent()).resolves.toBe(String(onServer.length));

    await page.locator('[data-test="tab-brief"]').click();
    await expect(page.locator('[data-test="brief"]').textContent()).resolves.toContain('Key message');
    await page.locator('[data-test="tab-creators"]').click();
    await page.locator('body[data-campaign-loads="1"]').waitFor({ state: 'attached' });
    await page.locator('[data-action="load"]').click();
    await page.locator('body[data-campaign-loads="2"]').waitFor({ state: 'attached' });
    expect((await serverCalls()).filter((call) => call.name === 'getCampaignView')).toHaveLength(2);
    expect(await selectedTab()).toBe('creators');
    await page.locator('[data-test="creators"]').waitFor();
  });

  it('opens the postmortem editor on the Insights tab of a finished campaign with an incomplete postmortem; saving fills it, and after a reload the warning is gone', async () => {
    await expect(page.locator('[data-test="tab-insights"] [data-test="tab-mark"]').textContent()).resolves.toBe('!');
    await page.locator('[data-test="tab-insights"]').click();
    const warning = page.locator('[data-test="postmortem-incomplete"]');
    await expect(warning.textContent()).resolves.toMatch(/What didn’t, Next time still empty/);
    await expect(page.locator('#pm-worked').inputValue()).resolves.toBe('Livestream chốt đơn tốt nhất');
    await expect(page.locator('#pm-didnt').inputValue()).resolves.toBe('');
    mkdirSync(docsDir, { recursive: true });
    await page.screenshot({ path: path.join(docsDir, 'sidebar-insights.png'), fullPage: true });

    // All three items are needed, as for finishing.
    await page.locator('[data-test="save-postmortem"]').click();
    await page.getByText('Fill in all three items.').waitFor();
    await page.locator('#pm-didnt').fill('Story nhắc mã đăng trễ');
    await page.locator('#pm-next').fill('Chốt lịch live sớm hơn');
    await page.locator('[data-test="save-postmortem"]').click();
    await page.getByText('Postmortem saved.').waitFor();
    expect((await serverCalls()).find((call) => call.name === 'finishCampaign')?.args).toEqual([
      CAMPAIGN,
      { whatWorked: 'Livestream chốt đơn tốt nhất', whatDidnt: 'Story nhắc mã đăng trễ', nextTime: 'Chốt lịch live sớm hơn' },
    ]);
    const detail = await serverDetail();
    expect(detail.status).toBe('finished');
    expect(detail.description).toContain('- Next time: Chốt lịch live sớm hơn');
    // Written into the Campaigns tab's cell too, so the next push changes nothing.
    const pulled = await server.api<PullResponse>('GET', '/api/v1/sync/pull?tables=campaigns');
    expect(String(pulled.body.tables[0]?.rows.find((row) => row.values['code'] === CAMPAIGN)?.values['description'])).toContain('Story nhắc mã đăng trễ');
    expect(addon.sheet('Campaigns').values.some((row) => row[0] === CAMPAIGN && row.some((cell) => String(cell).includes('Story nhắc mã đăng trễ')))).toBe(true);

    // The sidebar reopened (the page reloaded): it asks the server again and comes back on Insights.
    await page.reload();
    await page.locator('body[data-campaign-loads="1"]').waitFor({ state: 'attached' });
    expect(await selectedTab()).toBe('insights');
    await page.locator('[data-test="postmortem"]').waitFor();
    await expect(warning.count()).resolves.toBe(0);
    await expect(page.locator('[data-test="postmortem-editor"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-test="tab-insights"] [data-test="tab-mark"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-test="postmortem"]').textContent()).resolves.toContain('Chốt lịch live sớm hơn');
  });
});

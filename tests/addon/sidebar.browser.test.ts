/**
 * The built sidebar page (addon/dist/sidebar.html) in headless Chromium, with a stand-in for
 * google.script.run backed by an in-page fixture. The lead will back it with the real server.
 * Saves docs/sidebar.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, ensureAddonBuilt } from './support/addon-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.resolve(here, '../../docs');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Runs in the page: an in-memory campaign and the server functions the sidebar calls. */
function installStandIn(): void {
  type Status = 'draft' | 'planned' | 'running' | 'paused' | 'finished' | 'canceled';
  const campaign = {
    code: 'TET-2026',
    name: 'Tết Glow 2026 — Serum launch',
    brandCode: 'LUMI',
    brandName: 'Lumi Skin',
    channel: 'tiktok',
    objective: 'launch',
    status: 'planned' as Status,
    startDate: '2026-01-10',
    endDate: '2026-02-10',
    owner: 'Ngọc Anh',
    description: '',
    progressPercent: 75,
    budget: { planned: 120_000_000, committed: 86_500_000, paid: 30_000_000 },
    kpi: { targets: { views: 2_000_000, orders: 1_500, revenue: 450_000_000 }, actuals: { views: 640_000, orders: null, revenue: null } },
    flags: [
      { code: 'CREATOR_RISK', severity: 'error', message: 'Spam King is blacklisted: remove them before the campaign runs.' },
      { code: 'MISSING_PRODUCT', severity: 'info', message: 'Only 2 products: add the gift set?' },
    ],
    creators: [
      { creatorKey: 'linh.review', name: 'Linh Review', role: 'main', note: '2 videos + 1 live', status: 'active' },
      { creatorKey: 'bao.eats', name: 'Bảo Eats', role: 'supporting', note: 'Tết recipe angle', status: 'watchlist' },
      { creatorKey: 'spam.king', name: 'Spam King', role: 'trial', note: '', status: 'blacklist' },
    ],
    products: [
      { brandCode: 'LUMI', productCode: 'SER-30', name: 'Vitamin C Serum 30ml', priority: 1, note: 'Hero product' },
      { brandCode: 'LUMI', productCode: 'CRM-50', name: 'Night Cream 50ml', priority: 2, note: '' },
    ],
    brief: [
      { heading: 'Key message', body: 'Glow for Tết: visible results in 7 days.' },
      { heading: 'Do', body: '- Show the serum texture on camera\n- Mention the Tết voucher LUMITET' },
      { heading: "Don't", body: '- No medical claims' },
    ],
    history: <Array<{ at: string; actor: string; action: string; changes: Record<string, { from: string | number; to: string | number }> }>>[
      { at: '2025-12-02T09:14:00Z', actor: 'ngoc.anh@lumi.vn', action: 'status draft → planned', changes: { status: { from: 'draft', to: 'planned' } } },
      { at: '2025-11-28T16:40:00Z', actor: 'minh@lumi.vn', action: 'budget updated', changes: { budget_planned: { from: 100000000, to: 120000000 } } },
    ],
  };
  const graph: Record<Status, Status[]> = { draft: ['planned', 'canceled'], planned: ['running', 'draft', 'canceled'], running: ['paused', 'finished', 'canceled'], paused: ['running', 'canceled'], finished: [], canceled: [] };
  const transitions = () => {
    const blocked = campaign.status === 'planned' && campaign.creators.some((creator) => creator.status === 'blacklist')
      ? [{ to: 'running' as Status, reasons: [{ code: 'CREATOR_BLACKLISTED', message: 'Spam King is blacklisted: remove them first.' }, { code: 'MISSING_TRACKING', message: 'No voucher or tracking link yet.' }] }]
      : [];
    return { current: campaign.status, allowed: graph[campaign.status].filter((to) => !blocked.some((item) => item.to === to)), blocked };
  };
  const view = () => JSON.parse(JSON.stringify({ detail: campaign, transitions: transitions() }));
  const creators = [
    { creatorKey: 'mai.makeup', name: 'Mai Makeup', alias: null, status: 'active', tags: ['skincare'], location: 'HCMC', niche: 'beauty', followers: 850000, avgViews: 210000, mainChannel: 'tiktok:@mai.makeup' },
    { creatorKey: 'tuan.tech', name: 'Tuấn Tech', alias: null, status: 'active', tags: [], location: 'Hanoi', niche: 'tech', followers: 320000, avgViews: 90000, mainChannel: 'tiktok:@tuan.tech' },
    { creatorKey: 'linh.review', name: 'Linh Review', alias: null, status: 'active', tags: [], location: 'HCMC', niche: 'beauty', followers: 1200000, avgViews: 400000, mainChannel: 'tiktok:@linh.review' },
  ];
  const server: Record<string, (...args: never[]) => unknown> = {
    getSidebarContext: () => ({ language: 'en', campaignCode: 'TET-2026' }),
    getCampaignView: () => view(),
    transitionCampaign: (_code: string, to: Status) => {
      if (!transitions().allowed.includes(to)) throw new Error(`Cannot move to ${to}.`);
      campaign.status = to;
      campaign.history.unshift({ at: '2025-12-03T10:00:00Z', actor: 'you', action: `status → ${to}`, changes: {} });
      return view();
    },
    duplicateCampaign: () => ({ code: 'TET-2026-COPY', view: { ...view(), detail: { ...view().detail, code: 'TET-2026-COPY', status: 'draft' } } }),
    searchCreators: (query: { search?: string }) => ({ creators: creators.filter((creator) => !query.search || creator.name.toLowerCase().includes(query.search.toLowerCase())) }),
    searchProducts: () => ({ products: [] }),
    finishCampaign: () => {
      campaign.status = 'finished';
      return view();
    },
    addCampaignCreators: (_code: string, keys: string[], role: 'main', note: string) => {
      for (const key of keys) {
        const found = creators.find((creator) => creator.creatorKey === key);
        if (found) campaign.creators.push({ creatorKey: key, name: found.name, role, note, status: 'active' });
      }
      return { added: keys.length, skipped: 0, push: { counts: { created: keys.length } }, view: view() };
    },
  };
  (globalThis as unknown as { __setStatus(status: Status): void }).__setStatus = (status) => {
    campaign.status = status;
  };
  const calls: Array<{ name: string; args: unknown[] }> = [];
  (globalThis as unknown as { __calls: typeof calls }).__calls = calls;
  const makeRunner = (success?: (value: unknown) => void, failure?: (error: Error) => void): unknown =>
    new Proxy(
      {},
      {
        get(_target, property: string) {
          if (property === 'withSuccessHandler') return (handler: (value: unknown) => void) => makeRunner(handler, failure);
          if (property === 'withFailureHandler') return (handler: (error: Error) => void) => makeRunner(success, handler);
          return (...args: unknown[]) => {
            calls.push({ name: property, args });
            setTimeout(() => {
              try {
                const fn = server[property];
                if (!fn) throw new Error(`no server function ${property}`);
                success?.((fn as (...input: unknown[]) => unknown)(...args));
              } catch (error) {
                failure?.(error as Error);
              }
            }, 30);
          };
        },
      },
    );
  (globalThis as unknown as { google: unknown }).google = { script: { run: makeRunner() } };
}

const isChromiumThere = existsSync(executablePath);
let browser: Browser;
let page: Page;

describe.skipIf(!isChromiumThere)('the sidebar in Chromium', () => {
  beforeAll(async () => {
    await ensureAddonBuilt();
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // The Sheets sidebar is 300 px wide.
    page = await browser.newPage({ viewport: { width: 300, height: 900 }, deviceScaleFactor: 2 });
    await page.addInitScript(installStandIn);
    const html = readFileSync(path.join(distDir, 'sidebar.html'), 'utf8');
    // As HtmlService serves it: the boot tag appended after the page.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Served from a made-up origin so the init script (the google.script.run stand-in) runs; no network.
    await page.route('https://sidebar.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `${html}<script>window.__BOOKING_CENTER__={"view":"campaign","language":"en"};</script>` }),
    );
    await page.goto('https://sidebar.test/');
    if (errors.length > 0) throw new Error(errors.join('\n'));
    await page.getByText('Tết Glow 2026 — Serum launch').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the campaign command center and saves a screenshot', async () => {
    await expect(page.locator('[data-test="status-badge"]').first().textContent()).resolves.toBe('Planned');
    await expect(page.locator('[data-test="budget"]').textContent()).resolves.toContain('86,500,000');
    await expect(page.locator('[data-test="kpi"]').textContent()).resolves.toContain('No data yet');
    await expect(page.locator('[data-test="creators"]').textContent()).resolves.toContain('Blacklisted: do not book.');
    mkdirSync(docsDir, { recursive: true });
    await page.screenshot({ path: path.join(docsDir, 'sidebar.png'), fullPage: true });
  });

  it('shows a refused transition disabled with its reasons, and moves status with an allowed one', async () => {
    await expect(page.locator('[data-test="transition-running"]').isDisabled()).resolves.toBe(true);
    const reasons = await page.locator('[data-test="blocked-reasons"]').textContent();
    expect(reasons).toContain('Spam King is blacklisted: remove them first.');
    expect(reasons).toContain('No voucher or tracking link yet.');

    await page.locator('[data-test="transition-draft"]').click();
    await page.locator('#transition-note').fill('Dates moved by the brand');
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Status is now Draft.').waitFor();
    await expect(page.locator('[data-test="status-badge"]').first().textContent()).resolves.toBe('Draft');
    const calls = await page.evaluate(() => (globalThis as unknown as { __calls: Array<{ name: string; args: unknown[] }> }).__calls);
    expect(calls.find((call) => call.name === 'transitionCampaign')?.args).toEqual(['TET-2026', 'draft', 'Dates moved by the brand']);
  });

  it('asks for the postmortem when finishing, and sends it with the transition', async () => {
    await page.evaluate(() => (globalThis as unknown as { __setStatus(status: string): void }).__setStatus('running'));
    await page.locator('[data-action="load"]').click();
    await page.locator('[data-test="transition-finished"]').click();
    await page.locator('[data-test="postmortem-editor"]').waitFor();
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Fill in all three items.').waitFor();
    await page.locator('#pm-worked').fill('Live sessions converted best');
    await page.locator('#pm-didnt').fill('Recipe angle was off-brand');
    await page.locator('#pm-next').fill('Book lives earlier');
    await page.locator('[data-test="confirm-transition"]').click();
    await page.getByText('Status is now Finished.').waitFor();
    const calls = await page.evaluate(() => (globalThis as unknown as { __calls: Array<{ name: string; args: unknown[] }> }).__calls);
    expect(calls.find((call) => call.name === 'finishCampaign')?.args).toEqual([
      'TET-2026',
      { whatWorked: 'Live sessions converted best', whatDidnt: 'Recipe angle was off-brand', nextTime: 'Book lives earlier' },
      undefined,
    ]);
    await page.evaluate(() => (globalThis as unknown as { __setStatus(status: string): void }).__setStatus('planned'));
    await page.locator('[data-action="load"]').click();
    await page.locator('[data-test="transition-draft"]').waitFor();
  });

  it('adds creators with the picker: search, select, bulk role and note', async () => {
    await page.locator('[data-test="add-creators"]').click();
    await page.locator('[data-test="creator-result"]').first().waitFor();
    await expect(page.locator('[data-test="creator-result"]')).toBeDefined();
    const already = page.locator('[data-test="creator-result"]', { hasText: 'Linh Review' });
    await expect(already.locator('input').isDisabled()).resolves.toBe(true);
    await page.locator('[data-test="creator-result"]', { hasText: 'Mai Makeup' }).locator('input').check();
    await page.locator('[data-bulk="role"]').selectOption('supporting');
    await page.locator('[data-bulk="note"]').fill('Tết wave 2');
    await page.locator('[data-test="picker-add"]').click();
    await page.getByText('Added 1 rows and pushed them.').waitFor();
    await expect(page.locator('[data-test="creators"]').textContent()).resolves.toContain('Mai Makeup');
    const calls = await page.evaluate(() => (globalThis as unknown as { __calls: Array<{ name: string; args: unknown[] }> }).__calls);
    expect(calls.find((call) => call.name === 'addCampaignCreators')?.args).toEqual(['TET-2026', ['mai.makeup'], 'supporting', 'Tết wave 2']);
  });
});

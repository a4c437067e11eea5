/**
 * The sidebar's admin section in headless Chromium, as sidebar.browser.test.ts runs the page:
 * google.script.run calls the BUILT bundle (addon/dist/Code.js) in a Node vm, which talks to the
 * REAL sync server (child process, embedded database, sample data). The admin invites a user,
 * creates an API token (shown once) that works, revokes it so it stops working, and
 * deactivates the user; a viewer opening the sidebar gets no admin section at all.
 *
 * Chromium: /usr/bin/chromium or CHROMIUM_PATH; without it these tests are skipped, saying so.
 */
import { existsSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, type AddonSandbox, type RealServer, ensureAddonBuilt, loadAddon, startRealServer } from './support/addon-harness.js';
import { connectPageToAddon } from './support/script-run-stand-in.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const isChromiumThere = existsSync(executablePath);
if (!isChromiumThere) console.warn(`Skipping the admin panel browser tests: no Chromium at ${executablePath}. Install it (sudo .ci/install-browser) or set CHROMIUM_PATH.`);

const VIEWER_EMAIL = 'an.pham@bookingcenter.vn';
const INVITED = 'thu.vo@agency.vn';


let server: RealServer;
let addon: AddonSandbox;
let browser: Browser;

/** The sidebar as HtmlService serves it to whoever `addon` signs in as. */
async function openSidebar(): Promise<Page> {
  addon.call('showSidebar');
  const html = addon.ui.sidebars.at(-1) ?? '';
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await connectPageToAddon(page, () => addon);
  await page.route('https://sidebar.test/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('https://sidebar.test/');
  return page;
}

async function callWithToken(token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/campaigns`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
  await response.arrayBuffer();
  return response.status;
}

describe.skipIf(!isChromiumThere)('the admin section of the sidebar, on the built bundle and the real server', () => {
  beforeAll(async () => {
    [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the admin invite a user, create a token shown once that works, revoke it, and deactivate the user', async () => {
    addon = loadAddon({ serverUrl: server.url, email: ADMIN_EMAIL });
    const page = await openSidebar();
    await page.locator('[data-test="admin-panel"]').waitFor();
    await expect(page.locator('[data-test="admin-users"]').textContent()).resolves.toContain('lan.nguyen@bookingcenter.vn');

    // Invite by email.
    await page.locator('#admin-invite-email').fill('Thu.Vo@agency.vn');
    await page.locator('#admin-invite-name').fill('Võ Anh Thư');
    await page.locator('#admin-invite-role').selectOption('lead');
    await page.locator('[data-test="admin-invite-send"]').click();
    await page.getByText(`Added ${INVITED}. They sign in with that Google account.`).waitFor();
    await expect(page.locator(`[data-test="admin-user"][data-email="${INVITED}"] select`).inputValue()).resolves.toBe('lead');
    const listed = await server.api<{ users: Array<{ email: string; role: string }> }>('GET', '/api/v1/admin/users');
    expect(listed.body.users).toContainEqual(expect.objectContaining({ email: INVITED, role: 'lead' }));

    // A token for them: shown once, with the hint to copy it.
    await page.locator('#admin-token-user').selectOption(INVITED);
    await page.locator('#admin-token-name').fill('Looker Studio report');
    await page.locator('[data-test="admin-create-token"]').click();
    await page.locator('[data-test="admin-created-token"]').waitFor();
    await expect(page.locator('[data-test="admin-created-token"]').textContent()).resolves.toContain('it is shown only once');
    const token = await page.locator('[data-test="admin-token-value"]').inputValue();
    expect(token).toMatch(/^bc_/);
    expect(await callWithToken(token)).toBe(200);
    await page.locator('[data-test="admin-dismiss-token"]').click();
    await page.locator('[data-test="admin-created-token"]').waitFor({ state: 'detached' });
    expect(await page.locator('#app').innerHTML()).not.toContain(token);

    // Listed by its prefix and name only; revoked, it stops working.
    const row = page.locator(`[data-test="admin-token"][data-prefix="${token.slice(0, 12)}"]`);
    await expect(row.textContent()).resolves.toContain('Looker Studio report');
    await row.locator('[data-test="admin-revoke"]').click();
    await page.getByText(`Revoked ${token.slice(0, 12)}…`).waitFor();
    await expect(row.locator('[data-test="admin-token-state"]').textContent()).resolves.toBe('revoked');
    expect(await callWithToken(token)).toBe(401);

    // Deactivate the invited user.
    await page.locator(`[data-test="admin-user"][data-email="${INVITED}"] [data-test="admin-deactivate"]`).click();
    await page.getByText(`${INVITED} updated.`).waitFor();
    await page.locator(`[data-test="admin-user"][data-email="${INVITED}"] [data-test="admin-reactivate"]`).waitFor();
    const after = await server.api<{ users: Array<{ email: string; isActive: boolean }> }>('GET', '/api/v1/admin/users');
    expect(after.body.users).toContainEqual(expect.objectContaining({ email: INVITED, isActive: false }));

    // The last admin's own row refuses to be deactivated, with the server's words.
    await page.locator('[data-test="admin-user"][data-email="lan.nguyen@bookingcenter.vn"] [data-test="admin-deactivate"]').click();
    await page.getByText(/last active admin of this tenant/).first().waitFor();
    await page.close();
  });

  it('shows a viewer no admin section', async () => {
    addon = loadAddon({ serverUrl: server.url, email: VIEWER_EMAIL });
    const page = await openSidebar();
    await page.locator('body[data-admin-panel="none"]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-test="admin-panel"]').count()).resolves.toBe(0);
    expect(await page.locator('#app').innerText()).not.toMatch(/API tokens|Invite by email/);
    await page.close();
  });
});

/**
 * The interactive docs at /docs (swagger-ui, served by the server itself) in headless Chromium:
 * what a script author sees when trying the upload. The app is built in process without a
 * database; the docs and /openapi.json read none.
 *
 * Chromium: /usr/bin/chromium (Debian's package; .ci/install-browser installs it) or CHROMIUM_PATH.
 * Without it these tests are skipped, with a message saying so.
 */
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../sync-server/src/app.js';
import { readServerConfig } from '../../sync-server/src/config.js';
import type { Database } from '../../sync-server/src/platform/database/open-database.js';
import { openSharedStore, type SharedStore } from '../../sync-server/src/platform/http/shared-store.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const isChromiumThere = existsSync(executablePath);
if (!isChromiumThere) {
  console.warn(`Skipping the /docs browser test: no Chromium at ${executablePath}. Install it (sudo .ci/install-browser) or set CHROMIUM_PATH.`);
}

describe.skipIf(!isChromiumThere)('the interactive docs at /docs in Chromium', () => {
  let sharedStore: SharedStore;
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    sharedStore = await openSharedStore(null);
    const app = createApp({ database: {} as Database, sharedStore, config: readServerConfig({}) });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    await sharedStore?.close();
  });

  it('offers a file picker for the upload once "Try it out" is pressed', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // deepLinking opens the operation named in the address: tag Imports, operationId importFile.
    await page.goto(`${url}/docs#/Imports/importFile`);
    const upload = page.locator('#operations-Imports-importFile');
    await upload.locator('.try-out__btn').click();
    await expect(upload.locator('input[type=file]').count()).resolves.toBe(1);
    // The other fields of the form are there to fill in too.
    await expect(upload.locator('tr[data-property-name]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-property-name')))).resolves.toEqual(['dryRun', 'createMissing', 'table', 'file']);
    expect(errors).toEqual([]);
  });
});

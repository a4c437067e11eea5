/**
 * google.script.run for a built add-on page in Chromium: every call goes to the Node side
 * (`window.__runServer`, which calls Code.js in its vm) and back, as HtmlService does in Sheets.
 * The calls are kept in `window.__calls` for tests that check what the page asked for.
 */
import type { Page } from 'playwright-core';
import type { AddonSandbox } from './addon-harness.js';

/** Runs in the page (serialised by addInitScript): it may use nothing from this module. */
function installStandIn(): void {
  type Bridge = (name: string, args: unknown[]) => Promise<{ value?: unknown; error?: string }>;
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
            const bridge = (globalThis as unknown as { __runServer: Bridge }).__runServer;
            void bridge(property, args).then((answer) => {
              if (answer.error !== undefined) failure?.(new Error(answer.error));
              else success?.(answer.value);
            });
          };
        },
      },
    );
  (globalThis as unknown as { google: unknown }).google = { script: { run: makeRunner() } };
}

/** Wires `page` to whichever sandbox `currentAddon` returns at the time of each call. */
export async function connectPageToAddon(page: Page, currentAddon: () => AddonSandbox): Promise<void> {
  await page.exposeFunction('__runServer', (name: string, args: unknown[]) => {
    try {
      return { value: currentAddon().call(name, ...args) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(installStandIn);
}

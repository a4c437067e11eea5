/**
 * The sidebar's one way to the Apps Script side: google.script.run as a promise. Every view and
 * component calls the add-on's server functions (addon/src/index.ts `entryPoints`) through it.
 */
import type { Language } from '../../i18n.js';

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error | string) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

/** Which page HtmlService served: the sidebar, or the Import file… / Export… dialog. */
export type PageKind = 'campaign' | 'import' | 'export';

declare global {
  interface Window {
    google?: { script: { run: Runner; host?: { close(): void } } };
    __BOOKING_CENTER__?: { view?: PageKind; language?: Language };
  }
}

export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const method = runner[name];
    if (typeof method !== 'function') {
      reject(new Error(`Unknown server function ${name}`));
      return;
    }
    method.apply(runner, args);
  });
}

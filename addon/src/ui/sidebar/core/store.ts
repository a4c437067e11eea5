/**
 * What every part of the page shares: the planner's language and currency, the busy mark, the
 * toast, and the redraw. Each view keeps its own state in its own file; this is only the common
 * ground. The page is one HTML string redrawn from state: `render()` asks for a redraw, and
 * asks made in the same turn (a state change, then a notice) draw once.
 */
import { type Language, type MessageKey, languageFromLocale, translate, useCurrentLanguage } from '../../i18n.js';

export type Notice = { kind: 'info' | 'error'; text: string };

export type SharedState = {
  language: Language;
  /** The planner's own choice; null: the spreadsheet's locale (or the tenant's) decides. */
  chosenLanguage: Language | null;
  /** The tenant's base currency, in which the server gives every total. */
  baseCurrency: string;
  isBusy: boolean;
  notice: Notice | null;
};

export const shared: SharedState = {
  language: languageFromLocale(navigator.language) ?? 'en',
  chosenLanguage: null,
  baseCurrency: 'VND',
  isBusy: false,
  notice: null,
};

export const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(shared.language, key, params);
// Contract code bundled into the page (enum labels, rule texts) speaks the sidebar's language.
useCurrentLanguage(() => shared.language);

let drawPage: () => void = () => undefined;
let isDrawQueued = false;

/** The entry point says once how the whole page is drawn. */
export function setPageRenderer(draw: () => void): void {
  drawPage = draw;
}

/** Redraws the page at the end of this turn (once, however many parts asked). */
export function render(): void {
  if (isDrawQueued) return;
  isDrawQueued = true;
  queueMicrotask(() => {
    isDrawQueued = false;
    drawPage();
  });
}

export function notify(kind: Notice['kind'], text: string): void {
  shared.notice = { kind, text };
  render();
}

/** A failed call: the busy mark goes, the error shows as it came (the server's words). */
export function fail(error: unknown): void {
  shared.isBusy = false;
  notify('error', error instanceof Error ? error.message : String(error));
}

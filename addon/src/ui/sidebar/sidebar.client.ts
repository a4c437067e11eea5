/**
 * The sidebar page (runs in the browser, inside HtmlService's iframe), and the Import file… /
 * Export… dialogs, which are the same page. Plain DOM, no framework: the page is one HTML string
 * redrawn from state after every answer of google.script.run.
 *
 * This file only wires things: it picks the view (views/, through the registry) for the page
 * and the sheet's selection, draws the toast, the view and the admins' section, hands clicks,
 * changes and keys to them, and handles the language menu every sidebar view shows.
 *
 *   core/        bridge (google.script.run), shared state and redraw, formats
 *   components/  pieces of views: status moves, pickers, budget & KPI, history, tabs…
 *   views/       one file per view; adding a view is one file and one import below
 */
import type { SidebarContext } from '../campaign-actions.js';
import { type Language, LANGUAGE_NAMES } from '../i18n.js';
import { createAdminPanel } from './admin-panel.client.js';
import { type PageKind, call } from './core/bridge.js';
import { escapeHtml } from './core/format.js';
import { fail, notify, render, setPageRenderer, shared, t } from './core/store.js';
import { type SidebarView, pickView } from './views/view-registry.js';
// The views register themselves, most specific first (the campaign view takes any selection).
import './views/files-view.js';
import './views/booking-view.js';
import './views/campaign-view.js';

const root = document.getElementById('app') as HTMLElement;
let page: PageKind = 'campaign';
let view: SidebarView = pickView(page, null);

// The admins' section (users, roles, API tokens), below the sidebar's view: its own file.
const adminPanel = createAdminPanel({ call, t, render, notify });

function renderNotice(): string {
  if (!shared.notice) return '';
  return `<div class="toast ${shared.notice.kind}" role="status">${escapeHtml(shared.notice.text)}</div>`;
}

setPageRenderer(() => {
  root.innerHTML = renderNotice() + view.render() + (page === 'campaign' ? adminPanel.render() : '');
});

root.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  if (page === 'campaign' && adminPanel.handleClick(target, root)) return;
  view.handleClick(target, root);
});

root.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target.id === 'language-select') {
    const value = (target as HTMLSelectElement).value;
    void chooseLanguage(value === '' ? null : (value as Language));
    return;
  }
  if (page === 'campaign' && adminPanel.handleChange(target, root)) return;
  view.handleChange(target, root);
});

root.addEventListener('keydown', (event) => {
  view.handleKeydown(event, root);
});

function applyContext(context: SidebarContext): void {
  shared.language = context.language;
  shared.chosenLanguage = context.chosenLanguage;
  shared.baseCurrency = context.baseCurrency ?? shared.baseCurrency;
  document.documentElement.lang = context.language;
}

async function chooseLanguage(language: Language | null): Promise<void> {
  try {
    applyContext(await call<SidebarContext>('chooseLanguage', language));
    shared.notice = { kind: 'info', text: t('language.saved', { language: LANGUAGE_NAMES[shared.language] }) };
    if (view.refresh) await view.refresh();
    else render();
  } catch (error) {
    fail(error);
  }
}

async function start(): Promise<void> {
  // HtmlService appends the boot tag after this script, so it is read once the page is parsed.
  const boot = window.__BOOKING_CENTER__ ?? {};
  if (boot.language) shared.language = boot.language;
  page = boot.view ?? 'campaign';
  view = pickView(page, null);
  if (page !== 'campaign') {
    await view.open(null);
    return;
  }
  render();
  void adminPanel.load();
  try {
    const context = await call<SidebarContext>('getSidebarContext');
    applyContext(context);
    view = pickView(page, context);
    await view.open(context);
  } catch (error) {
    fail(error);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();

/**
 * The "Booking Center" menu and the windows it opens. Menu items name global functions, which
 * the build generates from index.ts (see scripts/build-addon.ts).
 */
import { checkServerUrl, PROPERTY_KEYS } from '../sync-client/server-settings.js';
import { readServerUrl } from '../sync-client/gas-http.js';
import { type MessageKey } from './i18n.js';
import { type PullSummary, type PushSummary, type SetUpSummary, currentLanguage, message, pullChanges, pushChanges, setUpSheets } from './sync-actions.js';

/** The sidebar page built by the add-on build: addon/dist/sidebar.html. */
export const SIDEBAR_FILE = 'sidebar';

export type SidebarView = 'campaign' | 'import' | 'export';

export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  const t = (key: MessageKey): string => message(key);
  ui.createMenu(t('menu.title'))
    .addItem(t('menu.openSidebar'), 'showSidebar')
    .addSeparator()
    .addItem(t('menu.setUp'), 'menuSetUpSheets')
    .addItem(t('menu.pull'), 'menuPull')
    .addItem(t('menu.push'), 'menuPush')
    .addItem(t('menu.validate'), 'menuValidate')
    .addSeparator()
    .addItem(t('menu.import'), 'showImportDialog')
    .addItem(t('menu.export'), 'showExportDialog')
    .addSeparator()
    .addItem(t('menu.settings'), 'showSettings')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

function pageFor(view: SidebarView): GoogleAppsScript.HTML.HtmlOutput {
  // The page reads its view and language from this tag before its first paint.
  return HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE)
    .append(`<script>window.__BOOKING_CENTER__=${JSON.stringify({ view, language: currentLanguage() })};</script>`)
    .setTitle(message('menu.title'));
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(pageFor('campaign'));
}

export function showImportDialog(): void {
  SpreadsheetApp.getUi().showModalDialog(pageFor('import').setWidth(520).setHeight(420), message('import.title'));
}

export function showExportDialog(): void {
  SpreadsheetApp.getUi().showModalDialog(pageFor('export').setWidth(520).setHeight(360), message('export.title'));
}

// Menu items ignore what they return; the summaries are for tests and logs.
export function menuSetUpSheets(): SetUpSummary {
  return setUpSheets();
}

export function menuPull(): PullSummary {
  return pullChanges();
}

export function menuPush(): PushSummary {
  return pushChanges();
}

export function menuValidate(): PushSummary {
  return pushChanges({ dryRun: true });
}

/** Settings: the server URL goes to document properties, never into a cell. */
export function showSettings(): void {
  const ui = SpreadsheetApp.getUi();
  const current = readServerUrl();
  const prompt = message('settings.prompt') + (current ? `\n\n${message('settings.current', { url: current })}` : '');
  const answer = ui.prompt(message('menu.settings'), prompt, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const saved = saveServerUrl(answer.getResponseText());
  ui.alert(saved.message);
}

export function saveServerUrl(input: string): { isSaved: boolean; message: string } {
  const check = checkServerUrl(input);
  if (!check.isValid) return { isSaved: false, message: message(`settings.invalid.${check.reason}`) };
  const properties = PropertiesService.getDocumentProperties();
  if (properties.getProperty(PROPERTY_KEYS.serverUrl) !== check.url) properties.deleteProperty(PROPERTY_KEYS.pullCursor);
  properties.setProperty(PROPERTY_KEYS.serverUrl, check.url);
  return { isSaved: true, message: message('settings.saved') };
}



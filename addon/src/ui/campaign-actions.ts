/**
 * What the sidebar calls through google.script.run: the campaign command center (detail,
 * transitions, duplicate, postmortem) and the creator and product pickers. Values returned
 * here cross to the browser as JSON.
 */
import { renderPostmortem, setBriefSection } from '../../../sync-server/src/contract/campaigns/campaign-brief.js';
import type {
  CampaignDetail,
  CampaignStatus,
  CampaignTransitions,
  CreatorRole,
  CreatorSearchQuery,
  CreatorSearchResponse,
  ProductSearchQuery,
  ProductSearchResponse,
  TablePayload,
} from '../../../sync-server/src/contract/sync-payloads.js';
import { type Grid, type SheetCell, locateColumns } from '../sheets/sheet-columns.js';
import { openSyncApi } from '../sync-client/gas-http.js';
import { tableDefinitions } from '../../../sync-server/src/contract/tables.js';
import { type Language, LANGUAGES, isLanguage } from './i18n.js';
import { baseCurrency, chosenLanguage, rememberTenantSettings, storeChosenLanguage } from './language.js';
import { activeSpreadsheet, findTab, readTab, writeTab } from './spreadsheet-tabs.js';
import { type PushSummary, currentLanguage, loadTables, message, pullChanges, pushChanges, reportFailures } from './sync-actions.js';

export type CampaignView = { detail: CampaignDetail; transitions: CampaignTransitions };
export type SidebarContext = {
  language: Language;
  /** The planner's own choice of language; null when the spreadsheet's locale decides. */
  chosenLanguage: Language | null;
  /** The tenant's base currency, as the server last said; totals are in it. */
  baseCurrency?: string;
  campaignCode: string | null;
  /** The booking of the selected row: its code on Bookings, its booking_code on Deliverables, Videos, Payments. */
  bookingCode: string | null;
};

const CAMPAIGNS = 'campaigns';

/** The Campaigns tab under any of the names Set up sheets gives it, in any of our languages. */
const campaignTabNames = (() => {
  const label = tableDefinitions.find((definition) => definition.name === CAMPAIGNS)?.label;
  return [CAMPAIGNS, ...LANGUAGES.map((language) => label?.[language as keyof typeof label])].filter((name): name is string => Boolean(name)).map((name) => name.toLowerCase());
})();
const CAMPAIGN_CREATORS = 'campaign_creators';
const CAMPAIGN_PRODUCTS = 'campaign_products';

function tableNamed(tables: readonly TablePayload[], name: string): TablePayload {
  const table = tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`The sync server has no table "${name}".`);
  return table;
}

/** The campaign of the selected row: its code on Campaigns, its campaign_code on a mapping tab. */
export function getSidebarContext(): SidebarContext {
  const sheet = activeSpreadsheet().getActiveSheet();
  const row = sheet.getActiveRange()?.getRow() ?? 1;
  let campaignCode: string | null = null;
  let bookingCode: string | null = null;
  if (row > 1) {
    const width = Math.max(sheet.getLastColumn(), 1);
    const [header = [], values = []] = [sheet.getRange(1, 1, 1, width).getValues()[0], sheet.getRange(row, 1, 1, width).getValues()[0]];
    const names = header.map((cell) => String(cell).trim().toLowerCase());
    const isCampaignsTab = campaignTabNames.includes(sheet.getName().trim().toLowerCase()) && !names.includes('campaign_code');
    const index = isCampaignsTab ? names.indexOf('code') : names.indexOf('campaign_code');
    const value = index >= 0 ? String(values[index] ?? '').trim() : '';
    campaignCode = value === '' ? null : value;
    // The Bookings tab is the one with a booking_type column; the tabs under it name their booking.
    const bookingIndex = names.includes('booking_type') ? names.indexOf('code') : names.indexOf('booking_code');
    const booking = bookingIndex >= 0 ? String(values[bookingIndex] ?? '').trim() : '';
    bookingCode = booking === '' ? null : booking;
  }
  return { language: currentLanguage(), chosenLanguage: chosenLanguage(), baseCurrency: baseCurrency(), campaignCode, bookingCode };
}

/**
 * The sidebar's language menu: stores the planner's choice with the add-on (per user) and on the
 * server (so API answers and reports follow it too), then answers the new context.
 */
export function chooseLanguage(language: Language | null): SidebarContext {
  const choice = isLanguage(language) ? language : null;
  storeChosenLanguage(choice);
  reportFailures(() => {
    rememberTenantSettings(openSyncApi().updateMe({ language: choice }));
  });
  return getSidebarContext();
}

export function getCampaignView(code: string): CampaignView {
  return reportFailures(() => {
    const api = openSyncApi();
    return { detail: api.getCampaign(code), transitions: api.getTransitions(code) };
  });
}

export function transitionCampaign(code: string, to: CampaignStatus, note?: string): CampaignView {
  return reportFailures(() => {
    const api = openSyncApi();
    api.transition(code, note ? { to, note } : { to });
    // Bring the new status and row_version into the tab: the planner's next edit is then no conflict.
    pullChanges();
    return { detail: api.getCampaign(code), transitions: api.getTransitions(code) };
  });
}

export type PostmortemInput = { whatWorked: string; whatDidnt: string; nextTime: string };

/**
 * Finishing needs a postmortem in the brief (000 §6.3). The brief is the campaign's description,
 * edited in the Campaigns tab: the section is written into that cell and pushed, then the status
 * changes, so the sheet, the server and the audit log agree.
 *
 * On a campaign that is finished already (the sidebar's Insights tab, a postmortem left
 * incomplete) only the section is written: insights stay editable on a finished campaign, and
 * the server refuses any other change there, so nothing else moves.
 */
export function finishCampaign(code: string, postmortem: PostmortemInput, note?: string): CampaignView {
  return reportFailures(() => {
    const api = openSyncApi();
    const isFinished = api.getTransitions(code).current === 'finished';
    const table = tableNamed(loadTables(api), CAMPAIGNS);
    const sheet = findTab(activeSpreadsheet(), table);
    if (!sheet) throw new Error(message('sync.missingTab', { tab: table.title }));
    const tab = readTab(sheet, table);
    const codeColumn = tab.map.byName.get('code');
    const descriptionColumn = tab.map.byName.get('description');
    const rowIndex = tab.state.values.findIndex((row, index) => index > 0 && codeColumn !== undefined && String(row[codeColumn] ?? '').trim() === code);
    const row = tab.state.values[rowIndex];
    if (rowIndex < 0 || !row || descriptionColumn === undefined) throw new Error(message('sync.notInSheet', { code }));
    row[descriptionColumn] = setBriefSection(String(row[descriptionColumn] ?? ''), 'postmortem', renderPostmortem(postmortem));
    writeTab(sheet, tab.state);
    const pushed = pushChanges({ only: [CAMPAIGNS] });
    if (pushed.counts.error > 0 || pushed.counts.conflict > 0) throw new Error(message('sync.failed', { message: `${CAMPAIGNS} row ${rowIndex + 1}` }));
    if (!isFinished) api.transition(code, note ? { to: 'finished', note } : { to: 'finished' });
    return { detail: api.getCampaign(code), transitions: api.getTransitions(code) };
  });
}

export function duplicateCampaign(code: string): { code: string; view: CampaignView } {
  return reportFailures(() => {
    const api = openSyncApi();
    const copy = api.duplicate(code);
    // Bring the new campaign and its mapping rows into the tabs.
    pullChanges();
    return { code: copy.code, view: { detail: api.getCampaign(copy.code), transitions: api.getTransitions(copy.code) } };
  });
}

export function searchCreators(query: CreatorSearchQuery): CreatorSearchResponse {
  return reportFailures(() => openSyncApi().searchCreators(query));
}

export function searchProducts(query: ProductSearchQuery): ProductSearchResponse {
  return reportFailures(() => openSyncApi().searchProducts(query));
}

export type PickerResult = { added: number; skipped: number; push: PushSummary; view: CampaignView };

/**
 * Appends mapping rows for the picked items (skipping pairs already on the tab) with one read
 * and one write, then pushes that tab only.
 */
function appendMappingRows(tableName: string, code: string, rows: Array<Record<string, SheetCell>>, keyColumns: readonly string[]): { added: number; skipped: number } {
  const api = openSyncApi();
  const table = tableNamed(loadTables(api), tableName);
  const sheet = findTab(activeSpreadsheet(), table);
  if (!sheet) throw new Error(message('sync.missingTab', { tab: table.title }));
  const tab = readTab(sheet, table);
  const map = locateColumns(table, tab.state.values[0] ?? []);
  const width = (tab.state.values[0] ?? []).length;
  const keyOf = (get: (name: string) => SheetCell | undefined): string => keyColumns.map((name) => String(get(name) ?? '').trim()).join('\u0001');
  const existing = new Set(
    tab.state.values.slice(1).map((row) => keyOf((name) => {
      const index = map.byName.get(name);
      return index === undefined ? '' : row[index];
    })),
  );
  const values: Grid = tab.state.values.map((row) => row.slice());
  const notes = tab.state.notes.map((row) => row.slice());
  let added = 0;
  let skipped = 0;
  for (const input of rows) {
    const record: Record<string, SheetCell> = { campaign_code: code, ...input };
    const key = keyOf((name) => record[name]);
    if (existing.has(key)) {
      skipped += 1;
      continue;
    }
    existing.add(key);
    const row: SheetCell[] = new Array<SheetCell>(width).fill('');
    for (const [name, value] of Object.entries(record)) {
      const index = map.byName.get(name);
      if (index !== undefined) row[index] = value;
    }
    const status = map.system.status;
    if (status !== undefined) row[status] = '';
    values.push(row);
    notes.push(new Array<string>(width).fill(''));
    added += 1;
  }
  if (added > 0) writeTab(sheet, { values, notes, formulas: tab.state.formulas ?? [] });
  return { added, skipped };
}

export function addCampaignCreators(code: string, creatorKeys: string[], role: CreatorRole, note: string): PickerResult {
  return reportFailures(() => {
    const rows = creatorKeys.map((creatorKey) => ({ creator_key: creatorKey, role, note }));
    const { added, skipped } = appendMappingRows(CAMPAIGN_CREATORS, code, rows, ['campaign_code', 'creator_key']);
    const push = pushChanges({ only: [CAMPAIGN_CREATORS] });
    return { added, skipped, push, view: getCampaignView(code) };
  });
}

export function addCampaignProducts(code: string, products: Array<{ brandCode: string; productCode: string }>, priority: number, note: string): PickerResult {
  return reportFailures(() => {
    const rows = products.map((product) => ({ brand_code: product.brandCode, product_code: product.productCode, priority, note }));
    const { added, skipped } = appendMappingRows(CAMPAIGN_PRODUCTS, code, rows, ['campaign_code', 'brand_code', 'product_code']);
    const push = pushChanges({ only: [CAMPAIGN_PRODUCTS] });
    return { added, skipped, push, view: getCampaignView(code) };
  });
}

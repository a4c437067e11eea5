/**
 * Set up sheets, Pull, Push changes and Validate: the orchestration between tabs, the pure
 * mapping in sheets/ and the sync API. Each returns a summary (tests read it) and tells the
 * planner with a toast.
 */
import type { PushRowResult, RowStatus, TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';
import { tablePayloadSchema } from '../../../sync-server/src/contract/sync-payloads.js';
import { chunkPush } from '../sheets/push-chunks.js';
import { collectPushRows, readSheetRows } from '../sheets/sheet-rows.js';
import { EXECUTION_BUDGET_MS } from '../sheets/sync-failures.js';
import { findTabName, orderByDependencies, planTabLayout } from '../sheets/tab-layout.js';
import { planPullWrites } from '../sheets/pull-writes.js';
import { type PullMerge, type SentRow, type TabState, type WriteLabels, applyPushResults, describeSentRows, resolveConflictChoices, startPullMerge } from '../sheets/tab-writes.js';
import { PROPERTY_KEYS } from '../sync-client/server-settings.js';
import { type SyncApi, SyncError } from '../sync-client/sync-api.js';
import { openSyncApi, withDocumentLock } from '../sync-client/gas-http.js';
import { type Language, type MessageKey, translate } from './i18n.js';
import { currentLanguage, rememberTenantSettings } from './language.js';
import { tableTitle } from '../sheets/localized-labels.js';
import { activeSpreadsheet, applyLayout, findTab, readTab, referenceRange, writeTab } from './spreadsheet-tabs.js';

const TABLES_CACHE_KEY = 'booking-center.tables';
/** 20 pages of 5,000 rows per table: more than a spreadsheet holds comfortably; the next pull goes on. */
const MAX_PULL_PAGES = 20;

export { currentLanguage };

export function message(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(currentLanguage(), key, params);
}

export function writeLabels(language: Language): WriteLabels {
  const t = (key: MessageKey): string => translate(language, key);
  return {
    // Status words stay English: they are also what a planner picks in the dropdown.
    status: { created: 'created', updated: 'updated', unchanged: 'unchanged', deleted: 'deleted', conflict: 'conflict', error: 'error' },
    dryRunPrefix: t('write.dryRunPrefix'),
    notSavedPrefix: t('write.notSavedPrefix'),
    notSavedHelp: t('write.notSavedHelp'),
    serverValue: t('write.serverValue'),
    conflictHelp: t('write.conflictHelp'),
    deletedOnServer: t('write.deletedOnServer'),
    language,
  };
}

/** Table definitions change only with a server release: cache them for ten minutes. */
export function loadTables(api: SyncApi, refresh = false): TablePayload[] {
  const cache = CacheService.getDocumentCache();
  if (cache && !refresh) {
    const cached = cache.get(TABLES_CACHE_KEY);
    if (cached) {
      const parsed = tablePayloadSchema.array().safeParse(JSON.parse(cached));
      if (parsed.success) return parsed.data;
    }
  }
  const tables = api.getTables();
  try {
    cache?.put(TABLES_CACHE_KEY, JSON.stringify(tables), 600);
  } catch {
    // Larger than a cache entry allows: fetch each time instead.
  }
  return tables;
}

function toast(text: string): void {
  activeSpreadsheet().toast(text, 'Booking Center', 8);
}

/** Runs an action and turns a sync failure into a plain toast and a thrown message. */
export function reportFailures<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    const text = error instanceof SyncError || error instanceof Error ? error.message : String(error);
    toast(message('sync.failed', { message: text }));
    throw error instanceof Error ? error : new Error(text);
  }
}

export type SetUpSummary = { created: string[]; repaired: string[]; unchanged: string[] };

export function setUpSheets(): SetUpSummary {
  return reportFailures(() => {
    const api = openSyncApi();
    const tables = orderByDependencies(loadTables(api, true));
    // The tenant's language (for a sheet in a locale we don't speak) and base currency, kept with the sheet.
    rememberTenantSettings(api.getMe());
    const spreadsheet = activeSpreadsheet();
    const language = currentLanguage();
    const summary: SetUpSummary = { created: [], repaired: [], unchanged: [] };
    // Create every tab first, so reference dropdowns can point at tabs created later in the list.
    const sheets = tables.map((table) => {
      const existing = findTab(spreadsheet, table);
      if (existing) return { table, sheet: existing, isNew: false };
      const title = tableTitle(table, language);
      return { table, sheet: spreadsheet.insertSheet(findTabName(table, [title]) ? title : table.title), isNew: true };
    });
    for (const { table, sheet, isNew } of sheets) {
      const width = Math.max(sheet.getLastColumn(), 1);
      const header = isNew ? [] : (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
      const layout = planTabLayout(table, header, (refTable, refColumn) => referenceRange(spreadsheet, tables, refTable, refColumn), language);
      // Reference dropdowns read the other tabs' headers: write every header before styling.
      sheet.getRange(1, 1, 1, layout.header.length).setValues([layout.header]);
      (isNew ? summary.created : layout.appendedColumns > 0 ? summary.repaired : summary.unchanged).push(table.name);
    }
    for (const { table, sheet } of sheets) {
      const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] ?? [];
      applyLayout(sheet, planTabLayout(table, header, (refTable, refColumn) => referenceRange(spreadsheet, tables, refTable, refColumn), language));
    }
    // A new tab needs every row: the next pull starts from scratch.
    if (summary.created.length > 0 || summary.repaired.length > 0) PropertiesService.getDocumentProperties().deleteProperty(PROPERTY_KEYS.pullCursor);
    toast(message('sync.setUpDone', { created: summary.created.length, repaired: summary.repaired.length }));
    return summary;
  });
}

export type PullSummary = {
  updated: number;
  added: number;
  removed: number;
  conflicts: number;
  cursor: string;
  /** Pages of changes applied by this pull. */
  pages: number;
  /** The time budget (or the page cap) ran out first: the next pull continues from `cursor`. */
  hasMore: boolean;
};

/** A tab a pull is writing into: read once on its first rows, written once at the end. */
type PullingTab = { sheet: GoogleAppsScript.Spreadsheet.Sheet; read: TabState; merge: PullMerge };

/** Writes the rows a pull changed: one getRange + setValues (+ setNotes) per block of rows. */
function writePulledRows(tab: PullingTab): void {
  for (const block of planPullWrites(tab.read, tab.merge.changes())) {
    const range = tab.sheet.getRange(block.firstRow, 1, block.values.length, block.values[0]?.length ?? 1);
    range.setValues(block.values);
    if (block.notes) range.setNotes(block.notes);
  }
}

/**
 * Pulls what changed on the server since the last pull. Each tab is read once and every page is
 * merged into it in memory; only the rows that changed are written back, after the last page.
 * Like a push, a pull stops asking for pages when the execution budget is spent: the cursor
 * saved is that of the last page applied, and the next pull continues from there.
 */
export function pullChanges(): PullSummary {
  return reportFailures(() =>
    withDocumentLock(() => {
      const started = Date.now();
      const api = openSyncApi();
      const spreadsheet = activeSpreadsheet();
      const tables = orderByDependencies(loadTables(api)).filter((table) => findTab(spreadsheet, table));
      const properties = PropertiesService.getDocumentProperties();
      const since = properties.getProperty(PROPERTY_KEYS.pullCursor) ?? undefined;
      const labels = writeLabels(currentLanguage());
      const summary: PullSummary = { updated: 0, added: 0, removed: 0, conflicts: 0, cursor: since ?? '', pages: 0, hasMore: false };
      const tabs = new Map<string, PullingTab>();
      let cursor = since;
      // The server sends at most a page per table; a big first pull takes a few pages.
      for (let page = 0; ; page += 1) {
        if (page >= MAX_PULL_PAGES || Date.now() - started > EXECUTION_BUDGET_MS) {
          summary.hasMore = true;
          break;
        }
        const response = api.pull(tables.map((table) => table.name), cursor);
        for (const pulled of response.tables) {
          const table = tables.find((candidate) => candidate.name === pulled.table);
          if (!table || pulled.rows.length === 0) continue;
          let tab = tabs.get(table.name);
          if (!tab) {
            const sheet = findTab(spreadsheet, table);
            if (!sheet) continue;
            const read = readTab(sheet, table);
            tab = { sheet, read: read.state, merge: startPullMerge(table, read.map, read.state, labels) };
            tabs.set(table.name, tab);
          }
          const merged = tab.merge.apply(pulled.rows);
          summary.updated += merged.updated;
          summary.added += merged.added;
          summary.removed += merged.removed;
          summary.conflicts += merged.conflicts;
        }
        cursor = response.cursor;
        summary.cursor = response.cursor;
        summary.pages += 1;
        if (!response.hasMore) break;
      }
      for (const tab of tabs.values()) writePulledRows(tab);
      // Only once the rows are in the sheet: a pull that fails while writing is simply redone.
      if (summary.pages > 0) properties.setProperty(PROPERTY_KEYS.pullCursor, summary.cursor);
      toast(message('sync.pullDone', { updated: summary.updated, added: summary.added, removed: summary.removed, conflicts: summary.conflicts }) + (summary.hasMore ? ` ${message('sync.pullPartial')}` : ''));
      return summary;
    }, message('sync.busy')),
  );
}

export type PushSummary = {
  dryRun: boolean;
  counts: Record<RowStatus, number>;
  /** Rows left unsent because the execution budget ran out; the next push sends them. */
  pending: number;
  requests: number;
  /** Rows the server checked but did not save because another row of the same request failed. */
  unsaved: number;
};

/** Pushes the changed rows of every tab (or of the named tables only) and writes results back. */
export function pushChanges(options: { dryRun?: boolean; only?: readonly string[] } = {}): PushSummary {
  const dryRun = options.dryRun ?? false;
  return reportFailures(() =>
    withDocumentLock(() => {
      const started = Date.now();
      const api = openSyncApi();
      const spreadsheet = activeSpreadsheet();
      const tables = orderByDependencies(loadTables(api)).filter((table) => !options.only || options.only.includes(table.name));
      const labels = writeLabels(currentLanguage());

      const plans = [];
      const sentByTable = new Map<string, Map<number, SentRow>>();
      const resolvedTabs = new Set<string>();
      for (const table of tables) {
        const sheet = findTab(spreadsheet, table);
        if (!sheet) continue;
        const tab = readTab(sheet, table);
        const { state, resolved } = dryRun ? { state: tab.state, resolved: 0 } : resolveConflictChoices(table, tab.map, tab.state, labels.language);
        if (resolved > 0) resolvedTabs.add(table.name);
        const rows = readSheetRows(table, tab.map, state.values);
        const plan = collectPushRows(table, rows);
        if (plan.rows.length + plan.deletions.length === 0) continue;
        plans.push(plan);
        sentByTable.set(table.name, describeSentRows(table, rows, new Set([...plan.rows, ...plan.deletions].map((row) => row.rowNumber))));
      }

      const counts: Record<RowStatus, number> = { created: 0, updated: 0, unchanged: 0, deleted: 0, conflict: 0, error: 0 };
      const resultsByTable = new Map<string, PushRowResult[]>();
      const unsavedByTable = new Map<string, Set<number>>();
      let unsaved = 0;
      const chunks = chunkPush(plans, { baseKey: Utilities.getUuid(), dryRun });
      let pending = 0;
      let requests = 0;
      for (const chunk of chunks) {
        if (Date.now() - started > EXECUTION_BUDGET_MS) {
          pending += chunk.tables.reduce((sum, table) => sum + table.rows.length + (table.deletions?.length ?? 0), 0);
          continue;
        }
        const response = api.push(chunk);
        requests += 1;
        // The server writes a request whole or not at all: with one row in error, nothing of it was saved.
        const isRolledBack = !dryRun && !response.applied;
        for (const table of response.tables) {
          const list = resultsByTable.get(table.table) ?? [];
          list.push(...table.results);
          resultsByTable.set(table.table, list);
          for (const result of table.results) {
            if (isRolledBack && result.status !== 'error' && result.status !== 'conflict') {
              const rows = unsavedByTable.get(table.table) ?? new Set<number>();
              rows.add(result.rowNumber);
              unsavedByTable.set(table.table, rows);
              unsaved += 1;
            } else {
              counts[result.status] += 1;
            }
          }
        }
      }

      for (const table of tables) {
        const results = resultsByTable.get(table.name);
        if (!results && !resolvedTabs.has(table.name)) continue;
        const sheet = findTab(spreadsheet, table);
        if (!sheet) continue;
        // Read again: the planner may have typed while the requests ran.
        const fresh = readTab(sheet, table);
        const base = dryRun ? fresh.state : resolveConflictChoices(table, fresh.map, fresh.state, labels.language).state;
        const sent = sentByTable.get(table.name);
        const unsavedRows = unsavedByTable.get(table.name);
        const written = applyPushResults(table, fresh.map, base, results ?? [], { dryRun, labels, ...(sent ? { sent } : {}), ...(unsavedRows ? { unsaved: unsavedRows } : {}) });
        writeTab(sheet, written);
      }

      const summary: PushSummary = { dryRun, counts, pending, requests, unsaved };
      if (chunks.length === 0 && resolvedTabs.size === 0) toast(message('sync.nothing'));
      else if (dryRun) toast(message('sync.validateDone', { ok: counts.created + counts.updated + counts.unchanged + counts.deleted, error: counts.error, conflict: counts.conflict }));
      else if (unsaved > 0) toast(message('sync.notSaved', { error: counts.error, unsaved }));
      else toast(message('sync.pushDone', counts) + (pending > 0 ? ` ${message('sync.partial', { pending })}` : ''));
      return summary;
    }, message('sync.busy')),
  );
}

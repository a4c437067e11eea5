/**
 * What the Import file… and Export… dialogs call through google.script.run. Files cross to and
 * from the browser as base64: HtmlService passes only JSON-able values.
 */
import type { ImportReport } from '../../../sync-server/src/contract/sync-payloads.js';
import { openSyncApi } from '../sync-client/gas-http.js';
import { tableTitle } from '../sheets/localized-labels.js';
import type { Language } from './i18n.js';
import { getSidebarContext } from './campaign-actions.js';
import { type PullSummary, loadTables, pullChanges, reportFailures } from './sync-actions.js';

export type FileDialogContext = { language: Language; campaignCode: string | null; tables: Array<{ name: string; title: string }> };

export function getFileDialogContext(): FileDialogContext {
  return reportFailures(() => {
    const { language, campaignCode } = getSidebarContext();
    const tables = loadTables(openSyncApi()).map((table) => ({ name: table.name, title: tableTitle(table, language) }));
    return { language, campaignCode, tables };
  });
}

export type ImportInput = { fileName: string; base64: string; dryRun: boolean; createMissing: boolean; table?: string };
export type ImportResult = { report: ImportReport; pulled: PullSummary | null };

/** Uploads the file to the import engine; after a real import, pulls so the tabs show the rows. */
export function importFile(input: ImportInput): ImportResult {
  return reportFailures(() => {
    const report = openSyncApi().importFile({
      fileName: input.fileName,
      bytes: Utilities.base64Decode(input.base64),
      dryRun: input.dryRun,
      createMissing: input.createMissing,
      ...(input.table ? { table: input.table } : {}),
    });
    const isAnyCommitted = !report.dryRun && report.files.some((file) => file.isCommitted);
    return { report, pulled: isAnyCommitted ? pullChanges() : null };
  });
}

export type ExportInput =
  | { kind: 'list'; format: 'csv' | 'xlsx'; search?: string; statuses?: string[]; brands?: string[]; dateFrom?: string; dateTo?: string }
  | { kind: 'detail'; format: 'csv' | 'xlsx'; code: string }
  | { kind: 'table'; format: 'csv' | 'xlsx'; table: string };

export type ExportResult = { fileName: string; contentType: string; base64: string; rows: number | null };

function exportPath(input: ExportInput): { path: string; fallbackName: string } {
  const format = `format=${input.format}`;
  switch (input.kind) {
    case 'list': {
      const query = [format];
      if (input.search) query.push(`search=${encodeURIComponent(input.search)}`);
      if (input.statuses && input.statuses.length > 0) query.push(`statuses=${encodeURIComponent(input.statuses.join(','))}`);
      if (input.brands && input.brands.length > 0) query.push(`brand=${encodeURIComponent(input.brands.join(','))}`);
      if (input.dateFrom) query.push(`dateFrom=${encodeURIComponent(input.dateFrom)}`);
      if (input.dateTo) query.push(`dateTo=${encodeURIComponent(input.dateTo)}`);
      return { path: `/api/v1/campaigns/export?${query.join('&')}`, fallbackName: `campaigns.${input.format}` };
    }
    case 'detail':
      return { path: `/api/v1/campaigns/${encodeURIComponent(input.code)}/export?${format}`, fallbackName: `${input.code}.${input.format}` };
    case 'table':
      return { path: `/api/v1/exports/${encodeURIComponent(input.table)}?${format}`, fallbackName: `${input.table}.${input.format}` };
  }
}

/** Downloads an export; the dialog turns the base64 into a file the browser saves. */
export function exportFile(input: ExportInput): ExportResult {
  return reportFailures(() => {
    const { path, fallbackName } = exportPath(input);
    const file = openSyncApi().download(path, fallbackName);
    return { fileName: file.fileName, contentType: file.contentType, base64: Utilities.base64Encode(file.bytes), rows: file.rows };
  });
}

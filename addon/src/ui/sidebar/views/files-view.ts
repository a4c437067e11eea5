/**
 * The Import file… and Export… dialogs (the same page, served by showImportDialog and
 * showExportDialog): import checks a CSV/XLSX file first and shows its problems by row and
 * column; export downloads the campaign list (with filters), the selected campaign, or a table.
 */
import { enumValues } from '../../../../../sync-server/src/contract/enums.js';
import type { ImportReport } from '../../../../../sync-server/src/contract/sync-payloads.js';
import type { ExportInput, ExportResult, FileDialogContext, ImportResult } from '../../file-actions.js';
import { call } from '../core/bridge.js';
import { escapeHtml, statusLabel } from '../core/format.js';
import { fail, notify, render, shared, t } from '../core/store.js';
import { registerView } from './view-registry.js';

type FileDialog = {
  context: FileDialogContext | null;
  /** Kept here: every render replaces the file input, which would forget the chosen file. */
  file: File | null;
  report: ImportReport | null;
  table: string;
  isCreatingMissing: boolean;
  format: 'csv' | 'xlsx';
  exportTable: string;
  /** The campaign list export's filters, as the list API reads them (empty = no filter). */
  listFilters: { search: string; statuses: string[]; brands: string; dateFrom: string; dateTo: string };
};

const files: FileDialog = {
  context: null,
  file: null,
  report: null,
  table: '',
  isCreatingMissing: false,
  format: 'xlsx',
  exportTable: 'campaigns',
  listFilters: { search: '', statuses: [], brands: '', dateFrom: '', dateTo: '' },
};

let page: 'import' | 'export' = 'import';

// ---------------------------------------------------------------------------- rendering

function renderImportReport(report: ImportReport): string {
  const reported = report.files
    .map((file) => {
      const totals = t('import.totals', { rows: file.totals.rows, created: file.totals.created, updated: file.totals.updated, unchanged: file.totals.unchanged, errors: file.totals.errors });
      const verdict = report.dryRun ? (file.totals.errors === 0 ? t('import.checkedOk') : t('import.checkedErrors')) : file.isCommitted ? t('import.committed') : t('import.notCommitted');
      const problems = file.problems
        .slice(0, 50)
        .map((problem) => {
          const where = [problem.row === null ? '' : t('import.row', { row: problem.row }), problem.column ?? ''].filter(Boolean).join(' · ');
          return `<li>${where ? `<strong>${escapeHtml(where)}</strong>` : ''}<span class="reason">${escapeHtml(problem.message)}</span></li>`;
        })
        .join('');
      const omitted = file.problems.length > 50 || (file.problemsOmitted ?? 0) > 0 ? `<li>${escapeHtml(t('import.more', { count: file.problems.length - Math.min(file.problems.length, 50) + (file.problemsOmitted ?? 0) }))}</li>` : '';
      const tone = file.totals.errors > 0 ? 'error' : 'info';
      return `<div class="import-file" data-test="import-file"><div><strong>${escapeHtml(file.fileLabel)}</strong> — <span class="verdict ${tone}">${escapeHtml(verdict)}</span></div>
        <div class="sub">${escapeHtml(totals)}</div>${problems || omitted ? `<ul class="blocked" data-test="import-problems">${problems}${omitted}</ul>` : ''}</div>`;
    })
    .join('');
  return `<div class="card" data-test="import-report"><h2>${escapeHtml(report.dryRun ? t('import.checkTitle') : t('import.resultTitle'))}</h2>${reported}</div>`;
}

function tableOptions(selected: string, withAuto: boolean): string {
  const tables = files.context?.tables ?? [];
  const auto = withAuto ? `<option value="" ${selected === '' ? 'selected' : ''}>${escapeHtml(t('import.fromFileName'))}</option>` : '';
  return auto + tables.map((table) => `<option value="${escapeHtml(table.name)}" ${selected === table.name ? 'selected' : ''}>${escapeHtml(table.title)}</option>`).join('');
}

function renderImport(): string {
  const busy = shared.isBusy ? 'disabled' : '';
  return `<div class="card"><h2>${escapeHtml(t('import.title'))}</h2><p class="sub">${escapeHtml(t('import.help'))}</p>
      <input type="file" id="import-file" accept=".csv,.xlsx" data-test="import-input" class="file-input" />
      ${files.file ? `<div class="sub" data-test="import-chosen">${escapeHtml(t('import.chosen', { file: files.file.name }))}</div>` : ''}
      <label for="import-table">${escapeHtml(t('import.table'))}</label>
      <select id="import-table" data-file-field="table">${tableOptions(files.table, true)}</select>
      <label class="check"><input type="checkbox" data-file-field="createMissing" ${files.isCreatingMissing ? 'checked' : ''} /> ${escapeHtml(t('import.createMissing'))}</label>
      <div class="transitions" style="justify-content:flex-end">
        <button class="btn" data-action="import" data-dry="true" data-test="import-check" ${busy}>${escapeHtml(t('import.check'))}</button>
        <button class="btn primary" data-action="import" data-dry="false" data-test="import-run" ${busy}>${escapeHtml(t('import.run'))}</button></div></div>
      ${shared.isBusy ? `<div class="loading">${escapeHtml(t('sidebar.loading'))}</div>` : ''}
      ${files.report ? renderImportReport(files.report) : ''}`;
}

/** What the campaign list export keeps: words, statuses, brand codes and a date range (any may stay empty). */
function renderListFilters(filters: FileDialog['listFilters']): string {
  const statuses = enumValues.campaign_status
    .map((status) => `<label class="check"><input type="checkbox" data-file-field="listStatus" value="${status}" ${filters.statuses.includes(status) ? 'checked' : ''} /> ${escapeHtml(statusLabel(status))}</label>`)
    .join('');
  return `<fieldset class="list-filters" data-test="export-filters"><legend>${escapeHtml(t('export.filters'))}</legend>
    <input type="search" data-file-field="listSearch" data-test="export-search" placeholder="${escapeHtml(t('export.search'))}" value="${escapeHtml(filters.search)}" />
    <div class="status-checks">${statuses}</div>
    <label class="small" for="export-brands">${escapeHtml(t('export.brandsLabel'))}</label>
    <input type="text" id="export-brands" data-file-field="listBrands" data-test="export-brands" placeholder="${escapeHtml(t('export.brands'))}" value="${escapeHtml(filters.brands)}" />
    <div class="dates"><label class="small">${escapeHtml(t('export.from'))}<input type="date" data-file-field="listFrom" value="${escapeHtml(filters.dateFrom)}" /></label>
      <label class="small">${escapeHtml(t('export.to'))}<input type="date" data-file-field="listTo" value="${escapeHtml(filters.dateTo)}" /></label></div></fieldset>`;
}

function renderExport(): string {
  const busy = shared.isBusy ? 'disabled' : '';
  const code = files.context?.campaignCode ?? null;
  return `<div class="card"><h2>${escapeHtml(t('export.title'))}</h2><p class="sub">${escapeHtml(t('export.help'))}</p>
    <label for="export-format">${escapeHtml(t('export.format'))}</label>
    <select id="export-format" data-file-field="format"><option value="xlsx" ${files.format === 'xlsx' ? 'selected' : ''}>Excel (.xlsx)</option><option value="csv" ${files.format === 'csv' ? 'selected' : ''}>CSV (.csv)</option></select>
    ${renderListFilters(files.listFilters)}
    <div class="transitions">
      <button class="btn primary" data-action="export" data-kind="list" data-test="export-list" ${busy}>${escapeHtml(t('export.list'))}</button>
      <button class="btn" data-action="export" data-kind="detail" data-test="export-detail" ${code ? busy : 'disabled'}>${escapeHtml(code ? `${t('export.detail')} (${code})` : t('export.detail'))}</button>
    </div>
    <label for="export-table">${escapeHtml(t('export.table'))}</label>
    <div class="transitions"><select id="export-table" data-file-field="exportTable">${tableOptions(files.exportTable, false)}</select>
      <button class="btn" data-action="export" data-kind="table" data-test="export-table" ${busy}>${escapeHtml(t('export.download'))}</button></div></div>`;
}

// ---------------------------------------------------------------------------- actions

function readFileFields(root: HTMLElement): void {
  files.listFilters.statuses = [];
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-file-field]').forEach((field) => {
    const name = field.dataset['fileField'];
    if (name === 'table') files.table = field.value;
    else if (name === 'createMissing') files.isCreatingMissing = (field as HTMLInputElement).checked;
    else if (name === 'format') files.format = field.value === 'csv' ? 'csv' : 'xlsx';
    else if (name === 'exportTable') files.exportTable = field.value;
    else if (name === 'listSearch') files.listFilters.search = field.value;
    else if (name === 'listStatus' && (field as HTMLInputElement).checked) files.listFilters.statuses.push(field.value);
    else if (name === 'listBrands') files.listFilters.brands = field.value;
    else if (name === 'listFrom') files.listFilters.dateFrom = field.value;
    else if (name === 'listTo') files.listFilters.dateTo = field.value;
  });
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

async function runImport(dryRun: boolean): Promise<void> {
  const file = files.file;
  if (!file) {
    notify('error', t('import.chooseFile'));
    return;
  }
  shared.isBusy = true;
  shared.notice = null;
  files.report = null;
  render();
  try {
    const base64 = await readAsBase64(file);
    const result = await call<ImportResult>('importFile', { fileName: file.name, base64, dryRun, createMissing: files.isCreatingMissing, ...(files.table ? { table: files.table } : {}) });
    files.report = result.report;
    shared.isBusy = false;
    if (result.pulled) shared.notice = { kind: 'info', text: t('import.pulled', { added: result.pulled.added, updated: result.pulled.updated }) };
    render();
  } catch (error) {
    fail(error);
  }
}

/** Saves the downloaded file: a Blob URL on a temporary link, clicked. */
function saveFile(result: ExportResult): void {
  const binary = atob(result.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: result.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function listExportInput(): ExportInput {
  const { search, statuses, brands, dateFrom, dateTo } = files.listFilters;
  const brandCodes = brands.split(/[,;\s]+/).map((code) => code.trim()).filter(Boolean);
  return {
    kind: 'list',
    format: files.format,
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(statuses.length ? { statuses } : {}),
    ...(brandCodes.length ? { brands: brandCodes } : {}),
    ...(dateFrom ? { dateFrom } : {}),
    ...(dateTo ? { dateTo } : {}),
  };
}

async function runExport(kind: ExportInput['kind']): Promise<void> {
  const code = files.context?.campaignCode ?? null;
  const input: ExportInput | null =
    kind === 'list' ? listExportInput() : kind === 'detail' ? (code ? { kind, format: files.format, code } : null) : { kind, format: files.format, table: files.exportTable };
  if (!input) return;
  shared.isBusy = true;
  shared.notice = null;
  render();
  try {
    const result = await call<ExportResult>('exportFile', input);
    saveFile(result);
    shared.isBusy = false;
    const saved = result.rows === null ? t('export.savedFile', { file: result.fileName }) : result.rows === 1 ? t('export.savedOne', { file: result.fileName }) : t('export.saved', { file: result.fileName, rows: result.rows });
    notify('info', saved);
  } catch (error) {
    fail(error);
  }
}

registerView({
  id: 'files',
  matches: (kind) => kind === 'import' || kind === 'export',
  async open() {
    page = window.__BOOKING_CENTER__?.view === 'export' ? 'export' : 'import';
    render();
    try {
      files.context = await call<FileDialogContext>('getFileDialogContext');
      shared.language = files.context.language;
      render();
    } catch (error) {
      fail(error);
    }
  },
  render: () => (page === 'import' ? renderImport() : renderExport()),
  handleClick(target, root) {
    const button = target.closest<HTMLElement>('[data-action]');
    if (!button || (button as HTMLButtonElement).disabled) return false;
    const action = button.dataset['action'];
    if (action === 'import') {
      readFileFields(root);
      void runImport(button.dataset['dry'] === 'true');
      return true;
    }
    if (action === 'export') {
      readFileFields(root);
      const kind = button.dataset['kind'];
      void runExport(kind === 'detail' ? 'detail' : kind === 'table' ? 'table' : 'list');
      return true;
    }
    return false;
  },
  handleChange(target, root) {
    const input = target as HTMLInputElement;
    if (input.dataset['fileField'] !== undefined) {
      readFileFields(root);
      return true;
    }
    if (input.id === 'import-file') {
      readFileFields(root);
      files.file = input.files?.[0] ?? null;
      files.report = null;
      shared.notice = null;
      render();
      return true;
    }
    return false;
  },
  handleKeydown: () => false,
});

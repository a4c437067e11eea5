/**
 * The sidebar page (runs in the browser, inside HtmlService's iframe): the campaign command
 * center of 000 §6.3 and the pickers of §6.4 and §6.5. Plain DOM, no framework: the page is
 * re-rendered from one state object after every answer of google.script.run.
 */
import type {
  CampaignStatus,
  CreatorRole,
  CreatorSearchQuery,
  CreatorSummary,
  ImportReport,
  ProductSearchQuery,
  ProductSummary,
} from '../../../../sync-server/src/contract/sync-payloads.js';
import { enumValues } from '../../../../sync-server/src/contract/enums.js';
import type { CampaignView, PickerResult, PostmortemInput, SidebarContext } from '../campaign-actions.js';
import type { ExportInput, ExportResult, FileDialogContext, ImportResult } from '../file-actions.js';
import {
  type Language,
  type MessageKey,
  LANGUAGES,
  LANGUAGE_NAMES,
  formatDate as formatDateIn,
  formatMoney as formatMoneyIn,
  formatNumber as formatNumberIn,
  languageFromLocale,
  translate,
  useCurrentLanguage,
} from '../i18n.js';
import { enumLabel } from '../../../../sync-server/src/contract/i18n/enum-labels.js';
import { createAdminPanel } from './admin-panel.client.js';

// ---------------------------------------------------------------------------- bridge

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error | string) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare global {
  interface Window {
    google?: { script: { run: Runner; host?: { close(): void } } };
    __BOOKING_CENTER__?: { view?: 'campaign' | 'import' | 'export'; language?: Language };
  }
}

/** google.script.run as a promise. */
function call<T>(name: string, ...args: unknown[]): Promise<T> {
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

// ---------------------------------------------------------------------------- state

type Pending = { to: CampaignStatus; note: string; postmortem: PostmortemInput } | null;

type CreatorPicker = {
  kind: 'creators';
  query: CreatorSearchQuery;
  results: CreatorSummary[] | null;
  selected: string[];
  role: CreatorRole;
  note: string;
};
type ProductPicker = {
  kind: 'products';
  query: ProductSearchQuery;
  results: ProductSummary[] | null;
  selected: string[];
  priority: number;
  note: string;
};

type State = {
  language: Language;
  /** The planner's own choice; null: the spreadsheet's locale (or the tenant's) decides. */
  chosenLanguage: Language | null;
  /** The tenant's base currency, in which the server gives every total. */
  baseCurrency: string;
  view: 'campaign' | 'import' | 'export';
  code: string;
  campaign: CampaignView | null;
  isBusy: boolean;
  notice: { kind: 'info' | 'error'; text: string } | null;
  pending: Pending;
  picker: CreatorPicker | ProductPicker | null;
  files: FileDialog;
};

/** The Import file… and Export… dialogs. */
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

const state: State = {
  language: languageFromLocale(navigator.language) ?? 'en',
  chosenLanguage: null,
  baseCurrency: 'VND',
  view: 'campaign',
  code: '',
  campaign: null,
  isBusy: false,
  notice: null,
  pending: null,
  picker: null,
  files: {
    context: null,
    file: null,
    report: null,
    table: '',
    isCreatingMissing: false,
    format: 'xlsx',
    exportTable: 'campaigns',
    listFilters: { search: '', statuses: [], brands: '', dateFrom: '', dateTo: '' },
  },
};

const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(state.language, key, params);
// Contract code bundled into the page (enum labels, rule texts) speaks the sidebar's language.
useCurrentLanguage(() => state.language);

// ---------------------------------------------------------------------------- formatting

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatNumberIn(state.language, value, { maximumFractionDigits: 0 });
}

/** Totals are in the tenant's base currency (VND unless the tenant chose another). */
function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatMoneyIn(state.language, value, state.baseCurrency);
}

function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatNumberIn(state.language, value, { notation: 'compact', maximumFractionDigits: 1 });
}

function formatDate(iso: string | null): string {
  return iso ? formatDateIn(state.language, iso) : '';
}

function statusLabel(status: CampaignStatus): string {
  return t(`status.${status}` as MessageKey);
}

function badge(status: CampaignStatus): string {
  return `<span class="badge status-${status}" data-test="status-badge">${escapeHtml(statusLabel(status))}</span>`;
}

// ---------------------------------------------------------------------------- rendering

function renderNotice(): string {
  if (!state.notice) return '';
  return `<div class="toast ${state.notice.kind}" role="status">${escapeHtml(state.notice.text)}</div>`;
}

function renderToolbar(): string {
  return `<div class="toolbar">
    <input type="search" id="code-input" placeholder="${escapeHtml(t('sidebar.pickCampaign'))}" value="${escapeHtml(state.code)}" />
    <button class="btn" data-action="load">${escapeHtml(t('sidebar.load'))}</button>
  </div>${renderLanguageChoice()}`;
}

/** The planner's language, kept per user: it follows them to every spreadsheet. */
function renderLanguageChoice(): string {
  const options = [
    `<option value=""${state.chosenLanguage === null ? ' selected' : ''}>${escapeHtml(t('language.followSheet'))}</option>`,
    ...LANGUAGES.map((language) => `<option value="${language}" lang="${language}"${state.chosenLanguage === language ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[language])}</option>`),
  ];
  return `<label class="language-choice">${escapeHtml(t('language.label'))} <select id="language-select" data-test="language-select">${options.join('')}</select></label>`;
}

function renderHero(view: CampaignView): string {
  const { detail } = view;
  const dates = detail.startDate || detail.endDate ? `${formatDate(detail.startDate)} → ${formatDate(detail.endDate)}` : t('sidebar.noDates');
  const progress = detail.progressPercent ?? null;
  return `<div class="card hero">
    <div class="code">${escapeHtml(detail.code)} · ${escapeHtml(detail.brandName ?? detail.brandCode)} · ${escapeHtml(enumLabel('campaign_channel', detail.channel, state.language))} · ${escapeHtml(enumLabel('campaign_objective', detail.objective, state.language))}</div>
    <div class="name">${escapeHtml(detail.name)}</div>
    <dl class="meta">
      <dt>${escapeHtml(t('sidebar.status'))}</dt><dd>${badge(detail.status)}</dd>
      <dt>${escapeHtml(t('sidebar.dates'))}</dt><dd>${escapeHtml(dates)}</dd>
      <dt>${escapeHtml(t('sidebar.owner'))}</dt><dd>${escapeHtml(detail.owner ?? t('sidebar.noOwner'))}</dd>
    </dl>
    ${progress === null ? '' : `<div style="margin-top:8px;font-size:12px;color:var(--muted)">${escapeHtml(t('sidebar.progress'))} · ${Math.round(progress)}%</div><div class="progress"><span style="width:${Math.max(0, Math.min(100, progress))}%"></span></div>`}
  </div>`;
}

/**
 * The server lists "finished" as blocked while the brief has no postmortem. The sidebar's
 * postmortem editor is how that reason goes away, so finishing stays clickable when it is the
 * only reason; the editor opens, writes the postmortem, then finishes.
 */
function splitTransitions(transitions: CampaignView['transitions']): CampaignView['transitions'] {
  const isOnlyPostmortemMissing = (blocked: CampaignView['transitions']['blocked'][number]): boolean =>
    blocked.to === 'finished' && blocked.reasons.length > 0 && blocked.reasons.every((reason) => reason.code === 'POSTMORTEM_MISSING');
  return {
    current: transitions.current,
    allowed: [...transitions.allowed, ...transitions.blocked.filter(isOnlyPostmortemMissing).map((blocked) => blocked.to)],
    blocked: transitions.blocked.filter((blocked) => !isOnlyPostmortemMissing(blocked)),
  };
}

function renderTransitions(view: CampaignView): string {
  const { detail } = view;
  const transitions = splitTransitions(view.transitions);
  const allowed = transitions.allowed
    .map((to) => `<button class="btn ${to === 'canceled' ? '' : 'primary'}" data-action="transition" data-to="${to}" data-test="transition-${to}">${escapeHtml(statusLabel(to))}</button>`)
    .join('');
  const blockedButtons = transitions.blocked
    .map((blocked) => `<button class="btn" disabled data-test="transition-${blocked.to}" title="${escapeHtml(blocked.reasons.map((reason) => reason.message).join('\n'))}">${escapeHtml(statusLabel(blocked.to))}</button>`)
    .join('');
  const blockedReasons = transitions.blocked.length
    ? `<ul class="blocked" data-test="blocked-reasons">${transitions.blocked
        .map(
          (blocked) => `<li><strong>${escapeHtml(statusLabel(blocked.to))}</strong> — ${escapeHtml(t('sidebar.blockedBecause'))}${blocked.reasons
            .map((reason) => `<span class="reason" data-code="${escapeHtml(reason.code)}">${escapeHtml(reason.message)}</span>`)
            .join('')}</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<div class="card">
    <h2>${escapeHtml(t('sidebar.changeStatus'))}<button class="btn small" data-action="duplicate" data-test="duplicate">${escapeHtml(t('sidebar.duplicate'))}</button></h2>
    <div class="transitions">${allowed}${blockedButtons}</div>
    ${blockedReasons}
    ${renderPending(detail.code)}
  </div>`;
}

function renderPending(code: string): string {
  const pending = state.pending;
  if (!pending) return '';
  const postmortem =
    pending.to === 'finished'
      ? `<div data-test="postmortem-editor"><strong>${escapeHtml(t('postmortem.title'))}</strong>
        <label for="pm-worked">${escapeHtml(t('postmortem.whatWorked'))}</label><textarea id="pm-worked" data-field="whatWorked">${escapeHtml(pending.postmortem.whatWorked)}</textarea>
        <label for="pm-didnt">${escapeHtml(t('postmortem.whatDidnt'))}</label><textarea id="pm-didnt" data-field="whatDidnt">${escapeHtml(pending.postmortem.whatDidnt)}</textarea>
        <label for="pm-next">${escapeHtml(t('postmortem.nextTime'))}</label><textarea id="pm-next" data-field="nextTime">${escapeHtml(pending.postmortem.nextTime)}</textarea></div>`
      : '';
  return `<div class="panel" data-test="transition-panel">
    <div>${escapeHtml(t('sidebar.confirmTransition', { code, status: statusLabel(pending.to) }))}</div>
    ${postmortem}
    <label for="transition-note">${escapeHtml(t('sidebar.note'))}</label>
    <textarea id="transition-note" data-field="note">${escapeHtml(pending.note)}</textarea>
    <div class="actions">
      <button class="btn" data-action="cancel-transition">${escapeHtml(t('sidebar.cancel'))}</button>
      <button class="btn primary" data-action="confirm-transition" data-test="confirm-transition">${escapeHtml(pending.to === 'finished' ? t('postmortem.save') : t('sidebar.confirm'))}</button>
    </div>
  </div>`;
}

function moneyRow(label: string, value: number | null, max: number, kind: string): string {
  const width = max > 0 && value !== null ? Math.min(100, (value / max) * 100) : 0;
  return `<div class="money-row"><span>${escapeHtml(label)}</span><div class="bar ${kind}"><span style="width:${width}%"></span></div><span class="num">${escapeHtml(formatMoney(value))}</span></div>`;
}

function renderBudget(view: CampaignView): string {
  const { planned, committed, paid } = view.detail.budget;
  const max = Math.max(planned ?? 0, committed, paid, 1);
  const isOver = planned !== null && committed > planned;
  return `<div class="card" data-test="budget">
    <h2>${escapeHtml(t('sidebar.budget'))}</h2>
    ${moneyRow(t('sidebar.planned'), planned, max, 'planned')}
    ${moneyRow(t('sidebar.committed'), committed, max, isOver ? 'committed over' : 'committed')}
    ${moneyRow(t('sidebar.paid'), paid, max, 'paid')}
    ${isOver ? `<div class="bad-line">${escapeHtml(t('sidebar.overBudget'))}</div>` : ''}
  </div>`;
}

function renderKpi(view: CampaignView): string {
  const { targets, actuals } = view.detail.kpi;
  const cell = (label: MessageKey, actual: number | null, target: number | null, money = false): string => `<div class="kpi">
      <div class="label">${escapeHtml(t(label))}</div>
      ${actual === null ? `<div class="value placeholder">${escapeHtml(t('sidebar.kpi.noData'))}</div>` : `<div class="value">${escapeHtml(money ? formatCompact(actual) : formatCompact(actual))}</div>`}
      <div class="target">${escapeHtml(t('sidebar.kpi.target'))}: ${escapeHtml(formatCompact(target))}</div>
    </div>`;
  return `<div class="card" data-test="kpi"><h2>${escapeHtml(t('sidebar.kpi'))}</h2><div class="kpis">
    ${cell('sidebar.kpi.views', actuals.views, targets.views)}
    ${cell('sidebar.kpi.orders', actuals.orders, targets.orders)}
    ${cell('sidebar.kpi.revenue', actuals.revenue, targets.revenue, true)}
  </div></div>`;
}

function renderFlags(view: CampaignView): string {
  const flags = view.detail.flags;
  const body = flags.length
    ? flags.map((flag) => `<div class="flag ${flag.severity}"><div><div class="code">${escapeHtml(flag.code)}</div>${escapeHtml(flag.message)}</div></div>`).join('')
    : `<div class="ok-line">✓ ${escapeHtml(t('sidebar.noFlags'))}</div>`;
  return `<div class="card" data-test="flags"><h2>${escapeHtml(t('sidebar.flags'))}<span>${flags.length || ''}</span></h2>${body}</div>`;
}

function renderCreators(view: CampaignView): string {
  const creators = view.detail.creators;
  const rows = creators
    .map((creator) => {
      const warning =
        creator.status === 'blacklist'
          ? `<div class="bad-line">✕ ${escapeHtml(t('sidebar.blacklistWarning'))}</div>`
          : creator.status === 'watchlist'
            ? `<div class="warn-line">⚠ ${escapeHtml(t('sidebar.watchlistWarning'))}</div>`
            : '';
      const statusChip = creator.status === 'active' ? '' : `<span class="chip ${creator.status}">${escapeHtml(t(creator.status === 'blacklist' ? 'sidebar.blacklist' : 'sidebar.watchlist'))}</span>`;
      return `<div class="item"><div class="title">${escapeHtml(creator.name)} <span class="chip ${creator.role}">${escapeHtml(t(`role.${creator.role}` as MessageKey))}</span>${statusChip}</div>
        <div class="sub">${escapeHtml(creator.creatorKey)}${creator.note ? ` · ${escapeHtml(creator.note)}` : ''}</div>${warning}</div>`;
    })
    .join('');
  return `<div class="card" data-test="creators"><h2>${escapeHtml(t('sidebar.creators'))} · ${creators.length}<button class="btn small" data-action="open-creator-picker" data-test="add-creators">+ ${escapeHtml(t('sidebar.addCreators'))}</button></h2>
    ${rows || `<div class="empty">${escapeHtml(t('sidebar.noCreators'))}</div>`}</div>`;
}

function renderProducts(view: CampaignView): string {
  const products = [...view.detail.products].sort((left, right) => left.priority - right.priority);
  const rows = products
    .map((product) => `<div class="item"><div class="title"><span class="chip">#${product.priority}</span> ${escapeHtml(product.name)}</div>
      <div class="sub">${escapeHtml(product.brandCode)} / ${escapeHtml(product.productCode)}${product.note ? ` · ${escapeHtml(product.note)}` : ''}</div></div>`)
    .join('');
  return `<div class="card" data-test="products"><h2>${escapeHtml(t('sidebar.products'))} · ${products.length}<button class="btn small" data-action="open-product-picker" data-test="add-products">+ ${escapeHtml(t('sidebar.addProducts'))}</button></h2>
    ${rows || `<div class="empty">${escapeHtml(t('sidebar.noProducts'))}</div>`}</div>`;
}

function renderBrief(view: CampaignView): string {
  const sections = view.detail.brief.filter((section) => section.body.trim() !== '' || section.heading !== '');
  const body = sections
    .map((section, index) => `<details class="brief" ${index < 2 ? 'open' : ''}><summary>${escapeHtml(section.heading || '—')}</summary><div class="body">${escapeHtml(section.body.trim())}</div></details>`)
    .join('');
  return `<div class="card" data-test="brief"><h2>${escapeHtml(t('sidebar.brief'))}</h2>${body || `<div class="empty">${escapeHtml(t('sidebar.noBrief'))}</div>`}</div>`;
}

type HistoryChanges = CampaignView['detail']['history'][number]['changes'];

/** Keys of a mapping row: already said by its label ("creator KOC-X"), so not repeated. */
const MAPPING_KEY_FIELDS = new Set(['campaign_code', 'creator_key', 'brand_code', 'product_code']);

function describeCell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? '' : String(value);
}

function isJsonObject(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/**
 * One readable line per history entry: "status: running → paused", or for an assignment
 * "creator KOL-X (role: supporting, note: Tết đợt 2)" instead of one field per mapping column.
 */
function describeChanges(changes: HistoryChanges): string {
  const groups = new Map<string, string[]>();
  const plain: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    const dot = field.lastIndexOf('.');
    const from = describeCell(change.from);
    const to = describeCell(change.to);
    if (dot > 0) {
      const label = field.slice(0, dot);
      const column = field.slice(dot + 1);
      const parts = groups.get(label) ?? [];
      if (!MAPPING_KEY_FIELDS.has(column) && to !== '—') parts.push(from === '—' ? `${column}: ${to}` : `${column}: ${from} → ${to}`);
      groups.set(label, parts);
    } else if (from === '' || to === '') {
      plain.push(field);
    } else if (isJsonObject(to)) {
      // An assignment as one change: "creator KOL-X" → {"role":"supporting","note":"…"}.
      const parts = Object.entries(JSON.parse(to) as Record<string, unknown>)
        .filter(([column, value]) => !MAPPING_KEY_FIELDS.has(column) && describeCell(value) !== '—')
        .map(([column, value]) => `${column}: ${describeCell(value)}`);
      plain.push(parts.length ? `${field} (${parts.join(', ')})` : field);
    } else if (isJsonObject(from) && to === '—') {
      plain.push(`${field} ${t('sidebar.removed')}`);
    } else {
      plain.push(`${field}: ${from} → ${to}`);
    }
  }
  for (const [label, parts] of groups) plain.push(parts.length ? `${label} (${parts.join(', ')})` : label);
  return plain.join('; ');
}

function renderHistory(view: CampaignView): string {
  const entries = view.detail.history.slice(0, 20);
  const body = entries
    .map((entry) => {
      const changes = describeChanges(entry.changes);
      return `<li><div class="when">${escapeHtml(entry.at.slice(0, 16).replace('T', ' '))} · ${escapeHtml(entry.actor)}</div>${escapeHtml(entry.action)}${changes ? ` — ${escapeHtml(changes)}` : ''}</li>`;
    })
    .join('');
  return `<div class="card" data-test="history"><h2>${escapeHtml(t('sidebar.history'))}</h2>${body ? `<ul class="history">${body}</ul>` : `<div class="empty">${escapeHtml(t('sidebar.noHistory'))}</div>`}</div>`;
}

function renderCreatorPicker(picker: CreatorPicker, existing: Set<string>): string {
  const q = picker.query;
  const option = (value: string, label: string, current: string | undefined): string => `<option value="${value}" ${current === value ? 'selected' : ''}>${escapeHtml(label)}</option>`;
  const results =
    picker.results === null
      ? ''
      : picker.results.length === 0
        ? `<div class="empty" style="padding:8px">${escapeHtml(t('picker.noResults'))}</div>`
        : picker.results
            .map((creator) => {
              const isOn = existing.has(creator.creatorKey);
              const isChecked = picker.selected.includes(creator.creatorKey);
              const chip = creator.status === 'active' ? '' : `<span class="chip ${creator.status}">${escapeHtml(t(creator.status === 'blacklist' ? 'sidebar.blacklist' : 'sidebar.watchlist'))}</span>`;
              return `<label class="result ${isOn ? 'disabled' : ''}" data-test="creator-result">
                <input type="checkbox" data-pick="${escapeHtml(creator.creatorKey)}" ${isChecked ? 'checked' : ''} ${isOn ? 'disabled' : ''} />
                <div><div class="title">${escapeHtml(creator.name)} ${chip}</div>
                <div class="sub">${escapeHtml(creator.mainChannel ?? creator.creatorKey)} · ${escapeHtml(formatCompact(creator.followers))} ${escapeHtml(t('picker.followers').toLowerCase())} · ${escapeHtml(formatCompact(creator.avgViews))} ${escapeHtml(t('picker.avgViews').toLowerCase())}</div>
                <div class="sub">${escapeHtml([creator.niche, creator.location, ...creator.tags].filter(Boolean).join(' · '))}${isOn ? ` · ${escapeHtml(t('picker.alreadyOn'))}` : ''}</div></div>
              </label>`;
            })
            .join('');
  return `<div class="card picker" data-test="creator-picker">
    <h2>${escapeHtml(t('picker.creators'))}<button class="btn ghost" data-action="close-picker">✕</button></h2>
    <div class="filters">
      <div class="full"><input type="search" data-query="search" placeholder="${escapeHtml(t('picker.search'))}" value="${escapeHtml(q.search ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.status'))}</label><select data-query="status">${option('', t('picker.any'), q.status ?? '')}${option('active', 'active', q.status)}${option('watchlist', 'watchlist', q.status)}${option('blacklist', 'blacklist', q.status)}</select></div>
      <div><label>${escapeHtml(t('picker.tag'))}</label><input type="text" data-query="tag" value="${escapeHtml(q.tag ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.followers'))} ${escapeHtml(t('picker.min'))}</label><input type="number" data-query="followersMin" value="${q.followersMin ?? ''}" /></div>
      <div><label>${escapeHtml(t('picker.max'))}</label><input type="number" data-query="followersMax" value="${q.followersMax ?? ''}" /></div>
      <div><label>${escapeHtml(t('picker.avgViews'))} ${escapeHtml(t('picker.min'))}</label><input type="number" data-query="avgViewsMin" value="${q.avgViewsMin ?? ''}" /></div>
      <div><label>${escapeHtml(t('picker.max'))}</label><input type="number" data-query="avgViewsMax" value="${q.avgViewsMax ?? ''}" /></div>
      <div><label>${escapeHtml(t('picker.location'))}</label><input type="text" data-query="location" value="${escapeHtml(q.location ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.niche'))}</label><input type="text" data-query="niche" value="${escapeHtml(q.niche ?? '')}" /></div>
      <div class="full"><button class="btn" data-action="search" data-test="picker-search">${escapeHtml(t('picker.find'))}</button></div>
    </div>
    ${picker.results === null ? '' : `<div class="results">${results}</div>`}
    <div class="bulk">
      <div><label style="font-size:11px;color:var(--muted)">${escapeHtml(t('picker.role'))}</label><select data-bulk="role">${(['main', 'supporting', 'trial'] as const).map((role) => `<option value="${role}" ${picker.role === role ? 'selected' : ''}>${escapeHtml(t(`role.${role}` as MessageKey))}</option>`).join('')}</select></div>
      <input type="text" data-bulk="note" placeholder="${escapeHtml(t('picker.note'))}" value="${escapeHtml(picker.note)}" />
    </div>
    <div class="footer"><span class="sub" data-test="picker-count">${escapeHtml(t('picker.selected', { count: picker.selected.length }))}</span>
      <button class="btn primary" data-action="confirm-picker" data-test="picker-add" ${picker.selected.length === 0 ? 'disabled' : ''}>${escapeHtml(t('picker.add'))}</button></div>
  </div>`;
}

function productId(product: { brandCode: string; productCode: string }): string {
  return `${product.brandCode}/${product.productCode}`;
}

function renderProductPicker(picker: ProductPicker, existing: Set<string>): string {
  const q = picker.query;
  const results =
    picker.results === null
      ? ''
      : picker.results.length === 0
        ? `<div class="empty" style="padding:8px">${escapeHtml(t('picker.noResults'))}</div>`
        : picker.results
            .map((product) => {
              const id = productId(product);
              const isOn = existing.has(id);
              return `<label class="result ${isOn ? 'disabled' : ''}" data-test="product-result">
                <input type="checkbox" data-pick="${escapeHtml(id)}" ${picker.selected.includes(id) ? 'checked' : ''} ${isOn ? 'disabled' : ''} />
                <div><div class="title">${escapeHtml(product.name)}</div><div class="sub">${escapeHtml(id)}${product.category ? ` · ${escapeHtml(product.category)}` : ''}${isOn ? ` · ${escapeHtml(t('picker.alreadyOn'))}` : ''}</div></div>
              </label>`;
            })
            .join('');
  return `<div class="card picker" data-test="product-picker">
    <h2>${escapeHtml(t('picker.products'))}<button class="btn ghost" data-action="close-picker">✕</button></h2>
    <div class="filters">
      <div class="full"><input type="search" data-query="search" placeholder="${escapeHtml(t('picker.searchProducts'))}" value="${escapeHtml(q.search ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.brand'))}</label><input type="text" data-query="brand" value="${escapeHtml(q.brand ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.category'))}</label><input type="text" data-query="category" value="${escapeHtml(q.category ?? '')}" /></div>
      <div class="full"><button class="btn" data-action="search">${escapeHtml(t('picker.find'))}</button></div>
    </div>
    ${picker.results === null ? '' : `<div class="results">${results}</div>`}
    <div class="bulk">
      <div><label style="font-size:11px;color:var(--muted)">${escapeHtml(t('picker.priority'))}</label><input type="number" min="1" data-bulk="priority" value="${picker.priority}" /></div>
      <input type="text" data-bulk="note" placeholder="${escapeHtml(t('picker.note'))}" value="${escapeHtml(picker.note)}" />
    </div>
    <div class="footer"><span class="sub">${escapeHtml(t('picker.selected', { count: picker.selected.length }))}</span>
      <button class="btn primary" data-action="confirm-picker" ${picker.selected.length === 0 ? 'disabled' : ''}>${escapeHtml(t('picker.add'))}</button></div>
  </div>`;
}

function renderCampaign(): string {
  const view = state.campaign;
  if (!view) return state.isBusy ? `<div class="loading">${escapeHtml(t('sidebar.loading'))}</div>` : `<div class="empty">${escapeHtml(t('sidebar.pickCampaign'))}</div>`;
  if (state.picker?.kind === 'creators') return renderCreatorPicker(state.picker, new Set(view.detail.creators.map((creator) => creator.creatorKey)));
  if (state.picker?.kind === 'products') return renderProductPicker(state.picker, new Set(view.detail.products.map(productId)));
  return [renderHero(view), renderTransitions(view), renderFlags(view), renderBudget(view), renderKpi(view), renderCreators(view), renderProducts(view), renderBrief(view), renderHistory(view)].join('');
}

function renderImportReport(report: ImportReport): string {
  const files = report.files
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
  return `<div class="card" data-test="import-report"><h2>${escapeHtml(report.dryRun ? t('import.checkTitle') : t('import.resultTitle'))}</h2>${files}</div>`;
}

function tableOptions(selected: string, withAuto: boolean): string {
  const tables = state.files.context?.tables ?? [];
  const auto = withAuto ? `<option value="" ${selected === '' ? 'selected' : ''}>${escapeHtml(t('import.fromFileName'))}</option>` : '';
  return auto + tables.map((table) => `<option value="${escapeHtml(table.name)}" ${selected === table.name ? 'selected' : ''}>${escapeHtml(table.title)}</option>`).join('');
}

function renderOtherView(): string {
  const files = state.files;
  const busy = state.isBusy ? 'disabled' : '';
  if (state.view === 'import') {
    return `<div class="card"><h2>${escapeHtml(t('import.title'))}</h2><p class="sub">${escapeHtml(t('import.help'))}</p>
      <input type="file" id="import-file" accept=".csv,.xlsx" data-test="import-input" class="file-input" />
      ${files.file ? `<div class="sub" data-test="import-chosen">${escapeHtml(t('import.chosen', { file: files.file.name }))}</div>` : ''}
      <label for="import-table">${escapeHtml(t('import.table'))}</label>
      <select id="import-table" data-file-field="table">${tableOptions(files.table, true)}</select>
      <label class="check"><input type="checkbox" data-file-field="createMissing" ${files.isCreatingMissing ? 'checked' : ''} /> ${escapeHtml(t('import.createMissing'))}</label>
      <div class="transitions" style="justify-content:flex-end">
        <button class="btn" data-action="import" data-dry="true" data-test="import-check" ${busy}>${escapeHtml(t('import.check'))}</button>
        <button class="btn primary" data-action="import" data-dry="false" data-test="import-run" ${busy}>${escapeHtml(t('import.run'))}</button></div></div>
      ${state.isBusy ? `<div class="loading">${escapeHtml(t('sidebar.loading'))}</div>` : ''}
      ${files.report ? renderImportReport(files.report) : ''}`;
  }
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

const root = document.getElementById('app') as HTMLElement;

// The admins' section (users, roles, API tokens), below the campaign: its own view and file.
const adminPanel = createAdminPanel({
  call,
  t,
  render: () => render(),
  notify: (kind, text) => {
    state.notice = { kind, text };
    render();
  },
});

function render(): void {
  const body = state.view === 'campaign' ? renderToolbar() + renderCampaign() + adminPanel.render() : renderOtherView();
  root.innerHTML = renderNotice() + body;
}

// ---------------------------------------------------------------------------- actions

function fail(error: unknown): void {
  state.isBusy = false;
  state.notice = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
  render();
}

function readFileFields(): void {
  const files = state.files;
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
  readFileFields();
  const file = state.files.file;
  if (!file) {
    state.notice = { kind: 'error', text: t('import.chooseFile') };
    render();
    return;
  }
  state.isBusy = true;
  state.notice = null;
  state.files.report = null;
  render();
  try {
    const base64 = await readAsBase64(file);
    const result = await call<ImportResult>('importFile', { fileName: file.name, base64, dryRun, createMissing: state.files.isCreatingMissing, ...(state.files.table ? { table: state.files.table } : {}) });
    state.files.report = result.report;
    state.isBusy = false;
    if (result.pulled) state.notice = { kind: 'info', text: t('import.pulled', { added: result.pulled.added, updated: result.pulled.updated }) };
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

function listExportInput(files: FileDialog): ExportInput {
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
  readFileFields();
  const files = state.files;
  const code = files.context?.campaignCode ?? null;
  const input: ExportInput | null =
    kind === 'list' ? listExportInput(files) : kind === 'detail' ? (code ? { kind, format: files.format, code } : null) : { kind, format: files.format, table: files.exportTable };
  if (!input) return;
  state.isBusy = true;
  state.notice = null;
  render();
  try {
    const result = await call<ExportResult>('exportFile', input);
    saveFile(result);
    state.isBusy = false;
    const saved = result.rows === null ? t('export.savedFile', { file: result.fileName }) : result.rows === 1 ? t('export.savedOne', { file: result.fileName }) : t('export.saved', { file: result.fileName, rows: result.rows });
    state.notice = { kind: 'info', text: saved };
    render();
  } catch (error) {
    fail(error);
  }
}

async function loadCampaign(code: string): Promise<void> {
  if (!code) return;
  state.code = code;
  state.isBusy = true;
  state.picker = null;
  state.pending = null;
  render();
  try {
    state.campaign = await call<CampaignView>('getCampaignView', code);
    state.notice = null;
    state.isBusy = false;
    render();
  } catch (error) {
    state.campaign = null;
    fail(error);
  }
}

function readFields(): void {
  const pending = state.pending;
  if (pending) {
    root.querySelectorAll<HTMLTextAreaElement>('textarea[data-field]').forEach((field) => {
      const name = field.dataset['field'];
      if (name === 'note') pending.note = field.value;
      else if (name === 'whatWorked' || name === 'whatDidnt' || name === 'nextTime') pending.postmortem[name] = field.value;
    });
  }
  const picker = state.picker;
  if (picker) {
    root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-query]').forEach((field) => {
      const name = field.dataset['query'] ?? '';
      const value = field.value.trim();
      const query = picker.query as Record<string, string | number | undefined>;
      if (value === '') delete query[name];
      else query[name] = field.type === 'number' ? Number(value) : value;
    });
    root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-bulk]').forEach((field) => {
      const name = field.dataset['bulk'];
      if (name === 'note') picker.note = field.value;
      else if (name === 'role' && picker.kind === 'creators') picker.role = field.value as CreatorRole;
      else if (name === 'priority' && picker.kind === 'products') picker.priority = Math.max(1, Number(field.value) || 1);
    });
  }
}

async function confirmTransition(): Promise<void> {
  const pending = state.pending;
  const view = state.campaign;
  if (!pending || !view) return;
  readFields();
  const code = view.detail.code;
  if (pending.to === 'finished' && Object.values(pending.postmortem).some((value) => value.trim() === '')) {
    state.notice = { kind: 'error', text: t('postmortem.required') };
    render();
    return;
  }
  state.isBusy = true;
  try {
    const note = pending.note.trim() || undefined;
    state.campaign =
      pending.to === 'finished'
        ? await call<CampaignView>('finishCampaign', code, pending.postmortem, note)
        : await call<CampaignView>('transitionCampaign', code, pending.to, note);
    state.pending = null;
    state.isBusy = false;
    state.notice = { kind: 'info', text: t('sidebar.transitioned', { status: statusLabel(state.campaign.detail.status) }) };
    render();
  } catch (error) {
    fail(error);
  }
}

async function duplicate(): Promise<void> {
  const view = state.campaign;
  if (!view) return;
  state.isBusy = true;
  try {
    const copy = await call<{ code: string; view: CampaignView }>('duplicateCampaign', view.detail.code);
    state.code = copy.code;
    state.campaign = copy.view;
    state.isBusy = false;
    state.notice = { kind: 'info', text: t('sidebar.duplicated', { code: copy.code }) };
    render();
  } catch (error) {
    fail(error);
  }
}

async function searchPicker(): Promise<void> {
  const picker = state.picker;
  if (!picker) return;
  readFields();
  try {
    if (picker.kind === 'creators') picker.results = (await call<{ creators: CreatorSummary[] }>('searchCreators', picker.query)).creators;
    else picker.results = (await call<{ products: ProductSummary[] }>('searchProducts', picker.query)).products;
    render();
  } catch (error) {
    fail(error);
  }
}

async function confirmPicker(): Promise<void> {
  const picker = state.picker;
  const view = state.campaign;
  if (!picker || !view || picker.selected.length === 0) return;
  readFields();
  state.isBusy = true;
  try {
    const result =
      picker.kind === 'creators'
        ? await call<PickerResult>('addCampaignCreators', view.detail.code, picker.selected, picker.role, picker.note)
        : await call<PickerResult>(
            'addCampaignProducts',
            view.detail.code,
            picker.selected.map((id) => {
              const [brandCode = '', productCode = ''] = id.split('/');
              return { brandCode, productCode };
            }),
            picker.priority,
            picker.note,
          );
    state.campaign = result.view;
    state.picker = null;
    state.isBusy = false;
    state.notice = { kind: 'info', text: result.added === 1 ? t('picker.addedOne') : t('picker.added', { count: result.added }) };
    render();
  } catch (error) {
    fail(error);
  }
}

root.addEventListener('click', (event) => {
  if (adminPanel.handleClick(event.target as HTMLElement, root)) return;
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!target || (target as HTMLButtonElement).disabled) return;
  const action = target.dataset['action'];
  switch (action) {
    case 'load': {
      const input = document.getElementById('code-input') as HTMLInputElement | null;
      void loadCampaign(input?.value.trim() ?? '');
      break;
    }
    case 'transition':
      state.pending = { to: target.dataset['to'] as CampaignStatus, note: '', postmortem: { whatWorked: '', whatDidnt: '', nextTime: '' } };
      state.notice = null;
      render();
      break;
    case 'cancel-transition':
      state.pending = null;
      render();
      break;
    case 'confirm-transition':
      void confirmTransition();
      break;
    case 'duplicate':
      void duplicate();
      break;
    case 'open-creator-picker':
      state.picker = { kind: 'creators', query: {}, results: null, selected: [], role: 'main', note: '' };
      render();
      void searchPicker();
      break;
    case 'open-product-picker':
      state.picker = { kind: 'products', query: state.campaign ? { brand: state.campaign.detail.brandCode } : {}, results: null, selected: [], priority: 1, note: '' };
      render();
      void searchPicker();
      break;
    case 'close-picker':
      state.picker = null;
      render();
      break;
    case 'search':
      void searchPicker();
      break;
    case 'confirm-picker':
      void confirmPicker();
      break;
    case 'import':
      void runImport(target.dataset['dry'] === 'true');
      break;
    case 'export':
      void runExport(target.dataset['kind'] === 'detail' ? 'detail' : target.dataset['kind'] === 'table' ? 'table' : 'list');
      break;
    default:
      break;
  }
});

root.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  if (input.id === 'language-select') {
    void chooseLanguage(input.value === '' ? null : (input.value as Language));
    return;
  }
  if (adminPanel.handleChange(input, root)) return;
  if (input.dataset['fileField'] !== undefined) {
    readFileFields();
    return;
  }
  if (input.id === 'import-file') {
    readFileFields();
    state.files.file = input.files?.[0] ?? null;
    state.files.report = null;
    state.notice = null;
    render();
    return;
  }
  const id = input.dataset['pick'];
  const picker = state.picker;
  if (!id || !picker) return;
  readFields();
  picker.selected = input.checked ? [...picker.selected, id] : picker.selected.filter((selected) => selected !== id);
  render();
});

root.addEventListener('keydown', (event) => {
  const input = event.target as HTMLInputElement;
  if (event.key !== 'Enter') return;
  if (input.id === 'code-input') void loadCampaign(input.value.trim());
  else if (input.dataset['query'] !== undefined) void searchPicker();
});

async function chooseLanguage(language: Language | null): Promise<void> {
  try {
    const context = await call<SidebarContext>('chooseLanguage', language);
    applyContext(context);
    state.notice = { kind: 'info', text: t('language.saved', { language: LANGUAGE_NAMES[state.language] }) };
    // The campaign's reasons and flags are phrased by the server: ask again in the new language.
    if (state.campaign) await loadCampaign(state.campaign.detail.code);
    else render();
  } catch (error) {
    fail(error);
  }
}

function applyContext(context: SidebarContext): void {
  state.language = context.language;
  state.chosenLanguage = context.chosenLanguage;
  state.baseCurrency = context.baseCurrency ?? state.baseCurrency;
  document.documentElement.lang = context.language;
}

async function start(): Promise<void> {
  // HtmlService appends the boot tag after this script, so it is read once the page is parsed.
  const boot = window.__BOOKING_CENTER__ ?? {};
  if (boot.language) state.language = boot.language;
  if (boot.view) state.view = boot.view;
  render();
  if (state.view !== 'campaign') {
    try {
      state.files.context = await call<FileDialogContext>('getFileDialogContext');
      state.language = state.files.context.language;
      render();
    } catch (error) {
      fail(error);
    }
    return;
  }
  void adminPanel.load();
  try {
    const context = await call<SidebarContext>('getSidebarContext');
    applyContext(context);
    if (context.campaignCode) await loadCampaign(context.campaignCode);
    else render();
  } catch (error) {
    fail(error);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();

/** The campaign's history (audit log, newest first): one readable line per change. */
import type { CampaignView } from '../../campaign-actions.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

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
export function describeChanges(changes: HistoryChanges): string {
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

export function renderHistory(view: CampaignView): string {
  const entries = view.detail.history.slice(0, 20);
  const body = entries
    .map((entry) => {
      const changes = describeChanges(entry.changes);
      return `<li><div class="when">${escapeHtml(entry.at.slice(0, 16).replace('T', ' '))} · ${escapeHtml(entry.actor)}</div>${escapeHtml(entry.action)}${changes ? ` — ${escapeHtml(changes)}` : ''}</li>`;
    })
    .join('');
  return `<div class="card" data-test="history"><h2>${escapeHtml(t('sidebar.history'))}</h2>${body ? `<ul class="history">${body}</ul>` : `<div class="empty">${escapeHtml(t('sidebar.noHistory'))}</div>`}</div>`;
}

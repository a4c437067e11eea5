/**
 * Escaping and the number, money, date and status formats of the sidebar, in the planner's
 * language and the tenant's base currency.
 */
import type { CampaignStatus } from '../../../../../sync-server/src/contract/sync-payloads.js';
import { type MessageKey, formatDate as formatDateIn, formatMoney as formatMoneyIn, formatNumber as formatNumberIn } from '../../i18n.js';
import { shared, t } from './store.js';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatNumberIn(shared.language, value, { maximumFractionDigits: 0 });
}

/** Totals are in the tenant's base currency (VND unless the tenant chose another). */
export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatMoneyIn(shared.language, value, shared.baseCurrency);
}

export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatNumberIn(shared.language, value, { notation: 'compact', maximumFractionDigits: 1 });
}

export function formatDate(iso: string | null): string {
  return iso ? formatDateIn(shared.language, iso) : '';
}

export function statusLabel(status: CampaignStatus): string {
  return t(`status.${status}` as MessageKey);
}

export function badge(status: CampaignStatus): string {
  return `<span class="badge status-${status}" data-test="status-badge">${escapeHtml(statusLabel(status))}</span>`;
}

/** The budget widget (planned, committed, paid as bars) and the KPI widget (targets against actuals, placeholders while no data). */
import type { CampaignView } from '../../campaign-actions.js';
import type { MessageKey } from '../../i18n.js';
import { escapeHtml, formatCompact, formatMoney } from '../core/format.js';
import { t } from '../core/store.js';

function moneyRow(label: string, value: number | null, max: number, kind: string): string {
  const width = max > 0 && value !== null ? Math.min(100, (value / max) * 100) : 0;
  return `<div class="money-row"><span>${escapeHtml(label)}</span><div class="bar ${kind}"><span style="width:${width}%"></span></div><span class="num">${escapeHtml(formatMoney(value))}</span></div>`;
}

export function renderBudget(view: CampaignView): string {
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

export function renderKpi(view: CampaignView): string {
  const { targets, actuals } = view.detail.kpi;
  const cell = (label: MessageKey, actual: number | null, target: number | null): string => `<div class="kpi">
      <div class="label">${escapeHtml(t(label))}</div>
      ${actual === null ? `<div class="value placeholder">${escapeHtml(t('sidebar.kpi.noData'))}</div>` : `<div class="value">${escapeHtml(formatCompact(actual))}</div>`}
      <div class="target">${escapeHtml(t('sidebar.kpi.target'))}: ${escapeHtml(formatCompact(target))}</div>
    </div>`;
  return `<div class="card" data-test="kpi"><h2>${escapeHtml(t('sidebar.kpi'))}</h2><div class="kpis">
    ${cell('sidebar.kpi.views', actuals.views, targets.views)}
    ${cell('sidebar.kpi.orders', actuals.orders, targets.orders)}
    ${cell('sidebar.kpi.revenue', actuals.revenue, targets.revenue)}
  </div></div>`;
}

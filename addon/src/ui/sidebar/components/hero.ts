/** The campaign's header card: code, brand, channel, objective, name, status, dates, owner, planning progress. */
import type { CampaignView } from '../../campaign-actions.js';
import { enumLabel } from '../../../../../sync-server/src/contract/i18n/enum-labels.js';
import { badge, escapeHtml, formatDate } from '../core/format.js';
import { shared, t } from '../core/store.js';

export function renderHero(view: CampaignView): string {
  const { detail } = view;
  const dates = detail.startDate || detail.endDate ? `${formatDate(detail.startDate)} → ${formatDate(detail.endDate)}` : t('sidebar.noDates');
  const progress = detail.progressPercent ?? null;
  return `<div class="card hero">
    <div class="code">${escapeHtml(detail.code)} · ${escapeHtml(detail.brandName ?? detail.brandCode)} · ${escapeHtml(enumLabel('campaign_channel', detail.channel, shared.language))} · ${escapeHtml(enumLabel('campaign_objective', detail.objective, shared.language))}</div>
    <div class="name">${escapeHtml(detail.name)}</div>
    <dl class="meta">
      <dt>${escapeHtml(t('sidebar.status'))}</dt><dd>${badge(detail.status)}</dd>
      <dt>${escapeHtml(t('sidebar.dates'))}</dt><dd>${escapeHtml(dates)}</dd>
      <dt>${escapeHtml(t('sidebar.owner'))}</dt><dd>${escapeHtml(detail.owner ?? t('sidebar.noOwner'))}</dd>
    </dl>
    ${progress === null ? '' : `<div style="margin-top:8px;font-size:12px;color:var(--muted)">${escapeHtml(t('sidebar.progress'))} · ${Math.round(progress)}%</div><div class="progress"><span style="width:${Math.max(0, Math.min(100, progress))}%"></span></div>`}
  </div>`;
}

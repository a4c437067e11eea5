/** The brief: the description's "## " sections as the server split them, the first two open. */
import type { CampaignView } from '../../campaign-actions.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

export function renderBrief(view: CampaignView): string {
  const sections = view.detail.brief.filter((section) => section.body.trim() !== '' || section.heading !== '');
  const body = sections
    .map((section, index) => `<details class="brief" ${index < 2 ? 'open' : ''}><summary>${escapeHtml(section.heading || '—')}</summary><div class="body">${escapeHtml(section.body.trim())}</div></details>`)
    .join('');
  return `<div class="card" data-test="brief"><h2>${escapeHtml(t('sidebar.brief'))}</h2>${body || `<div class="empty">${escapeHtml(t('sidebar.noBrief'))}</div>`}</div>`;
}

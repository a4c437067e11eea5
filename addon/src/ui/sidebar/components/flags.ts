/** The health flags panel: each flag the server computed, with its code and its one-line reason. */
import type { CampaignView } from '../../campaign-actions.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

export function renderFlags(view: CampaignView): string {
  const flags = view.detail.flags;
  const body = flags.length
    ? flags.map((flag) => `<div class="flag ${flag.severity}"><div><div class="code">${escapeHtml(flag.code)}</div>${escapeHtml(flag.message)}</div></div>`).join('')
    : `<div class="ok-line">✓ ${escapeHtml(t('sidebar.noFlags'))}</div>`;
  return `<div class="card" data-test="flags"><h2>${escapeHtml(t('sidebar.flags'))}<span>${flags.length || ''}</span></h2>${body}</div>`;
}

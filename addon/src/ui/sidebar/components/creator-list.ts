/** The campaign's creators with role and note, a warning under a watchlisted or blacklisted one, and the button that opens the picker. */
import type { CampaignView } from '../../campaign-actions.js';
import type { MessageKey } from '../../i18n.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

export function renderCreatorList(view: CampaignView): string {
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
      return `<div class="item" data-test="campaign-creator" data-key="${escapeHtml(creator.creatorKey)}"><div class="title">${escapeHtml(creator.name)} <span class="chip ${creator.role}">${escapeHtml(t(`role.${creator.role}` as MessageKey))}</span>${statusChip}</div>
        <div class="sub">${escapeHtml(creator.creatorKey)}${creator.note ? ` · ${escapeHtml(creator.note)}` : ''}</div>${warning}</div>`;
    })
    .join('');
  return `<div class="card" data-test="creators"><h2>${escapeHtml(t('sidebar.creators'))} · ${creators.length}<button class="btn small" data-action="open-creator-picker" data-test="add-creators">+ ${escapeHtml(t('sidebar.addCreators'))}</button></h2>
    ${rows || `<div class="empty">${escapeHtml(t('sidebar.noCreators'))}</div>`}</div>`;
}

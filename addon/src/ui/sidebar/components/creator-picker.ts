/**
 * The creator picker of 000 §6.4: search and filters (status, tag, followers, average views,
 * location, niche), several picked at once, one role and one note for all of them. A creator
 * already on the campaign is shown but cannot be picked.
 */
import type { CreatorRole, CreatorSearchQuery, CreatorSummary } from '../../../../../sync-server/src/contract/sync-payloads.js';
import { formatNumber, type MessageKey } from '../../i18n.js';
import { escapeHtml, formatCompact } from '../core/format.js';
import { shared, t } from '../core/store.js';

export type CreatorPicker = {
  kind: 'creators';
  query: CreatorSearchQuery;
  results: CreatorSummary[] | null;
  selected: string[];
  role: CreatorRole;
  note: string;
};

export function newCreatorPicker(): CreatorPicker {
  return { kind: 'creators', query: {}, results: null, selected: [], role: 'main', note: '' };
}

/**
 * The creator's scorecard in one short line (issue 14, item 8): bookings, share posted on time,
 * drafts rejected, views per video. Empty for a server that sends no scorecard.
 */
export function describeScorecard(scorecard: CreatorSummary['scorecard']): string {
  if (!scorecard) return '';
  if (scorecard.bookings === 0) return t('picker.scoreNone');
  const parts = [t('picker.scoreBookings', { count: scorecard.bookings })];
  if (scorecard.onTimeRate !== null) parts.push(t('picker.scoreOnTime', { percent: formatNumber(shared.language, scorecard.onTimeRate, { style: 'percent', maximumFractionDigits: 0 }) }));
  parts.push(t('picker.scoreRejections', { count: scorecard.rejectionCount }));
  if (scorecard.avgViewsPerVideo !== null) parts.push(t('picker.scoreViews', { views: formatCompact(scorecard.avgViewsPerVideo) }));
  return parts.join(' · ');
}

export function renderCreatorPicker(picker: CreatorPicker, existing: Set<string>): string {
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
                <div class="sub">${escapeHtml([creator.niche, creator.location, ...creator.tags].filter(Boolean).join(' · '))}${isOn ? ` · ${escapeHtml(t('picker.alreadyOn'))}` : ''}</div>
                ${creator.scorecard ? `<div class="sub" data-test="creator-scorecard">${escapeHtml(describeScorecard(creator.scorecard))}</div>` : ''}</div>
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

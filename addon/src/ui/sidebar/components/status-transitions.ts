/**
 * The status moves of a campaign: a button per move the server allows, the refused ones
 * disabled with their reasons, and the confirm panel (with a note, and the postmortem when
 * finishing). The Duplicate button sits in the same card's header.
 */
import type { CampaignStatus } from '../../../../../sync-server/src/contract/sync-payloads.js';
import type { CampaignView, PostmortemInput } from '../../campaign-actions.js';
import { escapeHtml, statusLabel } from '../core/format.js';
import { t } from '../core/store.js';
import { emptyPostmortem, readPostmortemFields, renderPostmortemFields } from './postmortem-editor.js';

/** A move clicked and waiting for its confirmation. */
export type PendingTransition = { to: CampaignStatus; note: string; postmortem: PostmortemInput };

export function newPendingTransition(to: CampaignStatus): PendingTransition {
  return { to, note: '', postmortem: emptyPostmortem() };
}

/**
 * The server lists "finished" as blocked while the brief has no postmortem. The sidebar's
 * postmortem editor is how that reason goes away, so finishing stays clickable when it is the
 * only reason; the editor opens, writes the postmortem, then finishes.
 */
export function splitTransitions(transitions: CampaignView['transitions']): CampaignView['transitions'] {
  const isOnlyPostmortemMissing = (blocked: CampaignView['transitions']['blocked'][number]): boolean =>
    blocked.to === 'finished' && blocked.reasons.length > 0 && blocked.reasons.every((reason) => reason.code === 'POSTMORTEM_MISSING');
  return {
    current: transitions.current,
    allowed: [...transitions.allowed, ...transitions.blocked.filter(isOnlyPostmortemMissing).map((blocked) => blocked.to)],
    blocked: transitions.blocked.filter((blocked) => !isOnlyPostmortemMissing(blocked)),
  };
}

export function renderTransitions(view: CampaignView, pending: PendingTransition | null): string {
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
    ${pending ? renderPending(view.detail.code, pending) : ''}
  </div>`;
}

function renderPending(code: string, pending: PendingTransition): string {
  const postmortem =
    pending.to === 'finished'
      ? `<div data-test="postmortem-editor"><strong>${escapeHtml(t('postmortem.title'))}</strong>
        ${renderPostmortemFields(pending.postmortem)}</div>`
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

/** Keeps the note and the postmortem typed in the panel across redraws. */
export function readPendingFields(root: HTMLElement, pending: PendingTransition): void {
  const note = root.querySelector<HTMLTextAreaElement>('#transition-note');
  if (note) pending.note = note.value;
  readPostmortemFields(root, pending.postmortem);
}

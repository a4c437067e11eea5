/**
 * The three postmortem items (what worked, what didn't, next time) as text boxes: asked for
 * when finishing (status-transitions) and on the Insights tab (insights). The server requires
 * all three before a campaign may be finished, so the page asks for all three too.
 */
import type { PostmortemInput } from '../../campaign-actions.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

export function emptyPostmortem(): PostmortemInput {
  return { whatWorked: '', whatDidnt: '', nextTime: '' };
}

export function renderPostmortemFields(values: PostmortemInput): string {
  return `<label for="pm-worked">${escapeHtml(t('postmortem.whatWorked'))}</label><textarea id="pm-worked" data-field="whatWorked">${escapeHtml(values.whatWorked)}</textarea>
    <label for="pm-didnt">${escapeHtml(t('postmortem.whatDidnt'))}</label><textarea id="pm-didnt" data-field="whatDidnt">${escapeHtml(values.whatDidnt)}</textarea>
    <label for="pm-next">${escapeHtml(t('postmortem.nextTime'))}</label><textarea id="pm-next" data-field="nextTime">${escapeHtml(values.nextTime)}</textarea>`;
}

/** Copies what is typed in the boxes into `into` (a redraw would otherwise lose it). */
export function readPostmortemFields(root: HTMLElement, into: PostmortemInput): void {
  root.querySelectorAll<HTMLTextAreaElement>('textarea[data-field]').forEach((field) => {
    const name = field.dataset['field'];
    if (name === 'whatWorked' || name === 'whatDidnt' || name === 'nextTime') into[name] = field.value;
  });
}

export function isPostmortemFilled(values: PostmortemInput): boolean {
  return Object.values(values).every((value) => value.trim() !== '');
}

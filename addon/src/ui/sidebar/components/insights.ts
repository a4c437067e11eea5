/**
 * The Insights / postmortem tab (000 §6.3): the postmortem section of the brief, item by item,
 * and its editor on a finished campaign. The editor opens by itself when the postmortem is not
 * complete (the POSTMORTEM_INCOMPLETE case: a campaign finished before the three items were
 * required, or a flag the server raises), and on "Edit postmortem" otherwise. Saving goes
 * through the finish flow's server function, which writes the section into the description
 * and, the campaign being finished already, moves nothing.
 */
import {
  type PostmortemItemKey,
  POSTMORTEM_ITEM_KEYS,
  listMissingPostmortemItems,
  parsePostmortem,
} from '../../../../../sync-server/src/contract/campaigns/campaign-brief.js';
import type { CampaignDetail } from '../../../../../sync-server/src/contract/sync-payloads.js';
import type { CampaignView, PostmortemInput } from '../../campaign-actions.js';
import type { MessageKey } from '../../i18n.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';
import { emptyPostmortem, renderPostmortemFields } from './postmortem-editor.js';

/** The server's codes for a postmortem that is missing or has empty items. */
const POSTMORTEM_FLAG_CODES = new Set(['POSTMORTEM_INCOMPLETE', 'POSTMORTEM_MISSING']);

const ITEM_LABEL_KEYS: Record<PostmortemItemKey, MessageKey> = {
  whatWorked: 'postmortem.whatWorked',
  whatDidnt: 'postmortem.whatDidnt',
  nextTime: 'postmortem.nextTime',
};

export type PostmortemGap = { isIncomplete: boolean; missing: PostmortemItemKey[]; serverMessage: string | null };

/**
 * Whether the campaign owes a postmortem: the server flags it, or it is finished and its brief
 * misses an item (read with the same parser the server's finish rule uses).
 */
export function findPostmortemGap(detail: CampaignDetail): PostmortemGap {
  const flag = detail.flags.find((candidate) => POSTMORTEM_FLAG_CODES.has(candidate.code));
  if (!flag && detail.status !== 'finished') return { isIncomplete: false, missing: [], serverMessage: null };
  const missing = listMissingPostmortemItems(detail.description);
  return { isIncomplete: Boolean(flag) || missing.length > 0, missing, serverMessage: flag?.message ?? null };
}

/** The editor's starting values: what the brief already says. */
export function postmortemFromBrief(detail: CampaignDetail): PostmortemInput {
  return parsePostmortem(detail.description) ?? emptyPostmortem();
}

/** Only a finished campaign's postmortem is edited here; before that it is written when finishing. */
export function canEditInsights(detail: CampaignDetail): boolean {
  return detail.status === 'finished';
}

export function renderInsights(view: CampaignView, editor: PostmortemInput | null): string {
  const { detail } = view;
  const gap = findPostmortemGap(detail);
  const items = gap.missing.map((key) => t(ITEM_LABEL_KEYS[key])).join(', ');
  const warning = gap.isIncomplete
    ? `<div class="flag warning" data-test="postmortem-incomplete"><div><div class="code">POSTMORTEM_INCOMPLETE</div>${escapeHtml(gap.serverMessage ?? t('insights.incomplete', { items }))}</div></div>`
    : '';
  const written = parsePostmortem(detail.description);
  const shown = written
    ? `<dl class="postmortem" data-test="postmortem">${POSTMORTEM_ITEM_KEYS.map((key) => `<dt>${escapeHtml(t(ITEM_LABEL_KEYS[key]))}</dt><dd>${written[key].trim() ? escapeHtml(written[key]) : '—'}</dd>`).join('')}</dl>`
    : `<div class="empty">${escapeHtml(t('insights.none'))}</div>`;
  const editing = editor && canEditInsights(detail)
    ? `<div class="panel" data-test="postmortem-editor"><strong>${escapeHtml(t('insights.editorTitle'))}</strong>
        ${renderPostmortemFields(editor)}
        <div class="actions"><button class="btn primary" data-action="save-postmortem" data-test="save-postmortem">${escapeHtml(t('insights.save'))}</button></div></div>`
    : '';
  const editButton = !editing && canEditInsights(detail) ? `<button class="btn small" data-action="edit-postmortem" data-test="edit-postmortem">${escapeHtml(t('insights.edit'))}</button>` : '';
  return `<div class="card" data-test="insights"><h2>${escapeHtml(t('insights.title'))}${editButton}</h2>${warning}${editing ? '' : shown}${editing}</div>`;
}

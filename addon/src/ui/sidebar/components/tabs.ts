/**
 * A row of tabs (WAI-ARIA tablist): one button per tab, the chosen one marked. Clicks come back
 * as `data-action="tab"` with `data-tab`; the view that draws the tabs keeps which is chosen.
 */
import { escapeHtml } from '../core/format.js';

export type Tab<Id extends string> = {
  id: Id;
  label: string;
  /** A small mark beside the label: a count, or "!" with `isAlert` for something to do there. */
  mark?: string;
  isAlert?: boolean;
};

export function renderTabs<Id extends string>(tabs: ReadonlyArray<Tab<Id>>, active: Id, label: string): string {
  const buttons = tabs
    .map((tab) => {
      const isActive = tab.id === active;
      const mark = tab.mark ? ` <span class="tab-mark${tab.isAlert ? ' alert' : ''}" data-test="tab-mark">${escapeHtml(tab.mark)}</span>` : '';
      return `<button type="button" role="tab" class="tab${isActive ? ' active' : ''}" aria-selected="${isActive}" data-action="tab" data-tab="${escapeHtml(tab.id)}" data-test="tab-${escapeHtml(tab.id)}">${escapeHtml(tab.label)}${mark}</button>`;
    })
    .join('');
  return `<div class="tabs" role="tablist" aria-label="${escapeHtml(label)}" data-test="tabs">${buttons}</div>`;
}

/**
 * The views the sidebar page can show, and which one it shows. Each view is one file in
 * views/ that registers itself here; the page asks `pickView` with the page HtmlService served
 * (sidebar or a dialog) and the sheet's selection (SidebarContext). The first registered view
 * that matches wins, so a more specific view (a booking row, a creator's scorecard) registers
 * before the campaign view, which takes any sidebar selection.
 */
import type { SidebarContext } from '../../campaign-actions.js';
import type { PageKind } from '../core/bridge.js';

export type SidebarView = {
  id: string;
  /** Whether this view shows for the page and the selection (null while the selection is not known yet). */
  matches(page: PageKind, context: SidebarContext | null): boolean;
  /** Chosen: load what the view shows. */
  open(context: SidebarContext | null): Promise<void>;
  render(): string;
  /** A click, change or key on the page; false when it is not this view's. */
  handleClick(target: HTMLElement, root: HTMLElement): boolean;
  handleChange(target: HTMLElement, root: HTMLElement): boolean;
  handleKeydown(event: KeyboardEvent, root: HTMLElement): boolean;
  /** The planner chose another language: ask again for what the server phrased (reasons, flags). */
  refresh?(): Promise<void>;
};

const views: SidebarView[] = [];

export function registerView(view: SidebarView): void {
  if (views.some((known) => known.id === view.id)) throw new Error(`Sidebar view ${view.id} is registered twice.`);
  views.push(view);
}

export function pickView(page: PageKind, context: SidebarContext | null): SidebarView {
  const view = views.find((candidate) => candidate.matches(page, context));
  if (!view) throw new Error(`No sidebar view for the ${page} page.`);
  return view;
}

/**
 * The campaign command center of 000 §6.3: the campaign of the selected row (or a code typed
 * in the toolbar) under its header card, in tabs — Overview (status moves, health flags, budget
 * and KPI), Creators, Products, Brief, Insights (postmortem) and History — and the creator and
 * product pickers of §6.4 and §6.5, which take the tab's place while open.
 *
 * The chosen tab is kept per campaign code, for this page and (sessionStorage) across reopening
 * the sidebar: a redraw, a reload of the same campaign or a language change stays on it.
 */
import type { CampaignStatus } from '../../../../../sync-server/src/contract/sync-payloads.js';
import type { CampaignView, PickerResult, PostmortemInput, SidebarContext } from '../../campaign-actions.js';
import { call } from '../core/bridge.js';
import { escapeHtml, statusLabel } from '../core/format.js';
import { fail, notify, render, shared, t } from '../core/store.js';
import { renderBrief } from '../components/brief.js';
import { renderBudget, renderKpi } from '../components/budget-kpi.js';
import { newCreatorPicker, renderCreatorPicker } from '../components/creator-picker.js';
import { renderCreatorList } from '../components/creator-list.js';
import { renderFlags } from '../components/flags.js';
import { renderHero } from '../components/hero.js';
import { renderHistory } from '../components/history.js';
import { canEditInsights, findPostmortemGap, postmortemFromBrief, renderInsights } from '../components/insights.js';
import { renderLanguageChoice } from '../components/language-choice.js';
import { type Picker, readPickerFields, togglePick } from '../components/picker-fields.js';
import { isPostmortemFilled, readPostmortemFields } from '../components/postmortem-editor.js';
import { renderProductList } from '../components/product-list.js';
import { newProductPicker, parseProductId, productId, renderProductPicker } from '../components/product-picker.js';
import { type PendingTransition, newPendingTransition, readPendingFields, renderTransitions } from '../components/status-transitions.js';
import { type Tab, renderTabs } from '../components/tabs.js';
import { registerView } from './view-registry.js';

export const CAMPAIGN_TABS = ['overview', 'creators', 'products', 'brief', 'insights', 'history'] as const;
export type CampaignTab = (typeof CAMPAIGN_TABS)[number];

type CampaignViewState = {
  code: string;
  campaign: CampaignView | null;
  tab: CampaignTab;
  pending: PendingTransition | null;
  picker: Picker | null;
  /** The Insights tab's postmortem being edited (finished campaigns only); null: not editing. */
  insights: PostmortemInput | null;
};

const state: CampaignViewState = { code: '', campaign: null, tab: 'overview', pending: null, picker: null, insights: null };

// ---------------------------------------------------------------------------- the chosen tab

const TAB_MEMORY_KEY = 'bookingCenter.campaignTab.';
const chosenTabs = new Map<string, CampaignTab>();

function isCampaignTab(value: unknown): value is CampaignTab {
  return (CAMPAIGN_TABS as readonly unknown[]).includes(value);
}

function rememberTab(code: string, tab: CampaignTab): void {
  chosenTabs.set(code, tab);
  try {
    window.sessionStorage.setItem(TAB_MEMORY_KEY + code, tab);
  } catch {
    // Storage may be refused to the add-on's iframe: the tab is then kept for this page only.
  }
}

function recallTab(code: string): CampaignTab {
  const known = chosenTabs.get(code);
  if (known) return known;
  try {
    const stored = window.sessionStorage.getItem(TAB_MEMORY_KEY + code);
    if (isCampaignTab(stored)) return stored;
  } catch {
    // As above: no storage, no memory across pages.
  }
  return 'overview';
}

// ---------------------------------------------------------------------------- rendering

function renderToolbar(): string {
  return `<div class="toolbar">
    <input type="search" id="code-input" placeholder="${escapeHtml(t('sidebar.pickCampaign'))}" value="${escapeHtml(state.code)}" />
    <button class="btn" data-action="load">${escapeHtml(t('sidebar.load'))}</button>
  </div>${renderLanguageChoice()}`;
}

function campaignTabs(view: CampaignView): Array<Tab<CampaignTab>> {
  const { detail } = view;
  return [
    { id: 'overview', label: t('tabs.overview') },
    { id: 'creators', label: t('tabs.creators'), mark: String(detail.creators.length) },
    { id: 'products', label: t('tabs.products'), mark: String(detail.products.length) },
    { id: 'brief', label: t('tabs.brief') },
    { id: 'insights', label: t('tabs.insights'), ...(findPostmortemGap(detail).isIncomplete ? { mark: '!', isAlert: true } : {}) },
    { id: 'history', label: t('tabs.history') },
  ];
}

function renderTab(view: CampaignView, tab: CampaignTab): string {
  switch (tab) {
    case 'overview':
      return renderTransitions(view, state.pending) + renderFlags(view) + renderBudget(view) + renderKpi(view);
    case 'creators':
      return renderCreatorList(view);
    case 'products':
      return renderProductList(view);
    case 'brief':
      return renderBrief(view);
    case 'insights':
      return renderInsights(view, state.insights);
    case 'history':
      return renderHistory(view);
  }
}

function renderCampaign(): string {
  const view = state.campaign;
  if (!view) return shared.isBusy ? `<div class="loading">${escapeHtml(t('sidebar.loading'))}</div>` : `<div class="empty">${escapeHtml(t('sidebar.pickCampaign'))}</div>`;
  if (state.picker?.kind === 'creators') return renderCreatorPicker(state.picker, new Set(view.detail.creators.map((creator) => creator.creatorKey)));
  if (state.picker?.kind === 'products') return renderProductPicker(state.picker, new Set(view.detail.products.map(productId)));
  return `${renderHero(view)}${renderTabs(campaignTabs(view), state.tab, t('tabs.label'))}
    <div role="tabpanel" class="tab-panel" data-test="tab-panel" data-tab="${state.tab}">${renderTab(view, state.tab)}</div>`;
}

// ---------------------------------------------------------------------------- actions

/** A new answer from the server: the Insights editor opens by itself when the postmortem is owed. */
function showCampaign(view: CampaignView): void {
  state.campaign = view;
  state.code = view.detail.code;
  state.tab = recallTab(view.detail.code);
  state.insights = canEditInsights(view.detail) && findPostmortemGap(view.detail).isIncomplete ? postmortemFromBrief(view.detail) : null;
}

/** Keeps what is typed in the open panels (a redraw replaces every field). */
function readFields(root: HTMLElement): void {
  const panel = root.querySelector<HTMLElement>('[data-test="transition-panel"]');
  if (state.pending && panel) readPendingFields(panel, state.pending);
  const insights = root.querySelector<HTMLElement>('[data-test="insights"]');
  if (state.insights && insights) readPostmortemFields(insights, state.insights);
  if (state.picker) readPickerFields(state.picker, root);
}

async function loadCampaign(code: string): Promise<void> {
  if (!code) return;
  state.code = code;
  shared.isBusy = true;
  state.picker = null;
  state.pending = null;
  render();
  try {
    showCampaign(await call<CampaignView>('getCampaignView', code));
    shared.notice = null;
    shared.isBusy = false;
    render();
    // Counts the answers (the page's tests wait on it to know a reload is drawn).
    document.body.dataset['campaignLoads'] = String(Number(document.body.dataset['campaignLoads'] ?? '0') + 1);
  } catch (error) {
    state.campaign = null;
    fail(error);
  }
}

async function confirmTransition(): Promise<void> {
  const pending = state.pending;
  const view = state.campaign;
  if (!pending || !view) return;
  const code = view.detail.code;
  if (pending.to === 'finished' && !isPostmortemFilled(pending.postmortem)) {
    notify('error', t('postmortem.required'));
    return;
  }
  shared.isBusy = true;
  try {
    const note = pending.note.trim() || undefined;
    const answer =
      pending.to === 'finished'
        ? await call<CampaignView>('finishCampaign', code, pending.postmortem, note)
        : await call<CampaignView>('transitionCampaign', code, pending.to, note);
    showCampaign(answer);
    state.pending = null;
    shared.isBusy = false;
    notify('info', t('sidebar.transitioned', { status: statusLabel(answer.detail.status) }));
  } catch (error) {
    fail(error);
  }
}

/** The Insights tab's save: the finish flow's server function, on a campaign already finished (it moves nothing then). */
async function savePostmortem(): Promise<void> {
  const values = state.insights;
  const view = state.campaign;
  if (!values || !view) return;
  if (!isPostmortemFilled(values)) {
    notify('error', t('postmortem.required'));
    return;
  }
  shared.isBusy = true;
  try {
    showCampaign(await call<CampaignView>('finishCampaign', view.detail.code, values));
    state.insights = null;
    shared.isBusy = false;
    notify('info', t('insights.saved'));
  } catch (error) {
    fail(error);
  }
}

async function duplicate(): Promise<void> {
  const view = state.campaign;
  if (!view) return;
  shared.isBusy = true;
  try {
    const copy = await call<{ code: string; view: CampaignView }>('duplicateCampaign', view.detail.code);
    showCampaign(copy.view);
    shared.isBusy = false;
    notify('info', t('sidebar.duplicated', { code: copy.code }));
  } catch (error) {
    fail(error);
  }
}

async function searchPicker(): Promise<void> {
  const picker = state.picker;
  if (!picker) return;
  try {
    if (picker.kind === 'creators') picker.results = (await call<{ creators: NonNullable<typeof picker.results> }>('searchCreators', picker.query)).creators;
    else picker.results = (await call<{ products: NonNullable<typeof picker.results> }>('searchProducts', picker.query)).products;
    render();
  } catch (error) {
    fail(error);
  }
}

async function confirmPicker(): Promise<void> {
  const picker = state.picker;
  const view = state.campaign;
  if (!picker || !view || picker.selected.length === 0) return;
  shared.isBusy = true;
  try {
    const result =
      picker.kind === 'creators'
        ? await call<PickerResult>('addCampaignCreators', view.detail.code, picker.selected, picker.role, picker.note)
        : await call<PickerResult>('addCampaignProducts', view.detail.code, picker.selected.map(parseProductId), picker.priority, picker.note);
    showCampaign(result.view);
    state.picker = null;
    shared.isBusy = false;
    notify('info', result.added === 1 ? t('picker.addedOne') : t('picker.added', { count: result.added }));
  } catch (error) {
    fail(error);
  }
}

function chooseTab(tab: CampaignTab): void {
  state.tab = tab;
  if (state.campaign) rememberTab(state.campaign.detail.code, tab);
  render();
}

// ---------------------------------------------------------------------------- the view

registerView({
  id: 'campaign',
  // Any sidebar selection: a campaign row, a mapping row, or nothing (the code is typed then).
  matches: (page) => page === 'campaign',
  async open(context: SidebarContext | null) {
    if (context?.campaignCode) await loadCampaign(context.campaignCode);
    else render();
  },
  render: () => renderToolbar() + renderCampaign(),
  handleClick(target, root) {
    const button = target.closest<HTMLElement>('[data-action]');
    if (!button || (button as HTMLButtonElement).disabled) return false;
    readFields(root);
    switch (button.dataset['action']) {
      case 'load': {
        const input = root.querySelector<HTMLInputElement>('#code-input');
        void loadCampaign(input?.value.trim() ?? '');
        break;
      }
      case 'tab': {
        const tab = button.dataset['tab'];
        if (isCampaignTab(tab)) chooseTab(tab);
        break;
      }
      case 'transition':
        state.pending = newPendingTransition(button.dataset['to'] as CampaignStatus);
        shared.notice = null;
        render();
        break;
      case 'cancel-transition':
        state.pending = null;
        render();
        break;
      case 'confirm-transition':
        void confirmTransition();
        break;
      case 'duplicate':
        void duplicate();
        break;
      case 'edit-postmortem':
        if (state.campaign) state.insights = postmortemFromBrief(state.campaign.detail);
        render();
        break;
      case 'save-postmortem':
        void savePostmortem();
        break;
      case 'open-creator-picker':
        state.picker = newCreatorPicker();
        render();
        void searchPicker();
        break;
      case 'open-product-picker':
        state.picker = newProductPicker(state.campaign?.detail.brandCode);
        render();
        void searchPicker();
        break;
      case 'close-picker':
        state.picker = null;
        render();
        break;
      case 'search':
        void searchPicker();
        break;
      case 'confirm-picker':
        void confirmPicker();
        break;
      default:
        return false;
    }
    return true;
  },
  handleChange(target, root) {
    const input = target as HTMLInputElement;
    const id = input.dataset['pick'];
    const picker = state.picker;
    if (!id || !picker) return false;
    readFields(root);
    togglePick(picker, id, input.checked);
    render();
    return true;
  },
  handleKeydown(event) {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Enter') return false;
    if (input.id === 'code-input') void loadCampaign(input.value.trim());
    else if (input.dataset['query'] !== undefined && state.picker) {
      readPickerFields(state.picker, input.closest<HTMLElement>('#app') ?? document.body);
      void searchPicker();
    } else return false;
    return true;
  },
  async refresh() {
    // The campaign's reasons and flags are phrased by the server: ask again in the new language.
    if (state.campaign) await loadCampaign(state.campaign.detail.code);
    else render();
  },
});

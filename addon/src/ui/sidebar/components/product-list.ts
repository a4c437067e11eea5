/** The campaign's products by priority with their note, and the button that opens the picker. */
import type { CampaignView } from '../../campaign-actions.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

export function renderProductList(view: CampaignView): string {
  const products = [...view.detail.products].sort((left, right) => left.priority - right.priority);
  const rows = products
    .map((product) => `<div class="item" data-test="campaign-product"><div class="title"><span class="chip">#${product.priority}</span> ${escapeHtml(product.name)}</div>
      <div class="sub">${escapeHtml(product.brandCode)} / ${escapeHtml(product.productCode)}${product.note ? ` · ${escapeHtml(product.note)}` : ''}</div></div>`)
    .join('');
  return `<div class="card" data-test="products"><h2>${escapeHtml(t('sidebar.products'))} · ${products.length}<button class="btn small" data-action="open-product-picker" data-test="add-products">+ ${escapeHtml(t('sidebar.addProducts'))}</button></h2>
    ${rows || `<div class="empty">${escapeHtml(t('sidebar.noProducts'))}</div>`}</div>`;
}

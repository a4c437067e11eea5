/**
 * The product picker of 000 §6.5: search, brand and category filters (the brand starts as the
 * campaign's), several picked at once, one priority and one note for all of them.
 */
import type { ProductSearchQuery, ProductSummary } from '../../../../../sync-server/src/contract/sync-payloads.js';
import { escapeHtml } from '../core/format.js';
import { t } from '../core/store.js';

export type ProductPicker = {
  kind: 'products';
  query: ProductSearchQuery;
  results: ProductSummary[] | null;
  /** "BRAND/PRODUCT" ids (productId). */
  selected: string[];
  priority: number;
  note: string;
};

export function newProductPicker(brandCode: string | undefined): ProductPicker {
  return { kind: 'products', query: brandCode ? { brand: brandCode } : {}, results: null, selected: [], priority: 1, note: '' };
}

export function productId(product: { brandCode: string; productCode: string }): string {
  return `${product.brandCode}/${product.productCode}`;
}

export function parseProductId(id: string): { brandCode: string; productCode: string } {
  const [brandCode = '', productCode = ''] = id.split('/');
  return { brandCode, productCode };
}

export function renderProductPicker(picker: ProductPicker, existing: Set<string>): string {
  const q = picker.query;
  const results =
    picker.results === null
      ? ''
      : picker.results.length === 0
        ? `<div class="empty" style="padding:8px">${escapeHtml(t('picker.noResults'))}</div>`
        : picker.results
            .map((product) => {
              const id = productId(product);
              const isOn = existing.has(id);
              return `<label class="result ${isOn ? 'disabled' : ''}" data-test="product-result">
                <input type="checkbox" data-pick="${escapeHtml(id)}" ${picker.selected.includes(id) ? 'checked' : ''} ${isOn ? 'disabled' : ''} />
                <div><div class="title">${escapeHtml(product.name)}</div><div class="sub">${escapeHtml(id)}${product.category ? ` · ${escapeHtml(product.category)}` : ''}${isOn ? ` · ${escapeHtml(t('picker.alreadyOn'))}` : ''}</div></div>
              </label>`;
            })
            .join('');
  return `<div class="card picker" data-test="product-picker">
    <h2>${escapeHtml(t('picker.products'))}<button class="btn ghost" data-action="close-picker">✕</button></h2>
    <div class="filters">
      <div class="full"><input type="search" data-query="search" placeholder="${escapeHtml(t('picker.searchProducts'))}" value="${escapeHtml(q.search ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.brand'))}</label><input type="text" data-query="brand" value="${escapeHtml(q.brand ?? '')}" /></div>
      <div><label>${escapeHtml(t('picker.category'))}</label><input type="text" data-query="category" value="${escapeHtml(q.category ?? '')}" /></div>
      <div class="full"><button class="btn" data-action="search">${escapeHtml(t('picker.find'))}</button></div>
    </div>
    ${picker.results === null ? '' : `<div class="results">${results}</div>`}
    <div class="bulk">
      <div><label style="font-size:11px;color:var(--muted)">${escapeHtml(t('picker.priority'))}</label><input type="number" min="1" data-bulk="priority" value="${picker.priority}" /></div>
      <input type="text" data-bulk="note" placeholder="${escapeHtml(t('picker.note'))}" value="${escapeHtml(picker.note)}" />
    </div>
    <div class="footer"><span class="sub">${escapeHtml(t('picker.selected', { count: picker.selected.length }))}</span>
      <button class="btn primary" data-action="confirm-picker" ${picker.selected.length === 0 ? 'disabled' : ''}>${escapeHtml(t('picker.add'))}</button></div>
  </div>`;
}

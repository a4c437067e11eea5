/**
 * The booking view (issue 14, item 10): the booking of the selected row on the Bookings,
 * Deliverables, Videos or Payments tab. Its status moves with the reasons a refused one has, the
 * deliverables as a checklist where a draft waiting for approval is approved or rejected (with a
 * note the creator reads), the payments with "mark paid" (invoice number and day), and the status
 * history. Every button is a REST action on the server; the answer redraws the view.
 */
import type { BookingDetail } from '../../../../../sync-server/src/contract/bookings/booking-payloads.js';
import { enumLabel } from '../../../../../sync-server/src/contract/i18n/enum-labels.js';
import type { BookingView } from '../../booking-actions.js';
import type { SidebarContext } from '../../campaign-actions.js';
import { call } from '../core/bridge.js';
import { escapeHtml, formatDate, formatMoney } from '../core/format.js';
import { fail, notify, render, shared, t } from '../core/store.js';
import { renderLanguageChoice } from '../components/language-choice.js';
import { registerView } from './view-registry.js';

type Deliverable = BookingDetail['deliverables'][number];
type Payment = BookingDetail['payments'][number];

const state: { code: string; view: BookingView | null } = { code: '', view: null };

const word = (enumName: 'booking_status' | 'deliverable_status' | 'payment_status', value: string) => escapeHtml(enumLabel(enumName, value, shared.language));

function renderMoves(detail: BookingDetail): string {
  const buttons = detail.nextStatuses
    .map((next) =>
      next.allowed
        ? `<button class="btn ${next.to === 'canceled' ? '' : 'primary'}" data-action="booking-move" data-to="${next.to}" data-test="booking-move-${next.to}">${word('booking_status', next.to)}</button>`
        : `<button class="btn" disabled data-test="booking-move-${next.to}" title="${escapeHtml(next.reasons.map((reason) => reason.message).join('\n'))}">${word('booking_status', next.to)}</button>`,
    )
    .join('');
  const reasons = detail.nextStatuses
    .filter((next) => !next.allowed && next.reasons.length > 0)
    .map((next) => `<li data-test="booking-refused-${next.to}"><strong>${word('booking_status', next.to)}</strong>: ${next.reasons.map((reason) => escapeHtml(reason.message)).join(' ')}</li>`)
    .join('');
  return `<section class="card" data-test="booking-moves"><h3>${escapeHtml(t('booking.moves'))}: <span class="badge">${word('booking_status', detail.status)}</span></h3>
    <div class="actions">${buttons}</div>${reasons ? `<ul class="reasons">${reasons}</ul>` : ''}
    <label>${escapeHtml(t('booking.note'))}<textarea id="booking-note" data-test="booking-note"></textarea></label></section>`;
}

function renderDeliverable(deliverable: Deliverable): string {
  const title = escapeHtml(deliverable.title);
  const isDraftWaiting = deliverable.status === 'waiting_approve';
  const review = isDraftWaiting
    ? `<button class="btn primary" data-action="deliverable-move" data-title="${title}" data-to="scheduled" data-test="approve">${escapeHtml(t('booking.approve'))}</button>
       <button class="btn" data-action="deliverable-move" data-title="${title}" data-to="rejected" data-test="reject">${escapeHtml(t('booking.reject'))}</button>`
    : '';
  const others = deliverable.nextStatuses
    .filter((to) => !(isDraftWaiting && (to === 'scheduled' || to === 'rejected')))
    .map((to) => `<button class="btn small" data-action="deliverable-move" data-title="${title}" data-to="${to}" data-test="deliverable-move-${to}">${word('deliverable_status', to)}</button>`)
    .join('');
  const done = deliverable.status === 'posted' ? '☑' : '☐';
  const overdue = deliverable.isOverdue ? ` <span class="badge warning" data-test="overdue">${escapeHtml(t('booking.overdue'))}</span>` : '';
  const lastNote = deliverable.lastNote ? `<div class="muted">“${escapeHtml(deliverable.lastNote.note)}”</div>` : '';
  return `<li data-test="deliverable" data-title="${title}">${done} <strong>${title}</strong> · ${word('deliverable_status', deliverable.status)}${overdue}
    ${deliverable.deadlinePost ? ` · ${escapeHtml(formatDate(deliverable.deadlinePost))}` : ''}${lastNote}<div class="actions">${review}${others}</div></li>`;
}

function renderPayment(payment: Payment): string {
  const key = escapeHtml(payment.key);
  const canPay = payment.nextStatuses.includes('paid');
  const payForm = canPay
    ? `<div class="pay-form"><input data-field="invoice" data-key="${key}" placeholder="${escapeHtml(t('booking.invoice'))}" value="${escapeHtml(payment.invoiceNumber ?? '')}">
       <input type="date" data-field="paid-on" data-key="${key}" value="${escapeHtml(payment.paymentDate ?? '')}" aria-label="${escapeHtml(t('booking.paymentDate'))}">
       <button class="btn primary" data-action="mark-paid" data-key="${key}" data-test="mark-paid">${escapeHtml(t('booking.markPaid'))}</button></div>`
    : '';
  return `<li data-test="payment" data-key="${key}">${escapeHtml(formatMoney(payment.amountBase))} · ${word('payment_status', payment.status)}${payment.invoiceNumber ? ` · ${escapeHtml(payment.invoiceNumber)}` : ''}${payForm}</li>`;
}

function renderBooking(detail: BookingDetail): string {
  const deliverables = detail.deliverables.length ? `<ul class="checklist">${detail.deliverables.map(renderDeliverable).join('')}</ul>` : `<p class="muted">${escapeHtml(t('booking.noDeliverables'))}</p>`;
  const payments = detail.payments.length ? `<ul>${detail.payments.map(renderPayment).join('')}</ul>` : `<p class="muted">${escapeHtml(t('booking.noPayments'))}</p>`;
  const history = detail.history.length
    ? `<ul class="history">${detail.history.map((entry) => `<li data-test="booking-history">${entry.from ? `${word('booking_status', entry.from)} → ` : ''}${word('booking_status', entry.to)} · ${escapeHtml(entry.by ?? '')} · ${escapeHtml(formatDate(entry.at.slice(0, 10)))}${entry.note ? ` — “${escapeHtml(entry.note)}”` : ''}</li>`).join('')}</ul>`
    : `<p class="muted">${escapeHtml(t('booking.noHistory'))}</p>`;
  const paid = detail.fee === null ? '' : `<p data-test="booking-paid">${escapeHtml(t('booking.paidOf', { paid: formatMoney(detail.paidTotal), fee: formatMoney(detail.feeBase) }))}</p>`;
  return `<header class="hero" data-test="booking-view"><h2>${escapeHtml(t('booking.title', { code: detail.code }))}</h2>
      <p>${escapeHtml(t('booking.of', { creator: detail.creatorName, campaign: detail.campaignCode }))}</p>${paid}</header>
    ${renderMoves(detail)}
    <section class="card"><h3>${escapeHtml(t('booking.deliverables'))} (${detail.deliverablesPosted}/${detail.deliverablesTotal})</h3>${deliverables}</section>
    <section class="card"><h3>${escapeHtml(t('booking.payments'))}</h3>${payments}</section>
    <section class="card"><h3>${escapeHtml(t('booking.history'))}</h3>${history}</section>`;
}

async function act(run: () => Promise<BookingView>): Promise<void> {
  shared.isBusy = true;
  render();
  try {
    state.view = await run();
    shared.isBusy = false;
    const warnings = state.view.warnings.join(' ');
    notify('info', warnings ? `${t('booking.moved')} ${warnings}` : t('booking.moved'));
  } catch (error) {
    fail(error);
  }
}

const noteOf = (root: HTMLElement) => (root.querySelector<HTMLTextAreaElement>('#booking-note')?.value ?? '').trim();

registerView({
  id: 'booking',
  matches: (page, context) => page === 'campaign' && Boolean(context?.bookingCode),
  async open(context: SidebarContext | null) {
    state.code = context?.bookingCode ?? '';
    render();
    try {
      state.view = await call<BookingView>('getBookingView', state.code);
      render();
    } catch (error) {
      fail(error);
    }
  },
  render() {
    const body = state.view ? renderBooking(state.view.detail) : `<p class="muted">…</p>`;
    return `${renderLanguageChoice()}<main data-view="booking">${body}</main>`;
  },
  handleClick(target, root) {
    const button = target.closest<HTMLElement>('[data-action]');
    if (!button || !state.view || shared.isBusy) return false;
    const { action, to = '', title = '', key = '' } = button.dataset;
    const code = state.view.detail.code;
    const note = noteOf(root);
    if (action === 'booking-move') void act(() => call<BookingView>('moveBooking', code, to, note || undefined));
    else if (action === 'deliverable-move') {
      // A rejection is for the creator: without a note they would not know what to change.
      if (to === 'rejected' && !note) notify('error', t('booking.rejectNeedsNote'));
      else void act(() => call<BookingView>('moveDeliverable', code, title, to, note || undefined));
    } else if (action === 'mark-paid') {
      const field = (name: string) => root.querySelector<HTMLInputElement>(`[data-field="${name}"][data-key="${CSS.escape(key)}"]`)?.value.trim() ?? '';
      void act(() => call<BookingView>('markPaymentPaid', code, key, field('invoice'), field('paid-on')));
    } else return false;
    return true;
  },
  handleChange: () => false,
  handleKeydown: () => false,
});

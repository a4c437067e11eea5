/**
 * What the sidebar's booking view calls through google.script.run (issue 14, item 10): the
 * booking of the selected row with its deliverables, payments and history, and its moves: the
 * booking's status, a draft approved or rejected, a payment marked paid. Every move is a REST
 * action on the server, so the same write-door rules answer as for a sheet push; then a pull
 * brings the new statuses and row versions into the tabs, so the planner's next edit is no conflict.
 */
import type { BookingDetail, DeliverableTransitionRequest, PaymentTransitionRequest } from '../../../sync-server/src/contract/bookings/booking-payloads.js';
import { openSyncApi } from '../sync-client/gas-http.js';
import { pullChanges, reportFailures } from './sync-actions.js';

export type BookingView = { detail: BookingDetail; warnings: string[] };

export function getBookingView(code: string): BookingView {
  return reportFailures(() => ({ detail: openSyncApi().getBooking(code), warnings: [] }));
}

export function moveBooking(code: string, to: BookingDetail['status'], note?: string): BookingView {
  return reportFailures(() => {
    const api = openSyncApi();
    const moved = api.transitionBooking(code, note ? { to, note } : { to });
    pullChanges();
    return { detail: api.getBooking(code), warnings: moved.warnings };
  });
}

export function moveDeliverable(bookingCode: string, title: string, to: DeliverableTransitionRequest['to'], note?: string): BookingView {
  return reportFailures(() => {
    const api = openSyncApi();
    const moved = api.transitionDeliverable(bookingCode, title, note ? { to, note } : { to });
    pullChanges();
    return { detail: api.getBooking(bookingCode), warnings: moved.warnings };
  });
}

export function markPaymentPaid(bookingCode: string, key: string, invoiceNumber: string, paymentDate: string): BookingView {
  return reportFailures(() => {
    const api = openSyncApi();
    const body: PaymentTransitionRequest = { to: 'paid', ...(invoiceNumber ? { invoiceNumber } : {}), ...(paymentDate ? { paymentDate } : {}) };
    const moved = api.transitionPayment(key, body);
    pullChanges();
    return { detail: api.getBooking(bookingCode), warnings: moved.warnings };
  });
}

/**
 * Bookings, their deliverables and payments as the REST API speaks them (issue 14): read by
 * their codes and keys within what the reader may see, moved through the write door. The door
 * holds every rule of the three workflows (execution.rules.ts) and writes the booking's status
 * history (execution.effects.ts); this file only finds rows, shapes answers and asks the door.
 */
import {
  executionStatusWord,
  findExecutionMove,
  listNextExecutionStatuses,
  type BookingStatus,
  type DeliverableStatus,
  type PaymentStatus,
  type Workflow,
} from '../../contract/bookings/execution-lifecycle.js';
import { t } from '../../contract/i18n/translate.js';
import { getTableDefinition, type NormalisedValue, type TableName } from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { applyActionChanges } from '../../write/apply-actions.js';
import type { RowResult, WriteProblem } from '../../write/change-set.js';
import { runInWriteTransaction } from '../../write/write-session.js';
import type { Actor } from '../access/actor.js';
import { canSeeSpend } from '../access/money-redaction.js';
import { assertAllowed, isAllowed } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { todayIn, type CampaignsConfig } from '../campaigns/campaigns.config.js';
import { decodeCursor, encodeCursor } from '../campaigns/sql-builder.js';
import type {
  BookingDetail,
  BookingListItem,
  BookingListQuery,
  BookingListResponse,
  BookingNextStatus,
  BookingTransitionRequest,
  BookingTransitionResponse,
  DeliverableTransitionRequest,
  DeliverableTransitionResponse,
  PaymentTransitionRequest,
  PaymentTransitionResponse,
} from '../../contract/bookings/booking-payloads.js';
import {
  findBookingDeliverables,
  findBookingPage,
  findBookingPayments,
  findBookingStatusHistory,
  findDeliverablesByTitle,
  findLastDeliverableNotes,
  findVisibleBookingByCode,
  findVisiblePaymentByKey,
  type BookingListRow,
  type BookingRow,
} from './bookings.repository.js';

const BOOKINGS = getTableDefinition('bookings');
const DELIVERABLES = getTableDefinition('booking_deliverables');
const PAYMENTS = getTableDefinition('payments');

/** A REST action's one row: by id, numbered 2 like every action's. */
const ACTION_ROW = 2;

/**
 * The live booking with this code (any case), or 404 naming it. Only among the bookings of
 * campaigns the reader may see: another brand's booking is a 404 for a client, like a code that
 * does not exist, so that its existence does not leak.
 */
async function resolveBooking(db: Db, actor: Actor, code: string): Promise<BookingRow> {
  assertAllowed(actor, 'campaign.view');
  const booking = await findVisibleBookingByCode(db, actor, code);
  if (!booking) throw new AppError({ code: 'NOT_FOUND', reason: 'BOOKING_NOT_FOUND', userMessage: t('bookingApi.bookingNotFound', { code }) });
  return booking;
}

/** Asking for the status a row has is a mistake in the request, not a change for the door to check. */
function alreadyInStatus(workflow: Workflow, table: TableName, status: string): AppError {
  const message = t('bookingApi.alreadyInStatus', { thing: t(`execution.thing.${workflow}`), status: executionStatusWord(workflow, status) });
  return new AppError({ code: 'VALIDATION_FAILED', reason: 'ALREADY_IN_STATUS', userMessage: message, problems: [{ table, column: 'status', value: status, message }] });
}

function warningsOf(results: readonly RowResult[][]): string[] {
  return [...new Set(results.flat().flatMap((result) => result.warnings))];
}

// ── List ──────────────────────────────────────────────────────────────────────────────

function toListItem(row: BookingListRow, canSeeMoney: boolean): BookingListItem {
  return {
    code: row.code,
    campaignCode: row.campaign_code,
    creatorKey: row.creator_key,
    creatorName: row.creator_name,
    bookingType: row.booking_type as BookingListItem['bookingType'],
    status: row.status as BookingStatus,
    fee: canSeeMoney ? row.fee : null,
    currency: row.currency,
    feeBase: canSeeMoney ? row.fee_base : null,
    deliverablesPosted: row.deliverables_posted,
    deliverablesTotal: row.deliverables_total,
    paidTotal: canSeeMoney ? row.paid_total : null,
    createdAt: row.created_at,
  };
}

/** Newest first, keyset-paginated: a page is one statement, its totals included. */
export async function listBookingsPage(db: Db, actor: Actor, query: BookingListQuery): Promise<BookingListResponse> {
  assertAllowed(actor, 'campaign.view');
  const decoded = decodeCursor(query.cursor);
  if (query.cursor && (!decoded?.k || !decoded.id || !/^[0-9a-f-]{36}$/i.test(decoded.id) || Number.isNaN(Date.parse(decoded.k)))) {
    throw new AppError({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', userMessage: t('bookingApi.cursorOutOfDate') });
  }
  const after = decoded?.k && decoded.id ? { key: decoded.k, id: decoded.id } : undefined;
  const rows = await findBookingPage(db, actor, { campaignCodes: query.campaign, statuses: query.status, creatorKeys: query.creator }, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const canSeeMoney = canSeeSpend(actor);
  return {
    items: page.map((row) => toListItem(row, canSeeMoney)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.sort_key, id: last.id }) : null,
  };
}

// ── Detail ────────────────────────────────────────────────────────────────────────────

/**
 * Each status the lifecycle offers from here, tried by the write door as a dry run: the reasons
 * are the door's own (rights, locks, fee, deliverables, blacklist), in the words the transition
 * would answer with, and nothing is written. No copy of the rules to drift from them.
 */
async function planBookingMoves(prisma: PrismaClient, actor: Actor, booking: BookingRow, config: CampaignsConfig): Promise<BookingNextStatus[]> {
  const moves: BookingNextStatus[] = [];
  for (const to of listNextExecutionStatuses('booking', booking.status) as BookingStatus[]) {
    const { value } = await runInWriteTransaction(
      prisma,
      actor,
      async (session) => {
        const results = await session.apply({ table: BOOKINGS, rows: [{ rowNumber: ACTION_ROW, id: booking.id, values: { status: to } }], auditAction: 'transition' });
        const problems: WriteProblem[] = results.filter((result) => result.outcome === 'error' || result.outcome === 'conflict').flatMap((result) => result.problems);
        for (const deferred of await session.finish()) problems.push(deferred.problem);
        return { problems, warnings: warningsOf([results]) };
      },
      { config, isDryRun: true, isReplayable: true },
    );
    const reasons = [...new Map(value.problems.map((problem) => [`${problem.code}\u0000${problem.message}`, { code: problem.code, message: problem.message }])).values()];
    moves.push({ to, move: findExecutionMove('booking', booking.status, to) ?? '', allowed: reasons.length === 0, reasons, warnings: reasons.length === 0 ? value.warnings : [] });
  }
  return moves;
}

/** The booking with its deliverables (overdue flagged), payments, status history and the moves it can make. */
export async function readBookingDetail(prisma: PrismaClient, actor: Actor, code: string, config: CampaignsConfig): Promise<BookingDetail> {
  const booking = await resolveBooking(prisma, actor, code);
  // Who moved a booking and why is the agency's, like a campaign's history: a client sees none.
  const canSeeHistory = isAllowed(actor, 'campaign.history.view');
  const [deliverables, payments, history] = await Promise.all([
    findBookingDeliverables(prisma, booking.id, todayIn(config.timeZone)),
    findBookingPayments(prisma, booking.id),
    canSeeHistory ? findBookingStatusHistory(prisma, booking.id) : [],
  ]);
  const notes = new Map((canSeeHistory ? await findLastDeliverableNotes(prisma, deliverables.map((row) => row.id)) : []).map((row) => [row.entity_id, row]));
  const nextStatuses = await planBookingMoves(prisma, actor, booking, config);
  const canSeeMoney = canSeeSpend(actor);
  return {
    ...toListItem(booking, canSeeMoney),
    campaignName: booking.campaign_name,
    brandCode: booking.brand_code,
    platform: booking.platform,
    handle: booking.handle,
    productCode: booking.product_code,
    briefSummary: booking.brief_summary,
    startDate: booking.start_date,
    endDate: booking.end_date,
    rowVersion: booking.row_version,
    updatedAt: booking.updated_at,
    deliverables: deliverables.map((row) => {
      const note = notes.get(row.id);
      return {
        title: row.title,
        deliverableCode: row.deliverable_code,
        deliverableType: row.deliverable_type as BookingDetail['deliverables'][number]['deliverableType'],
        status: row.status as DeliverableStatus,
        deadlineShoot: row.deadline_shoot,
        deadlinePost: row.deadline_post,
        quantity: row.quantity,
        fee: canSeeMoney ? row.fee : null,
        isOverdue: row.is_overdue,
        nextStatuses: listNextExecutionStatuses('deliverable', row.status) as DeliverableStatus[],
        lastNote: note ? { note: note.note, by: note.by, at: note.at } : null,
        rowVersion: row.row_version,
      };
    }),
    payments: payments.map((row) => ({
      key: row.payment_ref ?? row.id,
      paymentRef: row.payment_ref,
      amount: canSeeMoney ? row.amount : null,
      currency: row.currency,
      amountBase: canSeeMoney ? row.amount_base : null,
      paymentDate: row.payment_date,
      paymentMethod: row.payment_method as BookingDetail['payments'][number]['paymentMethod'],
      status: row.status as PaymentStatus,
      invoiceNumber: row.invoice_number,
      note: row.note,
      nextStatuses: listNextExecutionStatuses('payment', row.status) as PaymentStatus[],
      rowVersion: row.row_version,
    })),
    history: history.map((row) => ({ from: row.from_status as BookingStatus | null, to: row.to_status as BookingStatus, by: row.by, note: row.note, at: row.at })),
    nextStatuses,
  };
}

// ── Transitions ───────────────────────────────────────────────────────────────────────

/** Moves a booking; the door runs its rules, and its effect writes the status history row with the note. */
export async function transitionBookingByCode(prisma: PrismaClient, actor: Actor, code: string, request: BookingTransitionRequest, config: CampaignsConfig): Promise<BookingTransitionResponse> {
  const booking = await resolveBooking(prisma, actor, code);
  const from = booking.status as BookingStatus;
  if (from === request.to) throw alreadyInStatus('booking', 'bookings', request.to);
  const { results } = await applyActionChanges(
    prisma,
    actor,
    // Bound to the version the caller saw, else to the one just read: of two people moving one
    // booking at once, the second is told it changed meanwhile, never "moved" for the first's change.
    () => [{ table: BOOKINGS, rows: [{ rowNumber: ACTION_ROW, id: booking.id, values: { status: request.to }, expectedVersion: request.expectedRowVersion ?? booking.row_version }], auditAction: 'transition', auditNote: request.note || null }],
    async () => undefined,
    { config, summary: t('bookingApi.bookingCannotMove', { code: booking.code, from: executionStatusWord('booking', from), to: executionStatusWord('booking', request.to) }) },
  );
  return { code: booking.code, from, status: request.to, warnings: warningsOf(results) };
}

/**
 * Moves a deliverable along content approval: approve (waiting_approve → scheduled) and reject
 * (→ rejected) are a planner's (the door's rights on the deliverables tab: lead or admin). A
 * rejection must say why: the note is what the creator reworks the draft from.
 */
export async function transitionDeliverable(prisma: PrismaClient, actor: Actor, bookingCode: string, title: string, request: DeliverableTransitionRequest, config: CampaignsConfig): Promise<DeliverableTransitionResponse> {
  const booking = await resolveBooking(prisma, actor, bookingCode);
  const matches = await findDeliverablesByTitle(prisma, booking.id, title);
  if (matches.length === 0) throw new AppError({ code: 'NOT_FOUND', reason: 'DELIVERABLE_NOT_FOUND', userMessage: t('bookingApi.deliverableNotFound', { code: booking.code, title }) });
  if (matches.length > 1) throw new AppError({ code: 'CONFLICT', reason: 'DELIVERABLE_AMBIGUOUS', userMessage: t('bookingApi.deliverableAmbiguous', { code: booking.code, title, count: matches.length }) });
  const deliverable = matches[0]!;
  const from = deliverable.status as DeliverableStatus;
  if (from === request.to) throw alreadyInStatus('deliverable', 'booking_deliverables', request.to);
  if (request.to === 'rejected' && !request.note) {
    const message = t('bookingApi.rejectNeedsNote');
    throw new AppError({ code: 'VALIDATION_FAILED', reason: 'NOTE_REQUIRED', userMessage: message, problems: [{ table: 'booking_deliverables', column: 'note', value: null, message }] });
  }
  const { results } = await applyActionChanges(
    prisma,
    actor,
    () => [{ table: DELIVERABLES, rows: [{ rowNumber: ACTION_ROW, id: deliverable.id, values: { status: request.to }, expectedVersion: request.expectedRowVersion ?? deliverable.row_version }], auditAction: 'transition', auditNote: request.note || null }],
    async () => undefined,
    { config, summary: t('bookingApi.deliverableCannotMove', { code: booking.code, title: deliverable.title, from: executionStatusWord('deliverable', from), to: executionStatusWord('deliverable', request.to) }) },
  );
  return { bookingCode: booking.code, title: deliverable.title, from, status: request.to, warnings: warningsOf(results) };
}

/**
 * Moves a payment: marking it paid is finance's (or an admin's), with an invoice number and a
 * date, never over the agreed fee; the door checks all of it. The note goes to the history
 * beside the change; the payment's own note (what it is for) stays as it is.
 */
export async function transitionPayment(prisma: PrismaClient, actor: Actor, key: string, request: PaymentTransitionRequest, config: CampaignsConfig): Promise<PaymentTransitionResponse> {
  assertAllowed(actor, 'campaign.view');
  const payment = await findVisiblePaymentByKey(prisma, actor, key);
  if (!payment) throw new AppError({ code: 'NOT_FOUND', reason: 'PAYMENT_NOT_FOUND', userMessage: t('bookingApi.paymentNotFound', { key }) });
  const from = payment.status as PaymentStatus;
  const paymentKey = payment.payment_ref ?? payment.id;
  if (from === request.to) throw alreadyInStatus('payment', 'payments', request.to);
  const values: Record<string, NormalisedValue> = { status: request.to };
  if (request.invoiceNumber !== undefined) values.invoice_number = request.invoiceNumber;
  if (request.paymentDate !== undefined) values.payment_date = request.paymentDate;
  const { results } = await applyActionChanges(
    prisma,
    actor,
    () => [{ table: PAYMENTS, rows: [{ rowNumber: ACTION_ROW, id: payment.id, values, expectedVersion: request.expectedRowVersion ?? payment.row_version }], auditAction: 'transition', auditNote: request.note || null }],
    async () => undefined,
    { config, summary: t('bookingApi.paymentCannotMove', { key: paymentKey, from: executionStatusWord('payment', from), to: executionStatusWord('payment', request.to) }) },
  );
  return {
    key: paymentKey,
    bookingCode: payment.booking_code,
    from,
    status: request.to,
    invoiceNumber: request.invoiceNumber ?? payment.invoice_number,
    paymentDate: request.paymentDate ?? payment.payment_date,
    warnings: warningsOf(results),
  };
}

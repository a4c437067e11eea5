/**
 * Paths, query strings, bodies and answers of the bookings, deliverables and payments endpoints
 * (issue 14): one home for the server's routes and the sidebar's booking view.
 */
import { z } from 'zod';
import { enumValues } from '../enums.js';
import { transitionReasonSchema } from '../sync-payloads.js';

export const bookingStatusSchema = z.enum(enumValues.booking_status).meta({ id: 'BookingStatus' });
export const deliverableStatusSchema = z.enum(enumValues.deliverable_status).meta({ id: 'DeliverableStatus' });
export const paymentStatusSchema = z.enum(enumValues.payment_status).meta({ id: 'PaymentStatus' });

/** "a,b" or a repeated parameter (?status=a&status=b) both read as a list. */
function listParam<T extends z.ZodType>(item: T) {
  return z
    .preprocess((value) => {
      const values = Array.isArray(value) ? value : [value];
      return values.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [entry])).map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => entry !== '');
    }, z.array(item).max(100))
    .optional();
}

const note = z.string().trim().max(2000);
const expectedRowVersion = z.number().int().positive().optional().describe('The rowVersion you last read: a booking changed since answers 409 instead of being overwritten.');

// ── Paths ─────────────────────────────────────────────────────────────────────────────

export const bookingCodeParamsSchema = z.object({ code: z.string().min(1).max(64).describe('The booking code, e.g. "BK-0001".') });

export const deliverableParamsSchema = z.object({
  code: z.string().min(1).max(64).describe('The code of the deliverable’s booking.'),
  title: z.string().min(1).max(500).describe('The deliverable’s title, as the deliverables tab and the videos tab name it (URL-encoded).'),
});

export const paymentKeyParamsSchema = z.object({
  key: z.string().min(1).max(200).describe('The payment’s payment_ref, or its id when it has none (the key field of a booking’s payments).'),
});

// ── List ──────────────────────────────────────────────────────────────────────────────

export const bookingListQuerySchema = z.object({
  campaign: listParam(z.string().min(1).max(64)).describe('Campaign codes, comma-separated.'),
  status: listParam(bookingStatusSchema).describe('Booking statuses, comma-separated.'),
  creator: listParam(z.string().min(1).max(500)).describe('Creator keys, comma-separated.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
});
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;

export const bookingListItemSchema = z
  .object({
    code: z.string(),
    campaignCode: z.string(),
    creatorKey: z.string(),
    creatorName: z.string(),
    bookingType: z.enum(enumValues.booking_type),
    status: bookingStatusSchema,
    /** The agreed fee in the booking's currency; null for roles that may not see spend. */
    fee: z.number().nullable(),
    currency: z.string(),
    /** The agreed fee in the tenant's base currency; null for roles that may not see spend. */
    feeBase: z.number().nullable(),
    deliverablesPosted: z.number().int(),
    /** Deliverables still to deliver or delivered: canceled ones don't count. */
    deliverablesTotal: z.number().int(),
    /** Paid payments in the tenant's base currency; null for roles that may not see spend. */
    paidTotal: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'BookingListItem' });
export type BookingListItem = z.infer<typeof bookingListItemSchema>;

export const bookingListResponseSchema = z
  .object({
    items: z.array(bookingListItemSchema),
    /** Send back as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'BookingListResponse' });
export type BookingListResponse = z.infer<typeof bookingListResponseSchema>;

// ── Detail ────────────────────────────────────────────────────────────────────────────

export const bookingNextStatusSchema = z
  .object({
    to: bookingStatusSchema,
    /** confirm, start, complete, cancel. */
    move: z.string(),
    allowed: z.boolean(),
    /** Why the move would be refused, every reason, as the transition would answer; empty when allowed. */
    reasons: z.array(transitionReasonSchema),
    /** What the move would also do or should make you check (the creator added to the campaign …). */
    warnings: z.array(z.string()),
  })
  .meta({ id: 'BookingNextStatus' });
export type BookingNextStatus = z.infer<typeof bookingNextStatusSchema>;

export const bookingDeliverableSchema = z
  .object({
    title: z.string(),
    deliverableCode: z.string().nullable(),
    deliverableType: z.enum(enumValues.deliverable_type),
    status: deliverableStatusSchema,
    deadlineShoot: z.string().nullable(),
    deadlinePost: z.string().nullable(),
    quantity: z.number().int(),
    /** Null for roles that may not see spend. */
    fee: z.number().nullable(),
    /** deadline_post has passed (the team's day) and it is neither posted nor canceled. */
    isOverdue: z.boolean(),
    /** Where the content-approval workflow lets it go from here. */
    nextStatuses: z.array(deliverableStatusSchema),
    /** The last note given with a status change (a rejection's reason); null when none, or for a client. */
    lastNote: z.object({ note: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'BookingDeliverable' });

export const bookingPaymentSchema = z
  .object({
    /** What POST /payments/{key}/transition takes: the payment_ref, or the id when it has none. */
    key: z.string(),
    paymentRef: z.string().nullable(),
    /** Null for roles that may not see spend. */
    amount: z.number().nullable(),
    currency: z.string(),
    /** In the tenant's base currency; null for roles that may not see spend. */
    amountBase: z.number().nullable(),
    paymentDate: z.string().nullable(),
    paymentMethod: z.enum(enumValues.payment_method),
    status: paymentStatusSchema,
    invoiceNumber: z.string().nullable(),
    note: z.string().nullable(),
    nextStatuses: z.array(paymentStatusSchema),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'BookingPayment' });

export const bookingHistoryEntrySchema = z
  .object({
    /** Null for the booking's first status. */
    from: bookingStatusSchema.nullable(),
    to: bookingStatusSchema,
    /** Who changed it, as their name; null for an import or a system job. */
    by: z.string().nullable(),
    note: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'BookingHistoryEntry' });

export const bookingDetailSchema = z
  .object({
    code: z.string(),
    campaignCode: z.string(),
    campaignName: z.string(),
    brandCode: z.string(),
    creatorKey: z.string(),
    creatorName: z.string(),
    platform: z.string().nullable(),
    handle: z.string().nullable(),
    productCode: z.string().nullable(),
    bookingType: z.enum(enumValues.booking_type),
    briefSummary: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    status: bookingStatusSchema,
    fee: z.number().nullable(),
    currency: z.string(),
    feeBase: z.number().nullable(),
    paidTotal: z.number().nullable(),
    deliverablesPosted: z.number().int(),
    deliverablesTotal: z.number().int(),
    /** Send back as expectedRowVersion with a transition. */
    rowVersion: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliverables: z.array(bookingDeliverableSchema),
    payments: z.array(bookingPaymentSchema),
    /** Status changes, newest first; empty for a client (the agency's history stays the agency's). */
    history: z.array(bookingHistoryEntrySchema),
    /** Every status the lifecycle offers from here, each with whether this reader may move there now and why not. */
    nextStatuses: z.array(bookingNextStatusSchema),
  })
  .meta({ id: 'BookingDetail' });
export type BookingDetail = z.infer<typeof bookingDetailSchema>;

// ── Transitions ───────────────────────────────────────────────────────────────────────

export const bookingTransitionRequestSchema = z
  .object({ to: bookingStatusSchema, note: note.optional().describe('Kept in the booking’s status history.'), expectedRowVersion })
  .meta({ id: 'BookingTransitionRequest' });
export type BookingTransitionRequest = z.infer<typeof bookingTransitionRequestSchema>;

export const deliverableTransitionRequestSchema = z
  .object({
    to: deliverableStatusSchema,
    note: note.optional().describe('Why: required to reject a draft (the creator reads it); kept in the history.'),
    expectedRowVersion: expectedRowVersion.describe('The deliverable’s rowVersion you last read.'),
  })
  .meta({ id: 'DeliverableTransitionRequest' });
export type DeliverableTransitionRequest = z.infer<typeof deliverableTransitionRequestSchema>;

export const paymentTransitionRequestSchema = z
  .object({
    to: paymentStatusSchema,
    invoiceNumber: z.string().trim().min(1).max(200).optional().describe('Required to mark paid, unless the payment has one already.'),
    paymentDate: z.iso.date().optional().describe('The day the money left, YYYY-MM-DD. Required to mark paid, unless the payment has one already.'),
    note: note.optional().describe('Kept in the history beside the change (the payment’s own note is not changed).'),
    expectedRowVersion: expectedRowVersion.describe('The payment’s rowVersion you last read.'),
  })
  .meta({ id: 'PaymentTransitionRequest' });
export type PaymentTransitionRequest = z.infer<typeof paymentTransitionRequestSchema>;

const warnings = z.array(z.string()).describe('Accepted, with something to check (paid before every deliverable is posted …).');

export const bookingTransitionResponseSchema = z
  .object({ code: z.string(), from: bookingStatusSchema, status: bookingStatusSchema, warnings })
  .meta({ id: 'BookingTransitionResponse' });
export type BookingTransitionResponse = z.infer<typeof bookingTransitionResponseSchema>;

export const deliverableTransitionResponseSchema = z
  .object({ bookingCode: z.string(), title: z.string(), from: deliverableStatusSchema, status: deliverableStatusSchema, warnings })
  .meta({ id: 'DeliverableTransitionResponse' });
export type DeliverableTransitionResponse = z.infer<typeof deliverableTransitionResponseSchema>;

export const paymentTransitionResponseSchema = z
  .object({ key: z.string(), bookingCode: z.string(), from: paymentStatusSchema, status: paymentStatusSchema, invoiceNumber: z.string().nullable(), paymentDate: z.string().nullable(), warnings })
  .meta({ id: 'PaymentTransitionResponse' });
export type PaymentTransitionResponse = z.infer<typeof paymentTransitionResponseSchema>;

/** Paths, query strings and answers of the creator endpoints (the sidebar's notes, a booking's proposed fee). */
import { z } from 'zod';
import { enumValues } from '../../contract/index.js';
import { creatorStatusSchema } from '../../contract/sync-payloads.js';

export const creatorKeyParamsSchema = z.object({
  key: z.string().min(1).max(500).describe('The creator_key, e.g. "linh.nguyen".'),
});

export const creatorNoteTypeSchema = z.enum(enumValues.creator_note_type);
export const rateCardDeliverableTypeSchema = z.enum(enumValues.rate_card_deliverable_type);

export const creatorNotesResponseSchema = z
  .object({
    creatorKey: z.string(),
    /** Newest first. */
    notes: z.array(
      z.object({
        title: z.string(),
        type: creatorNoteTypeSchema,
        /** Markdown. */
        content: z.string(),
        /** Who wrote it, when the note names a user. */
        author: z.object({ username: z.string(), displayName: z.string() }).nullable(),
        /** When the note was first saved (ISO instant). */
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'CreatorNotesResponse' });
export type CreatorNotesResponse = z.infer<typeof creatorNotesResponseSchema>;

export const rateCardQuerySchema = z.object({
  deliverable_type: rateCardDeliverableTypeSchema.describe('The kind of work the fee is for.'),
  date: z.iso.date().describe('The day the fee applies on (a booking: its start date), YYYY-MM-DD.'),
});

export const rateCardProposalResponseSchema = z
  .object({
    creatorKey: z.string(),
    deliverableType: rateCardDeliverableTypeSchema,
    date: z.string(),
    /** The creator's rate card valid on that day for that work; null when there is none. */
    proposal: z
      .object({
        price: z.number(),
        currency: z.string(),
        /** The price in the tenant's base currency at the exchange rate of that day; null when no rate is known. */
        basePrice: z.number().nullable(),
        baseCurrency: z.string(),
        description: z.string().nullable(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        /** The channel the price is for, as "platform:handle"; null for every channel. */
        channel: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'RateCardProposalResponse' });
export type RateCardProposalResponse = z.infer<typeof rateCardProposalResponseSchema>;

const count = z.number().int().nonnegative();

export const creatorScorecardResponseSchema = z
  .object({
    creatorKey: z.string(),
    name: z.string(),
    status: creatorStatusSchema,
    /** Distinct campaigns of its bookings that are live and not canceled. */
    campaigns: count,
    /** Its bookings that are live and not canceled. */
    bookings: count,
    /**
     * Of its posted deliverables with a post deadline and a linked video with a post date, the share
     * posted on or before the deadline (0–1); null while there is none to measure.
     */
    onTimeRate: z.number().min(0).max(1).nullable(),
    /** How many deliverables the on-time rate is measured on, and how many of them were on time. */
    deliverablesMeasured: count,
    deliverablesOnTime: count,
    /** Every time one of its drafts was rejected, from the history: a draft reworked and accepted still counts. */
    rejectionCount: count,
    /**
     * What CREATOR_RISK counts for this creator, by the same definition: deliverables rejected now,
     * or past their post deadline and neither posted nor canceled (one counted once even when both).
     */
    risk: z.object({ rejectedNow: count, overdueNow: count, troubleCount: count }),
    /** Mean of its live videos' views at their latest snapshot; a video with no snapshot yet is left out. */
    avgViewsPerVideo: z.number().nullable(),
    videosMeasured: count,
    /** Orders and revenue attributed to its tracking codes and links (revenue in the base currency). */
    orders: count,
    revenue: z.number(),
    /** Its paid payments in the base currency; null for a reader without the right to see budgets. */
    totalPaid: z.number().nullable(),
    /** Revenue divided by total paid; null when nothing was paid, or for a reader without the right to see budgets. */
    roas: z.number().nullable(),
    /** The latest end date (else start date) of its bookings that are not canceled, YYYY-MM-DD. */
    lastCollaboration: z.string().nullable(),
    baseCurrency: z.string(),
  })
  .meta({ id: 'CreatorScorecardResponse' });
export type CreatorScorecardResponse = z.infer<typeof creatorScorecardResponseSchema>;

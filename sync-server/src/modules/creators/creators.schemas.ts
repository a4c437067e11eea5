/** Paths, query strings and answers of the creator endpoints (the sidebar's notes, a booking's proposed fee). */
import { z } from 'zod';
import { enumValues } from '../../contract/index.js';

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

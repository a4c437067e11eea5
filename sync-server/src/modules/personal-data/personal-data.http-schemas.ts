/** The HTTP shapes of the personal-data doors (erasure). */
import { z } from 'zod';
import { enumValues } from '../../contract/index.js';

export const creatorKeyParamsSchema = z.object({ creatorKey: z.string().trim().min(1).max(500).describe('The creator key, e.g. KOC-LINHBEAUTY.') });

export const eraseRequestSchema = z.object({
  confirm: z.string().max(500).optional().describe('The creator key again, exactly: the erasure cannot be undone.'),
  contact: z
    .object({ type: z.enum(enumValues.contact_type as unknown as [string, ...string[]]), name: z.string().trim().min(1).max(500) })
    .optional()
    .describe('Erase only this contact of the creator (its contact_type and name), leaving the creator as it is.'),
});

export const eraseResponseSchema = z.object({
  creatorKey: z.string(),
  name: z.string().describe('The creator name after the erasure ("Erased creator 1a2b3c4d").'),
  erasedAt: z.string(),
  contactsErased: z.number().int(),
  channelsAnonymised: z.number().int(),
  notesErased: z.number().int(),
  kept: z.object({ bookings: z.number().int(), payments: z.number().int(), videos: z.number().int() }).describe('What stays: the business record.'),
});

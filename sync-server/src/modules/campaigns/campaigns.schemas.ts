/** Input shapes of the campaign services, parsed with zod at the service boundary. */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-02-01.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Not a real calendar date.');

const money = z.number().finite().nonnegative('Must be 0 or more.').max(1e15, 'Too large.');
const count = z.number().int('Must be a whole number.').nonnegative('Must be 0 or more.').max(Number.MAX_SAFE_INTEGER);

export const campaignCodeSchema = z
  .string()
  .trim()
  .min(1, 'A campaign needs a code.')
  .max(64, 'At most 64 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Letters, digits, dot, dash or underscore, starting with a letter or digit (e.g. TET-2026).');

const editableFields = {
  name: z.string().trim().min(1, 'A campaign needs a name.').max(200, 'At most 200 characters.'),
  brandId: z.uuid('Choose a brand.'),
  channel: z.enum(['tiktok', 'multi']),
  objective: z.enum(['awareness', 'traffic', 'sale', 'launch', 'clearance']),
  description: z.string().max(100_000).nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  budgetPlanned: money.nullable(),
  kpiView: count.nullable(),
  kpiOrder: count.nullable(),
  kpiRevenue: money.nullable(),
  ownerId: z.uuid().nullable(),
};

export const createCampaignSchema = z.object({
  code: campaignCodeSchema,
  ...editableFields,
  channel: editableFields.channel.default('tiktok'),
  description: editableFields.description.optional(),
  startDate: editableFields.startDate.optional(),
  endDate: editableFields.endDate.optional(),
  budgetPlanned: editableFields.budgetPlanned.optional(),
  kpiView: editableFields.kpiView.optional(),
  kpiOrder: editableFields.kpiOrder.optional(),
  kpiRevenue: editableFields.kpiRevenue.optional(),
  /** Defaults to the acting user. */
  ownerId: editableFields.ownerId.optional(),
  /** "Save as draft" or "Save & set planned" (000 §6.2). */
  status: z.enum(['draft', 'planned']).default('draft'),
});
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

export const updateCampaignSchema = z
  .object({ code: campaignCodeSchema, ...editableFields })
  .partial()
  .extend({ expectedRowVersion: z.number().int().positive().optional() });
export type UpdateCampaignInput = z.input<typeof updateCampaignSchema>;

export const assignCreatorsSchema = z.object({
  campaignId: z.uuid(),
  creatorIds: z.array(z.uuid()).min(1, 'Pick at least one creator.').max(1000),
  role: z.enum(['main', 'supporting', 'trial']).default('main'),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AssignCreatorsInput = z.input<typeof assignCreatorsSchema>;

export const assignProductsSchema = z.object({
  campaignId: z.uuid(),
  productIds: z.array(z.uuid()).min(1, 'Pick at least one product.').max(1000),
  priority: z.number().int().min(1).max(1000).default(1),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AssignProductsInput = z.input<typeof assignProductsSchema>;

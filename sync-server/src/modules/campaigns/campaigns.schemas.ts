/** Input shapes of the campaign services, parsed with zod at the service boundary. */
import { z } from 'zod';
import { t } from '../../contract/i18n/translate.js';

// Each message is a function: zod renders it when a value is refused, in that request's language.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => t('campaignField.dateFormat') })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: () => t('campaignField.notACalendarDate') });

const money = z.number().finite().nonnegative({ error: () => t('campaignField.notNegative') }).max(1e15, { error: () => t('campaignField.tooLarge') });
const count = z.number().int({ error: () => t('campaignField.wholeNumber') }).nonnegative({ error: () => t('campaignField.notNegative') }).max(Number.MAX_SAFE_INTEGER);

export const campaignCodeSchema = z
  .string()
  .trim()
  .min(1, { error: () => t('campaignField.codeRequired') })
  .max(64, { error: () => t('campaignField.tooLong', { max: 64 }) })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: () => t('campaignField.codeCharacters') });

const editableFields = {
  name: z.string().trim().min(1, { error: () => t('campaignField.nameRequired') }).max(200, { error: () => t('campaignField.tooLong', { max: 200 }) }),
  brandId: z.uuid({ error: () => t('campaignField.brandRequired') }),
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
  creatorIds: z.array(z.uuid()).min(1, { error: () => t('campaignField.pickCreator') }).max(1000),
  role: z.enum(['main', 'supporting', 'trial']).default('main'),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AssignCreatorsInput = z.input<typeof assignCreatorsSchema>;

export const assignProductsSchema = z.object({
  campaignId: z.uuid(),
  productIds: z.array(z.uuid()).min(1, { error: () => t('campaignField.pickProduct') }).max(1000),
  priority: z.number().int().min(1).max(1000).default(1),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AssignProductsInput = z.input<typeof assignProductsSchema>;

/** Query strings and answers of the campaign endpoints that only the server speaks (the add-on's live in contract/). */
import { z } from 'zod';
import { t } from '../../contract/i18n/translate.js';
import { campaignDetailSchema, campaignFlagSchema, campaignStatusSchema } from '../../contract/sync-payloads.js';

/** "a,b" or a repeated parameter (?status=a&status=b) both read as a list. */
function listParam<T extends z.ZodType>(item: T) {
  return z
    .preprocess((value) => {
      const values = Array.isArray(value) ? value : [value];
      return values.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [entry])).map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => entry !== '');
    }, z.array(item))
    .optional();
}

const booleanParam = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')
  .optional();

const isoDate = z.iso.date();

/** Filters of the campaign list (000 §6.1), shared by GET /campaigns and GET /campaigns/export. */
export const campaignFiltersQuerySchema = z.object({
  search: z.string().max(200).optional().describe('Part of the code or name; accents ignored.'),
  brand: listParam(z.string().min(1)).describe('Brand codes, comma-separated.'),
  channels: listParam(z.enum(['tiktok', 'multi'])),
  objectives: listParam(z.enum(['awareness', 'traffic', 'sale', 'launch', 'clearance'])),
  statuses: listParam(campaignStatusSchema),
  dateFrom: isoDate.optional().describe('Campaigns still running on or after this day.'),
  dateTo: isoDate.optional().describe('Campaigns started on or before this day.'),
  owner: listParam(z.string().min(1)).describe('Owner usernames, comma-separated.'),
  hasCreators: booleanParam,
  hasProducts: booleanParam,
  sort: z.enum(['newest', 'start_date', 'budget_planned']).default('newest'),
});
export type CampaignFiltersQuery = z.infer<typeof campaignFiltersQuerySchema>;

export const campaignListQueryHttpSchema = campaignFiltersQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
});
export type CampaignListHttpQuery = z.infer<typeof campaignListQueryHttpSchema>;

export const campaignListItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  brandCode: z.string(),
  brandName: z.string(),
  channel: z.string(),
  objective: z.string(),
  status: campaignStatusSchema,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Null for roles that may not see budgets (viewer). */
  budgetPlanned: z.number().nullable(),
  budgetActual: z.number().nullable(),
  owner: z.string().nullable(),
  creatorsCount: z.number().int(),
  productsCount: z.number().int(),
  progressPercent: z.number(),
  flags: z.array(campaignFlagSchema),
  createdAt: z.string(),
}).meta({ id: 'CampaignListItem' });
export type CampaignListItemResponse = z.infer<typeof campaignListItemSchema>;

export const campaignListResponseSchema = z.object({
  items: z.array(campaignListItemSchema),
  /** Send back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
}).meta({ id: 'CampaignListResponse' });
export type CampaignListResponse = z.infer<typeof campaignListResponseSchema>;

export const campaignCodeParamsSchema = z.object({ code: z.string().min(1).max(64) });

export const fileFormatQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

// ── Create, edit, delete (REST writes) ──────────────────────────────────────────────────
// Types only here: the value rules (dates, money, lengths) and their messages, in the reader's
// language, are the campaign service's, and every business rule is the write door's.

const nullableDate = z.string().nullable().describe('YYYY-MM-DD, or null to clear it.');
const nullableAmount = z.number().nullable();

const campaignWritableFields = {
  name: z.string(),
  brandCode: z.string().trim().min(1).max(64).describe('The code of the brand the campaign is for.'),
  channel: z.enum(['tiktok', 'multi']),
  objective: z.enum(['awareness', 'traffic', 'sale', 'launch', 'clearance']),
  description: z.string().nullable().describe('The brief, as markdown with "## " sections.'),
  startDate: nullableDate,
  endDate: nullableDate,
  budgetPlanned: nullableAmount.describe('In VND. Changing it needs the right to change budgets (admin).'),
  kpiView: nullableAmount,
  kpiOrder: nullableAmount,
  kpiRevenue: nullableAmount.describe('In VND.'),
  ownerUsername: z.string().trim().min(1).max(200).nullable().describe('The username of the owner; on create, defaults to the caller.'),
};

export const createCampaignRequestSchema = z
  .object({
    code: z.string(),
    ...campaignWritableFields,
    channel: campaignWritableFields.channel.optional(),
    description: campaignWritableFields.description.optional(),
    startDate: campaignWritableFields.startDate.optional(),
    endDate: campaignWritableFields.endDate.optional(),
    budgetPlanned: campaignWritableFields.budgetPlanned.optional(),
    kpiView: campaignWritableFields.kpiView.optional(),
    kpiOrder: campaignWritableFields.kpiOrder.optional(),
    kpiRevenue: campaignWritableFields.kpiRevenue.optional(),
    ownerUsername: campaignWritableFields.ownerUsername.optional(),
  })
  .meta({ id: 'CreateCampaignRequest' });
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;

export const updateCampaignRequestSchema = z
  .object({
    code: z.string().describe('A new code for the campaign.'),
    ...campaignWritableFields,
  })
  .partial()
  .extend({
    expectedRowVersion: z.number().int().positive().optional().describe('The rowVersion you last saw; absent: the version just read. A campaign changed since answers 409.'),
    /** Listed so that sending it is answered with a reason, not silently dropped. */
    status: z.unknown().optional().describe('Not accepted here: move a campaign with POST /campaigns/{code}/transition.'),
  })
  .superRefine((value, context) => {
    if (value.status !== undefined) context.addIssue({ code: 'custom', path: ['status'], message: t('campaign.statusNotEditable') });
  })
  .meta({ id: 'UpdateCampaignRequest' });
export type UpdateCampaignRequest = z.infer<typeof updateCampaignRequestSchema>;

export const deleteCampaignRequestSchema = z
  .object({ note: z.string().max(2000).optional().describe('Why, kept in the history beside the deletion.') })
  .meta({ id: 'DeleteCampaignRequest' });

/** The detail, with the version to send back as expectedRowVersion on the next edit. */
export const campaignWriteResponseSchema = campaignDetailSchema.extend({ rowVersion: z.number().int() }).meta({ id: 'CampaignWithVersion' });
export type CampaignWriteResponse = z.infer<typeof campaignWriteResponseSchema>;

export const campaignCreatorParamsSchema = campaignCodeParamsSchema.extend({ creatorKey: z.string().min(1).max(200) });
export const campaignProductParamsSchema = campaignCodeParamsSchema.extend({ brandCode: z.string().min(1).max(64), productCode: z.string().min(1).max(200) });

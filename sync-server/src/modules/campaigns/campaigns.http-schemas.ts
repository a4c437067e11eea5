/** Query strings and answers of the campaign endpoints that only the server speaks (the add-on's live in contract/). */
import { z } from 'zod';
import { campaignFlagSchema, campaignStatusSchema } from '../../contract/sync-payloads.js';

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

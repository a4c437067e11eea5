import { z } from 'zod';

export const overviewQuerySchema = z.object({
  /** Only campaigns starting on or after this day (YYYY-MM-DD). */
  from: z.iso.date().optional(),
  /** Only campaigns starting on or before this day. */
  to: z.iso.date().optional(),
  brand: z.string().trim().min(1).optional().describe('A brand code.'),
  top: z.coerce.number().int().min(1).max(50).default(10),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

const budgetSchema = z.object({ planned: z.number(), committed: z.number(), paid: z.number() });

export const overviewResponseSchema = z.object({
  campaignsByStatus: z.record(z.string(), z.number()),
  /** Absent for roles that may not see budgets (viewer). */
  budgetByBrand: z.array(budgetSchema.extend({ brandCode: z.string(), brandName: z.string() })).nullable(),
  budgetByMonth: z.array(budgetSchema.extend({ month: z.string().describe('YYYY-MM of the campaign start') })).nullable(),
  topCreatorsByViews: z.array(z.object({ creatorKey: z.string(), name: z.string(), views: z.number(), videos: z.number() })),
  topCreatorsByRevenue: z.array(z.object({ creatorKey: z.string(), name: z.string(), revenue: z.number(), orders: z.number() })),
  flagCounts: z.record(z.string(), z.number()),
}).meta({ id: 'OverviewReport' });
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

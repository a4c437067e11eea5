import { z } from 'zod';
import { pullResponseSchema } from '../../contract/sync-payloads.js';

export const pullQuerySchema = z.object({
  tables: z.string().optional().describe('Comma-separated template names (campaigns,campaign_creators,…); empty = every table.'),
  since: z.string().optional().describe('The cursor of a previous pull: only rows changed or deleted since then.'),
});

export const pullResponseWithPagingSchema = pullResponseSchema.required({ hasMore: true }).meta({ id: 'PullResponse' });

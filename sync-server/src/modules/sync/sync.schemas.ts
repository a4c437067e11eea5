import { z } from 'zod';
import { pullResponseSchema } from '../../contract/sync-payloads.js';

export const pullQuerySchema = z.object({
  tables: z.string().optional().describe('Comma-separated template names (campaigns,campaign_creators,…); empty = every table.'),
  since: z.string().optional().describe('The cursor of a previous pull: only rows changed or deleted since then.'),
});

export const pullResponseWithPagingSchema = pullResponseSchema.extend({
  hasMore: z.boolean().describe('True when a table had more changes than one page: pull again with the new cursor.'),
});

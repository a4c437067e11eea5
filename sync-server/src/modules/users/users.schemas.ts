/**
 * The admin endpoints' schemas: the payloads shared with the add-on (contract/admin-payloads.ts)
 * and the path parameters only the server reads.
 */
import { z } from 'zod';

export * from '../../contract/admin-payloads.js';

export const userEmailParamsSchema = z.object({
  email: z.string().trim().min(3).max(320).describe('The email of a user of your tenant (any case).'),
});

export const tokenPrefixParamsSchema = z.object({
  prefix: z.string().trim().min(4).max(64).describe('The prefix the token list shows (bc_…).'),
});

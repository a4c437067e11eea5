/**
 * The HTTP payloads of the admin panel: users, their roles and their API tokens
 * (/api/v1/admin/users, /api/v1/admin/tokens). Shared by the server, which validates with them,
 * and the add-on, which parses the answers with them; like sync-payloads.ts it imports nothing
 * but zod and the message catalogue (the messages of its refusals are phrased when a value is
 * refused, in the language of whoever sent it).
 */
import { z } from 'zod';
import { t } from './i18n/translate.js';

export const USER_ROLES = ['admin', 'lead', 'finance', 'viewer', 'client', 'station_rep'] as const;

export const userRoleSchema = z.enum(USER_ROLES).describe('admin, lead, finance, viewer, client (an advertiser: sees only their brands) or station_rep.').meta({ id: 'UserRole' });
export type UserRole = z.infer<typeof userRoleSchema>;

/** A role as a sentence names it, in the current language ("your role is lead"). */
export function roleLabel(role: UserRole): string {
  return t(`role.${role}`);
}

const emailSchema = z.email({ error: () => t('users.emailInvalid') }).trim().toLowerCase().max(320);
const displayNameSchema = z.string().trim().min(1, { error: () => t('users.nameRequired') }).max(200);
const brandCodesSchema = z
  .array(z.string().trim().min(1).max(100))
  .max(200)
  .describe('Brand codes a client may see (role client only).');

export const adminUserSchema = z
  .object({
    email: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: userRoleSchema,
    isActive: z.boolean(),
    /** The brand codes a client may see; empty for every other role. */
    brands: z.array(z.string()),
    lastApiTokenUseAt: z.string().nullable().describe('When one of their API tokens was last used (ISO time); Google sign-ins are not recorded.'),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

export const userListResponseSchema = z.object({ users: z.array(adminUserSchema) }).meta({ id: 'UserListResponse' });
export type UserListResponse = z.infer<typeof userListResponseSchema>;

export const newUserRequestSchema = z
  .object({
    email: emailSchema,
    displayName: displayNameSchema,
    role: userRoleSchema,
    username: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\s@]+$/, { error: () => t('users.usernameInvalid') })
      .optional()
      .describe("Default: the email's part before the @, unique in this tenant."),
    brands: brandCodesSchema.optional(),
  })
  .meta({ id: 'NewUserRequest' });
export type NewUserRequest = z.input<typeof newUserRequestSchema>;

export const userChangeRequestSchema = z
  .object({
    role: userRoleSchema.optional(),
    displayName: displayNameSchema.optional(),
    isActive: z.boolean().optional().describe('false deactivates the person (they can no longer sign in), true reactivates them.'),
    brands: brandCodesSchema.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), { error: () => t('users.changeNeedsAField') })
  .meta({ id: 'UserChangeRequest' });
export type UserChangeRequest = z.input<typeof userChangeRequestSchema>;

export const apiTokenSummarySchema = z
  .object({
    prefix: z.string().describe('The first characters of the token: enough to tell tokens apart, never enough to use one.'),
    name: z.string(),
    username: z.string(),
    email: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiTokenSummary' });
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

export const tokenListResponseSchema = z.object({ tokens: z.array(apiTokenSummarySchema) }).meta({ id: 'TokenListResponse' });
export type TokenListResponse = z.infer<typeof tokenListResponseSchema>;

export const newTokenRequestSchema = z
  .object({
    email: emailSchema.describe('Whose token it is: it acts with their role.'),
    name: z.string().trim().min(1, { error: () => t('users.tokenNameRequired') }).max(100).describe('What it is for ("Looker Studio report").'),
  })
  .meta({ id: 'NewTokenRequest' });
export type NewTokenRequest = z.input<typeof newTokenRequestSchema>;

export const createdTokenSchema = z
  .object({
    token: z.string().describe('The token itself, shown this once: only its hash is kept.'),
    prefix: z.string(),
    name: z.string(),
    email: z.string(),
    role: userRoleSchema,
  })
  .meta({ id: 'CreatedApiToken' });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const revokedTokenSchema = z.object({ prefix: z.string(), revokedAt: z.string() }).meta({ id: 'RevokedApiToken' });
export type RevokedToken = z.infer<typeof revokedTokenSchema>;

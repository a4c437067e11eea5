/**
 * The signed-in person's own settings (/api/v1/me): who they are, and the language they chose in
 * the sidebar. Shared by the server, which validates with them, and the add-on, which reads them.
 *
 * The language a person sees follows, in order: their own choice (stored per user), else the
 * spreadsheet's locale, else their tenant's language. `language: null` is "no choice of my own".
 */
import { z } from 'zod';
import { LANGUAGES } from './i18n/languages.js';
import { t } from './i18n/translate.js';
import { userRoleSchema } from './admin-payloads.js';

export const languageSchema = z.enum(LANGUAGES).describe('vi (Tiếng Việt), en (English) or am (አማርኛ).').meta({ id: 'Language' });

export const meResponseSchema = z
  .object({
    email: z.string(),
    name: z.string().describe('The name the admin gave them.'),
    role: userRoleSchema,
    language: languageSchema.nullable().describe('The language they chose; null: they follow the spreadsheet, then the tenant.'),
    tenantLanguage: languageSchema.describe("The tenant's language: what they see when neither they nor the spreadsheet chose."),
    baseCurrency: z.string().describe('The currency the tenant counts its totals in (ISO 4217: VND, USD, ETB).'),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const meChangeRequestSchema = z
  .object({
    language: z
      .enum(LANGUAGES, { error: () => t('me.languageInvalid') })
      .nullable()
      .describe('vi, en or am; null to follow the spreadsheet and the tenant again.'),
  })
  .meta({ id: 'MeChange' });
export type MeChangeRequest = z.input<typeof meChangeRequestSchema>;

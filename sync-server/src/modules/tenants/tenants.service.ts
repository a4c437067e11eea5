/**
 * Tenants: an agency's clients, each with its own data on one server (row-level security does the
 * isolating, platform/database/tenant-scope.ts). A single team never sees this: a new install has
 * one tenant, and every command acts in the first tenant unless told `--tenant <code>`.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES } from '../../contract/i18n/languages.js';
import { t } from '../../contract/i18n/translate.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Database } from '../../platform/database/open-database.js';
import { runInTenant } from '../../platform/database/tenant-scope.js';
import { followTenantLanguage } from '../../platform/i18n/command-language.js';
import { AppError } from '../../platform/errors/app-error.js';

export type TenantSummary = { id: string; code: string; name: string; baseCurrency: string; timeZone: string; language: string; createdAt: Date };

const tenantFields = { id: true, code: true, name: true, baseCurrency: true, timeZone: true, language: true, createdAt: true } as const;

/** What a person may type as a tenant code: it names the tenant in commands, so short and plain. */
export const tenantCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { error: () => t('tenants.codeInvalid') });

export const newTenantSchema = z.object({
  code: tenantCodeSchema,
  name: z.string().trim().min(1, { error: () => t('tenants.nameRequired') }).max(200),
  baseCurrency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: () => t('tenants.currencyInvalid') }).default('VND'),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => isTimeZone(zone), { error: () => t('tenants.timeZoneInvalid') })
    .default('Asia/Ho_Chi_Minh'),
  language: z.enum(LANGUAGES, { error: () => t('tenants.languageInvalid') }).default('vi'),
});
export type NewTenant = z.input<typeof newTenantSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function listTenants(prisma: PrismaClient): Promise<TenantSummary[]> {
  return prisma.tenant.findMany({ where: { isActive: true }, orderBy: { createdAt: 'asc' }, select: tenantFields });
}

/** The tenant a command acts in: the one named, else the first (a single team's only one). */
export async function findTenantForCommand(prisma: PrismaClient, code: string | undefined): Promise<TenantSummary> {
  const tenants = await listTenants(prisma);
  if (code === undefined) {
    const first = tenants[0];
    if (!first) throw new AppError({ code: 'NOT_FOUND', reason: 'NO_TENANT', userMessage: t('tenants.noTenant') });
    return first;
  }
  const wanted = code.trim().toLowerCase();
  const found = tenants.find((tenant) => tenant.code === wanted);
  if (!found) {
    throw new AppError({
      code: 'NOT_FOUND',
      reason: 'TENANT_NOT_FOUND',
      userMessage: t('tenants.notFound', { code, codes: tenants.map((tenant) => tenant.code).join(', ') }),
    });
  }
  return found;
}

/**
 * Points every later statement of a command's database handle at the tenant `--tenant` names,
 * and from then on the command speaks the tenant's language, unless --lang or the terminal's
 * locale chose one (platform/i18n/command-language.ts).
 */
export async function actInTenant(database: Database, code: string | undefined): Promise<TenantSummary> {
  const tenant = await findTenantForCommand(database.prisma, code);
  database.tenant.tenantId = tenant.id;
  followTenantLanguage(tenant.language);
  return tenant;
}

/** A new tenant, created in its own context (row-level security lets a tenant's row be written only there). */
export async function createTenant(prisma: PrismaClient, input: NewTenant): Promise<TenantSummary> {
  const parsed = newTenantSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: t('tenants.notAdded', { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') }),
      problems: parsed.error.issues.map((issue) => ({ column: issue.path.join('.'), message: issue.message })),
    });
  }
  const existing = await prisma.tenant.findUnique({ where: { code: parsed.data.code }, select: { id: true } });
  if (existing) throw new AppError({ code: 'CONFLICT', reason: 'TENANT_EXISTS', userMessage: t('tenants.exists', { code: parsed.data.code }) });
  const id = randomUUID();
  return runInTenant(id, () => prisma.tenant.create({ data: { id, ...parsed.data }, select: tenantFields }));
}

/**
 * The tenant settings that are not columns (`tenants.settings`, jsonb): who sees money and who
 * sees creators' contacts. Read with zod so that a hand-edited setting that makes no sense falls
 * back to the safe default (money hidden from clients, contacts masked) instead of failing reads.
 *
 *   { "clientsSeeMoney": false, "masking": { "contactsHiddenFrom": ["viewer", "finance", "client"] },
 *     "payments": { "beforePosting": "warn" } }
 */
import { z } from 'zod';
import { ROLES, type Role } from '../access/actor.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';

/** Roles that don't need creators' phone numbers and emails to do their work (002 §10.2). */
export const DEFAULT_CONTACTS_HIDDEN_FROM: readonly Role[] = ['viewer', 'finance', 'client', 'station_rep'];

export type TenantSettings = {
  /** A client user sees budgets, fees and amounts of their campaigns. */
  clientsSeeMoney: boolean;
  masking: {
    /**
     * Roles that read contacts masked (09•••••678). Never the admin: the admin is who answers a
     * person's request about their data, and who erases it.
     */
    contactsHiddenFrom: readonly Role[];
  };
  payments: {
    /**
     * A payment marked paid while its booking still has deliverables not posted: `warn` (the
     * default: a deposit before posting is common), `refuse` (the anchors' "pay after
     * publication") or `allow` (say nothing).
     */
    beforePosting: PaymentBeforePosting;
  };
};

export const PAYMENT_BEFORE_POSTING = ['warn', 'refuse', 'allow'] as const;
export type PaymentBeforePosting = (typeof PAYMENT_BEFORE_POSTING)[number];

const roleSchema = z.enum(ROLES as [Role, ...Role[]]);

const settingsSchema = z.object({
  clientsSeeMoney: z.boolean().catch(false).default(false),
  masking: z
    .object({
      contactsHiddenFrom: z
        .array(z.unknown())
        .transform((roles) => roles.filter((role): role is Role => roleSchema.safeParse(role).success && role !== 'admin'))
        .catch([...DEFAULT_CONTACTS_HIDDEN_FROM])
        .default([...DEFAULT_CONTACTS_HIDDEN_FROM]),
    })
    .catch({ contactsHiddenFrom: [...DEFAULT_CONTACTS_HIDDEN_FROM] })
    .default({ contactsHiddenFrom: [...DEFAULT_CONTACTS_HIDDEN_FROM] }),
  payments: z
    .object({ beforePosting: z.enum(PAYMENT_BEFORE_POSTING).catch('warn').default('warn') })
    .catch({ beforePosting: 'warn' as const })
    .default({ beforePosting: 'warn' as const }),
});

/** The settings a jsonb value says, with the default for whatever it leaves out or gets wrong. */
export function parseTenantSettings(value: unknown): TenantSettings {
  const parsed = settingsSchema.safeParse(value && typeof value === 'object' && !Array.isArray(value) ? value : {});
  return parsed.success ? parsed.data : { clientsSeeMoney: false, masking: { contactsHiddenFrom: DEFAULT_CONTACTS_HIDDEN_FROM }, payments: { beforePosting: 'warn' } };
}

/**
 * The settings of the tenant the current transaction acts in (row-level security's tenant). One
 * small read, made only by the reads that need it (contacts, a client's sign-in): a setting
 * changed by an admin counts from the next request, with no cache to go stale.
 */
export async function loadCurrentTenantSettings(db: SqlDb): Promise<TenantSettings> {
  const [row] = await db.$queryRawUnsafe<{ settings: unknown }[]>('SELECT settings FROM tenants WHERE id = app_current_tenant()');
  return parseTenantSettings(row?.settings);
}

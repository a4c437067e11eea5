/**
 * Reads and writes of users, the brands a client sees and API tokens, in the current tenant
 * (row-level security keeps every statement here to it). No rule lives here: the service
 * decides, inside the write door's transaction, and calls these with that transaction.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { SqlReader } from '../../platform/database/open-database.js';
import { runAsIdentityLookup } from '../../platform/database/tenant-scope.js';
import type { Role } from '../access/actor.js';

type Db = PrismaClient | Prisma.TransactionClient;

const userFields = {
  id: true,
  email: true,
  username: true,
  displayName: true,
  role: true,
  isActive: true,
  createdAt: true,
  clientBrands: { select: { brand: { select: { code: true } } } },
} as const;

export type StoredUser = { id: string; email: string; username: string; displayName: string; role: Role; isActive: boolean; createdAt: Date; brands: string[] };

function toStoredUser(row: { id: string; email: string; username: string; displayName: string; role: Role; isActive: boolean; createdAt: Date; clientBrands: { brand: { code: string } }[] }): StoredUser {
  const { clientBrands, ...user } = row;
  return { ...user, brands: clientBrands.map((link) => link.brand.code).sort() };
}

/** A user of this tenant by email, any case; deleted rows are not users. */
export async function findUserByEmail(db: Db, email: string): Promise<StoredUser | null> {
  const row = await db.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' }, deletedAt: null }, select: userFields });
  return row ? toStoredUser(row) : null;
}

/** The tenant's users (or the one with `email`), active first, with the last use of any of their API tokens. */
export async function listUsers(db: Db, email?: string): Promise<Array<StoredUser & { lastApiTokenUseAt: Date | null }>> {
  const rows = await db.user.findMany({
    where: { deletedAt: null, ...(email === undefined ? {} : { email: { equals: email, mode: 'insensitive' as const } }) },
    orderBy: [{ isActive: 'desc' }, { email: 'asc' }],
    select: { ...userFields, apiTokens: { where: { lastUsedAt: { not: null } }, orderBy: { lastUsedAt: 'desc' }, take: 1, select: { lastUsedAt: true } } },
  });
  return rows.map(({ apiTokens, ...row }) => ({ ...toStoredUser(row), lastApiTokenUseAt: apiTokens[0]?.lastUsedAt ?? null }));
}

/** The usernames of this tenant that start with `base` (to pick a free one). */
export async function findUsernamesLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.user.findMany({ where: { username: { startsWith: base, mode: 'insensitive' } }, select: { username: true } });
  return new Set(rows.map((row) => row.username.toLowerCase()));
}

/**
 * How many users hold this email in the whole installation, whatever their tenant: an email
 * signs in to one tenant, so it may exist once. Read as the sign-in lookup reads (before a
 * tenant is known), on its own statement: the answer says only whether, never where.
 */
export async function countUsersWithEmailAnywhere(sql: SqlReader, email: string): Promise<number> {
  const rows = await runAsIdentityLookup(() => sql<{ count: number }>('SELECT count(*)::int AS count FROM users WHERE lower(email) = lower($1)', [email]));
  return rows[0]?.count ?? 0;
}

/**
 * Locks the tenant's active admins, in id order (two writers lock them in the same order, so
 * they queue rather than deadlock), and answers their ids as they are once the lock is held:
 * a writer that waited sees the role another one just took away.
 */
export async function lockActiveAdmins(db: Prisma.TransactionClient): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM users WHERE role = 'admin' AND is_active AND deleted_at IS NULL ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

/**
 * The active people of the whole installation, for the licence's seats. Adding or reactivating
 * someone queues on one lock first, so two admins (of any tenants) can't both take the last seat.
 */
export async function lockAndCountSeatsTaken(db: Prisma.TransactionClient): Promise<number> {
  await db.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('booking_center.licence_seats'))`;
  const [row] = await db.$queryRaw<{ taken: number }[]>`SELECT app_active_user_count() AS taken`;
  return Number(row?.taken ?? 0);
}

export function insertUser(db: Prisma.TransactionClient, data: { email: string; username: string; displayName: string; role: Role }) {
  return db.user.create({ data, select: { id: true } });
}

export function updateUser(db: Prisma.TransactionClient, id: string, data: { role?: Role; displayName?: string; isActive?: boolean }) {
  return db.user.update({ where: { id }, data, select: { id: true } });
}

/** The brands of this tenant with these codes (any case). */
export async function findBrandsByCodes(db: Db, codes: readonly string[]): Promise<Array<{ id: string; code: string }>> {
  if (codes.length === 0) return [];
  return db.brand.findMany({ where: { OR: codes.map((code) => ({ code: { equals: code, mode: 'insensitive' as const } })), deletedAt: null }, select: { id: true, code: true } });
}

export async function replaceUserBrands(db: Prisma.TransactionClient, userId: string, brandIds: readonly string[]): Promise<void> {
  await db.userBrand.deleteMany({ where: { userId } });
  if (brandIds.length) await db.userBrand.createMany({ data: brandIds.map((brandId) => ({ userId, brandId })) });
}

const tokenFields = { id: true, prefix: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { username: true, email: true } } } as const;

export function listApiTokens(db: Db) {
  return db.apiToken.findMany({ where: { deletedAt: null }, orderBy: { createdAt: 'desc' }, select: tokenFields });
}

export function insertApiToken(db: Prisma.TransactionClient, data: { userId: string; name: string; prefix: string; tokenHash: string }) {
  return db.apiToken.create({ data, select: { id: true, prefix: true, name: true } });
}

/** The token of this tenant with this prefix, locked: two revokes of one token write it once. */
export async function lockApiTokenByPrefix(db: Prisma.TransactionClient, prefix: string): Promise<{ id: string; prefix: string; name: string; revokedAt: Date | null; email: string } | null> {
  const rows = await db.$queryRaw<{ id: string; prefix: string; name: string; revoked_at: Date | null; email: string }[]>`
    SELECT t.id::text AS id, t.prefix, t.name, t.revoked_at, u.email
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.prefix = ${prefix} AND t.deleted_at IS NULL
    FOR UPDATE OF t`;
  const row = rows[0];
  return row ? { id: row.id, prefix: row.prefix, name: row.name, revokedAt: row.revoked_at, email: row.email } : null;
}

export function markApiTokenRevoked(db: Prisma.TransactionClient, id: string, revokedAt: Date) {
  return db.apiToken.update({ where: { id }, data: { revokedAt, isActive: false }, select: { id: true } });
}

export type OwnAccount = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Their own choice (vi, en, am); null: they follow the spreadsheet, then the tenant. */
  language: string | null;
  /** Kept apart from `language`: the sign-in merges the two (auth.repository.ts), the settings show both. */
  tenant: { language: string; baseCurrency: string };
};

/** The signed-in person's row, with their tenant's language and base currency, in the current tenant. */
export function findOwnAccount(db: Db, userId: string): Promise<OwnAccount | null> {
  return db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { id: true, email: true, displayName: true, role: true, language: true, tenant: { select: { language: true, baseCurrency: true } } },
  });
}

export function updateUserLanguage(db: Prisma.TransactionClient, id: string, language: string | null) {
  return db.user.update({ where: { id }, data: { language }, select: { id: true } });
}

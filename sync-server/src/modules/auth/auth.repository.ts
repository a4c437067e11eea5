import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SqlReader } from '../../platform/database/open-database.js';
import { CURRENT_SNAPSHOT_SQL } from '../../platform/database/snapshot-cache.js';
import type { Actor } from '../access/actor.js';

const userFields = { id: true, tenantId: true, email: true, username: true, role: true, isActive: true, deletedAt: true } as const;

export type UserRow = {
  id: string;
  tenantId: string;
  email: string;
  role: Actor['role'];
  isActive: boolean;
  deletedAt: Date | null;
  /** The language the person chose, else their tenant's (read in the same statement). */
  language?: string | null;
};

/**
 * The lookups every request makes are plain SQL for many callers at once (the authenticator
 * batches the requests that arrive together), and each also returns the database snapshot it
 * ran under: a read cache keyed by snapshot (the campaign list) then needs no round trip of
 * its own.
 */
type UserSqlRow = { user_id: string; tenant_id: string; email: string; role: Actor['role']; is_active: boolean; user_deleted_at: Date | null; language: string | null; snapshot: string };
const USER_COLUMNS = `u.id::text AS user_id, u.tenant_id::text AS tenant_id, u.email, u.role::text AS role, u.is_active, u.deleted_at AS user_deleted_at,
  COALESCE(u.language, (SELECT tn.language FROM tenants tn WHERE tn.id = u.tenant_id)) AS language, ${CURRENT_SNAPSHOT_SQL} AS snapshot`;

function toUserRow(row: UserSqlRow): UserRow {
  return { id: row.user_id, tenantId: row.tenant_id, email: row.email, role: row.role, isActive: row.is_active, deletedAt: row.user_deleted_at, language: row.language };
}

/** Users by email (any case), one statement for all of them; each answer carries the statement's snapshot. */
export async function findUsersByEmails(sql: SqlReader, emails: readonly string[]): Promise<Map<string, { user: UserRow; snapshot: string }>> {
  const rows = await sql<UserSqlRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.email) = ANY($1::text[])`, [emails.map((email) => email.toLowerCase())]);
  return new Map(rows.map((row) => [row.email.toLowerCase(), { user: toUserRow(row), snapshot: row.snapshot }]));
}

/** In the current tenant (usernames are unique per tenant). */
export function findUserByUsername(prisma: PrismaClient, username: string) {
  return prisma.user.findFirst({ where: { username }, select: userFields });
}

/** A viewer in the current tenant. */
export function createViewer(prisma: PrismaClient, email: string, displayName: string) {
  return prisma.user.create({
    data: { email, username: email, displayName, role: 'viewer' },
    select: userFields,
  });
}

/** The tenants of this installation, oldest first (the first is the default of every command). */
export function listTenantIds(prisma: PrismaClient) {
  return prisma.tenant.findMany({ where: { isActive: true }, orderBy: { createdAt: 'asc' }, select: { id: true }, take: 2 });
}

export type ApiTokenMatch = { id: string; revokedAt: Date | null; deletedAt: Date | null; lastUsedAt: Date | null; user: UserRow; snapshot: string };

/** API tokens by hash, one statement for all of them; each answer carries the statement's snapshot. */
export async function findApiTokensByHashes(sql: SqlReader, tokenHashes: readonly string[]): Promise<Map<string, ApiTokenMatch>> {
  const rows = await sql<UserSqlRow & { token_hash: string; id: string; revoked_at: Date | null; deleted_at: Date | null; last_used_at: Date | null }>(
    `SELECT t.token_hash, t.id::text AS id, t.revoked_at, t.deleted_at, t.last_used_at, ${USER_COLUMNS}
     FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ANY($1::text[])`,
    [tokenHashes],
  );
  return new Map(
    rows.map((row) => [
      row.token_hash,
      { id: row.id, revokedAt: row.revoked_at, deletedAt: row.deleted_at, lastUsedAt: row.last_used_at, user: toUserRow(row), snapshot: row.snapshot },
    ]),
  );
}

export function markApiTokenUsed(prisma: PrismaClient, id: string, usedAt: Date) {
  return prisma.apiToken.update({ where: { id }, data: { lastUsedAt: usedAt }, select: { id: true } });
}

export function insertApiToken(prisma: PrismaClient, data: { userId: string; name: string; prefix: string; tokenHash: string }) {
  return prisma.apiToken.create({ data, select: { id: true, prefix: true, name: true, createdAt: true } });
}

export function revokeApiTokenByPrefix(prisma: PrismaClient, prefix: string, revokedAt: Date) {
  return prisma.apiToken.updateMany({ where: { prefix, revokedAt: null }, data: { revokedAt, isActive: false } });
}

/**
 * Users, their roles and their API tokens, in the caller's tenant: the admin panel, the
 * `/api/v1/admin/*` endpoints and `npm run user` all come here.
 *
 * Every change is written inside the write door's transaction (runInWriteTransaction), so a
 * read-only licence refuses it, it runs in the actor's tenant under row-level security, and its
 * audit entry (entity `user` or `api_token`, field by field, with actor and source) commits with
 * it or not at all.
 *
 * Two rules live here:
 * - only an admin manages users and tokens (a check of its own: the campaign permission map is
 *   about campaigns, and this is one role for every action);
 * - the last active admin of a tenant can't be demoted or deactivated, or nobody could manage
 *   its users any more. Decided with the tenant's active admins locked, so two admins demoting
 *   each other at the same moment leave one.
 *
 * An email signs in to one tenant (Google gives the server an email, not a tenant), so it is
 * unique across the installation; a refusal for an email of another tenant never names it.
 */
import type { z } from 'zod';
import { t, type MessageKey } from '../../contract/i18n/translate.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Database } from '../../platform/database/open-database.js';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import { runInWriteTransaction, type WriteSession } from '../../write/write-session.js';
import type { Actor, Role } from '../access/actor.js';
import { diffFields } from '../audit/audit.service.js';
import type { FieldChanges } from '../audit/audit.types.js';
import { currentLicenseStatus } from '../license/license.service.js';
import { generateApiToken } from '../auth/api-tokens.service.js';
import {
  countUsersWithEmailAnywhere,
  findBrandsByCodes,
  findUserByEmail,
  lockAndCountSeatsTaken,
  findUsernamesLike,
  insertApiToken,
  insertUser,
  listApiTokens,
  listUsers,
  lockActiveAdmins,
  lockApiTokenByPrefix,
  markApiTokenRevoked,
  replaceUserBrands,
  updateUser,
  type StoredUser,
} from './users.repository.js';
import {
  roleLabel,
  newTokenRequestSchema,
  newUserRequestSchema,
  userChangeRequestSchema,
  type AdminUser,
  type ApiTokenSummary,
  type CreatedToken,
  type NewTokenRequest,
  type NewUserRequest,
  type RevokedToken,
  type UserChangeRequest,
} from './users.schemas.js';

/** What the service needs of a database: Prisma, and the one-statement reader the sign-in lookups use. */
export type UsersDatabase = Pick<Database, 'prisma' | 'sql'>;

type Tx = Prisma.TransactionClient;

/** Refuses anyone but an admin, saying who may. */
export function assertCanManageUsers(actor: Pick<Actor, 'role'>): void {
  if (actor.role === 'admin') return;
  throw new AppError({
    code: 'FORBIDDEN',
    reason: 'ADMIN_ONLY',
    userMessage: t('users.adminOnly', { role: roleLabel(actor.role) }),
  });
}

/**
 * The request as its schema reads it, or a refusal naming each field. `refusal` is the sentence
 * around the fields' own messages ("The user was not added: {problems}."), in the caller's language.
 */
export function parse<Schema extends z.ZodType>(schema: Schema, input: unknown, refusal: { key: MessageKey; params?: Record<string, string> }): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ column: issue.path.join('.') || '_request', message: issue.message }));
  throw new AppError({
    code: 'VALIDATION_FAILED',
    userMessage: t(refusal.key, { ...refusal.params, problems: problems.map((problem) => (problem.column === '_request' ? problem.message : `${problem.column}: ${problem.message}`)).join('; ') }),
    problems,
  });
}

function toAdminUser(user: StoredUser & { lastApiTokenUseAt: Date | null }): AdminUser {
  return {
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    isActive: user.isActive,
    brands: user.brands,
    lastApiTokenUseAt: user.lastApiTokenUseAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

async function readAdminUser(db: Tx | Database['prisma'], email: string): Promise<AdminUser> {
  const [user] = await listUsers(db, email);
  if (!user) throw notAUser(email);
  return toAdminUser(user);
}

function notAUser(email: string): AppError {
  return new AppError({ code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', userMessage: t('users.notAUser', { email }) });
}

function emailTaken(): AppError {
  return new AppError({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', userMessage: t('users.emailTaken') });
}

/** One run of the door's transaction; `work` writes through `session.db` and records its audit. */
async function inWriteTransaction<T>(database: UsersDatabase, actor: Actor, work: (session: WriteSession<Tx>, db: Tx) => Promise<T>): Promise<T> {
  const { value } = await runInWriteTransaction(database.prisma, actor, (session) => work(session, session.db), { isReplayable: true });
  return value;
}

export async function listTenantUsers(database: UsersDatabase, actor: Actor): Promise<AdminUser[]> {
  assertCanManageUsers(actor);
  return (await listUsers(database.prisma)).map(toAdminUser);
}

/** The brand ids of `codes` in this tenant; an unknown code is refused by name. */
async function resolveBrands(db: Tx, codes: readonly string[]): Promise<Array<{ id: string; code: string }>> {
  const wanted = [...new Set(codes.map((code) => code.trim()).filter(Boolean))];
  const found = await findBrandsByCodes(db, wanted);
  const known = new Set(found.map((brand) => brand.code.toLowerCase()));
  const unknown = wanted.filter((code) => !known.has(code.toLowerCase()));
  if (unknown.length) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      reason: 'UNKNOWN_BRAND',
      userMessage: t('users.unknownBrands', { brands: unknown.map((code) => `"${code}"`).join(', ') }),
      problems: unknown.map((code) => ({ column: 'brands', value: code, message: t('users.noBrandWithCode', { code }) })),
    });
  }
  return found;
}

function refuseBrandsForRole(role: Role): never {
  throw new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'BRANDS_FOR_CLIENTS_ONLY',
    userMessage: t('users.brandsForClientsOnly', { role: roleLabel(role) }),
    problems: [{ column: 'brands', message: t('users.brandsOnlyForClients') }],
  });
}

/** The email's local part, made free in this tenant with -2, -3 … when it is taken. */
async function pickUsername(db: Tx, email: string, requested: string | undefined): Promise<string> {
  if (requested) {
    const taken = await findUsernamesLike(db, requested);
    if (taken.has(requested.toLowerCase())) {
      throw new AppError({ code: 'CONFLICT', reason: 'USERNAME_TAKEN', userMessage: t('users.usernameTaken', { username: requested }), problems: [{ column: 'username', value: requested, message: t('users.usernameTakenShort') }] });
    }
    return requested;
  }
  const base = (email.split('@')[0] ?? email).toLowerCase();
  const taken = await findUsernamesLike(db, base);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** Adds a person to the actor's tenant (`user_brands` for a client), audited as `user create`. */
export async function addUser(database: UsersDatabase, actor: Actor, input: NewUserRequest): Promise<AdminUser> {
  assertCanManageUsers(actor);
  const request = parse(newUserRequestSchema, input, { key: 'users.notAdded' });
  if (request.role !== 'client' && request.brands?.length) refuseBrandsForRole(request.role);
  const isElsewhere = async () => (await countUsersWithEmailAnywhere(database.sql, request.email)) > 0;
  // Read before the transaction: the sign-in lookup that sees every tenant is a statement of its own.
  const isTakenBeforehand = await isElsewhere();
  try {
    return await inWriteTransaction(database, actor, async (session, db) => {
      const existing = await findUserByEmail(db, request.email);
      if (existing) {
        throw new AppError({
          code: 'CONFLICT',
          reason: 'USER_EXISTS',
          userMessage: t('users.alreadyAUser', { email: existing.email, role: roleLabel(existing.role), state: existing.isActive ? 'active' : 'deactivated' }),
        });
      }
      if (isTakenBeforehand) throw emailTaken();
      await assertSeatFree(db);
      const brands = request.role === 'client' ? await resolveBrands(db, request.brands ?? []) : [];
      const username = await pickUsername(db, request.email, request.username);
      const { id } = await insertUser(db, { email: request.email, username, displayName: request.displayName, role: request.role });
      if (brands.length) await replaceUserBrands(db, id, brands.map((brand) => brand.id));
      const created = { email: request.email, username, display_name: request.displayName, role: request.role, is_active: true, brands: brands.map((brand) => brand.code).sort() };
      await session.recordAction({ entityType: 'user', entityId: id, action: 'create', changes: Object.fromEntries(Object.entries(created).map(([field, value]) => [field, { before: null, after: value }])) });
      return readAdminUser(db, request.email);
    });
  } catch (error) {
    // Someone added the same email in another tenant at the same moment: the unique index
    // caught it, and it is now there to see.
    if (isAppError(error) && error.reason === 'CONCURRENT_WRITE' && (await isElsewhere())) throw emailTaken();
    throw error;
  }
}

/**
 * A licence sells seats: people who may be active at once on this installation. The trial has no
 * such limit. Checked where someone becomes active (added, reactivated), under one lock.
 */
async function assertSeatFree(db: Tx): Promise<void> {
  const seats = currentLicenseStatus().license?.seats;
  if (seats === undefined) return;
  if ((await lockAndCountSeatsTaken(db)) < seats) return;
  throw new AppError({ code: 'CONFLICT', reason: 'LICENSE_SEATS_FULL', userMessage: t('users.seatsFull', { seats }) });
}

function auditActionFor(changes: FieldChanges): string {
  const fields = Object.keys(changes);
  if (changes.is_active) return changes.is_active.after ? 'reactivate' : 'deactivate';
  if (fields.length === 1 && changes.role) return 'set_role';
  return 'update';
}

/**
 * Changes a user's role, name, active flag or brands. Refuses to leave the tenant without an
 * active admin: when the change touches a role or the active flag, the tenant's active admins
 * are locked first, and the decision is taken on what they are once the lock is held.
 */
export async function changeUser(database: UsersDatabase, actor: Actor, email: string, input: UserChangeRequest): Promise<AdminUser> {
  assertCanManageUsers(actor);
  const change = parse(userChangeRequestSchema, input, { key: 'users.notChanged', params: { email } });
  return inWriteTransaction(database, actor, async (session, db) => {
    const isAboutAdminRights = change.role !== undefined || change.isActive !== undefined;
    const activeAdmins = isAboutAdminRights ? await lockActiveAdmins(db) : [];
    const user = await findUserByEmail(db, email.trim());
    if (!user) throw notAUser(email);
    const role = change.role ?? user.role;
    const isActive = change.isActive ?? user.isActive;
    const wasAdmin = user.role === 'admin' && user.isActive;
    if (wasAdmin && !(role === 'admin' && isActive) && activeAdmins.filter((id) => id !== user.id).length === 0) {
      throw new AppError({
        code: 'CONFLICT',
        reason: 'LAST_ADMIN',
        userMessage: t('users.lastAdmin', { email: user.email, change: isActive ? 'role' : 'deactivate' }),
      });
    }
    if (isActive && !user.isActive) await assertSeatFree(db);
    if (role !== 'client' && change.brands?.length) refuseBrandsForRole(role);
    // A client's brands go with the role: someone who stops being a client sees by their new role.
    const brands = role === 'client' ? (change.brands ? await resolveBrands(db, change.brands) : undefined) : user.brands.length ? [] : undefined;
    const before = { role: user.role, display_name: user.displayName, is_active: user.isActive, brands: user.brands };
    const after = {
      ...(change.role === undefined ? {} : { role }),
      ...(change.displayName === undefined ? {} : { display_name: change.displayName }),
      ...(change.isActive === undefined ? {} : { is_active: isActive }),
      ...(brands === undefined ? {} : { brands: brands.map((brand) => brand.code).sort() }),
    };
    const changes = diffFields(before, after, ['role', 'display_name', 'is_active', 'brands']);
    if (Object.keys(changes).length === 0) return readAdminUser(db, user.email);
    if (changes.role || changes.display_name || changes.is_active) {
      await updateUser(db, user.id, { ...(changes.role ? { role } : {}), ...(changes.display_name ? { displayName: change.displayName } : {}), ...(changes.is_active ? { isActive } : {}) });
    }
    if (changes.brands && brands) await replaceUserBrands(db, user.id, brands.map((brand) => brand.id));
    await session.recordAction({ entityType: 'user', entityId: user.id, action: auditActionFor(changes), changes });
    return readAdminUser(db, user.email);
  });
}

export function setUserRole(database: UsersDatabase, actor: Actor, email: string, role: Role): Promise<AdminUser> {
  return changeUser(database, actor, email, { role });
}

export function deactivateUser(database: UsersDatabase, actor: Actor, email: string): Promise<AdminUser> {
  return changeUser(database, actor, email, { isActive: false });
}

export function reactivateUser(database: UsersDatabase, actor: Actor, email: string): Promise<AdminUser> {
  return changeUser(database, actor, email, { isActive: true });
}

export async function listTenantTokens(database: UsersDatabase, actor: Actor): Promise<ApiTokenSummary[]> {
  assertCanManageUsers(actor);
  const tokens = await listApiTokens(database.prisma);
  return tokens.map((token) => ({
    prefix: token.prefix,
    name: token.name,
    username: token.user.username,
    email: token.user.email,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
}

/** A personal API token for a user of this tenant: it acts with their role. The token is in this answer only. */
export async function createTokenForUser(database: UsersDatabase, actor: Actor, input: NewTokenRequest): Promise<CreatedToken> {
  assertCanManageUsers(actor);
  const request = parse(newTokenRequestSchema, input, { key: 'users.tokenNotCreated' });
  return inWriteTransaction(database, actor, async (session, db) => {
    const user = await findUserByEmail(db, request.email);
    if (!user) throw notAUser(request.email);
    if (!user.isActive) throw new AppError({ code: 'CONFLICT', reason: 'USER_INACTIVE', userMessage: t('users.inactiveNoToken', { email: user.email }) });
    const { token, prefix, tokenHash } = generateApiToken();
    const saved = await insertApiToken(db, { userId: user.id, name: request.name, prefix, tokenHash });
    await session.recordAction({
      entityType: 'api_token',
      entityId: saved.id,
      action: 'create',
      changes: { name: { before: null, after: saved.name }, prefix: { before: null, after: saved.prefix }, user: { before: null, after: user.email } },
    });
    return { token, prefix: saved.prefix, name: saved.name, email: user.email, role: user.role };
  });
}

/** Revokes a token by its prefix; revoking it again answers when it was revoked. */
export async function revokeToken(database: UsersDatabase, actor: Actor, prefix: string): Promise<RevokedToken> {
  assertCanManageUsers(actor);
  return inWriteTransaction(database, actor, async (session, db) => {
    const token = await lockApiTokenByPrefix(db, prefix.trim());
    if (!token) throw new AppError({ code: 'NOT_FOUND', reason: 'TOKEN_NOT_FOUND', userMessage: t('users.tokenNotFound', { prefix }) });
    if (token.revokedAt) return { prefix: token.prefix, revokedAt: token.revokedAt.toISOString() };
    const revokedAt = new Date();
    await markApiTokenRevoked(db, token.id, revokedAt);
    await session.recordAction({
      entityType: 'api_token',
      entityId: token.id,
      action: 'revoke',
      changes: { revoked_at: { before: null, after: revokedAt.toISOString() }, is_active: { before: true, after: false } },
      note: `${token.name} (${token.email})`,
    });
    return { prefix: token.prefix, revokedAt: revokedAt.toISOString() };
  });
}

import DataLoader from 'dataloader';
import type { RequestHandler, Response } from 'express';
import { isLanguage } from '../../contract/i18n/languages.js';
import { t } from '../../contract/i18n/translate.js';
import type { Database } from '../../platform/database/open-database.js';
import { continueInRequestLanguage } from '../../platform/i18n/request-language.js';
import { continueInTenant, DEFAULT_TENANT_ID, runAsIdentityLookup, runInTenant } from '../../platform/database/tenant-scope.js';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { resolveClientAccess } from '../access/client-access.js';
import { hashApiToken, looksLikeApiToken } from './api-tokens.service.js';
import type { AuthConfig } from './auth.config.js';
import {
  createViewer,
  findApiTokensByHashes,
  findUserByUsername,
  findUsersByEmails,
  listTenantIds,
  markApiTokenUsed,
  type ApiTokenMatch,
  type UserRow,
} from './auth.repository.js';
import type { FailedSignIns, SignInSubject } from './failed-sign-ins.js';
import { createGoogleIdTokenVerifier } from './google-id-token.js';

/** Who is calling, and the database snapshot their lookup ran under (after the request arrived). */
type Authenticated = { actor: Actor; snapshot?: string };

/**
 * Who is calling: a Google ID token (the add-on, source "sheet"), a personal API token
 * (scripts and reports, source "api"), or the development token when it is switched on.
 * Sets the actor on `response.locals`; every route reads it with `getActor`. Failed sign-ins
 * are counted per address and per claimed identity, and past their limit refused with 429.
 */
export function createAuthenticator(database: Database, config: AuthConfig, failedSignIns: FailedSignIns): RequestHandler {
  const prisma = database.prisma;
  const googleIdTokens = createGoogleIdTokenVerifier({ audiences: config.googleAudiences, fetchCertificates: config.fetchGoogleCertificates });

  // Requests read in the same turn of the event loop are looked up in one statement
  // (DataLoader, dispatched on setImmediate, never caching across requests): under load that is
  // one round trip for many callers instead of one each. Every lookup still runs after its
  // request arrived, so a revoked token or a role change counts from the very next request.
  const lookUpTogether = { cache: false, batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch), maxBatchSize: 200 };
  const apiTokens = new DataLoader<string, ApiTokenMatch | null>(async (hashes) => {
    const found = await runAsIdentityLookup(() => findApiTokensByHashes(database.sql, hashes));
    return hashes.map((hash) => found.get(hash) ?? null);
  }, lookUpTogether);
  const usersByEmail = new DataLoader<string, { user: UserRow; snapshot: string } | null>(async (emails) => {
    const found = await runAsIdentityLookup(() => findUsersByEmails(database.sql, emails));
    return emails.map((email) => found.get(email.toLowerCase()) ?? null);
  }, lookUpTogether);

  // Requests of one token that arrive together all read the same old "last used": they share
  // one write instead of each queueing on the row's lock with a pool connection held (600 at
  // once in bench:api's stress load).
  const markingUsed = new Map<string, Promise<unknown>>();
  function markUsed(tokenId: string, tenantId: string, now: Date): Promise<unknown> {
    let marking = markingUsed.get(tokenId);
    if (!marking) {
      marking = runInTenant(tenantId, () => markApiTokenUsed(prisma, tokenId, now));
      markingUsed.set(tokenId, marking);
      // Kept a moment after it is written, for the requests whose lookup ran just before; a failure is not kept.
      marking.then(
        () => setTimeout(() => markingUsed.delete(tokenId), 1_000).unref(),
        () => markingUsed.delete(tokenId),
      );
    }
    return marking;
  }

  async function authenticate(token: string): Promise<Authenticated> {
    if (config.devToken && token === config.devToken) {
      // The first admin of the installation, in their tenant; on a new install, the default tenant.
      const admin = await runAsIdentityLookup(() => prisma.user.findFirst({ where: { role: 'admin', isActive: true, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, email: true, tenantId: true } }));
      return { actor: { userId: admin?.id ?? null, role: 'admin', label: admin?.email ?? 'developer', source: 'api', tenantId: admin?.tenantId ?? DEFAULT_TENANT_ID } };
    }
    if (looksLikeApiToken(token)) {
      const found = await apiTokens.load(hashApiToken(token));
      if (!found || found.revokedAt || found.deletedAt) {
        throw new AppError({ code: 'UNAUTHENTICATED', userMessage: t('auth.apiTokenNotValid') });
      }
      // "Last used" to the minute is enough, and spares a write (and a row lock every request
      // of one busy script would queue on) per request.
      const now = new Date();
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) await markUsed(found.id, found.user.tenantId, now);
      return { actor: toActor(found.user, 'api'), snapshot: found.snapshot };
    }
    if (token.split('.').length === 3) {
      const identity = await googleIdTokens.verify(token);
      const found = await usersByEmail.load(identity.email);
      if (found) return { actor: toActor(found.user, 'sheet'), snapshot: found.snapshot };
      // A newcomer becomes a viewer only where there is no doubt which tenant they belong to:
      // on an installation with several, an admin of theirs invites them.
      const tenants = config.isAutoCreatingViewers ? await listTenantIds(prisma) : [];
      const onlyTenant = tenants.length === 1 ? tenants[0]!.id : undefined;
      const user = onlyTenant ? await runInTenant(onlyTenant, () => createViewer(prisma, identity.email, identity.name ?? identity.email)) : null;
      if (!user) {
        throw new AppError({
          code: 'FORBIDDEN',
          reason: 'NOT_A_USER',
          userMessage: t('auth.notAUserYet', { email: identity.email }),
        });
      }
      return { actor: toActor(user, 'sheet') };
    }
    throw new AppError({ code: 'UNAUTHENTICATED', userMessage: t('auth.unknownAuthorization') });
  }

  /**
   * Whom a token's failures count against besides its address: an API token's prefix, or the
   * email of a token Google really signed. Never an email merely written into a token, or
   * anyone could lock a colleague out by sending bad tokens in their name.
   */
  async function claimedIdentityOf(token: string): Promise<SignInSubject | null> {
    if (looksLikeApiToken(token)) {
      const prefix = token.slice(0, 12);
      return { kind: 'identity', identity: `api-token:${prefix}`, label: t('auth.apiTokenLabel', { prefix }) };
    }
    if (token.split('.').length !== 3) return null;
    const email = await googleIdTokens.readSignedEmail(token);
    return email ? { kind: 'identity', identity: `google:${email}`, label: email } : null;
  }

  return async (request, response, next) => {
    const address: SignInSubject = { kind: 'address', address: request.ip ?? request.socket.remoteAddress ?? 'unknown' };
    const subjects: SignInSubject[] = [address];
    try {
      await failedSignIns.assertMayTry(address);
      const header = request.get('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!match?.[1]) {
        throw new AppError({ code: 'UNAUTHENTICATED', userMessage: t('auth.signInFirstWithHeader') });
      }
      const token = match[1].trim();
      const identity = await claimedIdentityOf(token);
      if (identity) {
        subjects.push(identity);
        await failedSignIns.assertMayTry(identity);
      }
      const { actor: signedIn, snapshot } = await authenticate(token);
      // A client reads only their brands' campaigns, and money only where their tenant allows it.
      const actor = signedIn.role === 'client' ? await runInTenant(signedIn.tenantId ?? DEFAULT_TENANT_ID, () => resolveClientAccess(prisma, signedIn)) : signedIn;
      response.locals.actor = actor;
      response.locals.databaseSnapshot = snapshot;
      enterActorTenant(response, next);
    } catch (error) {
      if (isAppError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) await failedSignIns.recordFailure(subjects);
      next(error);
    }
  };
}

function toActor(user: UserRow, source: Actor['source']): Actor {
  if (!user.isActive || user.deletedAt) {
    throw new AppError({ code: 'FORBIDDEN', userMessage: t('auth.accountDeactivated', { email: user.email }) });
  }
  return { userId: user.id, role: user.role, label: user.email, source, tenantId: user.tenantId, ...(isLanguage(user.language) ? { language: user.language } : {}) };
}

/**
 * Runs the rest of the request in the caller's tenant. Called again after each body parser:
 * a parser resumes from the socket's stream events, which carry no request's context.
 */
export function enterActorTenant(response: Response, next: () => void): void {
  const actor = response.locals.actor as Actor | undefined;
  const continueSpeaking = () => continueInRequestLanguage(response, actor?.language, next);
  if (actor?.tenantId) continueInTenant(actor.tenantId, continueSpeaking);
  else continueSpeaking();
}

/** Middleware form of `enterActorTenant`, for after a body parser. */
export const reenterActorTenant: RequestHandler = (_request, response, next) => enterActorTenant(response, next);

export function getActor(response: Response): Actor {
  const actor = response.locals.actor as Actor | undefined;
  if (!actor) throw new AppError({ code: 'UNAUTHENTICATED', userMessage: t('auth.signInFirst') });
  return actor;
}

/**
 * The database snapshot the caller's sign-in lookup saw, when it was read (see
 * platform/database/snapshot-cache.ts); undefined for the development token.
 */
export function getRequestSnapshot(response: Response): string | undefined {
  return response.locals.databaseSnapshot as string | undefined;
}

export { findUserByUsername };

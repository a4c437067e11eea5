import type { RequestHandler, Response } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { hashApiToken, looksLikeApiToken } from './api-tokens.service.js';
import type { AuthConfig } from './auth.config.js';
import { createViewer, findApiTokenByHash, findUserByEmail, findUserByUsername, markApiTokenUsed } from './auth.repository.js';
import { createGoogleIdTokenVerifier } from './google-id-token.js';

type UserRow = { id: string; email: string; role: Actor['role']; isActive: boolean; deletedAt: Date | null };

/**
 * Who is calling: a Google ID token (the add-on, source "sheet"), a personal API token
 * (scripts and reports, source "api"), or the development token when it is switched on.
 * Sets the actor on `response.locals`; every route reads it with `getActor`.
 */
export function createAuthenticator(prisma: PrismaClient, config: AuthConfig): RequestHandler {
  const verifyGoogleIdToken = createGoogleIdTokenVerifier({ audiences: config.googleAudiences, fetchCertificates: config.fetchGoogleCertificates });

  async function resolveActor(token: string): Promise<Actor> {
    if (config.devToken && token === config.devToken) {
      const admin = await prisma.user.findFirst({ where: { role: 'admin', isActive: true, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, email: true } });
      return { userId: admin?.id ?? null, role: 'admin', label: admin?.email ?? 'developer', source: 'api' };
    }
    if (looksLikeApiToken(token)) {
      const found = await findApiTokenByHash(prisma, hashApiToken(token));
      if (!found || found.revokedAt || found.deletedAt) {
        throw new AppError({ code: 'UNAUTHENTICATED', userMessage: 'This API token is not valid or has been revoked. Ask an admin for a new one.' });
      }
      // "Last used" to the minute is enough, and spares a write (and a row lock every request
      // of one busy script would queue on) per request.
      const now = new Date();
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) await markApiTokenUsed(prisma, found.id, now);
      return toActor(found.user, 'api');
    }
    if (token.split('.').length === 3) {
      const identity = await verifyGoogleIdToken(token);
      const user = (await findUserByEmail(prisma, identity.email)) ?? (config.isAutoCreatingViewers ? await createViewer(prisma, identity.email, identity.name ?? identity.email) : null);
      if (!user) {
        throw new AppError({
          code: 'FORBIDDEN',
          userMessage: `${identity.email} is not a Booking Center user yet. Ask an admin to add you.`,
        });
      }
      return toActor(user, 'sheet');
    }
    throw new AppError({ code: 'UNAUTHENTICATED', userMessage: 'The Authorization header holds neither a Google sign-in nor an API token.' });
  }

  return async (request, response, next) => {
    try {
      const header = request.get('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!match?.[1]) {
        throw new AppError({ code: 'UNAUTHENTICATED', userMessage: 'Sign in first: send "Authorization: Bearer <token>".' });
      }
      response.locals.actor = await resolveActor(match[1].trim());
      next();
    } catch (error) {
      next(error);
    }
  };
}

function toActor(user: UserRow, source: Actor['source']): Actor {
  if (!user.isActive || user.deletedAt) {
    throw new AppError({ code: 'FORBIDDEN', userMessage: `The account ${user.email} is deactivated.` });
  }
  return { userId: user.id, role: user.role, label: user.email, source };
}

export function getActor(response: Response): Actor {
  const actor = response.locals.actor as Actor | undefined;
  if (!actor) throw new AppError({ code: 'UNAUTHENTICATED', userMessage: 'Sign in first.' });
  return actor;
}

export { findUserByUsername };

import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findUserByUsername, insertApiToken, revokeApiTokenByPrefix } from './auth.repository.js';

/** Tokens start with "bc_" so a leaked one is recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'bc_';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

/** A new token, its prefix (shown in lists) and its hash (the only part stored). */
export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, 12), tokenHash: hashApiToken(token) };
}

/**
 * Creates a token for a user of the current tenant, unaudited: the fixtures of tests and the
 * sign-in path's own needs. People get theirs from users.service.ts (admin panel, npm run token).
 */
export async function createApiToken(prisma: PrismaClient, input: { username: string; name: string }) {
  const user = await findUserByUsername(prisma, input.username);
  if (!user || user.deletedAt || !user.isActive) {
    throw new AppError({ code: 'NOT_FOUND', userMessage: t('auth.noActiveUser', { username: input.username }) });
  }
  const { token, prefix, tokenHash } = generateApiToken();
  const saved = await insertApiToken(prisma, { userId: user.id, name: input.name, prefix, tokenHash });
  return { token, prefix: saved.prefix, name: saved.name, role: user.role };
}

export async function revokeApiToken(prisma: PrismaClient, prefix: string): Promise<boolean> {
  const result = await revokeApiTokenByPrefix(prisma, prefix, new Date());
  return result.count > 0;
}


import { t } from '../../contract/i18n/translate.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { SYSTEM_ACTOR, type Actor } from './actor.js';
import { resolveClientAccess } from './client-access.js';

/**
 * Who a command-line write acts as: `--as <username>`, else the first admin. The command line
 * gets no rights of its own: its rows pass the write door's rules as that person's would, and
 * the audit names them. A database with no user yet (a new install) imports as the system. Both
 * are looked for in the tenant the command acts in (--tenant).
 */
export async function resolveCliActor(prisma: PrismaClient, username: string | undefined, label: string): Promise<Actor> {
  const user = username
    ? await prisma.user.findFirst({ where: { username: { equals: username, mode: 'insensitive' }, deletedAt: null }, select: { id: true, tenantId: true, email: true, username: true, role: true, isActive: true } })
    : await prisma.user.findFirst({ where: { role: 'admin', isActive: true, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, tenantId: true, email: true, username: true, role: true, isActive: true } });
  if (!user) {
    if (username) throw new AppError({ code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', userMessage: t('actor.noSuchUser', { username }) });
    return { ...SYSTEM_ACTOR, label: `${label} (system: no user exists yet)`, source: 'cli' };
  }
  if (!user.isActive) throw new AppError({ code: 'FORBIDDEN', reason: 'USER_INACTIVE', userMessage: t('actor.inactive', { username: user.username }) });
  return resolveClientAccess(prisma, { userId: user.id, role: user.role, label: `${user.email} via ${label}`, source: 'cli', tenantId: user.tenantId });
}

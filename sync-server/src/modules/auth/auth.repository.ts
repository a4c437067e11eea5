import type { PrismaClient } from '../../generated/prisma/client.js';

const userFields = { id: true, email: true, username: true, role: true, isActive: true, deletedAt: true } as const;

export function findUserByEmail(prisma: PrismaClient, email: string) {
  return prisma.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: userFields });
}

export function findUserByUsername(prisma: PrismaClient, username: string) {
  return prisma.user.findUnique({ where: { username }, select: userFields });
}

export function createViewer(prisma: PrismaClient, email: string, displayName: string) {
  return prisma.user.create({
    data: { email, username: email, displayName, role: 'viewer' },
    select: userFields,
  });
}

export function findApiTokenByHash(prisma: PrismaClient, tokenHash: string) {
  return prisma.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, revokedAt: true, deletedAt: true, lastUsedAt: true, user: { select: userFields } },
  });
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

export function listApiTokens(prisma: PrismaClient) {
  return prisma.apiToken.findMany({
    orderBy: { createdAt: 'desc' },
    select: { prefix: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { username: true } } },
  });
}

/** Natural keys (codes, usernames, creator keys) to ids, for callers that speak in keys (the HTTP API). */
import type { Db } from '../audit/audit.types.js';

/** `brandId`: only among these brands' campaigns (a client's scope); absent: any brand. */
export function findLiveCampaignByCode(db: Db, code: string, brandId?: { in: string[] }) {
  return db.campaign.findFirst({ where: { code: { equals: code, mode: 'insensitive' }, deletedAt: null, ...(brandId ? { brandId } : {}) }, select: { id: true, code: true, status: true } });
}

export function findBrandsByCodes(db: Db, codes: readonly string[]) {
  return db.brand.findMany({ where: { code: { in: [...codes], mode: 'insensitive' }, deletedAt: null }, select: { id: true, code: true } });
}

export function findUsersByUsernames(db: Db, usernames: readonly string[]) {
  return db.user.findMany({ where: { username: { in: [...usernames], mode: 'insensitive' } }, select: { id: true, username: true } });
}

export function findBrandById(db: Db, id: string) {
  return db.brand.findUnique({ where: { id }, select: { code: true, name: true } });
}

export function findUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: { username: true, displayName: true } });
}

export function findCreatorsByKeys(db: Db, keys: readonly string[]) {
  return db.creator.findMany({ where: { creatorKey: { in: [...keys] }, deletedAt: null }, select: { id: true, creatorKey: true } });
}

export function findProductsByKeys(db: Db, keys: readonly { brandCode: string; productCode: string }[]) {
  return db.product.findMany({
    where: { deletedAt: null, OR: keys.map((key) => ({ code: key.productCode, brand: { code: key.brandCode } })) },
    select: { id: true, code: true, brand: { select: { code: true } } },
  });
}

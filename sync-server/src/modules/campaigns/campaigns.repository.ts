/** Reads and writes of campaigns and their mappings; no rule lives here. */
import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../audit/audit.types.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';

export const campaignSelect = {
  id: true,
  code: true,
  name: true,
  brandId: true,
  channel: true,
  objective: true,
  description: true,
  startDate: true,
  endDate: true,
  budgetPlanned: true,
  budgetActual: true,
  kpiView: true,
  kpiOrder: true,
  kpiRevenue: true,
  status: true,
  ownerId: true,
  rowVersion: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} satisfies Prisma.CampaignSelect;

export type CampaignRecord = Prisma.CampaignGetPayload<{ select: typeof campaignSelect }>;

export function findCampaignById(db: Db, id: string): Promise<CampaignRecord | null> {
  return db.campaign.findUnique({ where: { id }, select: campaignSelect });
}

export function findCodesStartingWith(db: Db, prefix: string) {
  return db.campaign.findMany({ where: { code: { startsWith: prefix, mode: 'insensitive' } }, select: { code: true } });
}

export async function countMappings(db: Db, campaignId: string): Promise<{ creators: number; products: number }> {
  const [creators, products] = await Promise.all([
    db.campaignCreator.count({ where: { campaignId, deletedAt: null } }),
    db.campaignProduct.count({ where: { campaignId, deletedAt: null } }),
  ]);
  return { creators, products };
}

export type LinkedDataCounts = { bookings: number; videos: number; payments: number; trackingAssets: number };

/** What hangs on each campaign (live rows only), for any set of campaigns in one query. */
export async function countLinkedData(db: SqlDb, campaignIds: readonly string[]): Promise<Map<string, LinkedDataCounts>> {
  if (campaignIds.length === 0) return new Map();
  const rows: Array<LinkedDataCounts & { id: string }> = await db.$queryRawUnsafe<Array<LinkedDataCounts & { id: string }>>(
    `SELECT c.id::text AS id,
            (SELECT count(*)::int FROM bookings b WHERE b.campaign_id = c.id AND b.deleted_at IS NULL) AS bookings,
            (SELECT count(*)::int FROM videos v WHERE v.campaign_id = c.id AND v.deleted_at IS NULL) AS videos,
            (SELECT count(*)::int FROM payments p WHERE p.campaign_id = c.id AND p.deleted_at IS NULL) AS payments,
            (SELECT count(*)::int FROM tracking_assets t WHERE t.campaign_id = c.id AND t.deleted_at IS NULL) AS "trackingAssets"
     FROM campaigns c WHERE c.id = ANY($1::uuid[])`,
    campaignIds,
  );
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}

export function findCampaignCreators(db: Db, campaignId: string) {
  return db.campaignCreator.findMany({
    where: { campaignId },
    select: { id: true, creatorId: true, role: true, note: true, deletedAt: true, creator: { select: { creatorKey: true, name: true, status: true } } },
  });
}

export function findCampaignProducts(db: Db, campaignId: string) {
  return db.campaignProduct.findMany({
    where: { campaignId },
    select: { id: true, productId: true, priority: true, note: true, deletedAt: true, product: { select: { code: true, name: true, brand: { select: { code: true } } } } },
  });
}

export function findCreatorsByIds(db: Db, ids: readonly string[]) {
  return db.creator.findMany({ where: { id: { in: [...ids] }, deletedAt: null }, select: { id: true, creatorKey: true, name: true, status: true } });
}

export function findProductsByIds(db: Db, ids: readonly string[]) {
  return db.product.findMany({ where: { id: { in: [...ids] }, deletedAt: null }, select: { id: true, code: true, name: true, brand: { select: { code: true } } } });
}

/** What a duplicate copies: the campaign's brand code and its live assignments, by their keys. */
export async function findLiveCampaignMappings(db: Db, campaignId: string) {
  const [campaign, creators, products] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { brand: { select: { code: true } } } }),
    db.campaignCreator.findMany({ where: { campaignId, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { role: true, note: true, creator: { select: { creatorKey: true } } } }),
    db.campaignProduct.findMany({ where: { campaignId, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { priority: true, note: true, product: { select: { code: true, brand: { select: { code: true } } } } } }),
  ]);
  return {
    brandCode: campaign.brand.code,
    creators: creators.map((row) => ({ creatorKey: row.creator.creatorKey, role: row.role, note: row.note })),
    products: products.map((row) => ({ brandCode: row.product.brand.code, productCode: row.product.code, priority: row.priority, note: row.note })),
  };
}

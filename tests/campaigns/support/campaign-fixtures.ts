import type { PrismaClient } from '../../../sync-server/src/generated/prisma/client.js';
import type { Actor, Role } from '../../../sync-server/src/modules/access/actor.js';

export type Fixtures = {
  actors: Record<Role, Actor>;
  brandId: string;
  otherBrandId: string;
  productIds: string[];
  creatorIds: { active: string[]; watchlist: string; blacklist: string };
};

/** Users of every role, two brands, three products, three active creators, a watchlist and a blacklisted one. */
export async function createCampaignFixtures(prisma: PrismaClient): Promise<Fixtures> {
  const roles: Role[] = ['admin', 'lead', 'finance', 'viewer'];
  const actors = {} as Record<Role, Actor>;
  for (const role of roles) {
    const user = await prisma.user.create({ data: { username: role, email: `${role}@example.com`, displayName: `${role[0]?.toUpperCase()}${role.slice(1)} User`, role } });
    actors[role] = { userId: user.id, role, label: user.email, source: 'api' };
  }
  const brand = await prisma.brand.create({ data: { code: 'GLOW', name: 'Glow Skin' } });
  const otherBrand = await prisma.brand.create({ data: { code: 'MINT', name: 'Mint Home' } });
  const productIds: string[] = [];
  for (const [code, name, category] of [['SERUM', 'Serum Vitamin C', 'skincare'], ['MASK', 'Mặt nạ ngủ', 'skincare'], ['CLEAN', 'Nước lau sàn', 'home']] as const) {
    const product = await prisma.product.create({ data: { brandId: category === 'home' ? otherBrand.id : brand.id, code, name, category } });
    productIds.push(product.id);
  }
  const makeCreator = async (key: string, name: string, status: 'active' | 'watchlist' | 'blacklist', extra: { location?: string; niche?: string; followers?: number; avgViews?: number } = {}) => {
    const creator = await prisma.creator.create({ data: { creatorKey: key, name, status, location: extra.location, niche: extra.niche } });
    await prisma.creatorChannel.create({ data: { creatorId: creator.id, platform: 'tiktok', handle: `@${key}`, followerCount: extra.followers ?? 10_000, avgView10: extra.avgViews ?? 5_000 } });
    return creator.id;
  };
  const active = [
    await makeCreator('linh', 'Linh Beauty', 'active', { location: 'Hà Nội', niche: 'beauty', followers: 250_000, avgViews: 80_000 }),
    await makeCreator('nam', 'Nam Review', 'active', { location: 'Hồ Chí Minh', niche: 'tech', followers: 40_000, avgViews: 12_000 }),
    await makeCreator('dung', 'Đức Dũng', 'active', { location: 'Đà Nẵng', niche: 'beauty', followers: 900_000, avgViews: 300_000 }),
  ];
  const watchlist = await makeCreator('mai', 'Mai Vlog', 'watchlist');
  const blacklist = await makeCreator('tu', 'Tú Drama', 'blacklist');
  return { actors, brandId: brand.id, otherBrandId: otherBrand.id, productIds, creatorIds: { active, watchlist, blacklist } };
}

export const COMPLETE_POSTMORTEM = '## Postmortem\n- What worked: hooks in the first 2 seconds\n- What didn\u2019t: late scripts\n- Next time: brief a week earlier\n';

/** Runs `action` and returns the AppError-like object it throws (fails the test if it doesn't throw). */
export async function catchError(action: () => Promise<unknown>): Promise<{ code: string; reason?: string; userMessage: string; problems: { column?: string; message: string }[] }> {
  try {
    await action();
  } catch (error) {
    return error as { code: string; reason?: string; userMessage: string; problems: { column?: string; message: string }[] };
  }
  throw new Error('expected the action to be refused');
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';
import { Prisma } from '../../sync-server/src/generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// Every model round-trips: it is created, found again by its natural key, and soft deleted
// (the row stays, marked deleted and inactive; lists that skip deleted rows no longer see it).

type Row = { id: string; deletedAt: Date | null; isActive: boolean };
type ModelDelegate = {
  create(args: { data: Record<string, unknown> }): Promise<Row>;
  findFirst(args: { where: Record<string, unknown> }): Promise<Row | null>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<Row>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
};
type Ids = Record<string, string>;
type ModelCase = {
  model: Prisma.ModelName;
  data: (ids: Ids) => Record<string, unknown>;
  naturalKey: (ids: Ids) => Record<string, unknown>;
  /** False for the rows without soft delete: a tenant (deactivated, never deleted) and a client's brand (removed outright). */
  isSoftDeleted?: false;
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// In dependency order: each case may use the ids of the ones before it.
const NEW_TENANT_ID = randomUUID();
const modelCases: ModelCase[] = [
  { model: 'Tenant', data: () => ({ id: NEW_TENANT_ID, code: 'lamthao', name: 'Lam Thảo Cosmetics', baseCurrency: 'VND' }), naturalKey: () => ({ code: 'lamthao' }), isSoftDeleted: false },
  { model: 'User', data: () => ({ username: 'thu.ha', email: 'thu.ha@bookingcenter.vn', displayName: 'Đặng Thu Hà', role: 'lead' }), naturalKey: () => ({ username: 'thu.ha' }) },
  { model: 'ApiToken', data: (ids) => ({ userId: ids.User, name: 'Báo cáo Looker Studio', prefix: 'bc_3f9a1c2d', tokenHash: 'a'.repeat(64) }), naturalKey: () => ({ prefix: 'bc_3f9a1c2d' }) },
  { model: 'SyncPush', data: () => ({ idempotencyKey: 'push-2026-06-01-001', actorLabel: 'minh.tran@bookingcenter.vn', requestHash: 'b'.repeat(64), response: { applied: true } }), naturalKey: () => ({ idempotencyKey: 'push-2026-06-01-001' }) },
  { model: 'Brand', data: () => ({ code: 'LAMTHAO', name: 'Lam Thảo Cosmetics' }), naturalKey: () => ({ code: 'LAMTHAO' }) },
  { model: 'UserBrand', data: (ids) => ({ userId: ids.User, brandId: ids.Brand }), naturalKey: (ids) => ({ userId: ids.User, brandId: ids.Brand }), isSoftDeleted: false },
  { model: 'Product', data: (ids) => ({ brandId: ids.Brand, code: 'LT-SERUM', name: 'Serum bưởi 50ml', shopeeId: '998877' }), naturalKey: (ids) => ({ brandId: ids.Brand, code: 'LT-SERUM' }) },
  { model: 'Creator', data: () => ({ creatorKey: 'KOC-NGOCHAN', name: 'Vũ Ngọc Hân', priorityScore: 7, status: 'watchlist' }), naturalKey: () => ({ creatorKey: 'KOC-NGOCHAN' }) },
  { model: 'CreatorChannel', data: (ids) => ({ creatorId: ids.Creator, platform: 'tiktok', handle: '@ngochan', externalId: '6811223344', followerCount: 120000, avgEngagementRate: '0.0512', dataRaw: { region: 'VN' } }), naturalKey: () => ({ platform: 'tiktok', handle: '@ngochan' }) },
  { model: 'CreatorContact', data: (ids) => ({ creatorId: ids.Creator, contactType: 'manager', name: 'Lý Minh Khoa', phone: '0909000111' }), naturalKey: (ids) => ({ creatorId: ids.Creator, contactType: 'manager', name: 'Lý Minh Khoa' }) },
  { model: 'CreatorTag', data: () => ({ name: 'skincare' }), naturalKey: () => ({ name: 'skincare' }) },
  { model: 'CreatorTagMap', data: (ids) => ({ creatorId: ids.Creator, tagId: ids.CreatorTag }), naturalKey: (ids) => ({ creatorId: ids.Creator, tagId: ids.CreatorTag }) },
  { model: 'CreatorNote', data: (ids) => ({ creatorId: ids.Creator, userId: ids.User, title: 'Gọi điện báo giá', content: 'Báo giá **8 triệu**/video', noteType: 'call' }), naturalKey: (ids) => ({ creatorId: ids.Creator, title: 'Gọi điện báo giá' }) },
  { model: 'CreatorRateCard', data: (ids) => ({ creatorId: ids.Creator, channelId: ids.CreatorChannel, deliverableType: 'video_single', price: '8000000' }), naturalKey: (ids) => ({ creatorId: ids.Creator, deliverableType: 'video_single' }) },
  { model: 'Campaign', data: (ids) => ({ code: 'LT-HE-2026', name: 'Hè rạng rỡ 2026', brandId: ids.Brand, objective: 'awareness', budgetPlanned: '50000000', ownerId: ids.User }), naturalKey: () => ({ code: 'LT-HE-2026' }) },
  { model: 'CampaignProduct', data: (ids) => ({ campaignId: ids.Campaign, productId: ids.Product, priority: 1 }), naturalKey: (ids) => ({ campaignId: ids.Campaign, productId: ids.Product }) },
  { model: 'CampaignCreator', data: (ids) => ({ campaignId: ids.Campaign, creatorId: ids.Creator, role: 'trial' }), naturalKey: (ids) => ({ campaignId: ids.Campaign, creatorId: ids.Creator }) },
  { model: 'Booking', data: (ids) => ({ code: 'BK-LT-01', campaignId: ids.Campaign, creatorId: ids.Creator, brandId: ids.Brand, channelId: ids.CreatorChannel, bookingType: 'video_only', totalFeeAgreed: '8000000' }), naturalKey: () => ({ code: 'BK-LT-01' }) },
  { model: 'BookingDeliverable', data: (ids) => ({ bookingId: ids.Booking, deliverableType: 'video_feed', title: 'Video review serum', deadlinePost: day('2026-06-10') }), naturalKey: (ids) => ({ bookingId: ids.Booking, deliverableType: 'video_feed', title: 'Video review serum', deadlinePost: day('2026-06-10') }) },
  { model: 'BookingStatusHistory', data: (ids) => ({ bookingId: ids.Booking, fromStatus: 'negotiating', toStatus: 'confirmed', changedById: ids.User }), naturalKey: (ids) => ({ bookingId: ids.Booking, toStatus: 'confirmed' }) },
  { model: 'Video', data: (ids) => ({ bookingId: ids.Booking, bookingDeliverableId: ids.BookingDeliverable, campaignId: ids.Campaign, creatorId: ids.Creator, platformVideoId: '7460000000000000001', url: 'https://www.tiktok.com/@ngochan/video/7460000000000000001' }), naturalKey: () => ({ channel: 'tiktok', platformVideoId: '7460000000000000001' }) },
  { model: 'VideoMetricSnapshot', data: (ids) => ({ videoId: ids.Video, snapshotTime: new Date('2026-06-11T02:00:00Z'), viewCount: 3_000_000_000n, likeCount: 1200 }), naturalKey: (ids) => ({ videoId: ids.Video, snapshotTime: new Date('2026-06-11T02:00:00Z') }) },
  { model: 'TrackingAsset', data: (ids) => ({ campaignId: ids.Campaign, creatorId: ids.Creator, codeType: 'voucher', codeValue: 'NGOCHAN10', platform: 'shopee' }), naturalKey: () => ({ platform: 'shopee', codeType: 'voucher', codeValue: 'NGOCHAN10' }) },
  { model: 'TrackingConversion', data: (ids) => ({ trackingAssetId: ids.TrackingAsset, orderCode: 'SP-0001', revenue: '350000', productId: ids.Product }), naturalKey: (ids) => ({ trackingAssetId: ids.TrackingAsset, orderCode: 'SP-0001' }) },
  { model: 'Payment', data: (ids) => ({ bookingId: ids.Booking, creatorId: ids.Creator, campaignId: ids.Campaign, amount: '4000000', paymentDate: day('2026-06-01'), status: 'paid' }), naturalKey: (ids) => ({ bookingId: ids.Booking, paymentDate: day('2026-06-01'), amount: '4000000', status: 'paid' }) },
  { model: 'ExchangeRate', data: () => ({ currency: 'USD', rateDate: day('2026-06-01'), rateToBase: '25400.5', source: 'Vietcombank' }), naturalKey: () => ({ currency: 'USD', rateDate: day('2026-06-01') }) },
  { model: 'Template', data: () => ({ name: 'Email xác nhận booking', templateType: 'email', content: 'Chào {{creator_name}}' }), naturalKey: () => ({ templateType: 'email', name: 'Email xác nhận booking' }) },
  { model: 'Rule', data: () => ({ name: 'Nhắc thanh toán', scope: 'finance', conditionJson: { status: 'pending' } }), naturalKey: () => ({ name: 'Nhắc thanh toán' }) },
  { model: 'RuleLog', data: (ids) => ({ ruleId: ids.Rule, targetType: 'payment', targetId: ids.Payment, result: 'matched' }), naturalKey: (ids) => ({ ruleId: ids.Rule, targetId: ids.Payment }) },
  { model: 'AuditLog', data: (ids) => ({ actorId: ids.User, actorLabel: 'thu.ha@bookingcenter.vn', source: 'sheet', entityType: 'campaign', entityId: ids.Campaign, action: 'update', changes: { budget_planned: { before: '40000000', after: '50000000' } } }), naturalKey: (ids) => ({ entityType: 'campaign', entityId: ids.Campaign }) },
  { model: 'OutboxEvent', data: (ids) => ({ eventType: 'campaign.updated', entityType: 'campaign', entityId: ids.Campaign, actorLabel: 'thu.ha@bookingcenter.vn', source: 'sheet', data: { id: ids.Campaign } }), naturalKey: (ids) => ({ eventType: 'campaign.updated', entityId: ids.Campaign }) },
];

describe('every model round-trips', () => {
  let database: TestDatabase;
  const ids: Ids = {};
  const delegate = (model: Prisma.ModelName) =>
    database.prisma[(model.charAt(0).toLowerCase() + model.slice(1)) as keyof typeof database.prisma] as unknown as ModelDelegate;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('covers every model of the schema', () => {
    expect(modelCases.map((modelCase) => modelCase.model).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it.each(modelCases.map((modelCase) => [modelCase.model, modelCase] as const))('%s: create, read by natural key', async (_name, modelCase) => {
    // A tenant's row is written in its own context (row-level security); the others in the default tenant.
    const create = () => delegate(modelCase.model).create({ data: modelCase.data(ids) });
    const created = modelCase.model === 'Tenant' ? await runInTenant(NEW_TENANT_ID, create) : await create();
    ids[modelCase.model] = created.id;
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const found = await delegate(modelCase.model).findFirst({ where: modelCase.naturalKey(ids) });
    expect(found?.id).toBe(created.id);
    if (modelCase.isSoftDeleted !== false) expect(found?.isActive).toBe(true);
  });

  // Soft delete runs last and in reverse order: an audit entry is append-only, so it is checked
  // to refuse, and the other rows are still referenced by their dependants when marked deleted.
  it.each([...modelCases].reverse().filter((modelCase) => modelCase.model !== 'AuditLog' && modelCase.isSoftDeleted !== false).map((modelCase) => [modelCase.model, modelCase] as const))(
    '%s: soft delete keeps the row, marked deleted',
    async (_name, modelCase) => {
      const id = ids[modelCase.model]!;
      const deletedAt = new Date();
      await delegate(modelCase.model).update({ where: { id }, data: { deletedAt, isActive: false } });
      const found = await delegate(modelCase.model).findFirst({ where: modelCase.naturalKey(ids) });
      expect(found?.id).toBe(id);
      expect(found?.deletedAt?.getTime()).toBe(deletedAt.getTime());
      expect(await delegate(modelCase.model).count({ where: { ...modelCase.naturalKey(ids), deletedAt: null } })).toBe(0);
    },
  );

  it('AuditLog: entries cannot be soft deleted either (append-only)', async () => {
    await expect(delegate('AuditLog').update({ where: { id: ids.AuditLog! }, data: { deletedAt: new Date() } })).rejects.toThrow();
  });
});

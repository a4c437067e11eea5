import type { PrismaClient } from '../../generated/prisma/client.js';
import { DEFAULT_TENANT_ID, runInTenant } from '../../platform/database/tenant-scope.js';
import {
  sampleBookings, sampleBrands, sampleCampaigns, sampleCreators, samplePayments, sampleProducts, sampleRules,
  sampleTags, sampleTemplates, sampleTrackingAssets, sampleUsers, sampleVideos,
} from './sample-data.js';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const optionalDay = (isoDate: string | null) => (isoDate ? day(isoDate) : null);

/**
 * Loads the sample data set by natural key, in one transaction. Idempotent: a second run
 * writes the same values, which the row triggers recognise as no change (versions and sync
 * cursors stay put). Per-row upserts are fine at this size (~100 rows); bulk data goes through
 * the import engine.
 */
export async function seedSampleData(prisma: PrismaClient, tenantId: string = DEFAULT_TENANT_ID): Promise<void> {
  await runInTenant(tenantId, () => prisma.$transaction(async (tx) => {
    const userIdByUsername = new Map<string, string>();
    for (const user of sampleUsers) {
      const saved = await tx.user.upsert({ where: { tenantId_username: { tenantId, username: user.username } }, create: user, update: user });
      userIdByUsername.set(user.username, saved.id);
    }

    const brandIdByCode = new Map<string, string>();
    for (const brand of sampleBrands) {
      const saved = await tx.brand.upsert({ where: { tenantId_code: { tenantId, code: brand.code } }, create: brand, update: brand });
      brandIdByCode.set(brand.code, saved.id);
    }

    const productIdByKey = new Map<string, string>();
    for (const { brandCode, ...product } of sampleProducts) {
      const brandId = required(brandIdByCode, brandCode);
      const saved = await tx.product.upsert({
        where: { brandId_code: { brandId, code: product.code } },
        create: { ...product, brandId },
        update: { ...product },
      });
      productIdByKey.set(`${brandCode}/${product.code}`, saved.id);
    }

    const creatorIdByKey = new Map<string, string>();
    const channelIdByKey = new Map<string, string>();
    for (const { channel, contact, dob, ...creator } of sampleCreators) {
      const fields = { ...creator, dob: day(dob) };
      const saved = await tx.creator.upsert({ where: { tenantId_creatorKey: { tenantId, creatorKey: creator.creatorKey } }, create: fields, update: fields });
      creatorIdByKey.set(creator.creatorKey, saved.id);
      const channelFields = { ...channel, platform: 'tiktok' as const, creatorId: saved.id, profileUrl: `https://www.tiktok.com/${channel.handle}` };
      const savedChannel = await tx.creatorChannel.upsert({
        where: { tenantId_platform_handle: { tenantId, platform: 'tiktok', handle: channel.handle } },
        create: channelFields,
        update: channelFields,
      });
      channelIdByKey.set(creator.creatorKey, savedChannel.id);
      const contactFields = { ...contact, creatorId: saved.id, isPrimary: true };
      await tx.creatorContact.upsert({
        where: { creatorId_contactType_name: { creatorId: saved.id, contactType: contact.contactType, name: contact.name } },
        create: contactFields,
        update: contactFields,
      });
    }

    for (const { creators, ...tag } of sampleTags) {
      const savedTag = await tx.creatorTag.upsert({ where: { tenantId_name: { tenantId, name: tag.name } }, create: tag, update: tag });
      for (const creatorKey of creators) {
        const creatorId = required(creatorIdByKey, creatorKey);
        await tx.creatorTagMap.upsert({
          where: { creatorId_tagId: { creatorId, tagId: savedTag.id } },
          create: { creatorId, tagId: savedTag.id },
          update: {},
        });
      }
    }

    const campaignIdByCode = new Map<string, string>();
    const campaignBrandByCode = new Map<string, string>();
    for (const { products, creators, brandCode, ownerUsername, startDate, endDate, ...campaign } of sampleCampaigns) {
      const fields = {
        ...campaign,
        brandId: required(brandIdByCode, brandCode),
        ownerId: required(userIdByUsername, ownerUsername),
        startDate: day(startDate),
        endDate: day(endDate),
      };
      const saved = await tx.campaign.upsert({ where: { tenantId_code: { tenantId, code: campaign.code } }, create: fields, update: fields });
      campaignIdByCode.set(campaign.code, saved.id);
      campaignBrandByCode.set(campaign.code, brandCode);
      for (const product of products) {
        const productId = required(productIdByKey, `${product.brandCode}/${product.productCode}`);
        const mapping = { priority: product.priority, note: product.note };
        await tx.campaignProduct.upsert({
          where: { campaignId_productId: { campaignId: saved.id, productId } },
          create: { ...mapping, campaignId: saved.id, productId },
          update: mapping,
        });
      }
      for (const creator of creators) {
        const creatorId = required(creatorIdByKey, creator.creatorKey);
        const mapping = { role: creator.role, note: creator.note };
        await tx.campaignCreator.upsert({
          where: { campaignId_creatorId: { campaignId: saved.id, creatorId } },
          create: { ...mapping, campaignId: saved.id, creatorId },
          update: mapping,
        });
      }
    }

    const bookingByCode = new Map<string, { id: string; campaignId: string; creatorId: string }>();
    const deliverableIdByKey = new Map<string, string>();
    for (const { deliverables, campaignCode, creatorKey, productCode, startDate, endDate, ...booking } of sampleBookings) {
      const brandCode = required(campaignBrandByCode, campaignCode);
      const fields = {
        ...booking,
        campaignId: required(campaignIdByCode, campaignCode),
        creatorId: required(creatorIdByKey, creatorKey),
        channelId: required(channelIdByKey, creatorKey),
        brandId: required(brandIdByCode, brandCode),
        productFocusId: required(productIdByKey, `${brandCode}/${productCode}`),
        startDate: day(startDate),
        endDate: day(endDate),
        // The samples are in đồng, the default tenant's base currency: their base amount is the amount.
        totalFeeVnd: booking.totalFeeAgreed,
      };
      const saved = await tx.booking.upsert({ where: { tenantId_code: { tenantId, code: booking.code } }, create: fields, update: fields });
      bookingByCode.set(booking.code, { id: saved.id, campaignId: saved.campaignId, creatorId: saved.creatorId });
      await ensureStatusHistory(tx, saved.id, booking.status, required(userIdByUsername, 'minh.tran'));
      for (const { deadlineShoot, deadlinePost, ...deliverable } of deliverables) {
        const deliverableFields = { ...deliverable, bookingId: saved.id, deadlineShoot: optionalDay(deadlineShoot), deadlinePost: optionalDay(deadlinePost) };
        // The composite natural key of 001: booking + type + title + deadline_post.
        const existing = await tx.bookingDeliverable.findFirst({
          where: { bookingId: saved.id, deliverableType: deliverable.deliverableType, title: deliverable.title, deadlinePost: deliverableFields.deadlinePost },
          select: { id: true },
        });
        const savedDeliverable = existing
          ? await tx.bookingDeliverable.update({ where: { id: existing.id }, data: deliverableFields })
          : await tx.bookingDeliverable.create({ data: deliverableFields });
        deliverableIdByKey.set(`${booking.code}/${deliverable.title}`, savedDeliverable.id);
      }
    }

    for (const { snapshots, bookingCode, deliverableTitle, postDate, ...video } of sampleVideos) {
      const booking = required(bookingByCode, bookingCode);
      const fields = {
        ...video,
        channel: 'tiktok' as const,
        status: 'posted' as const,
        postDate: day(postDate),
        bookingId: booking.id,
        campaignId: booking.campaignId,
        creatorId: booking.creatorId,
        bookingDeliverableId: required(deliverableIdByKey, `${bookingCode}/${deliverableTitle}`),
      };
      const saved = await tx.video.upsert({
        where: { tenantId_channel_platformVideoId: { tenantId, channel: 'tiktok', platformVideoId: video.platformVideoId } },
        create: fields,
        update: fields,
      });
      for (const { snapshotTime, ...counts } of snapshots) {
        const time = new Date(snapshotTime);
        await tx.videoMetricSnapshot.upsert({
          where: { videoId_snapshotTime: { videoId: saved.id, snapshotTime: time } },
          create: { ...counts, videoId: saved.id, snapshotTime: time },
          update: counts,
        });
      }
    }

    for (const { conversions, campaignCode, bookingCode, creatorKey, ...asset } of sampleTrackingAssets) {
      const fields = {
        ...asset,
        campaignId: required(campaignIdByCode, campaignCode),
        bookingId: required(bookingByCode, bookingCode).id,
        creatorId: required(creatorIdByKey, creatorKey),
      };
      const saved = await tx.trackingAsset.upsert({
        where: { tenantId_platform_codeType_codeValue: { tenantId, platform: asset.platform, codeType: asset.codeType, codeValue: asset.codeValue } },
        create: fields,
        update: fields,
      });
      const brandCode = required(campaignBrandByCode, campaignCode);
      for (const { productCode, orderDate, ...conversion } of conversions) {
        const conversionFields = {
          ...conversion,
          orderDate: new Date(orderDate),
          revenueVnd: conversion.revenue,
          sourcePlatform: 'tiktok_shop',
          productId: required(productIdByKey, `${brandCode}/${productCode}`),
          trackingAssetId: saved.id,
        };
        await tx.trackingConversion.upsert({
          where: { trackingAssetId_orderCode: { trackingAssetId: saved.id, orderCode: conversion.orderCode } },
          create: conversionFields,
          update: conversionFields,
        });
      }
    }

    for (const { bookingCode, paymentDate, ...payment } of samplePayments) {
      const booking = required(bookingByCode, bookingCode);
      const fields = {
        ...payment,
        bookingId: booking.id,
        campaignId: booking.campaignId,
        creatorId: booking.creatorId,
        paymentDate: day(paymentDate),
        amountVnd: payment.amount,
        createdById: required(userIdByUsername, 'huong.le'),
      };
      await tx.payment.upsert({ where: { tenantId_paymentRef: { tenantId, paymentRef: payment.paymentRef } }, create: fields, update: fields });
    }

    for (const template of sampleTemplates) {
      const fields = { ...template, variables: [...template.variables] };
      await tx.template.upsert({
        where: { tenantId_templateType_name: { tenantId, templateType: template.templateType, name: template.name } },
        create: fields,
        update: fields,
      });
    }
    for (const rule of sampleRules) {
      await tx.rule.upsert({ where: { tenantId_name: { tenantId, name: rule.name } }, create: rule, update: rule });
    }
    // campaigns.budget_actual follows the paid payments through a database trigger.
  }, { timeout: 60_000, maxWait: 30_000 }));
}

async function ensureStatusHistory(tx: Transaction, bookingId: string, status: (typeof sampleBookings)[number]['status'], userId: string) {
  const existing = await tx.bookingStatusHistory.findFirst({ where: { bookingId, toStatus: status }, select: { id: true } });
  if (!existing) {
    await tx.bookingStatusHistory.create({ data: { bookingId, fromStatus: 'negotiating', toStatus: status, changedById: userId, note: 'Dữ liệu mẫu' } });
  }
}

function required<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Sample data refers to ${key}, which the sample data does not define.`);
  return value;
}

/** True when the tenant (the default: the one of a new install) holds no campaign, brand or creator yet (a newcomer's first start). */
export async function isDatabaseEmpty(prisma: PrismaClient, tenantId: string = DEFAULT_TENANT_ID): Promise<boolean> {
  const [brands, creators, campaigns] = await runInTenant(tenantId, () => Promise.all([prisma.brand.count(), prisma.creator.count(), prisma.campaign.count()]));
  return brands + creators + campaigns === 0;
}

/**
 * Every enum a template column accepts, as plain string unions. They must equal the Prisma
 * enums of prisma/schema.prisma (a test compares them); they are repeated here because the
 * contract is bundled into the Apps Script add-on, which cannot import the Prisma client.
 */
export const enumValues = {
  gender: ['female', 'male', 'other'],
  creator_status: ['active', 'watchlist', 'blacklist'],
  channel_platform: ['tiktok', 'youtube', 'instagram', 'shopee_live', 'other'],
  contact_type: ['owner', 'manager', 'agency'],
  campaign_channel: ['tiktok', 'multi'],
  campaign_objective: ['awareness', 'traffic', 'sale', 'launch', 'clearance'],
  campaign_status: ['draft', 'planned', 'running', 'paused', 'finished', 'canceled'],
  campaign_creator_role: ['main', 'supporting', 'trial'],
  booking_type: ['video_only', 'live', 'combo', 'barter', 'affiliate_only'],
  booking_status: ['negotiating', 'confirmed', 'in_progress', 'completed', 'canceled'],
  deliverable_type: ['video_feed', 'video_story', 'live', 'series', 'short', 'other'],
  deliverable_status: ['planned', 'shooting', 'waiting_approve', 'scheduled', 'posted', 'rejected', 'canceled'],
  video_channel: ['tiktok', 'other'],
  video_status: ['posted', 'deleted', 'hidden', 'pending'],
  tracking_code_type: ['voucher', 'link', 'referral_code'],
  tracking_platform: ['tiktok_shop', 'web', 'shopee', 'other'],
  payment_method: ['bank_transfer', 'cash', 'other'],
  payment_status: ['planned', 'pending', 'paid', 'canceled'],
  // Issue 14: the rest of 001 B (creator notes and rate cards).
  creator_note_type: ['call', 'meeting', 'complaint', 'compliment'],
  rate_card_deliverable_type: ['video_single', 'series', 'live', 'combo', 'other'],
} as const;

/** The PostgreSQL enum type name (Prisma's @@map), which is also the key in `enumValues`. */
export type EnumName = keyof typeof enumValues;
export type EnumValue<Name extends EnumName> = (typeof enumValues)[Name][number];

/** The Prisma enum name for each PostgreSQL enum type, for the test that keeps both equal. */
export const prismaEnumNames: Record<EnumName, string> = {
  gender: 'Gender',
  creator_status: 'CreatorStatus',
  channel_platform: 'ChannelPlatform',
  contact_type: 'ContactType',
  campaign_channel: 'CampaignChannel',
  campaign_objective: 'CampaignObjective',
  campaign_status: 'CampaignStatus',
  campaign_creator_role: 'CampaignCreatorRole',
  booking_type: 'BookingType',
  booking_status: 'BookingStatus',
  deliverable_type: 'DeliverableType',
  deliverable_status: 'DeliverableStatus',
  video_channel: 'VideoChannel',
  video_status: 'VideoStatus',
  tracking_code_type: 'TrackingCodeType',
  tracking_platform: 'TrackingPlatform',
  payment_method: 'PaymentMethod',
  payment_status: 'PaymentStatus',
  creator_note_type: 'CreatorNoteType',
  rate_card_deliverable_type: 'RateCardDeliverableType',
};

/**
 * Which line of a creator's rate card prices a piece of booked work. A rate card prices a
 * single video, a series, a livestream or a combo (001 B); a booking deliverable is a feed,
 * story or short video, a livestream or a series, and a booking as a whole is video only, live
 * or combo (barter and affiliate-only bookings carry no fee, so no card applies).
 */
import type { EnumValue } from '../../contract/index.js';
import type { RateCardDeliverableType } from './rate-cards.repository.js';

const BY_DELIVERABLE: Record<EnumValue<'deliverable_type'>, RateCardDeliverableType> = {
  video_feed: 'video_single',
  video_story: 'video_single',
  short: 'video_single',
  series: 'series',
  live: 'live',
  other: 'other',
};

const BY_BOOKING: Partial<Record<EnumValue<'booking_type'>, RateCardDeliverableType>> = {
  video_only: 'video_single',
  live: 'live',
  combo: 'combo',
};

export function rateCardTypeOfDeliverable(deliverableType: EnumValue<'deliverable_type'>): RateCardDeliverableType {
  return BY_DELIVERABLE[deliverableType];
}

/** Undefined for a booking that carries no fee (barter, affiliate only). */
export function rateCardTypeOfBooking(bookingType: EnumValue<'booking_type'>): RateCardDeliverableType | undefined {
  return BY_BOOKING[bookingType];
}

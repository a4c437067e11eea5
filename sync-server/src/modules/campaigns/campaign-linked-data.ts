import { t, type MessageKey } from '../../contract/i18n/translate.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { LinkedDataCounts } from './campaigns.repository.js';

const LINKED_DATA_MESSAGES: Record<keyof LinkedDataCounts, MessageKey> = {
  bookings: 'rules.linkedBookings',
  videos: 'rules.linkedVideos',
  payments: 'rules.linkedPayments',
  trackingAssets: 'rules.linkedTrackingCodes',
};

/** Soft delete only, and never under bookings, videos, payments or tracking codes (000 §8). Empty = deletable. */
export function listLinkedDataProblems(linked: LinkedDataCounts): FieldProblem[] {
  return (Object.keys(linked) as (keyof LinkedDataCounts)[])
    .filter((key) => linked[key] > 0)
    .map((key) => ({ table: 'campaigns', column: key, value: linked[key], message: t(LINKED_DATA_MESSAGES[key], { count: linked[key] }) }));
}

import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { LinkedDataCounts } from './campaigns.repository.js';

const LINKED_DATA_LABELS: Record<keyof LinkedDataCounts, string> = { bookings: 'booking', videos: 'video', payments: 'payment', trackingAssets: 'tracking code' };

/** Soft delete only, and never under bookings, videos, payments or tracking codes (000 §8). Empty = deletable. */
export function listLinkedDataProblems(linked: LinkedDataCounts): FieldProblem[] {
  return (Object.keys(linked) as (keyof LinkedDataCounts)[])
    .filter((key) => linked[key] > 0)
    .map((key) => ({ table: 'campaigns', column: key, value: linked[key], message: `${linked[key]} ${LINKED_DATA_LABELS[key]}(s) belong to this campaign.` }));
}

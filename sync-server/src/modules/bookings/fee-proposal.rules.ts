/**
 * A booking proposes its fee from the creator's rate card (issue 14, item 6): a booking written
 * with no agreed fee (an empty or zero total_fee_agreed) is told what the creator's card valid
 * on its start date asks for its kind of work, at every door, as a warning on its row.
 *
 * A proposal, not a write: the fee is what the planner and the creator agreed, and a cell the
 * server filled in on its own would read as agreed when it was not. The warning names the price
 * so it is one cell to copy; confirming still needs the fee (execution.rules.ts, FEE_MISSING).
 */
import type { EnumValue } from '../../contract/index.js';
import { enumLabel } from '../../contract/i18n/enum-labels.js';
import { formatMoney, getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import type { ChangedRow } from '../../write/change-set.js';
import type { RowRule } from '../../write/table-rules.js';
import { rateCardTypeOfBooking } from '../creators/rate-card-types.js';
import { proposeFees, type FeeRequest } from '../creators/rate-cards.repository.js';

function hasNoFee(row: ChangedRow): boolean {
  const fee = row.after.values.total_fee_agreed;
  return fee === null || fee === undefined || Number(fee) === 0;
}

export const proposeBookingFees: RowRule = async ({ db }, rows, findings) => {
  const asked: Array<{ row: ChangedRow; request: FeeRequest; creator: string }> = [];
  for (const row of rows) {
    if (row.isDeletion || findings.isRefused(row) || !hasNoFee(row)) continue;
    // Only when the booking is new or its fee, creator, type or dates are what changed: a warning
    // repeated on every edit of an unrelated cell would teach people to ignore it.
    if (!row.isNew && !row.changed.some((field) => ['total_fee_agreed', 'creator_key', 'booking_type', 'start_date'].includes(field))) continue;
    const creatorId = row.after.refs.creator;
    const onDate = row.after.values.start_date;
    const deliverableType = rateCardTypeOfBooking((row.after.values.booking_type ?? '') as EnumValue<'booking_type'>);
    if (!creatorId || !onDate || !deliverableType) continue;
    asked.push({ row, request: { creatorId, deliverableType, onDate }, creator: row.after.values.creator_key ?? '' });
  }
  if (asked.length === 0) return;
  const proposals = await proposeFees(db, asked.map((entry) => entry.request));
  for (const [index, proposal] of proposals.entries()) {
    if (!proposal.rateCard) continue;
    const { row, creator } = asked[index]!;
    findings.warn(row, t('execution.feeProposed', {
      creator,
      price: formatMoney(getCurrentLanguage(), Number(proposal.rateCard.price), proposal.rateCard.currency),
      type: enumLabel('rate_card_deliverable_type', proposal.deliverableType),
      day: proposal.onDate,
    }));
  }
};

/**
 * The execution loop's rules (issue 14), as the write door runs them at every door: the sheet
 * push, the CLI import, the upload and the REST actions. Row rules see each batch's changed
 * bookings, deliverables and payments before they are written; the deferred check sees the
 * final picture of the transaction (a booking confirmed in the same push as its deliverables).
 *
 * Choices where the issue left one open:
 * - confirming a booking whose creator is not on the campaign adds the creator to it, with a
 *   warning (write/execution.effects.ts): refusing would send the planner to another tab for a
 *   fact the booking already states. A blacklisted creator is refused, for every role.
 * - paying more than the agreed fee is refused: money that left is hard to get back, and the fix
 *   (raise the fee, which is audited) is one cell away.
 * - paying before every deliverable is posted warns by default (a deposit is common practice);
 *   the tenant setting `payments.beforePosting` makes it `refuse` or `allow`.
 * - a deliverable marked posted without an approved draft is accepted with a warning: the post
 *   is a fact on TikTok, and refusing to record it helps nobody.
 */
import {
  COMMITTED_BOOKING_STATUSES,
  describeExecutionMoveRefused,
  executionStatusWord,
  FEE_LESS_BOOKING_TYPES,
  findExecutionMove,
  isTerminalExecutionStatus,
  type BookingStatus,
  type Workflow,
} from '../../contract/bookings/execution-lifecycle.js';
import { isTerminalStatus, type CampaignStatus } from '../../contract/campaigns/campaign-lifecycle.js';
import { statusWord } from '../../contract/campaigns/sentence-words.js';
import { formatMoney, getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import type { ChangedRow } from '../../write/change-set.js';
import type { DeferredCheck, DeferredFinding, RowRule, RuleContext, RuleFindings } from '../../write/table-rules.js';
import { describeRefusal, isAllowed } from '../access/permissions.js';
import { findBaseCurrency } from '../currencies/exchange-rates.repository.js';
import { loadCurrentTenantSettings } from '../tenants/tenant-settings.js';

/** What stays editable on a closed booking (and on the bookings of a closed campaign). */
const BOOKING_NOTE_FIELDS = new Set(['internal_note']);
/** What stays editable on a paid or canceled payment: the invoice often arrives after the transfer. */
const PAYMENT_NOTE_FIELDS = new Set(['note', 'invoice_number']);

type Db = RuleContext['db'];
type CampaignState = { id: string; code: string; status: CampaignStatus };
type BookingState = { id: string; code: string; status: BookingStatus; campaign: string; campaign_status: CampaignStatus };

async function readCampaigns(db: Db, ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, CampaignState>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<CampaignState[]>('SELECT id::text AS id, code, status::text AS status FROM campaigns WHERE id = ANY($1::uuid[])', wanted);
  return new Map(rows.map((row) => [row.id, row]));
}

async function readBookings(db: Db, ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, BookingState>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<BookingState[]>(
    `SELECT b.id::text AS id, b.code, b.status::text AS status, c.code AS campaign, c.status::text AS campaign_status
       FROM bookings b JOIN campaigns c ON c.id = b.campaign_id WHERE b.id = ANY($1::uuid[])`,
    wanted,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The first changed field outside `allowed`: where a lock's refusal is shown. */
function firstLockedField(row: ChangedRow, allowed: ReadonlySet<string>): string | undefined {
  return row.changed.find((field) => !allowed.has(field) && field !== 'deleted') ?? (row.isDeletion || row.changed.includes('deleted') ? '_row' : undefined);
}

/** A status move that is not on the workflow's diagram is refused, naming where it can go. */
function refuseUnknownMove(workflow: Workflow, row: ChangedRow, findings: RuleFindings): boolean {
  if (row.isNew || !row.before || !row.changed.includes('status')) return false;
  const from = row.before.values.status ?? '';
  const to = row.after.values.status ?? '';
  if (findExecutionMove(workflow, from, to)) return false;
  findings.refuse(row, { code: 'TRANSITION_NOT_ALLOWED', column: 'status', value: to, message: describeExecutionMoveRefused(workflow, from, to) });
  return true;
}

/** Bookings: the lifecycle, closed bookings and closed campaigns locked, no blacklisted creator committed. */
export const checkBookingRows: RowRule = async ({ db }, rows, findings) => {
  const campaigns = await readCampaigns(db, rows.flatMap((row) => [row.before?.refs.campaign, row.after.refs.campaign]));
  const creatorIds = [...new Set(rows.map((row) => row.after.refs.creator).filter((id): id is string => !!id))];
  const creators = new Map(
    creatorIds.length === 0
      ? []
      : (await db.$queryRawUnsafe<Array<{ id: string; name: string; status: string }>>('SELECT id::text AS id, name, status::text AS status FROM creators WHERE id = ANY($1::uuid[])', creatorIds)).map((creator) => [creator.id, creator]),
  );
  for (const row of rows) {
    const lockedCampaign = [row.before?.refs.campaign, row.after.refs.campaign].map((id) => (id ? campaigns.get(id) : undefined)).find((campaign) => campaign && isTerminalStatus(campaign.status));
    const lockedField = lockedCampaign && (row.isNew ? 'code' : firstLockedField(row, BOOKING_NOTE_FIELDS));
    if (lockedCampaign && lockedField) {
      findings.refuse(row, { code: 'CAMPAIGN_TERMINAL', column: lockedField, value: row.after.values[lockedField] ?? null, message: t('execution.campaignLocksBookings', { campaign: lockedCampaign.code, status: statusWord(lockedCampaign.status) }) });
      continue;
    }
    const fromStatus = row.before?.values.status as BookingStatus | undefined;
    if (!row.isNew && fromStatus && isTerminalExecutionStatus('booking', fromStatus)) {
      const field = firstLockedField(row, BOOKING_NOTE_FIELDS);
      if (field) {
        findings.refuse(row, { code: 'BOOKING_CLOSED', column: field, value: row.after.values[field] ?? null, message: t('execution.bookingClosed', { code: row.before?.values.code ?? '', status: executionStatusWord('booking', fromStatus) }) });
        continue;
      }
    }
    if (row.isDeletion || refuseUnknownMove('booking', row, findings)) continue;
    const toStatus = (row.after.values.status ?? 'negotiating') as BookingStatus;
    const creator = row.after.refs.creator ? creators.get(row.after.refs.creator) : undefined;
    const isCommitment = row.isNew || row.changed.includes('status') || row.changed.includes('creator_key');
    if (creator?.status === 'blacklist' && isCommitment) {
      if (COMMITTED_BOOKING_STATUSES.includes(toStatus)) {
        findings.refuse(row, { code: 'CREATOR_BLACKLISTED', kind: 'forbidden', column: 'creator_key', value: row.after.values.creator_key ?? null, message: t('execution.blacklisted', { creator: creator.name, status: executionStatusWord('booking', toStatus) }) });
      } else if (toStatus === 'negotiating') findings.warn(row, t('execution.blacklistedWarning', { creator: creator.name }));
    }
  }
};

/** Deliverables: the content-approval workflow; a closed booking or campaign locks them. */
export const checkDeliverableRows: RowRule = async ({ db }, rows, findings) => {
  const bookings = await readBookings(db, rows.flatMap((row) => [row.before?.refs.booking, row.after.refs.booking]));
  for (const row of rows) {
    const states = [row.before?.refs.booking, row.after.refs.booking].map((id) => (id ? bookings.get(id) : undefined));
    const closedCampaign = states.find((booking) => booking && isTerminalStatus(booking.campaign_status));
    // A canceled booking still lets its deliverables be canceled; nothing else moves under it.
    const isCancel = row.after.values.status === 'canceled' && (row.isNew || row.changed.every((field) => field === 'status'));
    const closedBooking = states.find((booking) => booking && isTerminalExecutionStatus('booking', booking.status) && !(booking.status === 'canceled' && isCancel));
    const field = row.isNew ? 'booking_code' : firstLockedField(row, new Set());
    if (field && closedCampaign) {
      findings.refuse(row, { code: 'CAMPAIGN_TERMINAL', column: field, value: row.after.values[field] ?? null, message: t('execution.campaignLocksBookings', { campaign: closedCampaign.campaign, status: statusWord(closedCampaign.campaign_status) }) });
      continue;
    }
    if (field && closedBooking) {
      findings.refuse(row, { code: 'BOOKING_CLOSED', column: field, value: row.after.values[field] ?? null, message: t('execution.deliverablesLocked', { code: closedBooking.code, status: executionStatusWord('booking', closedBooking.status) }) });
      continue;
    }
    if (row.isDeletion || refuseUnknownMove('deliverable', row, findings)) continue;
    const from = row.before?.values.status;
    if (!row.isNew && row.changed.includes('status') && row.after.values.status === 'posted' && from !== 'scheduled') {
      findings.warn(row, t('execution.postedWithoutApproval', { title: row.after.values.title ?? '' }));
    }
  }
};

/** Payments: planned → pending → paid; paid by finance or an admin, with invoice and date; never over the fee. */
export const checkPaymentRows: RowRule = async (context, rows, findings) => {
  const { actor } = context;
  const intoPaid: ChangedRow[] = [];
  for (const row of rows) {
    const from = row.before?.values.status;
    if (!row.isNew && from && isTerminalExecutionStatus('payment', from)) {
      const field = firstLockedField(row, PAYMENT_NOTE_FIELDS);
      if (field) {
        findings.refuse(row, { code: 'PAYMENT_CLOSED', column: field, value: row.after.values[field] ?? null, message: t('execution.paymentClosed', { status: executionStatusWord('payment', from) }) });
        continue;
      }
    }
    if (row.isDeletion || refuseUnknownMove('payment', row, findings)) continue;
    const isPaying = row.after.values.status === 'paid' && (row.isNew || row.changed.includes('status'));
    if (!isPaying) continue;
    if (!isAllowed(actor, 'payment.mark_paid')) {
      findings.refuse(row, { code: 'PERMISSION_DENIED', kind: 'forbidden', column: 'status', value: 'paid', message: describeRefusal(actor, 'payment.mark_paid') });
      continue;
    }
    if (!row.after.values.invoice_number) findings.refuse(row, { code: 'INVOICE_MISSING', column: 'invoice_number', value: null, message: t('execution.paidNeedsInvoice') });
    if (!row.after.values.payment_date) findings.refuse(row, { code: 'PAYMENT_DATE_MISSING', column: 'payment_date', value: null, message: t('execution.paidNeedsDate') });
    if (!findings.isRefused(row)) intoPaid.push(row);
  }
  if (intoPaid.length > 0) await checkPaidAgainstBookings(context, intoPaid, findings);
};

/**
 * Paid total against the agreed fee, and payment before publication. The bookings are locked
 * first, so two people paying the same booking at once are checked one after the other: the
 * second sees the first's payment (a new statement after the lock reads what committed).
 */
async function checkPaidAgainstBookings({ db }: RuleContext, rows: readonly ChangedRow[], findings: RuleFindings): Promise<void> {
  const bookingIds = [...new Set(rows.map((row) => row.after.refs.booking).filter((id): id is string => !!id))];
  if (bookingIds.length === 0) return;
  await db.$queryRawUnsafe('SELECT id FROM bookings WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', bookingIds);
  const facts = await db.$queryRawUnsafe<Array<{ id: string; code: string; booking_type: string; fee: string | null; paid_other: string; open_deliverables: number }>>(
    `SELECT b.id::text AS id, b.code, b.booking_type::text AS booking_type, b.total_fee_vnd::text AS fee,
            (SELECT coalesce(sum(p.amount_vnd), 0)::text FROM payments p
              WHERE p.booking_id = b.id AND p.status = 'paid' AND p.deleted_at IS NULL AND NOT (p.id = ANY($2::uuid[]))) AS paid_other,
            (SELECT count(*)::int FROM booking_deliverables d
              WHERE d.booking_id = b.id AND d.deleted_at IS NULL AND d.status NOT IN ('posted', 'canceled')) AS open_deliverables
       FROM bookings b WHERE b.id = ANY($1::uuid[])`,
    bookingIds,
    rows.map((row) => row.id),
  );
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const settings = await loadCurrentTenantSettings(db);
  const baseCurrency = await findBaseCurrency(db);
  const language = getCurrentLanguage();
  const paidSoFar = new Map<string, number>();
  for (const row of rows) {
    const booking = row.after.refs.booking ? byId.get(row.after.refs.booking) : undefined;
    if (!booking) continue;
    const amount = Number(findings.filled.get(row.rowNumber)?.amount_vnd ?? row.after.values.amount_vnd ?? 0);
    const total = (paidSoFar.get(booking.id) ?? Number(booking.paid_other)) + amount;
    paidSoFar.set(booking.id, total);
    const fee = Number(booking.fee ?? 0);
    // Barter and affiliate bookings have no cash fee to exceed: what they are paid is commission.
    if (!FEE_LESS_BOOKING_TYPES.includes(booking.booking_type) && total > fee + 0.005) {
      findings.refuse(row, {
        code: 'OVERPAID',
        column: 'amount',
        value: row.after.values.amount ?? null,
        message: t('execution.overpaid', { amount: formatMoney(language, amount, baseCurrency), booking: booking.code, total: formatMoney(language, total, baseCurrency), fee: formatMoney(language, fee, baseCurrency) }),
      });
      continue;
    }
    if (booking.open_deliverables > 0 && settings.payments.beforePosting !== 'allow') {
      const words = { booking: booking.code, count: booking.open_deliverables };
      if (settings.payments.beforePosting === 'refuse') {
        findings.refuse(row, { code: 'PAID_BEFORE_POSTING', column: 'status', value: 'paid', message: t('execution.paidBeforePostingRefused', words) });
      } else findings.warn(row, t('execution.paidBeforePosting', words));
    }
  }
}

/**
 * What a booking must be to stand in its status, on the final picture: a committed booking
 * (confirmed, in progress, completed) has a fee unless it is barter or affiliate-only, and at
 * least one deliverable that isn't canceled; a completed one has every deliverable posted or
 * canceled. Checked for every booking the transaction touched, directly or through a deliverable.
 */
export const checkBookingCommitments: DeferredCheck = {
  name: 'booking commitments',
  triggers: ['bookings', 'booking_deliverables'],
  async run({ db }, touched) {
    const bookingIds = touched.get('bookings') ?? [];
    const deliverableIds = touched.get('booking_deliverables') ?? [];
    const rows = await db.$queryRawUnsafe<Array<{ id: string; code: string; status: BookingStatus; booking_type: string; fee: string; live: number; open_titles: string[] | null; touched_deliverables: string[] | null }>>(
      `WITH via_deliverables AS (
         SELECT booking_id, array_agg(id::text) AS ids FROM booking_deliverables WHERE id = ANY($2::uuid[]) GROUP BY booking_id)
       SELECT b.id::text AS id, b.code, b.status::text AS status, b.booking_type::text AS booking_type, b.total_fee_agreed::text AS fee,
              count(d.id) FILTER (WHERE d.status <> 'canceled')::int AS live,
              array_agg(d.title ORDER BY d.title) FILTER (WHERE d.status NOT IN ('posted', 'canceled')) AS open_titles,
              min(v.ids) AS touched_deliverables
         FROM bookings b
         LEFT JOIN booking_deliverables d ON d.booking_id = b.id AND d.deleted_at IS NULL
         LEFT JOIN via_deliverables v ON v.booking_id = b.id
        WHERE (b.id = ANY($1::uuid[]) OR v.booking_id IS NOT NULL) AND b.deleted_at IS NULL
          AND b.status IN ('confirmed', 'in_progress', 'completed')
        GROUP BY b.id`,
      bookingIds,
      deliverableIds,
    );
    const direct = new Set(bookingIds);
    const findings: DeferredFinding[] = [];
    for (const row of rows) {
      const subject = { table: 'bookings' as const, id: row.id };
      const causes = (row.touched_deliverables ?? []).map((id) => ({ table: 'booking_deliverables' as const, id }));
      const words = { code: row.code, status: executionStatusWord('booking', row.status) };
      // A fee missing is the booking's own fact: an edit of one of its deliverables isn't blamed for it.
      if (direct.has(row.id) && Number(row.fee) <= 0 && !FEE_LESS_BOOKING_TYPES.includes(row.booking_type)) {
        findings.push({ subject, problem: { code: 'FEE_MISSING', column: 'total_fee_agreed', value: row.fee, message: t('execution.feeMissing', words) } });
      }
      if (row.live === 0) {
        findings.push({ subject, causes, problem: { code: 'DELIVERABLES_MISSING', column: 'status', value: row.status, message: t('execution.deliverablesMissing', words) } });
      } else if (row.status === 'completed' && (row.open_titles?.length ?? 0) > 0) {
        findings.push({ subject, causes, problem: { code: 'DELIVERABLES_OPEN', column: 'status', value: row.status, message: t('execution.deliverablesOpen', { code: row.code, titles: (row.open_titles ?? []).join(', ') }) } });
      }
    }
    return findings;
  },
};

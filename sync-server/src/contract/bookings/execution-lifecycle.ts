/**
 * The execution loop's three workflows (issue 14), as data and pure functions: bookings,
 * their deliverables (content approval) and payments. The write door enforces them at every
 * door (modules/bookings/execution.rules.ts); the sidebar and the REST API read the same tables
 * to offer only the moves that can work.
 *
 *   booking:     negotiating → confirmed → in_progress → completed; canceled from any open state
 *   deliverable: planned → shooting → waiting_approve → scheduled → posted
 *                waiting_approve → rejected → shooting (or straight back to waiting_approve)
 *                canceled from any open state; a linked video posts it from any open state
 *   payment:     planned → pending → paid; canceled from planned or pending
 */
import type { EnumValue } from '../enums.js';
import { t } from '../i18n/translate.js';
import { enumWord, joinWords } from '../campaigns/sentence-words.js';

export type BookingStatus = EnumValue<'booking_status'>;
export type DeliverableStatus = EnumValue<'deliverable_status'>;
export type PaymentStatus = EnumValue<'payment_status'>;

/** What a move is called on buttons, in the API and in the permission matrix. */
export type BookingMove = 'confirm' | 'start' | 'complete' | 'cancel';
export type DeliverableMove = 'shoot' | 'submit' | 'approve' | 'reject' | 'post' | 'cancel';
export type PaymentMove = 'request' | 'pay' | 'cancel';

type Transition<Status, Move> = { from: Status; to: Status; move: Move };

export const BOOKING_TRANSITIONS: ReadonlyArray<Transition<BookingStatus, BookingMove>> = [
  { from: 'negotiating', to: 'confirmed', move: 'confirm' },
  { from: 'confirmed', to: 'in_progress', move: 'start' },
  { from: 'in_progress', to: 'completed', move: 'complete' },
  { from: 'negotiating', to: 'canceled', move: 'cancel' },
  { from: 'confirmed', to: 'canceled', move: 'cancel' },
  { from: 'in_progress', to: 'canceled', move: 'cancel' },
];

export const DELIVERABLE_TRANSITIONS: ReadonlyArray<Transition<DeliverableStatus, DeliverableMove>> = [
  { from: 'planned', to: 'shooting', move: 'shoot' },
  // A creator often sends the draft without anyone marking "shooting" first.
  { from: 'planned', to: 'waiting_approve', move: 'submit' },
  { from: 'shooting', to: 'waiting_approve', move: 'submit' },
  { from: 'waiting_approve', to: 'scheduled', move: 'approve' },
  { from: 'waiting_approve', to: 'rejected', move: 'reject' },
  { from: 'rejected', to: 'shooting', move: 'shoot' },
  { from: 'rejected', to: 'waiting_approve', move: 'submit' },
  { from: 'scheduled', to: 'posted', move: 'post' },
  // A post is a fact on TikTok: recorded from any open state, with a warning when it skipped approval.
  { from: 'planned', to: 'posted', move: 'post' },
  { from: 'shooting', to: 'posted', move: 'post' },
  { from: 'waiting_approve', to: 'posted', move: 'post' },
  { from: 'rejected', to: 'posted', move: 'post' },
  { from: 'planned', to: 'canceled', move: 'cancel' },
  { from: 'shooting', to: 'canceled', move: 'cancel' },
  { from: 'waiting_approve', to: 'canceled', move: 'cancel' },
  { from: 'rejected', to: 'canceled', move: 'cancel' },
  { from: 'scheduled', to: 'canceled', move: 'cancel' },
];

export const PAYMENT_TRANSITIONS: ReadonlyArray<Transition<PaymentStatus, PaymentMove>> = [
  { from: 'planned', to: 'pending', move: 'request' },
  { from: 'planned', to: 'paid', move: 'pay' },
  { from: 'pending', to: 'paid', move: 'pay' },
  { from: 'planned', to: 'canceled', move: 'cancel' },
  { from: 'pending', to: 'canceled', move: 'cancel' },
];

/** Statuses nothing moves out of. A completed or canceled booking keeps only its internal note editable. */
export const TERMINAL_BOOKING_STATUSES: readonly BookingStatus[] = ['completed', 'canceled'];
export const TERMINAL_DELIVERABLE_STATUSES: readonly DeliverableStatus[] = ['posted', 'canceled'];
export const TERMINAL_PAYMENT_STATUSES: readonly PaymentStatus[] = ['paid', 'canceled'];

/** A booking in these statuses is a commitment: it needs a fee (or a fee-less type) and deliverables. */
export const COMMITTED_BOOKING_STATUSES: readonly BookingStatus[] = ['confirmed', 'in_progress', 'completed'];

/** Booking types that carry no cash fee: goods for content, or commission only (001 booking_type). */
export const FEE_LESS_BOOKING_TYPES: readonly string[] = ['barter', 'affiliate_only'];

/** A deliverable is done when it is posted or dropped: what "completed" asks of every deliverable. */
export function isDeliverableDone(status: DeliverableStatus): boolean {
  return TERMINAL_DELIVERABLE_STATUSES.includes(status);
}

export type Workflow = 'booking' | 'deliverable' | 'payment';

const TRANSITIONS = { booking: BOOKING_TRANSITIONS, deliverable: DELIVERABLE_TRANSITIONS, payment: PAYMENT_TRANSITIONS } as const;
const ENUMS = { booking: 'booking_status', deliverable: 'deliverable_status', payment: 'payment_status' } as const;
const TERMINALS: Record<Workflow, readonly string[]> = { booking: TERMINAL_BOOKING_STATUSES, deliverable: TERMINAL_DELIVERABLE_STATUSES, payment: TERMINAL_PAYMENT_STATUSES };

export function findExecutionMove(workflow: Workflow, from: string, to: string): string | undefined {
  return (TRANSITIONS[workflow] as ReadonlyArray<Transition<string, string>>).find((transition) => transition.from === from && transition.to === to)?.move;
}

export function listNextExecutionStatuses(workflow: Workflow, from: string): string[] {
  return (TRANSITIONS[workflow] as ReadonlyArray<Transition<string, string>>).filter((transition) => transition.from === from).map((transition) => transition.to);
}

export function isTerminalExecutionStatus(workflow: Workflow, status: string): boolean {
  return TERMINALS[workflow].includes(status);
}

/** A status as a word in running text, in the current language ("confirmed", "đã chốt"). */
export function executionStatusWord(workflow: Workflow, status: string): string {
  return enumWord(ENUMS[workflow], status);
}

/** Why `from → to` is refused, naming where `from` can go. */
export function describeExecutionMoveRefused(workflow: Workflow, from: string, to: string): string {
  const next = listNextExecutionStatuses(workflow, from);
  const word = (status: string) => executionStatusWord(workflow, status);
  if (next.length === 0) return t('execution.statusFinal', { thing: t(`execution.thing.${workflow}`), status: word(from) });
  return t('execution.moveNotAllowed', { thing: t(`execution.thing.${workflow}`), from: word(from), to: word(to), allowed: joinWords(next.map(word)) });
}

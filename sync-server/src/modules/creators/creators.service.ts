/**
 * What the sidebar and the booking form ask about one creator: its notes (calls, meetings,
 * complaints, compliments) and the fee its rate card proposes. Both read within what the reader
 * may see, by the rule every read follows (access/campaign-scope.ts): a client sees neither the
 * agency's notes nor its rate cards; a price is spend, hidden from roles without the budget right.
 */
import { getTableDefinition } from '../../contract/index.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { visibleRowsSql } from '../access/campaign-scope.js';
import { assertCanSeeSpend } from '../access/money-redaction.js';
import type { Db } from '../audit/audit.types.js';
import { findCreatorNotes, findVisibleCreatorByKey } from './creators.repository.js';
import type { CreatorNotesResponse, RateCardProposalResponse } from './creators.schemas.js';
import { proposeFees, type RateCardDeliverableType } from './rate-cards.repository.js';

async function resolveCreator(db: Db, actor: Actor, creatorKey: string): Promise<{ id: string; creator_key: string }> {
  const creator = await findVisibleCreatorByKey(db, actor, creatorKey);
  if (!creator) throw new AppError({ code: 'NOT_FOUND', reason: 'CREATOR_NOT_FOUND', userMessage: t('creator.notFound', { creatorKey }) });
  return creator;
}

export async function readCreatorNotes(db: Db, actor: Actor, creatorKey: string): Promise<CreatorNotesResponse> {
  const creator = await resolveCreator(db, actor, creatorKey);
  const rows = await findCreatorNotes(db, actor, creator.id);
  return {
    creatorKey: creator.creator_key,
    notes: rows.map((row) => ({
      title: row.title,
      type: row.note_type,
      content: row.content,
      author: row.author_username ? { username: row.author_username, displayName: row.author_display_name ?? row.author_username } : null,
      createdAt: row.created_at,
    })),
  };
}

/** Whether the actor reads every row of the table (staff), not only some (a client). */
function readsEveryRow(actor: Actor, table: 'creator_rate_cards'): boolean {
  return visibleRowsSql(actor, getTableDefinition(table), () => '$0') === null;
}

export async function proposeCreatorFee(db: Db, actor: Actor, creatorKey: string, deliverableType: RateCardDeliverableType, date: string): Promise<RateCardProposalResponse> {
  assertCanSeeSpend(actor);
  const creator = await resolveCreator(db, actor, creatorKey);
  const [fee] = await proposeFees(db, [{ creatorId: creator.id, deliverableType, onDate: date }]);
  const card = readsEveryRow(actor, 'creator_rate_cards') ? fee?.rateCard : null;
  return {
    creatorKey: creator.creator_key,
    deliverableType,
    date,
    proposal: card && fee
      ? {
          price: Number(card.price),
          currency: card.currency,
          basePrice: fee.basePrice === null ? null : Number(fee.basePrice),
          baseCurrency: fee.baseCurrency,
          description: card.description,
          validFrom: card.validFrom,
          validTo: card.validTo,
          channel: card.channel,
        }
      : null,
  };
}

/**
 * Erasure of a creator's personal data on request (002 §16; Vietnam's personal-data decree
 * 13/2023): an admin, after typing the creator's key to confirm, anonymises what identifies the
 * person and keeps the business record.
 *
 * Erased (through the write door, one transaction, as change sets on creators, creator_contacts
 * and creator_channels, so that the door's rules, locks and audit apply as to any write):
 *  - the creator: name → "Erased creator <short id>"; alias, gender, date of birth, location and
 *    the internal note cleared;
 *  - every contact of the creator (deleted ones too): name → "Erased contact <n>"; phone, Zalo,
 *    email, WeChat and note cleared;
 *  - every channel: handle → "erased-<short id>-<n>", profile link and platform id cleared (the
 *    follower and view figures stay: they are aggregates);
 *  - notes about the creator (creator_notes, which no sheet tab holds): kept as a record that a
 *    note existed (who wrote it, when, its type), their title and text replaced.
 * Kept: the creator key (every booking, video and payment names the creator by it), niche,
 * status and priority, and every booking, deliverable, video, metric, payment and aggregate.
 *
 * The audit says who erased which creator and when, and which fields changed, but not the erased
 * values: the change sets ask the door for `isAuditBeforeHidden`, so "before" reads "(erased)".
 * One contact alone can also be erased (a manager who asks), leaving the creator as it is.
 */
import { getTableDefinition, type NormalisedValue } from '../../contract/index.js';
import { enumLabel } from '../../contract/i18n/enum-labels.js';
import { t } from '../../contract/i18n/translate.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { applyActionChanges, type ActionSession } from '../../write/apply-actions.js';
import type { ChangeSet, RowChange } from '../../write/change-set.js';
import type { Actor } from '../access/actor.js';
import { assertAllowed } from '../access/permissions.js';

const CREATORS = getTableDefinition('creators');
const CONTACTS = getTableDefinition('creator_contacts');
const CHANNELS = getTableDefinition('creator_channels');

const AUDIT_NOTE = 'personal data erased on request (002 §16)';

export type ErasureRequest = {
  creatorKey: string;
  /** Exactly the creator key again: the erasure cannot be undone. */
  confirm: string | undefined;
  /** Erase only this contact of the creator (its type and name as the contacts tab shows them). */
  contact?: { contactType: string; name: string };
};

export type ErasureResult = {
  creatorKey: string;
  /** The creator's name after the erasure (unchanged when only a contact was erased). */
  name: string;
  erasedAt: string;
  contactsErased: number;
  channelsAnonymised: number;
  notesErased: number;
  /** What stays, for the person answering the request. */
  kept: { bookings: number; payments: number; videos: number };
};

/** The creator's short id, as the anonymised name shows it: enough to tell two erased creators apart. */
function shortIdOf(id: string): string {
  return id.replace(/-/g, '').slice(0, 8);
}

function assertConfirmed(request: ErasureRequest): void {
  if (request.confirm === request.creatorKey) return;
  throw new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'CONFIRMATION_REQUIRED',
    userMessage: request.contact
      ? t('erasure.confirmContact', { contact: request.contact.name, creatorKey: request.creatorKey })
      : t('erasure.confirmCreator', { creatorKey: request.creatorKey }),
    problems: [{ column: 'confirm', value: request.confirm ?? null, message: t('erasure.typeExactly', { creatorKey: request.creatorKey }) }],
  });
}

type ChangeRow = RowChange;

/** A row by id; a row that was deleted is erased (the door restores it to write it), then deleted again. */
function erasedRows<T extends { id: string; deletedAt: Date | null }>(rows: readonly T[], values: (row: T, index: number) => Record<string, NormalisedValue>) {
  const changes: ChangeRow[] = rows.map((row, index) => ({ rowNumber: index + 2, id: row.id, values: values(row, index) }));
  const redeletions: ChangeRow[] = rows.filter((row) => row.deletedAt).map((row, index) => ({ rowNumber: index + 2, id: row.id, values: {}, isDeletion: true }));
  return { changes, redeletions };
}

function changeSet(table: ChangeSet['table'], rows: readonly ChangeRow[], action: string): ChangeSet {
  return { table, rows, auditAction: action, auditNote: AUDIT_NOTE, isAuditBeforeHidden: true };
}

/**
 * Erases the personal data of a creator (or of one of their contacts). Admin only; refused with
 * 422 CONFIRMATION_REQUIRED unless `confirm` is the creator key; 404 when there is no such
 * creator or contact.
 */
export async function erasePersonalData(prisma: PrismaClient, actor: Actor, request: ErasureRequest): Promise<ErasureResult> {
  assertAllowed(actor, 'creator.erase');
  assertConfirmed(request);
  const erasedAt = new Date();
  // How many rows each part erased, counted as the change sets are built.
  const counts = { contacts: 0, channels: 0 };
  const { value } = await applyActionChanges(
    prisma,
    actor,
    async (session) => {
      const creator = await findCreator(session, request.creatorKey);
      const shortId = shortIdOf(creator.id);
      const contacts = await session.db.creatorContact.findMany({
        where: { creatorId: creator.id, ...(request.contact ? { contactType: request.contact.contactType as never, name: request.contact.name } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, deletedAt: true },
      });
      if (request.contact && contacts.length === 0) {
        throw new AppError({ code: 'NOT_FOUND', reason: 'CONTACT_NOT_FOUND', userMessage: t('erasure.contactNotFound', { creatorKey: request.creatorKey, contactType: enumLabel('contact_type', request.contact.contactType), name: request.contact.name }) });
      }
      // Numbered after the contacts already erased, so that a second erasure keeps the names unique.
      const alreadyErased = request.contact ? await session.db.creatorContact.count({ where: { creatorId: creator.id, name: { startsWith: 'Erased contact ' } } }) : 0;
      const contactRows = erasedRows(contacts, (_row, index) => ({ name: `Erased contact ${alreadyErased + index + 1}`, phone: null, zalo: null, email: null, wechat: null, note: null }));
      counts.contacts = contacts.length;
      const sets: ChangeSet[] = [];
      if (!request.contact) {
        const creatorRows = erasedRows([creator], () => ({ name: `Erased creator ${shortId}`, alias: null, gender: null, dob: null, location: null, note_internal: null }));
        const channels = await session.db.creatorChannel.findMany({ where: { creatorId: creator.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, deletedAt: true } });
        const channelRows = erasedRows(channels, (_row, index) => ({ handle: `erased-${shortId}-${index + 1}`, profile_url: null, external_id: null }));
        counts.channels = channels.length;
        sets.push(changeSet(CREATORS, creatorRows.changes, 'erase'), changeSet(CHANNELS, channelRows.changes, 'erase'), changeSet(CONTACTS, contactRows.changes, 'erase'));
        sets.push(changeSet(CHANNELS, channelRows.redeletions, 'delete'), changeSet(CREATORS, creatorRows.redeletions, 'delete'));
      } else sets.push(changeSet(CONTACTS, contactRows.changes, 'erase'));
      sets.push(changeSet(CONTACTS, contactRows.redeletions, 'delete'));
      return sets.filter((set) => set.rows.length > 0);
    },
    async (session) => {
      const creator = await findCreator(session, request.creatorKey);
      const notesErased = request.contact ? 0 : await eraseNotes(session, creator.id);
      const isContactOnly = !!request.contact;
      // The door audited each row without its old values; this entry says what was done, by whom, in one line.
      await session.recordAction({
        entityType: 'creator',
        entityId: creator.id,
        action: isContactOnly ? 'erase_contact' : 'erase',
        changes: isContactOnly
          ? { contacts_erased: { before: null, after: counts.contacts } }
          : { personal_data: { before: null, after: 'erased' }, contacts_erased: { before: null, after: counts.contacts }, channels_anonymised: { before: null, after: counts.channels }, notes_erased: { before: null, after: notesErased } },
        note: AUDIT_NOTE,
      });
      const [bookings, payments, videos] = await Promise.all([
        session.db.booking.count({ where: { creatorId: creator.id, deletedAt: null } }),
        session.db.payment.count({ where: { creatorId: creator.id, deletedAt: null } }),
        session.db.video.count({ where: { creatorId: creator.id, deletedAt: null } }),
      ]);
      return {
        creatorKey: creator.creatorKey,
        name: creator.name,
        erasedAt: erasedAt.toISOString(),
        contactsErased: counts.contacts,
        channelsAnonymised: counts.channels,
        notesErased,
        kept: { bookings, payments, videos },
      };
    },
    { summary: t('erasure.notErased', { creatorKey: request.creatorKey }) },
  );
  return value;
}

/** The creator with this key, deleted or not: a deleted creator's data is still personal data. */
async function findCreator(session: ActionSession, creatorKey: string) {
  const creator = await session.db.creator.findFirst({ where: { creatorKey }, select: { id: true, creatorKey: true, name: true, deletedAt: true } });
  if (!creator) throw new AppError({ code: 'NOT_FOUND', reason: 'CREATOR_NOT_FOUND', userMessage: t('erasure.creatorNotFound', { creatorKey }) });
  return creator;
}

/**
 * Notes about the creator keep their row (who wrote one, when, of which type: the history of the
 * relationship) and lose their words, which are about the person. No sheet tab holds notes, so
 * they are not a change set of the door; they are written in the door's transaction.
 */
async function eraseNotes(session: ActionSession, creatorId: string): Promise<number> {
  const { count } = await session.db.creatorNote.updateMany({ where: { creatorId }, data: { title: 'Erased note', content: '' } });
  return count;
}

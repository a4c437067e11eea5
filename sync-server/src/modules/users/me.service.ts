/**
 * The signed-in person's own settings: any user, whatever their role, reads theirs and sets the
 * language they want Booking Center to speak to them (the sidebar's choice, stored per user).
 *
 * The choice is a user change like the admin's: written inside the write door's transaction (a
 * read-only licence refuses it, row-level security keeps it to their tenant) with its audit entry,
 * entity `user`. The sign-in reads it on every request (auth.repository.ts), so the very next
 * request is answered in the new language.
 */
import { isLanguage, pickLanguage } from '../../contract/i18n/languages.js';
import { t } from '../../contract/i18n/translate.js';
import { meChangeRequestSchema, type MeChangeRequest, type MeResponse } from '../../contract/me-payloads.js';
import { AppError } from '../../platform/errors/app-error.js';
import { runInWriteTransaction } from '../../write/write-session.js';
import type { Actor } from '../access/actor.js';
import { findOwnAccount, updateUserLanguage, type OwnAccount } from './users.repository.js';
import { parse, type UsersDatabase } from './users.service.js';

function toMe(account: OwnAccount): MeResponse {
  return {
    email: account.email,
    name: account.displayName,
    role: account.role,
    language: isLanguage(account.language) ? account.language : null,
    tenantLanguage: pickLanguage(isLanguage(account.tenant.language) ? account.tenant.language : null),
    baseCurrency: account.tenant.baseCurrency,
  };
}

/** The development token may stand for nobody (no admin yet): such a sign-in has no settings. */
function noUser(): AppError {
  return new AppError({ code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', userMessage: t('me.noUser') });
}

export async function readMe(database: UsersDatabase, actor: Actor): Promise<MeResponse> {
  const account = actor.userId ? await findOwnAccount(database.prisma, actor.userId) : null;
  if (!account) throw noUser();
  return toMe(account);
}

/** Stores the person's language (null: follow the spreadsheet and the tenant); audited as `user set_language`. */
export async function changeMe(database: UsersDatabase, actor: Actor, input: MeChangeRequest): Promise<MeResponse> {
  const change = parse(meChangeRequestSchema, input, { key: 'me.languageNotChanged' });
  const userId = actor.userId;
  if (!userId) throw noUser();
  const { value } = await runInWriteTransaction(
    database.prisma,
    actor,
    async (session) => {
      const account = await findOwnAccount(session.db, userId);
      if (!account) throw noUser();
      const before = isLanguage(account.language) ? account.language : null;
      if (before === change.language) return toMe(account);
      await updateUserLanguage(session.db, account.id, change.language);
      await session.recordAction({ entityType: 'user', entityId: account.id, action: 'set_language', changes: { language: { before, after: change.language } } });
      return toMe({ ...account, language: change.language });
    },
    { isReplayable: true },
  );
  return value;
}

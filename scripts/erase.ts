// npm run erase -- creator <creatorKey> --confirm <creatorKey> [--as <admin username>] [--tenant CODE]
// npm run erase -- contact <creatorKey> --type owner|manager|agency --name "<contact name>" --confirm <creatorKey> [--as …] [--tenant CODE]
// Add --lang vi|en|am for the messages' language (default: LANG, else the tenant's).
// Erases a creator's (or one contact's) personal data on request (docs/personal-data.md): names
// and contacts anonymised, bookings, payments and metrics kept. It cannot be undone, hence --confirm.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { enumValues } from '../sync-server/src/contract/index.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { resolveCliActor } from '../sync-server/src/modules/access/cli-actor.js';
import { erasePersonalData } from '../sync-server/src/modules/personal-data/personal-data-erasure.service.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { openCommandDatabase, serverEndpoint } from './lib/open-command-database.js';

const usage = [
  t('cli.usage'),
  '  npm run erase -- creator <creatorKey> --confirm <creatorKey> [--as <admin username>] [--tenant CODE]',
  `  npm run erase -- contact <creatorKey> --type ${enumValues.contact_type.join('|')} --name "<contact name>" --confirm <creatorKey> [--as …] [--tenant CODE]`,
  t('cli.erase.cannotBeUndone'),
  t('cli.langHint'),
].join('\n');

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { confirm: { type: 'string' }, as: { type: 'string' }, tenant: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [what, creatorKey] = positionals;
  const isContact = what === 'contact';
  const isKnownType = values.type !== undefined && (enumValues.contact_type as readonly string[]).includes(values.type);
  if (values.help || positionals.length !== 2 || !creatorKey || (what !== 'creator' && !isContact) || (isContact && (!isKnownType || !values.name))) {
    (values.help ? console.log : console.error)(usage);
    return values.help ? 0 : 2;
  }
  const database = await openCommandDatabase((server) => t('cli.erase.useServer', { endpoint: serverEndpoint(server.url, `/api/v1/creators/${creatorKey}/erase`) }));
  try {
    await applyPendingMigrations(database);
    await actInTenant(database, values.tenant);
    const actor = await resolveCliActor(database.prisma, values.as, `npm run erase (${userInfo().username})`);
    const result = await erasePersonalData(database.prisma, actor, {
      creatorKey,
      confirm: values.confirm,
      contact: isContact ? { contactType: values.type!, name: values.name! } : undefined,
    });
    console.log(
      isContact
        ? t('cli.erase.contactErased', { name: values.name, creatorKey: result.creatorKey, actor: actor.label })
        : t('cli.erase.creatorErased', {
            creatorKey: result.creatorKey,
            name: result.name,
            contacts: result.contactsErased,
            channels: result.channelsAnonymised,
            notes: result.notesErased,
            actor: actor.label,
          }),
    );
    console.log(t('cli.erase.kept', { bookings: result.kept.bookings, payments: result.kept.payments, videos: result.kept.videos }));
    return 0;
  } catch (error) {
    console.error(isAppError(error) ? error.userMessage : t('cli.erase.stopped', { message: error instanceof Error ? error.message.split('\n').filter(Boolean).pop() : String(error) }));
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();

// npm run token -- create --user <username or email> --name "<what it is for>" [--tenant <code>]
// npm run token -- list [--tenant <code>]
// npm run token -- revoke <prefix> [--tenant <code>]
// Add --lang vi|en|am for the messages' language (default: LANG, else the tenant's).
// Personal API tokens for scripts and report tools. The token is shown once; only its hash is
// kept. The same service as the admin panel's: audited, refused on a read-only licence.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './lib/open-command-database.js';
import { roleLabel } from '../sync-server/src/contract/admin-payloads.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { AppError, isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { SYSTEM_ACTOR, type Actor } from '../sync-server/src/modules/access/actor.js';
import { findUserByUsername } from '../sync-server/src/modules/auth/auth.repository.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { createTokenForUser, listTenantTokens, revokeToken } from '../sync-server/src/modules/users/users.service.js';

const usage = [
  t('cli.usage'),
  '  npm run token -- create --user <username or email> --name "<what it is for>" [--tenant <code>]',
  '  npm run token -- list [--tenant <code>]',
  '  npm run token -- revoke <prefix> [--tenant <code>]',
  t('cli.langHint'),
].join('\n');

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { user: { type: 'string' }, name: { type: 'string' }, tenant: { type: 'string' } } });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const { positionals, values } = parsed;
const [command, argument] = positionals;
if (!((command === 'create' && values.user) || command === 'list' || (command === 'revoke' && argument))) {
  console.error(usage);
  process.exit(2);
}

const database = await openCommandDatabase();
try {
  await applyPendingMigrations(database);
  const tenant = await actInTenant(database, values.tenant);
  // The operator's tool on the server's machine: it acts as the system, and the audit says so.
  const actor: Actor = { ...SYSTEM_ACTOR, source: 'cli', label: `npm run token (${userInfo().username})`, tenantId: tenant.id };
  if (command === 'create') {
    const named = values.user!.trim();
    const email = named.includes('@') ? named : (await findUserByUsername(database.prisma, named))?.email;
    if (!email) throw new AppError({ code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', userMessage: t('cli.token.noSuchUser', { name: named, tenant: tenant.code }) });
    const created = await createTokenForUser(database, actor, { email, name: values.name ?? t('cli.token.defaultName') });
    console.log(t('cli.token.created', { email: created.email, role: roleLabel(created.role), name: created.name, token: created.token }));
  } else if (command === 'list') {
    const tokens = await listTenantTokens(database, actor);
    if (tokens.length === 0) console.log(t('cli.token.none'));
    for (const token of tokens) {
      const state = token.revokedAt
        ? t('cli.token.stateRevoked', { when: token.revokedAt })
        : token.lastUsedAt
          ? t('cli.token.stateLastUsed', { when: token.lastUsedAt })
          : t('cli.token.stateNeverUsed');
      console.log(`${token.prefix}…  ${token.username.padEnd(16)} ${token.name}  (${state})`);
    }
  } else {
    const revoked = await revokeToken(database, actor, argument!);
    console.log(t('cli.token.revoked', { prefix: revoked.prefix, when: revoked.revokedAt }));
  }
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : t('cli.token.failed', { message: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  await database.close();
}

// npm run token -- create --user <username or email> --name "<what it is for>" [--tenant <code>]
// npm run token -- list [--tenant <code>]
// npm run token -- revoke <prefix> [--tenant <code>]
// Personal API tokens for scripts and report tools. The token is shown once; only its hash is
// kept. The same service as the admin panel's: audited, refused on a read-only licence.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './lib/open-command-database.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { AppError, isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { SYSTEM_ACTOR, type Actor } from '../sync-server/src/modules/access/actor.js';
import { findUserByUsername } from '../sync-server/src/modules/auth/auth.repository.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { createTokenForUser, listTenantTokens, revokeToken } from '../sync-server/src/modules/users/users.service.js';

const usage =
  'Usage:\n  npm run token -- create --user <username or email> --name "<what it is for>" [--tenant <code>]\n  npm run token -- list [--tenant <code>]\n  npm run token -- revoke <prefix> [--tenant <code>]';

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
    if (!email) throw new AppError({ code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', userMessage: `There is no user '${named}' in the tenant ${tenant.code}; npm run user -- list shows them.` });
    const created = await createTokenForUser(database, actor, { email, name: values.name ?? 'API token' });
    console.log(`Token for ${created.email} (${created.role}), "${created.name}":\n\n  ${created.token}\n\nKeep it secret; it is not shown again. Send it as: Authorization: Bearer <token>`);
  } else if (command === 'list') {
    const tokens = await listTenantTokens(database, actor);
    if (tokens.length === 0) console.log('No API tokens yet.');
    for (const token of tokens) {
      const state = token.revokedAt ? `revoked ${token.revokedAt}` : token.lastUsedAt ? `last used ${token.lastUsedAt}` : 'never used';
      console.log(`${token.prefix}…  ${token.username.padEnd(16)} ${token.name}  (${state})`);
    }
  } else {
    const revoked = await revokeToken(database, actor, argument!);
    console.log(`Revoked ${revoked.prefix} (${revoked.revokedAt}).`);
  }
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : `The token command failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

// npm run token -- create --user <username> --name "<what it is for>"
// npm run token -- list
// npm run token -- revoke <prefix>
// Personal API tokens for scripts and report tools. The token is shown once; only its hash is kept.
import { parseArgs } from 'node:util';
import { createApiToken, listApiTokens, revokeApiToken } from '../sync-server/src/modules/auth/api-tokens.service.js';
import { openCommandDatabase } from './lib/open-command-database.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { user: { type: 'string' }, name: { type: 'string' } },
});
const [command, argument] = positionals;
const usage = 'Usage:\n  npm run token -- create --user <username> --name "<what it is for>"\n  npm run token -- list\n  npm run token -- revoke <prefix>';

const database = await openCommandDatabase();
try {
  await applyPendingMigrations(database);
  if (command === 'create' && values.user) {
    const created = await createApiToken(database.prisma, { username: values.user, name: values.name ?? 'API token' });
    console.log(`Token for ${values.user} (${created.role}), "${created.name}":\n\n  ${created.token}\n\nKeep it secret; it is not shown again. Send it as: Authorization: Bearer <token>`);
  } else if (command === 'list') {
    const tokens = await listApiTokens(database.prisma);
    if (tokens.length === 0) console.log('No API tokens yet.');
    for (const token of tokens) {
      const state = token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : token.lastUsedAt ? `last used ${token.lastUsedAt.toISOString()}` : 'never used';
      console.log(`${token.prefix}…  ${token.user.username.padEnd(16)} ${token.name}  (${state})`);
    }
  } else if (command === 'revoke' && argument) {
    console.log((await revokeApiToken(database.prisma, argument)) ? `Revoked ${argument}.` : `No active token starts with ${argument}.`);
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : `The token command failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

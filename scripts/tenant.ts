// npm run tenant -- add --code <code> --name "<name>" [--currency VND] [--time-zone Asia/Ho_Chi_Minh] [--language vi|en|am]
// npm run tenant -- list
// Add --lang vi|en|am for the messages' language (default: LANG); --language is the tenant's own.
// An agency runs each client as a tenant: its own creators, campaigns, users and tokens, kept
// apart by PostgreSQL row-level security. A single team needs none of this: it has one tenant.
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './lib/open-command-database.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { createTenant, listTenants } from '../sync-server/src/modules/tenants/tenants.service.js';

const usage = [
  t('cli.usage'),
  '  npm run tenant -- add --code <code> --name "<name>" [--currency VND] [--time-zone Asia/Ho_Chi_Minh] [--language vi|en|am]',
  '  npm run tenant -- list',
  t('cli.tenant.firstAdminHint'),
  t('cli.langHint'),
].join('\n');

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { code: { type: 'string' }, name: { type: 'string' }, currency: { type: 'string' }, 'time-zone': { type: 'string' }, language: { type: 'string' } },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const { positionals, values } = parsed;
const [command] = positionals;
if (!(command === 'list' || (command === 'add' && values.code && values.name))) {
  console.error(usage);
  process.exit(2);
}

const database = await openCommandDatabase();
try {
  await applyPendingMigrations(database);
  if (command === 'add') {
    const tenant = await createTenant(database.prisma, {
      code: values.code!,
      name: values.name!,
      baseCurrency: values.currency,
      timeZone: values['time-zone'],
      language: values.language as 'vi' | 'en' | 'am' | undefined,
    });
    console.log(t('cli.tenant.added', { code: tenant.code, name: tenant.name, currency: tenant.baseCurrency, timeZone: tenant.timeZone, language: tenant.language }));
  } else {
    const tenants = await listTenants(database.prisma);
    for (const [index, tenant] of tenants.entries()) {
      console.log(`${tenant.code.padEnd(16)} ${tenant.name}  (${tenant.baseCurrency}, ${tenant.timeZone}, ${tenant.language})${index === 0 ? `  ${t('cli.tenant.defaultMarker')}` : ''}`);
    }
  }
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : t('cli.tenant.failed', { message: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  await database.close();
}

// npm run user -- add --email <email> --name "<name>" --role admin|lead|finance|viewer|client|station_rep [--brands HNF,COCOON] [--username <name>] [--tenant <code>]
// npm run user -- list [--tenant <code>]
// npm run user -- set-role --email <email> --role <role> [--tenant <code>]
// npm run user -- deactivate --email <email> [--tenant <code>]
// npm run user -- reactivate --email <email> [--tenant <code>]
// Add --lang vi|en|am to any of them for the messages' language (default: LANG, else the tenant's).
// The operator's tool: it acts as the system (audited as "npm run user (<os user>)"), which is
// how the first admin of a new PostgreSQL install is made. Afterwards admins can use the
// sidebar's admin panel; the same rules hold here (the last active admin stays an admin).
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './lib/open-command-database.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { SYSTEM_ACTOR, type Actor } from '../sync-server/src/modules/access/actor.js';
import { USER_ROLES, roleLabel, type AdminUser, type UserRole } from '../sync-server/src/contract/admin-payloads.js';
import { addUser, deactivateUser, listTenantUsers, reactivateUser, setUserRole } from '../sync-server/src/modules/users/users.service.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';

const usage = [
  t('cli.usage'),
  `  npm run user -- add --email <email> --name "<name>" --role ${USER_ROLES.join('|')} [--brands HNF,COCOON] [--username <name>] [--tenant <code>]`,
  '  npm run user -- list [--tenant <code>]',
  '  npm run user -- set-role --email <email> --role <role> [--tenant <code>]',
  '  npm run user -- deactivate --email <email> [--tenant <code>]',
  '  npm run user -- reactivate --email <email> [--tenant <code>]',
  t('cli.langHint'),
].join('\n');

function refuseUsage(problem?: string): never {
  console.error(problem ? `${problem}\n${usage}` : usage);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, brands: { type: 'string' }, username: { type: 'string' }, tenant: { type: 'string' } },
  });
} catch (error) {
  refuseUsage(error instanceof Error ? error.message : String(error));
}
const { positionals, values } = parsed;
const [command] = positionals;

function readRole(): UserRole {
  const role = values.role?.trim().toLowerCase();
  if (!role) refuseUsage(t('cli.user.giveRole'));
  if (!(USER_ROLES as readonly string[]).includes(role)) refuseUsage(t('cli.user.notARole', { given: values.role, roles: USER_ROLES.join(', ') }));
  return role as UserRole;
}

function readEmail(): string {
  if (!values.email?.trim()) refuseUsage(t('cli.user.giveEmail'));
  return values.email.trim();
}

// Every usage problem is found before the database is opened.
let run: (actor: Actor) => Promise<void>;
switch (command) {
  case 'add': {
    const email = readEmail();
    if (!values.name?.trim()) refuseUsage(t('cli.user.giveName'));
    const role = readRole();
    const brands = values.brands?.split(/[,;\s]+/).map((code) => code.trim()).filter(Boolean);
    if (brands?.length && role !== 'client') refuseUsage(t('cli.user.brandsForClientsOnly'));
    run = async (actor) => {
      const user = await addUser(database, actor, { email, displayName: values.name!, role, ...(values.username ? { username: values.username } : {}), ...(brands ? { brands } : {}) });
      console.log(t('cli.user.added', { email: user.email, name: user.displayName, role: roleLabel(user.role), username: user.username, brands: user.brands.length ? user.brands.join(', ') : 'none' }));
    };
    break;
  }
  case 'list':
    run = async (actor) => {
      const users = await listTenantUsers(database, actor);
      if (users.length === 0) console.log(t('cli.user.noUsers'));
      for (const user of users) console.log(describe(user));
    };
    break;
  case 'set-role': {
    const email = readEmail();
    const role = readRole();
    run = async (actor) => {
      const user = await setUserRole(database, actor, email, role);
      console.log(t('cli.user.roleNow', { email: user.email, role: roleLabel(user.role) }));
    };
    break;
  }
  case 'deactivate':
  case 'reactivate': {
    const email = readEmail();
    run = async (actor) => {
      const user = command === 'deactivate' ? await deactivateUser(database, actor, email) : await reactivateUser(database, actor, email);
      console.log(t(user.isActive ? 'cli.user.activeAgain' : 'cli.user.deactivated', { email: user.email }));
    };
    break;
  }
  default:
    refuseUsage(command ? t('cli.noCommand', { command }) : undefined);
}

function describe(user: AdminUser): string {
  // The role stays the code: the list is what one types back (--role lead).
  const state = t(user.isActive ? 'cli.user.stateActive' : 'cli.user.stateDeactivated');
  const seen = user.lastApiTokenUseAt ? `  ${t('cli.user.tokenLastUsed', { when: user.lastApiTokenUseAt })}` : '';
  const brands = user.brands.length ? `  ${t('cli.user.brandsColumn', { brands: user.brands.join(', ') })}` : '';
  return `${user.email.padEnd(36)} ${user.role.padEnd(12)} ${state.padEnd(12)} ${user.displayName}${brands}${seen}`;
}

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

const database = await openCommandDatabase();
try {
  await applyPendingMigrations(database);
  await actInTenant(database, values.tenant);
  await run({ ...SYSTEM_ACTOR, label: `npm run user (${operatorName()})`, source: 'cli' });
} catch (error) {
  console.error(isAppError(error) ? error.userMessage : t('cli.user.failed', { message: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  await database.close();
}

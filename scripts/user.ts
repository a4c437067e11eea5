// npm run user -- add --email <email> --name "<name>" --role admin|lead|finance|viewer|client|station_rep [--brands HNF,COCOON] [--username <name>] [--tenant <code>]
// npm run user -- list [--tenant <code>]
// npm run user -- set-role --email <email> --role <role> [--tenant <code>]
// npm run user -- deactivate --email <email> [--tenant <code>]
// npm run user -- reactivate --email <email> [--tenant <code>]
// The operator's tool: it acts as the system (audited as "npm run user (<os user>)"), which is
// how the first admin of a new PostgreSQL install is made. Afterwards admins can use the
// sidebar's admin panel; the same rules hold here (the last active admin stays an admin).
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './lib/open-command-database.js';
import { SYSTEM_ACTOR, type Actor } from '../sync-server/src/modules/access/actor.js';
import { USER_ROLES, type AdminUser, type UserRole } from '../sync-server/src/contract/admin-payloads.js';
import { addUser, deactivateUser, listTenantUsers, reactivateUser, setUserRole } from '../sync-server/src/modules/users/users.service.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';

const usage = [
  'Usage:',
  `  npm run user -- add --email <email> --name "<name>" --role ${USER_ROLES.join('|')} [--brands HNF,COCOON] [--username <name>] [--tenant <code>]`,
  '  npm run user -- list [--tenant <code>]',
  '  npm run user -- set-role --email <email> --role <role> [--tenant <code>]',
  '  npm run user -- deactivate --email <email> [--tenant <code>]',
  '  npm run user -- reactivate --email <email> [--tenant <code>]',
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
  if (!role) refuseUsage('Give --role.');
  if (!(USER_ROLES as readonly string[]).includes(role)) refuseUsage(`--role ${values.role} is not a role; the roles are ${USER_ROLES.join(', ')}.`);
  return role as UserRole;
}

function readEmail(): string {
  if (!values.email?.trim()) refuseUsage('Give --email.');
  return values.email.trim();
}

// Every usage problem is found before the database is opened.
let run: (actor: Actor) => Promise<void>;
switch (command) {
  case 'add': {
    const email = readEmail();
    if (!values.name?.trim()) refuseUsage('Give --name "<their name>".');
    const role = readRole();
    const brands = values.brands?.split(/[,;\s]+/).map((code) => code.trim()).filter(Boolean);
    if (brands?.length && role !== 'client') refuseUsage('--brands is for --role client only.');
    run = async (actor) => {
      const user = await addUser(database, actor, { email, displayName: values.name!, role, ...(values.username ? { username: values.username } : {}), ...(brands ? { brands } : {}) });
      console.log(`Added ${user.email} (${user.displayName}) as ${user.role}, username ${user.username}${user.brands.length ? `, brands ${user.brands.join(', ')}` : ''}.\nThey sign in from the add-on with that Google account.`);
    };
    break;
  }
  case 'list':
    run = async (actor) => {
      const users = await listTenantUsers(database, actor);
      if (users.length === 0) console.log('No users yet. Add the first admin: npm run user -- add --email <email> --name "<name>" --role admin');
      for (const user of users) console.log(describe(user));
    };
    break;
  case 'set-role': {
    const email = readEmail();
    const role = readRole();
    run = async (actor) => {
      const user = await setUserRole(database, actor, email, role);
      console.log(`${user.email} is now ${user.role}.`);
    };
    break;
  }
  case 'deactivate':
  case 'reactivate': {
    const email = readEmail();
    run = async (actor) => {
      const user = command === 'deactivate' ? await deactivateUser(database, actor, email) : await reactivateUser(database, actor, email);
      console.log(`${user.email} is ${user.isActive ? 'active again' : 'deactivated: they can no longer sign in, and their API tokens stop working'}.`);
    };
    break;
  }
  default:
    refuseUsage(command ? `There is no command "${command}".` : undefined);
}

function describe(user: AdminUser): string {
  const state = user.isActive ? 'active' : 'deactivated';
  const seen = user.lastApiTokenUseAt ? `  token last used ${user.lastApiTokenUseAt}` : '';
  const brands = user.brands.length ? `  brands ${user.brands.join(', ')}` : '';
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
  console.error(isAppError(error) ? error.userMessage : `The user command failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

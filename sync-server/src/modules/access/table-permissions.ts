import type { TableName } from '../../contract/index.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor, Role } from './actor.js';
import { roleAlternatives, roleWord } from './permissions.js';

/**
 * Who may write which sheet tab (push, import upload). Campaign-level rules (budget, status,
 * blacklisted creators) then apply row by row through permissions.ts. Why these choices:
 * planners (admin, lead) keep every tab; finance reconciles payments, so it writes the
 * payments tab and the exchange rates they convert at; viewers read. A client and a station rep write no tab at all: a client reads
 * their brands' campaigns (access/campaign-scope.ts), a station rep has nothing here yet.
 */
const WRITERS_BY_TABLE: Partial<Record<TableName, readonly Role[]>> = {
  payments: ['admin', 'lead', 'finance'],
  exchange_rates: ['admin', 'lead', 'finance'],
};
const PLANNERS: readonly Role[] = ['admin', 'lead'];

export function canWriteTable(actor: Pick<Actor, 'role'>, table: TableName): boolean {
  return (WRITERS_BY_TABLE[table] ?? PLANNERS).includes(actor.role);
}

/** "admin or lead": who may write the table, for refusals, in the current language. */
export function describeTableWriters(table: TableName): string {
  return roleAlternatives(WRITERS_BY_TABLE[table] ?? PLANNERS);
}

export function assertCanWriteTable(actor: Pick<Actor, 'role' | 'label'>, table: TableName): void {
  if (canWriteTable(actor, table)) return;
  throw new AppError({
    code: 'FORBIDDEN',
    reason: 'PERMISSION_DENIED',
    userMessage: t('write.tabRights', { role: roleWord(actor.role), table, roles: describeTableWriters(table) }),
    internalMessage: `${actor.label} (${actor.role}) refused writing ${table}`,
  });
}

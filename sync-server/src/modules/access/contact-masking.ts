/**
 * The one masking rule for creators' contact details (002 §10.2; Vietnam's personal-data decree):
 * phone, Zalo, email and WeChat are shown masked (09•••••678, l•••@gmail.com) to the roles that
 * don't need them to work: viewer, finance, client (and the station rep) by default, or the
 * roles the tenant lists in `settings.masking.contactsHiddenFrom`. Never to the admin. Which
 * columns are contacts is said once, in the contract (`mask` on a column); who sees them masked
 * is said here; every read that returns contacts (pull, exports, push conflicts) asks this file,
 * the way money-redaction.ts is asked about money.
 *
 * A masked value that comes back (a masked sheet pushed, a masked export imported) must never
 * overwrite the real one: the write door keeps the stored value when a cell holds exactly its
 * masked form (`keepMaskedEchoes`), and refuses any other value that looks masked, and any change
 * of a contact by a role that reads contacts masked (`checkContactEdits`).
 */
import type { ContactMask, NormalisedValue, TableDefinition } from '../../contract/index.js';
import { t } from '../../contract/i18n/translate.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import type { RowChange, RowState } from '../../write/change-set.js';
import type { RowRule } from '../../write/table-rules.js';
import { loadCurrentTenantSettings, type TenantSettings } from '../tenants/tenant-settings.js';
import type { Actor } from './actor.js';
import { roleWord } from './permissions.js';

/** What stands for a hidden character; no phone, email or handle holds it. */
export const MASK_CHARACTER = '•';

/** 0912345678 → 09•••••678: the network prefix and the last digits are enough to recognise it. */
function maskPhone(value: string): string {
  const compact = value.trim();
  if (compact.length <= 5) return MASK_CHARACTER.repeat(Math.max(compact.length, 3));
  return `${compact.slice(0, 2)}${MASK_CHARACTER.repeat(compact.length - 5)}${compact.slice(-3)}`;
}

/** linhbeauty.work@gmail.com → l•••@gmail.com: the first letter and the provider. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskHandle(value);
  return `${value.slice(0, 1)}${MASK_CHARACTER.repeat(3)}${value.slice(at)}`;
}

/** linh_wx → l•••x. */
function maskHandle(value: string): string {
  const compact = value.trim();
  if (compact.length <= 2) return MASK_CHARACTER.repeat(3);
  return `${compact.slice(0, 1)}${MASK_CHARACTER.repeat(3)}${compact.slice(-1)}`;
}

/** A contact value as a masked reader sees it; empty stays empty. */
export function maskContactValue(kind: ContactMask, value: string): string {
  if (value === '') return value;
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'email') return maskEmail(value);
  return maskHandle(value);
}

export function looksMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes(MASK_CHARACTER);
}

/** Whether this reader sees contacts masked, under their tenant's settings. */
export function isContactMaskedFor(actor: Pick<Actor, 'role'>, settings: TenantSettings): boolean {
  if (actor.role === 'admin') return false;
  return settings.masking.contactsHiddenFrom.includes(actor.role);
}

/** The same, reading the settings of the tenant the transaction acts in. */
export async function loadContactMasking(db: SqlDb, actor: Pick<Actor, 'role'>): Promise<boolean> {
  if (actor.role === 'admin') return false;
  return isContactMaskedFor(actor, await loadCurrentTenantSettings(db));
}

const maskedColumnsByDefinition = new WeakMap<TableDefinition, ReadonlyMap<string, ContactMask>>();

/** The columns of a table that hold contact details, by their sheet names, with how each is masked. */
export function maskedColumns(definition: TableDefinition): ReadonlyMap<string, ContactMask> {
  let columns = maskedColumnsByDefinition.get(definition);
  if (!columns) {
    columns = new Map(definition.columns.filter((column) => column.mask).map((column) => [column.name, column.mask!]));
    maskedColumnsByDefinition.set(definition, columns);
  }
  return columns;
}

export function hasContactColumns(definition: TableDefinition): boolean {
  return maskedColumns(definition).size > 0;
}

/**
 * A row of `definition` (template values, an export row, a conflict's server values) as this
 * reader may see it: contact cells masked when `isMasked`. Keys absent stay absent.
 */
export function maskContactCells<V>(isMasked: boolean, definition: TableDefinition, record: Readonly<Record<string, V>>): Record<string, V> {
  const columns = maskedColumns(definition);
  if (!isMasked || columns.size === 0) return record as Record<string, V>;
  const masked: Record<string, V> = { ...record };
  for (const [name, kind] of columns) {
    const value = masked[name];
    if (typeof value === 'string') masked[name] = maskContactValue(kind, value) as V;
  }
  return masked;
}

/**
 * The row a writer sent, with every contact cell that holds exactly the masked form of the stored
 * value put back to the stored value: a masked sheet pushed back unchanged changes nothing. Called
 * by the write door before it compares, for every table and every door.
 */
export function keepMaskedEchoes(definition: TableDefinition, row: RowChange, current: RowState | undefined): RowChange {
  if (!current) return row;
  const columns = maskedColumns(definition);
  if (columns.size === 0) return row;
  let values: Record<string, NormalisedValue> | undefined;
  for (const [name, kind] of columns) {
    const sent = row.values[name];
    const stored = current.values[name];
    if (typeof sent !== 'string' || !stored || sent === stored || !looksMasked(sent)) continue;
    if (sent === maskContactValue(kind, stored)) (values ??= { ...row.values })[name] = stored;
  }
  return values ? { ...row, values } : row;
}

/**
 * The door's rule for tables with contact columns: a value that looks masked is never stored
 * (it would replace a real number with bullets), and a role that reads contacts masked may not
 * change them (it could not see what it overwrites). Echoes were already dropped by
 * `keepMaskedEchoes`, so a masked sheet pushed back unchanged passes.
 */
export function checkContactEdits(definition: TableDefinition): RowRule {
  const columns = maskedColumns(definition);
  return async (context, rows, findings) => {
    const edited = rows.filter((row) => !row.isDeletion && row.changed.some((name) => columns.has(name)));
    if (edited.length === 0) return;
    const isMasked = await loadContactMasking(context.db, context.actor);
    for (const row of edited) {
      for (const name of row.changed) {
        if (!columns.has(name)) continue;
        const value = row.after.values[name];
        if (looksMasked(value)) {
          findings.refuse(row, {
            code: 'MASKED_VALUE',
            column: name,
            value,
            message: t('write.maskedValue', { column: name, value: String(value) }),
          });
        } else if (isMasked) {
          findings.refuse(row, {
            code: 'CONTACTS_MASKED',
            kind: 'forbidden',
            column: name,
            message: t('write.contactsMasked', { role: roleWord(context.actor.role), column: name }),
          });
        }
      }
    }
  };
}

import { findTableDefinition, tableDefinitions, type TableDefinition } from '../../contract/index.js';
import type { PullResponse } from '../../contract/sync-payloads.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { visibleRowsSql } from '../access/campaign-scope.js';
import { hasContactColumns, loadContactMasking, maskContactCells } from '../access/contact-masking.js';
import { redactSpendCells } from '../access/money-redaction.js';
import { assertAllowed } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { computeColumns } from './computed-columns.js';
import { findPullStart, findSyncRowsSince, type PullCursor } from './sync.repository.js';
import { toSheetValues } from './sync-values.js';

export const PULL_PAGE_SIZE = 5000;

/** Parses the tables parameter: a comma-separated list of template names; empty = all. */
export function resolvePullTables(tables: string | undefined): TableDefinition[] {
  const names = (tables ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return [...tableDefinitions];
  const unknown = names.filter((name) => !findTableDefinition(name));
  if (unknown.length) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: t('pull.unknownTables', { tables: unknown.map((name) => `'${name}'`).join(', ') }),
      problems: [{ column: 'tables', value: unknown.join(','), message: t('pull.notATable', { tables: tableDefinitions.map((definition) => definition.name).join(', ') }) }],
    });
  }
  return names.map((name) => findTableDefinition(name)!);
}

/**
 * A cursor is "<change number>.<from transaction>[.<also transaction>…]" (see PullCursor). A
 * bare number (an earlier version's cursor) is still accepted.
 */
export function parseCursor(since: string | undefined): PullCursor | null {
  if (since === undefined || since === '') return null;
  if (!/^\d{1,19}(\.\d{1,19}){0,102}$/.test(since)) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: t('pull.badCursor'),
      problems: [{ column: 'since', value: since, message: t('pull.badCursorShort') }],
    });
  }
  const [seq, fromXid, ...alsoXids] = since.split('.').map((part) => BigInt(part));
  return { seq: seq!, fromXid: fromXid ?? null, alsoXids };
}

function formatCursor(cursor: PullCursor): string {
  return cursor.fromXid === null ? cursor.seq.toString() : [cursor.seq, cursor.fromXid, ...cursor.alsoXids].join('.');
}

/**
 * Rows with their computed columns: every live row without a cursor; with one, only what
 * changed or was deleted since. When a table has more than a page of changes, the cursor
 * stops at the last row sent, so the next pull continues from there (rows of other tables
 * may then come again: applying a row twice is harmless).
 */
export async function pullRows(db: Db, actor: Actor, tables: readonly TableDefinition[], since: PullCursor | null, pageSize = PULL_PAGE_SIZE): Promise<PullResponse> {
  assertAllowed(actor, 'campaign.view');
  // Read the cursor first: a change committed while we read is then sent again next time, and
  // one from a transaction still running now is asked for again by its transaction: never missed.
  const start = await findPullStart(db);
  let cursor = start.seq;
  let hasMore = false;
  const result: PullResponse['tables'] = [];
  const isMasked = tables.some(hasContactColumns) ? await loadContactMasking(db, actor) : false;
  for (const definition of tables) {
    // A client pulls only the rows of their campaigns, brands and creators (access/campaign-scope.ts).
    const rows = await findSyncRowsSince(db, definition, since, pageSize, (addParameter) => visibleRowsSql(actor, definition, addParameter));
    if (rows.length === pageSize) {
      hasMore = true;
      const lastSent = BigInt(rows[rows.length - 1]!.sync_seq);
      if (lastSent < cursor) cursor = lastSent;
    }
    const computed = await computeColumns(db, definition, rows);
    // The same money rule as every other read: no fees, amounts, budgets or spend flags without
    // the budget right; and the same masking rule: contacts masked for the roles that don't need them.
    const pulled = rows.map((row) => ({
      values: maskContactCells(isMasked, definition, redactSpendCells(actor, definition, toSheetValues(definition, row.values))),
      computed: redactSpendCells(actor, definition, computed.get(row.id) ?? {}),
      rowVersion: row.row_version,
      deleted: row.is_deleted,
    }));
    result.push({ table: definition.name, rows: pulled });
  }
  return { cursor: formatCursor({ ...start, seq: cursor }), tables: result, hasMore };
}

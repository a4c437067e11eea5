/**
 * Rules every table has, read from the table definitions: required cells, number bounds (money
 * ≥ 0), and end dates not before start dates. The readers (coerce-value.ts) already refuse most
 * of this in a cell; the door checks the state it is about to store, whichever door the values
 * came from.
 */
import { getTableDefinition, type TableName } from '../contract/index.js';
import { validateDateRange } from '../contract/campaigns/campaign-lifecycle.js';
import { t } from '../contract/i18n/translate.js';
import { roleWord } from '../modules/access/permissions.js';
import { canWriteTable, describeTableWriters } from '../modules/access/table-permissions.js';
import type { ChangedRow } from './change-set.js';
import type { RowRule, RuleFindings } from './table-rules.js';

/** Start/end pairs that must be in order, by table. */
const DATE_RANGES: Partial<Record<TableName, ReadonlyArray<[string, string]>>> = {
  campaigns: [['start_date', 'end_date']],
  bookings: [['start_date', 'end_date']],
  creator_rate_cards: [['valid_from', 'valid_to']],
};

export function checkTableRights(table: TableName): RowRule {
  return ({ actor }, rows, findings) => {
    if (canWriteTable(actor, table)) return;
    for (const row of rows) {
      findings.refuse(row, {
        code: 'PERMISSION_DENIED',
        kind: 'forbidden',
        message: t('write.tableRights', { role: roleWord(actor.role), table, roles: describeTableWriters(table) }),
      });
    }
  };
}

export function checkColumnValues(table: TableName): RowRule {
  const definition = getTableDefinition(table);
  return (_context, rows, findings) => {
    for (const row of rows) {
      if (row.isDeletion) continue;
      for (const column of definition.columns) {
        const value = row.after.values[column.name];
        const isChecked = row.isNew || row.changed.includes(column.name);
        if (!isChecked) continue;
        if (column.isRequired && (value === null || value === undefined)) {
          findings.refuse(row, { code: 'REQUIRED', column: column.name, value: null, message: t('write.required', { column: column.name }) });
          continue;
        }
        if (value === null || value === undefined || (column.min === undefined && column.max === undefined)) continue;
        const numeric = Number(value);
        if (column.min !== undefined && numeric < column.min) {
          findings.refuse(row, { code: 'OUT_OF_RANGE', column: column.name, value, message: t('write.atLeast', { column: column.name, min: column.min }) });
        } else if (column.max !== undefined && numeric > column.max) {
          findings.refuse(row, { code: 'OUT_OF_RANGE', column: column.name, value, message: t('write.atMost', { column: column.name, max: column.max }) });
        }
      }
      checkDateRanges(table, row, findings);
    }
  };
}

function checkDateRanges(table: TableName, row: ChangedRow, findings: RuleFindings): void {
  for (const [startColumn, endColumn] of DATE_RANGES[table] ?? []) {
    if (!row.isNew && !row.changed.includes(startColumn) && !row.changed.includes(endColumn)) continue;
    const violation = validateDateRange(row.after.values[startColumn] ?? null, row.after.values[endColumn] ?? null);
    if (violation) findings.refuse(row, { code: violation.code, column: endColumn, value: row.after.values[endColumn], message: violation.message });
  }
}

/**
 * Reading a tab's values[][] into typed rows, and deciding which rows a push sends: only rows
 * whose editable values differ from the hash stored at the last sync, plus the deletions the
 * planner asked for. Pure: the adapter passes the grid in and writes the result back.
 */
import type {
  CellRecord,
  PushDeletion,
  PushRow,
  TablePayload,
} from '../../../sync-server/src/contract/sync-payloads.js';
import { isBlankCell, toPayloadValue } from './cell-values.js';
import { type ColumnMap, type Grid, type SheetCell, ROW_ACTIONS } from './sheet-columns.js';

export type SheetRow = {
  /** Row number as the spreadsheet shows it (header = 1). */
  rowNumber: number;
  /** Editable values converted for the API. */
  values: CellRecord;
  rowVersion: number | null;
  storedHash: string;
  currentHash: string;
  /** What the planner typed into `_sync_status` (lower case), or the last status written. */
  statusCell: string;
  isBlank: boolean;
};

/**
 * FNV-1a over the JSON of the values: small, dependency-free and stable across runtimes
 * (Apps Script's Utilities.computeDigest would tie this module to Google).
 */
export function hashValues(values: CellRecord): string {
  const text = JSON.stringify(Object.keys(values).sort().map((key) => [key, values[key] ?? null]));
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `h${hash.toString(16).padStart(8, '0')}`;
}

function parseVersion(cell: SheetCell | undefined): number | null {
  if (typeof cell === 'number' && Number.isInteger(cell)) return cell;
  if (typeof cell === 'string' && /^\d+$/.test(cell.trim())) return Number(cell.trim());
  return null;
}

function systemCell(row: readonly SheetCell[], index: number | undefined): SheetCell {
  return index === undefined ? '' : (row[index] ?? '');
}

export function readSheetRows(table: TablePayload, map: ColumnMap, grid: Grid): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let index = 1; index < grid.length; index += 1) {
    const cells = grid[index] ?? [];
    const values: CellRecord = {};
    let isBlank = true;
    for (const column of map.editable) {
      const position = map.byName.get(column.name);
      if (position === undefined) continue;
      const cell = cells[position];
      if (!isBlankCell(cell)) isBlank = false;
      values[column.name] = toPayloadValue(cell, column);
    }
    rows.push({
      rowNumber: index + 1,
      values,
      rowVersion: parseVersion(systemCell(cells, map.system.rowVersion)),
      storedHash: String(systemCell(cells, map.system.rowHash) ?? ''),
      currentHash: hashValues(values),
      statusCell: String(systemCell(cells, map.system.status) ?? '').trim().toLowerCase(),
      isBlank,
    });
  }
  return rows;
}

export function isDeletionRequested(row: SheetRow): boolean {
  return row.statusCell === ROW_ACTIONS.delete;
}

/** A row to send: typed and never synced, or edited since its last sync. */
export function isRowChanged(row: SheetRow): boolean {
  if (row.isBlank || isDeletionRequested(row)) return false;
  if (row.rowVersion === null) return true;
  return row.storedHash !== row.currentHash;
}

export function naturalKeyOf(table: TablePayload, values: CellRecord): Record<string, string> {
  const key: Record<string, string> = {};
  for (const name of table.naturalKey) key[name] = values[name] === null || values[name] === undefined ? '' : String(values[name]);
  return key;
}

export type TablePushPlan = { table: string; rows: PushRow[]; deletions: PushDeletion[] };

/** What one tab contributes to a push: changed rows and requested deletions, in sheet order. */
export function collectPushRows(table: TablePayload, rows: readonly SheetRow[]): TablePushPlan {
  const pushRows: PushRow[] = [];
  const deletions: PushDeletion[] = [];
  for (const row of rows) {
    if (isDeletionRequested(row)) {
      // A row never synced has nothing on the server to delete.
      if (row.rowVersion !== null) {
        deletions.push({ rowNumber: row.rowNumber, key: naturalKeyOf(table, row.values), rowVersion: row.rowVersion });
      }
    } else if (isRowChanged(row)) {
      pushRows.push({ rowNumber: row.rowNumber, rowVersion: row.rowVersion, values: row.values });
    }
  }
  return { table: table.name, rows: pushRows, deletions };
}

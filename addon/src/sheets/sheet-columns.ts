/**
 * Finding a table's columns in a tab by header name: planners reorder columns and add columns of
 * their own, so nothing here relies on a column's position.
 */
import type { ColumnPayload, TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';

/** A cell as Sheets' getValues() gives it ("" for an empty cell). */
export type SheetCell = string | number | boolean | Date | null;
export type Grid = SheetCell[][];

/**
 * Columns the add-on keeps beside the data. `_sync_status` is visible (the planner reads it and
 * picks "delete", "take theirs" or "keep mine" in it); the others are hidden bookkeeping.
 */
export const SYSTEM_COLUMNS = {
  status: '_sync_status',
  rowVersion: '_row_version',
  rowHash: '_row_hash',
  conflict: '_conflict',
} as const;
export type SystemColumnKey = keyof typeof SYSTEM_COLUMNS;
export const HIDDEN_SYSTEM_COLUMNS: readonly string[] = [SYSTEM_COLUMNS.rowVersion, SYSTEM_COLUMNS.rowHash, SYSTEM_COLUMNS.conflict];

/** What a planner may type into `_sync_status` to ask for something on the next push. */
export const ROW_ACTIONS = { delete: 'delete', takeTheirs: 'take theirs', keepMine: 'keep mine' } as const;

export type ColumnMap = {
  /** Definition column name → 0-based index in the row. */
  byName: ReadonlyMap<string, number>;
  system: Record<SystemColumnKey, number | undefined>;
  /** Definition columns the header lacks (Set up sheets repairs them). */
  missing: string[];
  editable: ColumnPayload[];
  computed: ColumnPayload[];
};

function normalizeHeader(value: SheetCell | undefined): string {
  return String(value ?? '').trim().toLowerCase();
}

export function locateColumns(table: TablePayload, header: readonly SheetCell[]): ColumnMap {
  const positions = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    // The first occurrence wins: a planner's copy of a column further right is theirs.
    if (name !== '' && !positions.has(name)) positions.set(name, index);
  });
  const byName = new Map<string, number>();
  const missing: string[] = [];
  for (const column of table.columns) {
    const index = positions.get(column.name.toLowerCase());
    if (index === undefined) missing.push(column.name);
    else byName.set(column.name, index);
  }
  const system = {
    status: positions.get(SYSTEM_COLUMNS.status),
    rowVersion: positions.get(SYSTEM_COLUMNS.rowVersion),
    rowHash: positions.get(SYSTEM_COLUMNS.rowHash),
    conflict: positions.get(SYSTEM_COLUMNS.conflict),
  };
  return {
    byName,
    system,
    missing,
    editable: table.columns.filter((column) => !column.computed),
    computed: table.columns.filter((column) => column.computed),
  };
}

/** True when a tab has every column sync needs (definition columns and bookkeeping). */
export function isSyncReady(map: ColumnMap): boolean {
  return map.missing.length === 0 && Object.values(map.system).every((index) => index !== undefined);
}

/** Reads a cell by definition column name; undefined when the tab lacks that column. */
export function readCell(row: readonly SheetCell[], map: ColumnMap, name: string): SheetCell | undefined {
  const index = map.byName.get(name);
  return index === undefined ? undefined : (row[index] ?? '');
}

/** Spreadsheet column letter for a 0-based index (0 → A, 26 → AA), for messages and A1 ranges. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

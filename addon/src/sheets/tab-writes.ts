/**
 * Writing sync outcomes back into a tab as ONE values[][] and ONE notes[][] (Apps Script charges
 * per call, so a push costs the same few calls per tab whatever its row count). A pull merges
 * every page into one working copy and writes back only the rows it changed (pull-writes.ts).
 *
 * Notes the add-on writes start with NOTE_PREFIX; a planner's own notes are left alone.
 */
import type {
  CellRecord,
  CellValue,
  PulledRow,
  PushRowResult,
  TablePayload,
} from '../../../sync-server/src/contract/sync-payloads.js';
import type { Language } from '../../../sync-server/src/contract/i18n/languages.js';
import { describeValue, isBlankCell, toPayloadValue, toSheetValue } from './cell-values.js';
import { type ColumnMap, type Grid, type SheetCell, ROW_ACTIONS } from './sheet-columns.js';
import { type SheetRow, hashValues, naturalKeyOf, readSheetRows } from './sheet-rows.js';

export const NOTE_PREFIX = 'Booking Center: ';
export type NoteGrid = string[][];

/** Labels written into `_sync_status` and notes, in the planner's language. */
export type WriteLabels = {
  status: Record<PushRowResult['status'], string>;
  dryRunPrefix: string;
  /** Before the status of a row the server checked but did not save (another row of its push failed). */
  notSavedPrefix: string;
  notSavedHelp: string;
  serverValue: string;
  conflictHelp: string;
  deletedOnServer: string;
  /** The sheet's language: enum codes are written as its labels. Absent: codes as they are. */
  language?: Language;
};

export const ENGLISH_WRITE_LABELS: WriteLabels = {
  status: {
    created: 'created',
    updated: 'updated',
    unchanged: 'unchanged',
    deleted: 'deleted',
    conflict: 'conflict',
    error: 'error',
  },
  dryRunPrefix: 'check: ',
  notSavedPrefix: 'not saved: ',
  notSavedHelp: 'Not saved: another row of the same push has an error. Fix that row and push again.',
  serverValue: 'Server value',
  conflictHelp: 'Someone changed this row on the server. Choose "take theirs" or "keep mine" in _sync_status, then push.',
  deletedOnServer: 'This row was deleted on the server after you edited it.',
};

/** A working copy of a tab: the grid and its notes, cloned so the input stays untouched. */
export type TabState = { values: Grid; notes: NoteGrid; formulas?: string[][] };

function cloneTab(state: TabState, width: number): TabState {
  const values = state.values.map((row) => {
    const copy = row.slice();
    while (copy.length < width) copy.push('');
    return copy;
  });
  const notes = values.map((row, index) => {
    const source = state.notes[index] ?? [];
    return row.map((_, column) => source[column] ?? '');
  });
  return { values, notes };
}

function isOurNote(note: string): boolean {
  return note.startsWith(NOTE_PREFIX);
}

function clearOurNotes(notes: string[], cellsFrom = 0): void {
  for (let column = cellsFrom; column < notes.length; column += 1) {
    if (isOurNote(notes[column] ?? '')) notes[column] = '';
  }
}

function addNote(notes: string[], column: number | undefined, text: string): void {
  if (column === undefined) return;
  const existing = notes[column] ?? '';
  if (existing !== '' && !isOurNote(existing)) return; // never overwrite a planner's note
  notes[column] = existing === '' ? `${NOTE_PREFIX}${text}` : `${existing}\n${text}`;
}

function setCell(row: SheetCell[], column: number | undefined, value: SheetCell): void {
  if (column !== undefined) row[column] = value;
}

function writeComputed(row: SheetCell[], map: ColumnMap, computed: CellRecord | undefined): void {
  if (!computed) return;
  for (const [name, value] of Object.entries(computed)) {
    const column = map.byName.get(name);
    const definition = column === undefined ? undefined : map.computed.find((candidate) => candidate.name === name);
    if (definition) setCell(row, column, toSheetValue(value));
  }
  const version = computed['row_version'];
  if (typeof version === 'number') setCell(row, map.system.rowVersion, version);
}

function widthOf(grid: Grid): number {
  return grid.reduce((max, row) => Math.max(max, row.length), 0);
}

/**
 * Put formulas back where the planner had them: getValues() returns a formula's result, and
 * writing that result back with setValues() would silently replace the formula.
 */
export function restoreFormulas(values: Grid, formulas: readonly (readonly string[])[] | undefined): Grid {
  if (!formulas) return values;
  return values.map((row, rowIndex) =>
    row.map((cell, column) => {
      const formula = formulas[rowIndex]?.[column] ?? '';
      return formula !== '' ? formula : cell;
    }),
  );
}

/** What was sent for a row: its hash and natural key, to recognise the row when results arrive. */
export type SentRow = { hash: string; key: string };

export type PushWriteOptions = {
  dryRun: boolean;
  labels?: WriteLabels;
  /**
   * Rows as they were sent. The tab is read again before writing back (a planner may type while
   * the request runs): a row whose key moved is left alone, and a row edited meanwhile keeps the
   * hash of what was sent, so it stays "changed" and goes out on the next push.
   */
  sent?: ReadonlyMap<number, SentRow>;
  /**
   * Rows of a push the server did not apply: it writes a push whole or not at all, so when one
   * row has an error the others come back "created"/"updated" but nothing was saved. They keep
   * their old version and hash (still changed) and say "not saved".
   */
  unsaved?: ReadonlySet<number>;
};

/** The natural key of a row as one comparable string. */
export function naturalKeyText(table: TablePayload, values: CellRecord): string {
  const key = naturalKeyOf(table, values);
  return JSON.stringify(table.naturalKey.map((name) => key[name]));
}

/** Remembers what a push sends, for applyPushResults' `sent` option. */
export function describeSentRows(table: TablePayload, rows: readonly SheetRow[], rowNumbers: ReadonlySet<number>): Map<number, SentRow> {
  const sent = new Map<number, SentRow>();
  for (const row of rows) {
    if (rowNumbers.has(row.rowNumber)) sent.set(row.rowNumber, { hash: row.currentHash, key: naturalKeyText(table, row.values) });
  }
  return sent;
}

/**
 * Writes the results of one push into the tab: status, computed columns, row_version and hash
 * for rows that were saved; errors as notes on the cell they are about; conflicts with the
 * server's value on each cell that differs.
 */
export function applyPushResults(
  table: TablePayload,
  map: ColumnMap,
  state: TabState,
  results: readonly PushRowResult[],
  options: PushWriteOptions,
): TabState {
  const labels = options.labels ?? ENGLISH_WRITE_LABELS;
  const next = cloneTab(state, widthOf(state.values));
  const sheetRows = new Map(readSheetRows(table, map, next.values).map((row) => [row.rowNumber, row]));
  for (const result of results) {
    const index = result.rowNumber - 1;
    const row = next.values[index];
    const notes = next.notes[index];
    const sheetRow = sheetRows.get(result.rowNumber);
    if (!row || !notes || !sheetRow) continue;
    const sentRow = options.sent?.get(result.rowNumber);
    if (sentRow && sentRow.key !== naturalKeyText(table, sheetRow.values) && result.status !== 'deleted') continue;
    const savedHash = sentRow?.hash ?? sheetRow.currentHash;
    clearOurNotes(notes);
    const isUnsaved = !options.dryRun && result.status !== 'error' && result.status !== 'conflict' && (options.unsaved?.has(result.rowNumber) ?? false);
    const statusText = (options.dryRun ? labels.dryRunPrefix : isUnsaved ? labels.notSavedPrefix : '') + labels.status[result.status];
    setCell(row, map.system.status, statusText);
    for (const [column, messages] of Object.entries(result.errors ?? {})) {
      const target = column === '_row' ? map.system.status : (map.byName.get(column) ?? map.system.status);
      addNote(notes, target, column === '_row' || map.byName.has(column) ? messages.join('\n') : `${column}: ${messages.join('\n')}`);
    }
    // Saved, with something to check (a blacklisted creator an admin assigned): said where the status is.
    for (const warning of result.warnings ?? []) addNote(notes, map.system.status, warning);
    if (isUnsaved) addNote(notes, map.system.status, labels.notSavedHelp);
    if (options.dryRun || isUnsaved) continue;
    switch (result.status) {
      case 'created':
      case 'updated':
      case 'unchanged':
        writeComputed(row, map, result.computed);
        setCell(row, map.system.rowHash, savedHash);
        setCell(row, map.system.conflict, '');
        break;
      case 'deleted':
        for (let column = 0; column < row.length; column += 1) {
          if (isOwnedColumn(map, column)) row[column] = '';
        }
        setCell(row, map.system.status, labels.status.deleted);
        break;
      case 'conflict':
        markConflict(map, row, notes, sheetRow, result.serverValues ?? {}, labels);
        break;
      case 'error':
        break;
    }
  }
  return { values: restoreFormulas(next.values, state.formulas), notes: next.notes };
}

function isOwnedColumn(map: ColumnMap, column: number): boolean {
  if ([...map.byName.values()].includes(column)) return true;
  return Object.values(map.system).includes(column);
}

function markConflict(
  map: ColumnMap,
  row: SheetCell[],
  notes: string[],
  sheetRow: SheetRow,
  serverValues: CellRecord,
  labels: WriteLabels,
): void {
  setCell(row, map.system.status, labels.status.conflict);
  setCell(row, map.system.conflict, JSON.stringify(serverValues));
  addNote(notes, map.system.status, labels.conflictHelp);
  for (const column of map.editable) {
    if (!(column.name in serverValues)) continue;
    const mine = sheetRow.values[column.name] ?? null;
    const theirs = serverValues[column.name] ?? null;
    if (!sameValue(mine, theirs)) addNote(notes, map.byName.get(column.name), `${labels.serverValue}: ${describeValue(theirs, column, labels.language)}`);
  }
}

function sameValue(left: CellValue, right: CellValue): boolean {
  if (left === null || left === '') return right === null || right === '';
  return String(left) === String(right);
}

/**
 * Applies the planner's choice on conflicted rows before a push: "take theirs" copies the
 * server's values in (the row becomes clean), "keep mine" adopts the server's row_version so
 * the next push overwrites the server on purpose.
 */
export function resolveConflictChoices(table: TablePayload, map: ColumnMap, state: TabState, language?: Language): { state: TabState; resolved: number } {
  const next = cloneTab(state, widthOf(state.values));
  let resolved = 0;
  for (let index = 1; index < next.values.length; index += 1) {
    const row = next.values[index];
    const notes = next.notes[index];
    if (!row || !notes || map.system.status === undefined || map.system.conflict === undefined) continue;
    const choice = String(row[map.system.status] ?? '').trim().toLowerCase();
    if (choice !== ROW_ACTIONS.takeTheirs && choice !== ROW_ACTIONS.keepMine) continue;
    const serverValues = parseConflict(row[map.system.conflict]);
    if (!serverValues) continue;
    const serverVersion = serverValues['row_version'];
    if (choice === ROW_ACTIONS.takeTheirs) {
      const values: CellRecord = {};
      for (const column of map.editable) {
        const position = map.byName.get(column.name);
        if (position === undefined) continue;
        if (column.name in serverValues) setCell(row, position, toSheetValue(serverValues[column.name], column, language));
        values[column.name] = toPayloadValue(row[position], column);
      }
      writeComputed(row, map, serverValues);
      setCell(row, map.system.rowHash, hashValues(values));
    }
    if (typeof serverVersion === 'number') setCell(row, map.system.rowVersion, serverVersion);
    setCell(row, map.system.status, choice === ROW_ACTIONS.takeTheirs ? 'unchanged' : '');
    setCell(row, map.system.conflict, '');
    clearOurNotes(notes);
    resolved += 1;
  }
  return { state: { values: restoreFormulas(next.values, state.formulas), notes: next.notes }, resolved };
}

function parseConflict(cell: SheetCell | undefined): CellRecord | undefined {
  if (typeof cell !== 'string' || cell.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(cell);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CellRecord) : undefined;
  } catch {
    return undefined;
  }
}

export type PullMergeSummary = { updated: number; added: number; removed: number; conflicts: number };

/**
 * A pull in progress on one tab: the tab is read once, every page of pulled rows is merged into
 * the same working copy, and the rows the merge touched are remembered, so the adapter writes
 * back only those (see pull-writes.ts) instead of the whole tab per page.
 */
export type PullMerge = {
  /** Merges one page of pulled rows; counts what this page did. */
  apply(pulled: readonly PulledRow[]): PullMergeSummary;
  /** The whole tab after every page, formulas put back: what a full rewrite would write. */
  result(): TabState;
  /** The merged grid as values (formulas not put back) and the 0-based rows any page touched. */
  changes(): { values: Grid; notes: NoteGrid; touched: ReadonlySet<number> };
};

/**
 * Starts merging pulled rows into a tab by natural key. A row the planner edited since the last
 * sync is not overwritten: it becomes a conflict carrying the server's values, so no edit is lost.
 */
export function startPullMerge(table: TablePayload, map: ColumnMap, state: TabState, labels: WriteLabels = ENGLISH_WRITE_LABELS): PullMerge {
  const width = Math.max(widthOf(state.values), 1);
  // Rows are shared with `state` until the merge changes them (copied on first write): a pull
  // touching a few rows of a 30k-row tab does not copy the whole tab.
  const values: Grid = state.values.slice();
  const notes: NoteGrid = values.map((_, index) => state.notes[index] ?? []);
  const touched = new Set<number>();
  const ownRow = (index: number): { row: SheetCell[]; rowNotes: string[] } => {
    if (!touched.has(index)) {
      touched.add(index);
      values[index] = padded(values[index] ?? [], width, '');
      notes[index] = padded(notes[index] ?? [], width, '');
    }
    return { row: values[index] ?? [], rowNotes: notes[index] ?? [] };
  };
  const keyText = (cells: CellRecord): string => naturalKeyText(table, cells);
  // Row index by natural key, built once; kept up to date as pages add and remove rows.
  const byKey = indexByNaturalKey(table, map, values);
  // A row as it is now (an earlier page may have changed it), not as it was read.
  const rowAt = (index: number): SheetRow | undefined => {
    const [row] = readSheetRows(table, map, [[], values[index] ?? []]);
    return row && { ...row, rowNumber: index + 1 };
  };

  function apply(pulled: readonly PulledRow[]): PullMergeSummary {
    const summary: PullMergeSummary = { updated: 0, added: 0, removed: 0, conflicts: 0 };
    for (const incoming of pulled) {
      const key = keyText(incoming.values);
      const index = byKey.get(key);
      const existing = index === undefined ? undefined : rowAt(index);
      if (index !== undefined && existing) {
        const isDirty = existing.rowVersion === null || existing.storedHash !== existing.currentHash;
        const isConflict = isDirty && (existing.rowVersion === null || incoming.rowVersion > existing.rowVersion);
        const { row, rowNotes } = ownRow(index);
        if (isConflict) {
          if (incoming.deleted) {
            setCell(row, map.system.status, labels.status.conflict);
            addNote(rowNotes, map.system.status, labels.deletedOnServer);
          } else {
            clearOurNotes(rowNotes);
            markConflict(map, row, rowNotes, existing, { ...incoming.values, ...incoming.computed, row_version: incoming.rowVersion }, labels);
          }
          summary.conflicts += 1;
          continue;
        }
        if (incoming.deleted) {
          for (let column = 0; column < row.length; column += 1) if (isOwnedColumn(map, column)) row[column] = '';
          clearOurNotes(rowNotes);
          byKey.delete(key);
          summary.removed += 1;
          continue;
        }
        writeRow(map, row, incoming, labels.language);
        clearOurNotes(rowNotes);
        summary.updated += 1;
      } else if (!incoming.deleted) {
        const row: SheetCell[] = new Array<SheetCell>(width).fill('');
        writeRow(map, row, incoming, labels.language);
        values.push(row);
        notes.push(new Array<string>(width).fill(''));
        byKey.set(key, values.length - 1);
        touched.add(values.length - 1);
        summary.added += 1;
      }
    }
    return summary;
  }

  return {
    apply,
    result: () => {
      const whole = cloneTab({ values, notes }, widthOf(values));
      return { values: restoreFormulas(whole.values, state.formulas), notes: whole.notes };
    },
    changes: () => ({ values, notes, touched }),
  };
}

function padded<T>(row: readonly T[], width: number, fill: T): T[] {
  const copy = row.slice();
  while (copy.length < width) copy.push(fill);
  return copy;
}

/** Non-blank rows (0-based) by natural key; reads the key columns only, no hashing. */
function indexByNaturalKey(table: TablePayload, map: ColumnMap, grid: Grid): Map<string, number> {
  const editable = map.editable.flatMap((column) => {
    const position = map.byName.get(column.name);
    return position === undefined ? [] : [{ column, position }];
  });
  const keyColumns = editable.filter(({ column }) => table.naturalKey.includes(column.name));
  const byKey = new Map<string, number>();
  for (let index = 1; index < grid.length; index += 1) {
    const cells = grid[index] ?? [];
    if (editable.every(({ position }) => isBlankCell(cells[position]))) continue;
    const key: CellRecord = {};
    for (const { column, position } of keyColumns) key[column.name] = toPayloadValue(cells[position], column);
    byKey.set(naturalKeyText(table, key), index);
  }
  return byKey;
}

/** One page merged into a tab (startPullMerge for a pull of several pages). */
export function mergePulledRows(
  table: TablePayload,
  map: ColumnMap,
  state: TabState,
  pulled: readonly PulledRow[],
  labels: WriteLabels = ENGLISH_WRITE_LABELS,
): { state: TabState; summary: PullMergeSummary } {
  const merge = startPullMerge(table, map, state, labels);
  const summary = merge.apply(pulled);
  return { state: merge.result(), summary };
}

function writeRow(map: ColumnMap, row: SheetCell[], incoming: PulledRow, language: Language | undefined): void {
  const values: CellRecord = {};
  for (const column of map.editable) {
    const position = map.byName.get(column.name);
    if (position === undefined) continue;
    const cell = toSheetValue(incoming.values[column.name] ?? null, column, language);
    setCell(row, position, cell);
    values[column.name] = toPayloadValue(cell, column);
  }
  writeComputed(row, map, incoming.computed);
  setCell(row, map.system.rowVersion, incoming.rowVersion);
  setCell(row, map.system.rowHash, hashValues(values));
  setCell(row, map.system.status, '');
  setCell(row, map.system.conflict, '');
}

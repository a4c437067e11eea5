/**
 * What a pull writes back: only the rows whose cells it changed, as few contiguous blocks as
 * possible (Apps Script charges per call, and a 30k-row tab rewritten whole on every pull costs
 * seconds). Rows the server did not send, or sent unchanged, are left alone, so a formula or a
 * value a planner typed meanwhile in such a row is never touched. Pure: the adapter makes one
 * getRange + setValues (+ setNotes when notes changed) per block.
 */
import { formatIsoDate, formatIsoDateTime } from './cell-values.js';
import type { Grid, SheetCell } from './sheet-columns.js';
import { type NoteGrid, type TabState, restoreFormulas } from './tab-writes.js';

/** One block of rows to write: `firstRow` is the sheet's row number (header = 1). */
export type RowBlockWrite = {
  firstRow: number;
  values: Grid;
  /** Absent when no note of the block changed: the notes are not written. */
  notes?: NoteGrid;
};

/**
 * At most this many blocks per tab: when changes are scattered, nearby blocks are joined
 * (rewriting the unchanged rows between them as they are, as a full rewrite would) so the
 * number of calls stays bounded whatever the pattern of changes.
 */
export const MAX_BLOCKS_PER_TAB = 20;

/**
 * The same cell as Sheets would hold it after writing `written`: Sheets turns "2026-01-05" into
 * a date and "120" into a number, so a pulled value equal to what the cell already shows is
 * not a change.
 */
export function isSameCell(current: SheetCell | undefined, written: SheetCell | undefined): boolean {
  const left = current ?? '';
  const right = written ?? '';
  if (left === right) return true;
  if (left instanceof Date && right instanceof Date) return left.getTime() === right.getTime();
  if (left instanceof Date && typeof right === 'string') return right === formatIsoDate(left) || right === formatIsoDateTime(left);
  if (typeof left === 'number' && typeof right === 'string') return /^-?\d+(\.\d+)?$/.test(right.trim()) && Number(right) === left;
  if (typeof left === 'boolean' && typeof right === 'string') return right.trim().toUpperCase() === String(left).toUpperCase();
  return false;
}

function isSameValues(current: readonly SheetCell[] | undefined, written: readonly SheetCell[], width: number): boolean {
  if (!current) return false;
  for (let column = 0; column < width; column += 1) if (!isSameCell(current[column], written[column])) return false;
  return true;
}

/** Notes of a row the tab did not have when read are unknown: written, as a full rewrite would. */
function isSameNotes(current: readonly string[] | undefined, written: readonly string[] | undefined, width: number): boolean {
  if (!current) return false;
  for (let column = 0; column < width; column += 1) if ((current[column] ?? '') !== (written?.[column] ?? '')) return false;
  return true;
}

function padded<T>(row: readonly T[] | undefined, width: number, fill: T): T[] {
  const copy = (row ?? []).slice(0, width);
  while (copy.length < width) copy.push(fill);
  return copy;
}

type Span = { first: number; last: number };

/** Joins spans separated by the smallest gaps until at most `limit` remain. */
function joinSpans(spans: Span[], limit: number): Span[] {
  if (spans.length <= limit) return spans;
  const gaps = spans.slice(1).map((span, index) => ({ index, size: span.first - (spans[index]?.last ?? 0) }));
  // Keep the widest gaps as separators; every other gap is bridged.
  const kept = new Set(gaps.sort((left, right) => right.size - left.size).slice(0, limit - 1).map((gap) => gap.index));
  const joined: Span[] = [];
  spans.forEach((span, index) => {
    const previous = joined[joined.length - 1];
    if (previous && !kept.has(index - 1)) previous.last = span.last;
    else joined.push({ ...span });
  });
  return joined;
}

/**
 * The blocks a pull writes. `before` is the tab as read (values, notes, formulas); `merged` is
 * the merge's grid (values, not formulas) and the rows it touched. A touched row whose cells
 * and notes are all unchanged is skipped; rows past the end of `before` are appended.
 */
export function planPullWrites(
  before: TabState,
  merged: { values: Grid; notes: NoteGrid; touched: ReadonlySet<number> },
  maxBlocks = MAX_BLOCKS_PER_TAB,
): RowBlockWrite[] {
  const width = merged.values.reduce((max, row) => Math.max(max, row.length), 0);
  if (width === 0) return [];
  const changed: number[] = [];
  const notesChanged = new Set<number>();
  for (const index of [...merged.touched].sort((left, right) => left - right)) {
    const row = merged.values[index] ?? [];
    const valuesSame = isSameValues(before.values[index], row, width);
    const notesSame = isSameNotes(before.notes[index], merged.notes[index], width);
    if (valuesSame && notesSame) continue;
    changed.push(index);
    if (!notesSame) notesChanged.add(index);
  }
  const spans: Span[] = [];
  for (const index of changed) {
    const last = spans[spans.length - 1];
    if (last && last.last === index - 1) last.last = index;
    else spans.push({ first: index, last: index });
  }
  const formulas = before.formulas;
  return joinSpans(spans, maxBlocks).map(({ first, last }) => {
    const rows = merged.values.slice(first, last + 1).map((row) => padded<SheetCell>(row, width, ''));
    // A formula the planner had in the block goes back as the formula, not as its last result.
    const values = restoreFormulas(rows, formulas?.slice(first, last + 1));
    let hasNoteChange = false;
    for (let index = first; index <= last && !hasNoteChange; index += 1) hasNoteChange = notesChanged.has(index);
    const write: RowBlockWrite = { firstRow: first + 1, values };
    if (hasNoteChange) write.notes = merged.notes.slice(first, last + 1).map((row) => padded(row, width, ''));
    return write;
  });
}

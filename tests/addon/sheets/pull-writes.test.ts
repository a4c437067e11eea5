import { describe, expect, it } from 'vitest';
import { isSameCell, planPullWrites } from '../../../addon/src/sheets/pull-writes.js';
import { locateColumns, SYSTEM_COLUMNS as S } from '../../../addon/src/sheets/sheet-columns.js';
import { startPullMerge } from '../../../addon/src/sheets/tab-writes.js';
import type { PulledRow } from '../../../sync-server/src/contract/sync-payloads.js';
import { brandsTable } from '../support/table-fixtures.js';

const header = ['code', 'name', 'description', 'row_version', 'updated_at', S.status, S.rowVersion, S.rowHash, S.conflict, 'My column'];
const map = locateColumns(brandsTable, header);

function brand(code: string, name: string, version = 1): PulledRow {
  return { values: { code, name, description: '' }, computed: { row_version: version, updated_at: '2026-01-01T00:00:00.000Z' }, rowVersion: version, deleted: false };
}

/** A tab as a first pull leaves it: `count` brands B000… synced at version 1. */
function syncedTab(count: number) {
  const merge = startPullMerge(brandsTable, map, { values: [header], notes: [] });
  merge.apply(Array.from({ length: count }, (_, index) => brand(`B${String(index).padStart(3, '0')}`, `Brand ${index}`)));
  const state = merge.result();
  return { values: state.values, notes: state.notes, formulas: state.values.map((row) => row.map(() => '')) };
}

describe('what a pull writes back', () => {
  it('writes only the changed rows, one block per run of neighbouring rows, without notes when none changed', () => {
    const tab = syncedTab(10);
    const merge = startPullMerge(brandsTable, map, tab);
    merge.apply([brand('B002', 'Two', 2), brand('B003', 'Three', 2), brand('B007', 'Seven', 2), brand('B005', 'Brand 5')]);
    const writes = planPullWrites(tab, merge.changes());
    // B005 came back as it was: not written.
    expect(writes.map((write) => [write.firstRow, write.values.length, write.notes === undefined])).toEqual([
      [4, 2, true],
      [9, 1, true],
    ]);
    expect(writes[0]?.values[0]?.[1]).toBe('Two');
    expect(writes[0]?.values[0]?.length).toBe(header.length);
  });

  it('joins scattered changes into a bounded number of blocks, rewriting the rows between as they were', () => {
    const tab = syncedTab(100);
    const merge = startPullMerge(brandsTable, map, tab);
    merge.apply(Array.from({ length: 25 }, (_, index) => brand(`B${String(index * 4).padStart(3, '0')}`, `Changed ${index}`, 2)));
    const writes = planPullWrites(tab, merge.changes(), 3);
    expect(writes).toHaveLength(3);
    const written = new Map<number, unknown[]>();
    for (const write of writes) write.values.forEach((row, offset) => written.set(write.firstRow + offset, row));
    for (let index = 0; index < 25; index += 1) expect(written.get(index * 4 + 2)?.[1]).toBe(`Changed ${index}`);
    const bridged = [...written.keys()].filter((row) => (row - 2) % 4 !== 0);
    expect(bridged.length).toBeGreaterThan(0);
    for (const row of bridged) expect(written.get(row)).toEqual(tab.values[row - 1]);
  });

  it('appends new rows in one block with their notes, and puts a planner’s formula back in a rewritten row', () => {
    const tab = syncedTab(3);
    tab.values[1]![9] = 7;
    tab.formulas[1]![9] = '=LEN(A2)*7';
    const merge = startPullMerge(brandsTable, map, tab);
    merge.apply([brand('B000', 'Zero', 2), brand('NEW1', 'New one'), brand('NEW2', 'New two')]);
    const writes = planPullWrites(tab, merge.changes());
    expect(writes.map((write) => [write.firstRow, write.values.length])).toEqual([
      [2, 1],
      [5, 2],
    ]);
    expect(writes[0]?.values[0]?.[9]).toBe('=LEN(A2)*7');
    expect(writes[1]?.notes).toHaveLength(2);
  });

  it('a pulled value the cell already holds as Sheets stores it (a date, a number) is no change', () => {
    expect(isSameCell(new Date(2026, 0, 5), '2026-01-05')).toBe(true);
    expect(isSameCell(new Date(2026, 0, 5), '2026-01-06')).toBe(false);
    expect(isSameCell(new Date('2026-01-05T03:00:00.000Z'), '2026-01-05T03:00:00.000Z')).toBe(true);
    expect(isSameCell(120, '120')).toBe(true);
    expect(isSameCell(120, '121')).toBe(false);
    expect(isSameCell(true, 'TRUE')).toBe(true);
    expect(isSameCell('', null)).toBe(true);
    expect(isSameCell('a', 'b')).toBe(false);
  });

  it('several pages merged into one read give the same tab as each page read and written in turn', () => {
    const tab = syncedTab(6);
    const pages = [[brand('B001', 'One', 2), brand('NEW1', 'New')], [brand('B001', 'One again', 3), brand('NEW1', 'New', 1), brand('B004', 'Four', 2)]];
    const once = startPullMerge(brandsTable, map, tab);
    for (const page of pages) once.apply(page);
    let stepwise = { values: tab.values, notes: tab.notes };
    for (const page of pages) {
      const merge = startPullMerge(brandsTable, map, stepwise);
      merge.apply(page);
      stepwise = merge.result();
    }
    expect(once.result().values).toEqual(stepwise.values);
    expect(once.result().notes).toEqual(stepwise.notes);
  });
});

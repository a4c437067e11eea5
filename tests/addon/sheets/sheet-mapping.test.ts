import { describe, expect, it } from 'vitest';
import { toPayloadValue } from '../../../addon/src/sheets/cell-values.js';
import { type Grid, SYSTEM_COLUMNS, locateColumns } from '../../../addon/src/sheets/sheet-columns.js';
import { collectPushRows, hashValues, readSheetRows } from '../../../addon/src/sheets/sheet-rows.js';
import { NOTE_PREFIX, applyPushResults, mergePulledRows, resolveConflictChoices } from '../../../addon/src/sheets/tab-writes.js';
import { brandsTable, campaignsTable } from '../support/table-fixtures.js';

const S = SYSTEM_COLUMNS;

/** Brands with the planner's own column "My notes" in the middle and columns reordered. */
function brandsGrid(): Grid {
  return [
    ['name', 'My notes', 'code', 'description', 'row_version', 'updated_at', S.status, S.rowVersion, S.rowHash, S.conflict],
    ['Lumi Skin', 'call Lan', 'LUMI', 'Skincare', 3, '2025-01-01T00:00:00Z', '', 3, hashValues({ code: 'LUMI', name: 'Lumi Skin', description: 'Skincare' }), ''],
    ['Bếp Việt', '', 'BEP', '', 1, '', '', 1, hashValues({ code: 'BEP', name: 'Bếp Việt', description: null }), ''],
    ['New Brand', '', 'NEW', 'fresh', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', '', '', ''],
  ];
}

describe('finding columns by header name', () => {
  it('finds reordered columns and ignores the planner’s own columns', () => {
    const map = locateColumns(brandsTable, brandsGrid()[0] ?? []);
    expect(map.byName.get('code')).toBe(2);
    expect(map.byName.get('name')).toBe(0);
    expect(map.missing).toEqual([]);
    expect(map.system.status).toBe(6);
  });

  it('reports columns a tab lacks, so Set up sheets can repair it', () => {
    const map = locateColumns(brandsTable, ['Code', ' NAME ']);
    expect(map.byName.get('code')).toBe(0);
    expect(map.missing).toEqual(['description', 'row_version', 'updated_at']);
  });
});

describe('cell values', () => {
  const money = { name: 'budget_planned', type: 'money', required: false, computed: false } as const;
  const date = { name: 'start_date', type: 'date', required: false, computed: false } as const;
  it('reads money as planners type it in Vietnam', () => {
    expect(toPayloadValue('1.500.000', money)).toBe(1500000);
    expect(toPayloadValue('2,000,000 ₫', money)).toBe(2000000);
    expect(toPayloadValue(' ', money)).toBeNull();
    expect(toPayloadValue('lots', money)).toBe('lots'); // the server names the bad cell
  });
  it('sends dates as ISO days whether the cell holds a Date or text', () => {
    expect(toPayloadValue(new Date(2025, 2, 1), date)).toBe('2025-03-01');
    expect(toPayloadValue('2025-03-01', date)).toBe('2025-03-01');
  });
});

describe('only changed rows are sent', () => {
  it('sends new rows and edited rows, not untouched ones or blank ones', () => {
    const grid = brandsGrid();
    grid[2]![0] = 'Bếp Việt Food'; // edited after sync
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const plan = collectPushRows(brandsTable, readSheetRows(brandsTable, map, grid));
    expect(plan.rows.map((row) => [row.rowNumber, row.rowVersion])).toEqual([
      [3, 1],
      [4, null],
    ]);
    expect(plan.rows[1]?.values).toEqual({ code: 'NEW', name: 'New Brand', description: 'fresh' });
  });

  it('turns "delete" in _sync_status into an explicit deletion by natural key', () => {
    const grid = brandsGrid();
    grid[1]![6] = 'delete';
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const plan = collectPushRows(brandsTable, readSheetRows(brandsTable, map, grid));
    expect(plan.deletions).toEqual([{ rowNumber: 2, key: { code: 'LUMI' }, rowVersion: 3 }]);
  });
});

describe('writing push results back', () => {
  it('writes computed columns, version and status; a row error becomes a note on its cell', () => {
    const grid = brandsGrid();
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const notes = grid.map((row) => row.map(() => ''));
    notes[3]![1] = 'planner note stays';
    const next = applyPushResults(brandsTable, map, { values: grid, notes }, [
      { rowNumber: 4, status: 'created', computed: { row_version: 1, updated_at: '2025-05-01T10:00:00Z' } },
      { rowNumber: 3, status: 'error', errors: { name: ['Name is required'], _row: ['Row refused'] } },
    ], { dryRun: false });
    expect(next.values[3]?.[4]).toBe(1);
    expect(next.values[3]?.[7]).toBe(1);
    expect(next.values[3]?.[6]).toBe('created');
    expect(next.values[3]?.[8]).toBe(hashValues({ code: 'NEW', name: 'New Brand', description: 'fresh' }));
    expect(next.notes[3]?.[1]).toBe('planner note stays');
    expect(next.values[2]?.[6]).toBe('error');
    expect(next.notes[2]?.[0]).toBe(`${NOTE_PREFIX}Name is required`);
    expect(next.notes[2]?.[6]).toBe(`${NOTE_PREFIX}Row refused`);
    // The input is not mutated.
    expect(grid[3]?.[6]).toBe('');
  });

  it('a row saved with a warning (a blacklisted creator an admin assigned) shows it as a note on its status', () => {
    const grid = brandsGrid();
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const next = applyPushResults(brandsTable, map, { values: grid, notes: [] }, [
      { rowNumber: 4, status: 'created', computed: { row_version: 1 }, warnings: ['Thảo Vy is blacklisted: assigned by an admin, check before booking.'] },
    ], { dryRun: false });
    expect(next.values[3]?.[6]).toBe('created');
    expect(next.notes[3]?.[6]).toBe(`${NOTE_PREFIX}Thảo Vy is blacklisted: assigned by an admin, check before booking.`);
  });

  it('a dry run reports without touching versions or hashes', () => {
    const grid = brandsGrid();
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const next = applyPushResults(brandsTable, map, { values: grid, notes: [] }, [{ rowNumber: 4, status: 'created', computed: { row_version: 1 } }], { dryRun: true });
    expect(next.values[3]?.[6]).toBe('check: created');
    expect(next.values[3]?.[7]).toBe('');
  });

  it('shows a conflict with the server value, and "take theirs" makes the row clean again', () => {
    const grid = brandsGrid();
    grid[1]![0] = 'Lumi Skin VN';
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const conflicted = applyPushResults(brandsTable, map, { values: grid, notes: [] }, [
      { rowNumber: 2, status: 'conflict', serverValues: { code: 'LUMI', name: 'Lumi Skincare', description: 'Skincare', row_version: 4 } },
    ], { dryRun: false });
    expect(conflicted.values[1]?.[6]).toBe('conflict');
    expect(conflicted.notes[1]?.[0]).toContain('Server value: Lumi Skincare');
    expect(conflicted.notes[1]?.[3]).toBe(''); // description did not differ

    conflicted.values[1]![6] = 'take theirs';
    const { state, resolved } = resolveConflictChoices(brandsTable, map, conflicted);
    expect(resolved).toBe(1);
    expect(state.values[1]?.[0]).toBe('Lumi Skincare');
    expect(state.values[1]?.[7]).toBe(4);
    expect(collectPushRows(brandsTable, readSheetRows(brandsTable, map, state.values)).rows.map((row) => row.rowNumber)).toEqual([4]);
  });

  it('"keep mine" adopts the server version so the next push overwrites on purpose', () => {
    const grid = brandsGrid();
    grid[1]![0] = 'Lumi Skin VN';
    grid[1]![6] = 'keep mine';
    grid[1]![9] = JSON.stringify({ name: 'Lumi Skincare', row_version: 4 });
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const { state } = resolveConflictChoices(brandsTable, map, { values: grid, notes: [] });
    const plan = collectPushRows(brandsTable, readSheetRows(brandsTable, map, state.values));
    expect(plan.rows[0]).toEqual({ rowNumber: 2, rowVersion: 4, values: { code: "LUMI", name: "Lumi Skin VN", description: "Skincare" } });
  });

  it('keeps a planner’s formula instead of writing its result over it', () => {
    const grid = brandsGrid();
    const formulas = grid.map((row) => row.map(() => ''));
    formulas[1]![1] = '=UPPER(A2)';
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const next = applyPushResults(brandsTable, map, { values: grid, notes: [], formulas }, [], { dryRun: false });
    expect(next.values[1]?.[1]).toBe('=UPPER(A2)');
  });

  it('leaves a row alone when the planner moved rows while the push ran', () => {
    const grid = brandsGrid();
    const map = locateColumns(brandsTable, grid[0] ?? []);
    const sent = new Map([[4, { hash: 'x', key: JSON.stringify(['SOMETHING-ELSE']) }]]);
    const next = applyPushResults(brandsTable, map, { values: grid, notes: [] }, [{ rowNumber: 4, status: 'created', computed: { row_version: 1 } }], { dryRun: false, sent });
    expect(next.values[3]?.[6]).toBe('');
  });
});

describe('merging a pull', () => {
  const header = ['code', 'name', 'brand_code', 'channel', 'objective', 'description', 'start_date', 'end_date', 'budget_planned', 'status', 'creators_count', 'budget_committed', 'health_flags', 'row_version', 'updated_at', S.status, S.rowVersion, S.rowHash, S.conflict];
  const pulled = (code: string, name: string, version: number) => ({
    values: { code, name, brand_code: 'LUMI', channel: 'tiktok', objective: 'sale', description: '', start_date: '2025-03-01', end_date: '2025-03-31', budget_planned: 50000000, status: 'draft' },
    computed: { creators_count: 0, budget_committed: 0, health_flags: 'MISSING_CREATOR', row_version: version, updated_at: '2025-02-01T00:00:00Z' },
    rowVersion: version,
    deleted: false,
  });

  it('adds new rows, updates clean ones and never overwrites an edited row', () => {
    const map = locateColumns(campaignsTable, header);
    const first = mergePulledRows(campaignsTable, map, { values: [header], notes: [] }, [pulled('C1', 'Tết', 1), pulled('C2', 'Summer', 1)]);
    expect(first.summary.added).toBe(2);
    const values = first.state.values.map((row) => row.slice());
    values[2]![1] = 'Summer (edited)';
    const second = mergePulledRows(campaignsTable, map, { values, notes: first.state.notes }, [pulled('C1', 'Tết 2026', 2), pulled('C2', 'Summer 2', 2)]);
    expect(second.summary).toEqual({ updated: 1, added: 0, removed: 0, conflicts: 1 });
    expect(second.state.values[1]?.[1]).toBe('Tết 2026');
    expect(second.state.values[2]?.[1]).toBe('Summer (edited)');
    expect(second.state.values[2]?.[15]).toBe('conflict');
    expect(second.state.notes[2]?.[1]).toContain('Summer 2');
  });
});

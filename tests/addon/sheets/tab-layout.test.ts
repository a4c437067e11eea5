import { describe, expect, it } from 'vitest';
import { chunkPush } from '../../../addon/src/sheets/push-chunks.js';
import { SYSTEM_COLUMNS } from '../../../addon/src/sheets/sheet-columns.js';
import { classifyHttpStatus, nextRetryDelay } from '../../../addon/src/sheets/sync-failures.js';
import { orderByDependencies, planTabLayout } from '../../../addon/src/sheets/tab-layout.js';
import { campaignsTable, fixtureTables } from '../support/table-fixtures.js';

describe('tab layout', () => {
  it('puts computed columns grey and protected at the right, bookkeeping hidden, dropdowns for enums and references', () => {
    const layout = planTabLayout(campaignsTable, [], (table, column) => (table === 'brands' && column === 'code' ? "'Brands'!A2:A" : undefined));
    expect(layout.header.slice(0, 10)).toEqual(['code', 'name', 'brand_code', 'channel', 'objective', 'description', 'start_date', 'end_date', 'budget_planned', 'status']);
    expect(layout.header.slice(10)).toEqual(['creators_count', 'budget_committed', 'health_flags', 'row_version', 'updated_at', ...Object.values(SYSTEM_COLUMNS)]);
    const byName = new Map(layout.columns.map((column) => [column.name, column]));
    expect(byName.get('status')?.validation).toEqual({ kind: 'list', values: ['draft', 'planned', 'running', 'paused', 'finished', 'canceled'], allowInvalid: false });
    expect(byName.get('brand_code')?.validation).toEqual({ kind: 'range', a1: "'Brands'!A2:A", allowInvalid: true });
    expect(byName.get('code')?.numberFormat).toBe('@');
    expect(byName.get(SYSTEM_COLUMNS.rowHash)?.isHidden).toBe(true);
    expect(byName.get(SYSTEM_COLUMNS.status)?.isHidden).toBe(false);
    expect(layout.protectedColumns).toContain(byName.get('health_flags')?.index);
    expect(layout.protectedColumns).not.toContain(byName.get(SYSTEM_COLUMNS.status)?.index);
    expect(layout.conditionalFormats.map((format) => format.formula)).toEqual(['=REGEXMATCH($P2, "error")', '=REGEXMATCH($P2, "conflict")', '=LEN($M2)>0']);
    expect(layout.frozenRows).toBe(1);
  });

  it('repairs a tab without moving the planner’s columns', () => {
    const layout = planTabLayout(campaignsTable, ['name', 'My column', 'code'], () => undefined);
    expect(layout.header.slice(0, 4)).toEqual(['name', 'My column', 'code', 'brand_code']);
    expect(layout.appendedColumns).toBe(layout.header.length - 3);
  });

  it('orders tables so parents are pushed before children', () => {
    expect(orderByDependencies(fixtureTables).map((table) => table.name)).toEqual(['brands', 'campaigns', 'creators', 'campaign_creators', 'campaign_products']);
  });
});

describe('chunking a large push', () => {
  const rows = (count: number, from = 2) => Array.from({ length: count }, (_, index) => ({ rowNumber: from + index, rowVersion: null, values: { code: `B${index}`, name: 'x'.repeat(50) } }));

  it('splits by rows and bytes, keeps parents first and deletions last, one idempotency key each', () => {
    const chunks = chunkPush(
      [
        { table: 'brands', rows: rows(5), deletions: [{ rowNumber: 9, key: { code: 'OLD' }, rowVersion: 2 }] },
        { table: 'campaigns', rows: rows(3), deletions: [{ rowNumber: 7, key: { code: 'C-OLD' }, rowVersion: 1 }] },
      ],
      { baseKey: 'push-abc', dryRun: false, limits: { maxRows: 4, maxBytes: 1_000_000 } },
    );
    expect(chunks.map((chunk) => chunk.tables.map((table) => `${table.table}:${table.rows.length}/${table.deletions?.length ?? 0}`))).toEqual([
      ['brands:4/0'],
      ['brands:1/0', 'campaigns:3/0'],
      ['campaigns:0/1', 'brands:0/1'],
    ]);
    expect(chunks.map((chunk) => chunk.idempotencyKey)).toEqual(['push-abc-1of3', 'push-abc-2of3', 'push-abc-3of3']);
    const bySize = chunkPush([{ table: 'brands', rows: rows(10), deletions: [] }], { baseKey: 'k-12345678', dryRun: true, limits: { maxRows: 500, maxBytes: 300 } });
    expect(bySize.length).toBeGreaterThan(3);
    expect(bySize.every((chunk) => chunk.dryRun === true)).toBe(true);
  });
});

describe('sync failures', () => {
  it('retries network errors, timeouts and busy servers a bounded number of times', () => {
    expect([0, 408, 429, 500, 502, 503, 504].map(classifyHttpStatus)).toEqual(Array(7).fill('temporary'));
    const failure = { kind: 'temporary', status: 503, code: 'X', message: '' } as const;
    expect([1, 2, 3].map((attempt) => nextRetryDelay(failure, attempt))).toEqual([1000, 2000, undefined]);
    expect(nextRetryDelay(failure, 1, undefined, 30)).toBe(8000); // Retry-After is honoured up to the cap
  });

  it('stops at once on permanent errors', () => {
    expect([400, 401, 403, 404, 409, 413, 422].map(classifyHttpStatus)).toEqual(Array(7).fill('permanent'));
    expect(nextRetryDelay({ kind: 'permanent', status: 422, code: 'X', message: '' }, 1)).toBeUndefined();
  });
});

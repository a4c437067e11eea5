import { describe, expect, it } from 'vitest';
import { chunkPush } from '../../../addon/src/sheets/push-chunks.js';

const row = (rowNumber: number) => ({ rowNumber, rowVersion: null, values: { code: `C${rowNumber}` } });
const deletion = (rowNumber: number) => ({ rowNumber, key: { code: `D${rowNumber}` }, rowVersion: 1 });

describe('push chunks', () => {
  it('splits a large push by rows, parents first, each chunk under its own idempotency key', () => {
    const chunks = chunkPush(
      [
        { table: 'brands', rows: [row(2), row(3), row(4)], deletions: [] },
        { table: 'campaigns', rows: [row(2), row(3)], deletions: [] },
      ],
      { baseKey: 'push-abc', dryRun: false, limits: { maxRows: 2, maxBytes: 1_000_000 } },
    );
    expect(chunks.map((chunk) => chunk.tables.map((table) => `${table.table}:${table.rows.length}`).join(','))).toEqual(['brands:2', 'brands:1,campaigns:1', 'campaigns:1']);
    expect(chunks.map((chunk) => chunk.idempotencyKey)).toEqual(['push-abc-1of3', 'push-abc-2of3', 'push-abc-3of3']);
  });

  it('sends a table once per chunk even when its rows and its deletions are apart (the server refuses a table sent twice)', () => {
    const [chunk] = chunkPush(
      [
        { table: 'campaigns', rows: [row(2)], deletions: [deletion(3)] },
        { table: 'campaign_creators', rows: [row(2)], deletions: [deletion(4)] },
      ],
      { baseKey: 'push-abc', dryRun: false },
    );
    expect(chunk?.tables).toEqual([
      { table: 'campaigns', rows: [row(2)], deletions: [deletion(3)] },
      { table: 'campaign_creators', rows: [row(2)], deletions: [deletion(4)] },
    ]);
  });
});

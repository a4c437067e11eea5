/**
 * Splitting a large push into requests that fit Apps Script's limits: UrlFetchApp refuses
 * payloads above ~50 MB and one execution stops after 6 minutes, so a push goes out in chunks
 * of bounded rows and bytes, parents before children, deletions last (children first).
 */
import type { PushRequest, PushTable } from '../../../sync-server/src/contract/sync-payloads.js';
import type { TablePushPlan } from './sheet-rows.js';

export type ChunkLimits = {
  /** Rows (and deletions) per request; the server answers a 500-row push well inside budget. */
  maxRows: number;
  /** Serialized JSON size per request, far below UrlFetch's limit to keep each call short. */
  maxBytes: number;
};

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxRows: 500, maxBytes: 2_000_000 };

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

type Item =
  | { table: string; kind: 'row'; value: PushTable['rows'][number]; bytes: number }
  | { table: string; kind: 'deletion'; value: NonNullable<PushTable['deletions']>[number]; bytes: number };

/**
 * `plans` must already be in dependency order (orderByDependencies). Each chunk gets its own
 * idempotency key derived from `baseKey`, so a retried chunk is applied once.
 */
export function chunkPush(
  plans: readonly TablePushPlan[],
  options: { baseKey: string; dryRun: boolean; limits?: ChunkLimits },
): PushRequest[] {
  const limits = options.limits ?? DEFAULT_CHUNK_LIMITS;
  const items: Item[] = [];
  for (const plan of plans) {
    for (const row of plan.rows) items.push({ table: plan.table, kind: 'row', value: row, bytes: utf8Length(JSON.stringify(row)) });
  }
  for (const plan of [...plans].reverse()) {
    for (const deletion of plan.deletions) {
      items.push({ table: plan.table, kind: 'deletion', value: deletion, bytes: utf8Length(JSON.stringify(deletion)) });
    }
  }
  const chunks: Item[][] = [];
  let current: Item[] = [];
  let currentBytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= limits.maxRows || currentBytes + item.bytes > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += item.bytes;
  }
  if (current.length > 0) chunks.push(current);

  return chunks.map((chunk, index) => {
    const tables: PushTable[] = [];
    for (const item of chunk) {
      // One entry per table: the server refuses a table sent twice in one push (a chunk may
      // hold a table's rows and, later in the order, its deletions).
      let last = tables.find((table) => table.table === item.table);
      if (!last) {
        last = { table: item.table, rows: [] };
        tables.push(last);
      }
      if (item.kind === 'row') last.rows.push(item.value);
      else (last.deletions ??= []).push(item.value);
    }
    return {
      idempotencyKey: `${options.baseKey}-${index + 1}of${chunks.length}`,
      ...(options.dryRun ? { dryRun: true } : {}),
      tables,
    };
  });
}

/**
 * A read-through cache whose entries can never be stale: each is keyed by the database's
 * visibility snapshot (pg_current_snapshot(): the oldest running transaction, the next
 * transaction id, and the ids still running). Two statements with the same snapshot see
 * exactly the same committed rows, so an answer computed under it is the answer any later
 * reader with that snapshot would compute. Any write anywhere (a new transaction id, or a
 * running one ending) moves the snapshot on, and every older entry simply stops matching.
 *
 * Why: 150 people opening the same campaign list (issue 5's load) would each run the page and
 * facts queries; between two writes they would all get the same bytes. One of them computes,
 * the others wait for that same promise or read its result.
 *
 * Use it only with the top-level client, never inside a transaction that has written: a
 * transaction sees its own uncommitted rows, which other sessions with the same snapshot
 * string do not.
 */
import type { SqlReader } from './open-database.js';

/** The SQL expression of the current snapshot, for queries that read it along with their rows. */
export const CURRENT_SNAPSHOT_SQL = 'pg_current_snapshot()::text';

/** The snapshot the next statement sees (on Database.sql: never inside a transaction). */
export async function readCurrentSnapshot(sql: SqlReader): Promise<string> {
  const [row] = await sql<{ snapshot: string }>(`SELECT ${CURRENT_SNAPSHOT_SQL} AS snapshot`);
  return row?.snapshot ?? '';
}

export type SnapshotCache = {
  /**
   * `load`'s result for `key` under `snapshot`, computed at most once per snapshot. The
   * snapshot must have been read after the request arrived (so a caller sees its own writes);
   * `load` may run under a later one: if anything changed in between, `snapshot` can never be
   * seen again and the entry is simply never read.
   */
  read<T>(snapshot: string, key: string, load: () => Promise<T>): Promise<T>;
  readonly size: number;
};

export function createSnapshotCache(maxEntries = 256): SnapshotCache {
  // Insertion order is recency order: a hit moves its entry to the end, eviction takes the front.
  const entries = new Map<string, Promise<unknown>>();

  return {
    get size() {
      return entries.size;
    },
    async read<T>(snapshot: string, key: string, load: () => Promise<T>): Promise<T> {
      if (maxEntries <= 0 || !snapshot) return load();
      const entryKey = `${snapshot}\u0000${key}`;
      const cached = entries.get(entryKey) as Promise<T> | undefined;
      if (cached) {
        entries.delete(entryKey);
        entries.set(entryKey, cached);
        return cached;
      }
      // The promise goes in before it settles, so concurrent readers share one computation.
      const loading = load();
      entries.set(entryKey, loading);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      try {
        return await loading;
      } catch (error) {
        // A failure is not an answer: the next reader tries again.
        if (entries.get(entryKey) === loading) entries.delete(entryKey);
        throw error;
      }
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnapshotCache, readCurrentSnapshot } from '../../sync-server/src/platform/database/snapshot-cache.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The cache behind the campaign list: an answer is reused only while the database shows
 * exactly the same rows, and a write anywhere makes the next reader compute afresh.
 */
describe('snapshot cache', () => {
  let database: TestDatabase;
  const brandCount = async () => database.prisma.brand.count();

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('answers readers of the same snapshot from one computation, even when they ask at once', async () => {
    const cache = createSnapshotCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return brandCount();
    };
    const snapshot = await readCurrentSnapshot(database.sql);
    const answers = await Promise.all([1, 2, 3].map(() => cache.read(snapshot, 'brands', load)));
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    // (Not a second readCurrentSnapshot: other test files write to the same server meanwhile.)
    expect(await cache.read(snapshot, 'brands', load)).toBe(answers[0]);
    expect(loads).toBe(1);
  });

  it('computes afresh after a write, and the new answer holds the write', async () => {
    const cache = createSnapshotCache();
    const before = await cache.read(await readCurrentSnapshot(database.sql), 'brands', brandCount);
    await database.prisma.brand.create({ data: { code: `SNAP-${Date.now()}`, name: 'Snapshot test brand' } });
    const after = await cache.read(await readCurrentSnapshot(database.sql), 'brands', brandCount);
    expect(after).toBe(before + 1);
  });

  it('keeps answers to different questions apart', async () => {
    const cache = createSnapshotCache();
    const snapshot = await readCurrentSnapshot(database.sql);
    expect(await cache.read(snapshot, 'one', async () => 'one')).toBe('one');
    expect(await cache.read(snapshot, 'two', async () => 'two')).toBe('two');
  });

  it('does not keep a failure: the next reader tries again', async () => {
    const cache = createSnapshotCache();
    const snapshot = await readCurrentSnapshot(database.sql);
    await expect(cache.read(snapshot, 'flaky', async () => Promise.reject(new Error('the database went away')))).rejects.toThrow('went away');
    expect(await cache.read(snapshot, 'flaky', async () => 'recovered')).toBe('recovered');
  });

  it('holds at most its size, dropping the least recently read', async () => {
    const cache = createSnapshotCache(2);
    const snapshot = await readCurrentSnapshot(database.sql);
    await cache.read(snapshot, 'a', async () => 'a');
    await cache.read(snapshot, 'b', async () => 'b');
    await cache.read(snapshot, 'a', async () => 'a again');
    await cache.read(snapshot, 'c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.read(snapshot, 'a', async () => 'recomputed')).toBe('a');
    expect(await cache.read(snapshot, 'b', async () => 'recomputed')).toBe('recomputed');
  });
});

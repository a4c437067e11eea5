/**
 * Issue 14, item 6: the rest of the KOC database (creator tags, the tag map, creator notes,
 * creator rate cards) imports from its templates like every other table, through the one
 * import path (CLI and upload share it) and the write door.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinitions } from '../../sync-server/src/contract/index.js';
import { importPath } from '../../sync-server/src/modules/imports/import-files.service.js';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.user.create({ data: { username: 'lan.nguyen', email: 'lan@example.com', displayName: 'Nguyễn Thị Lan', role: 'admin' } });
  workDir = await mkdtemp(join(tmpdir(), 'bc-creator-tables-'));
});

afterAll(async () => {
  await database.dispose();
  await rm(workDir, { recursive: true, force: true });
});

afterEach(async () => {
  const tables = [...tableDefinitions].reverse().map((definition) => `"${definition.dbTable}"`);
  await database.runAsOwner(`TRUNCATE ${tables.join(', ')} CASCADE`);
});

const KOC_TEMPLATES = ['creators.csv', 'creator_channels.csv', 'creator_tags.csv', 'creator_tag_map.csv', 'creator_notes.csv', 'creator_rate_cards.csv'];

/** A folder with the sample templates of the KOC database, and any file replaced by `overrides`. */
async function kocFolder(overrides: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(workDir, 'case-'));
  for (const name of KOC_TEMPLATES) await copyFile(join(importTemplatesDir, name), join(dir, name));
  for (const [name, text] of Object.entries(overrides)) await writeFile(join(dir, name), text, 'utf8');
  return dir;
}

const totalsOf = (result: Awaited<ReturnType<typeof importPath>>) =>
  Object.fromEntries(result.results.map((entry) => [entry.table, [entry.totals.created, entry.totals.updated, entry.totals.unchanged, entry.totals.errors]]));

describe('the KOC database templates', () => {
  it('import tags, the tag map, notes and rate cards, and a second import changes nothing', async () => {
    const dir = await kocFolder();
    const first = await importPath(database.prisma, dir, { format: 'csv' });
    expect(first.results.flatMap((entry) => entry.problems)).toEqual([]);
    expect(totalsOf(first)).toMatchObject({ creator_tags: [3, 0, 0, 0], creator_tag_map: [4, 0, 0, 0], creator_notes: [3, 0, 0, 0], creator_rate_cards: [4, 0, 0, 0] });

    const linhTags = await database.prisma.creatorTagMap.findMany({ where: { creator: { creatorKey: 'linh.nguyen' } }, select: { tag: { select: { name: true } } } });
    expect(linhTags.map((map) => map.tag.name).sort()).toEqual(['beauty', 'chot-don-tot']);
    const complaint = await database.prisma.creatorNote.findFirstOrThrow({ where: { creator: { creatorKey: 'hoa.le' } }, select: { noteType: true, title: true } });
    expect(complaint).toEqual({ noteType: 'complaint', title: 'Trễ deadline video tháng 11' });
    const cards = await database.prisma.creatorRateCard.findMany({
      where: { creator: { creatorKey: 'linh.nguyen' }, deliverableType: 'video_single' },
      select: { price: true, validFrom: true, validTo: true, channel: { select: { handle: true } } },
      orderBy: { validFrom: 'asc' },
    });
    expect(cards.map((card) => [card.price.toString(), card.validFrom?.toISOString().slice(0, 10), card.validTo?.toISOString().slice(0, 10) ?? null, card.channel?.handle])).toEqual([
      ['22000000', '2025-01-01', '2025-12-31', '@linhxinh'],
      ['25000000', '2026-01-01', null, '@linhxinh'],
    ]);
    // A card without platform and handle is for every channel of the creator.
    expect((await database.prisma.creatorRateCard.findFirstOrThrow({ where: { creator: { creatorKey: 'minh.tran' } } })).channelId).toBeNull();

    const second = await importPath(database.prisma, dir, { format: 'csv' });
    expect(second.isSuccess).toBe(true);
    expect(totalsOf(second)).toMatchObject({ creator_tags: [0, 0, 3, 0], creator_tag_map: [0, 0, 4, 0], creator_notes: [0, 0, 3, 0], creator_rate_cards: [0, 0, 4, 0] });
  });

  it("recognise a note by its creator and title: an edited note is updated, not added again, and names its author", async () => {
    await importPath(database.prisma, await kocFolder(), { format: 'csv' });
    const edited = await kocFolder({
      'creator_notes.csv': 'creator_key,note_type,title,content,created_by_username\nhoa.le,complaint,Trễ deadline video tháng 11,Đã nói chuyện lại: cam kết đúng hạn từ tháng 12.,lan.nguyen\n',
    });
    const result = await importPath(database.prisma, edited, { format: 'csv' });
    expect(totalsOf(result).creator_notes).toEqual([0, 1, 0, 0]);
    const notes = await database.prisma.creatorNote.findMany({ where: { creator: { creatorKey: 'hoa.le' } }, select: { content: true, user: { select: { username: true } } } });
    expect(notes).toEqual([{ content: 'Đã nói chuyện lại: cam kết đúng hạn từ tháng 12.', user: { username: 'lan.nguyen' } }]);
  });

  it('refuse a tag that is not in the tags, naming the row, the column and the value, and write nothing of the file', async () => {
    const dir = await kocFolder({ 'creator_tag_map.csv': 'creator_key,tag_name\nlinh.nguyen,beauty\nminh.tran,skincare\n' });
    const result = await importPath(database.prisma, dir, { format: 'csv' });
    const tagMap = result.results.find((entry) => entry.table === 'creator_tag_map')!;
    expect(tagMap.problems).toMatchObject([
      { table: 'creator_tag_map.csv', row: 3, column: 'tag_name', value: 'skincare', code: 'MISSING_REFERENCE', message: "tag_name 'skincare' is not in creator_tags (import it first, or use --create-missing)" },
    ]);
    expect(tagMap.problems).toHaveLength(1);
    expect(tagMap.isCommitted).toBe(false);
    expect(await database.prisma.creatorTagMap.count()).toBe(0);
  });

  it('refuse a rate card that ends before it starts', async () => {
    const dir = await kocFolder({
      'creator_rate_cards.csv': 'creator_key,deliverable_type,price,currency,valid_from,valid_to\nlinh.nguyen,live,40000000,VND,2026-06-01,2026-05-31\n',
    });
    const result = await importPath(database.prisma, dir, { format: 'csv' });
    const cards = result.results.find((entry) => entry.table === 'creator_rate_cards')!;
    expect(cards.problems).toMatchObject([{ row: 2, column: 'valid_to', value: '2026-05-31', code: 'DATE_INVALID' }]);
    expect(await database.prisma.creatorRateCard.count()).toBe(0);
  });
});

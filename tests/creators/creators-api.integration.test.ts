/**
 * Issue 14, item 6, over HTTP: the creator picker filters by tags (every given tag) and shows
 * each creator's tags, a creator's notes read newest first for the sidebar, and the rate card
 * proposes a fee. On the sample data (tags: beauty → Linh, Trâm; chot-don-tot → Linh, Đức Anh).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../sync-server/src/contract/index.js';
import { creatorSearchResponseSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { creatorNotesResponseSchema, rateCardProposalResponseSchema } from '../../sync-server/src/modules/creators/creators.schemas.js';
import { importTableRows } from '../../sync-server/src/modules/imports/import-rows.service.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

const get = async (path: string, username = 'minh.tran') => fetch(`${server.url}/api/v1${path}`, { headers: await server.authAs(username) });

/** A request refused as unreadable (400) or invalid (422), in the one error shape. */
async function refusal(response: Response) {
  expect([400, 422]).toContain(response.status);
  return errorResponseSchema.parse(await response.json());
}

async function importRows(table: string, rows: Array<Record<string, CellValue>>): Promise<void> {
  const result = await importTableRows(server.database.prisma, table, rows.map((values, index) => ({ rowNumber: index + 2, values })));
  expect(result.problems, table).toEqual([]);
}

beforeAll(async () => {
  server = await startTestServer();
  // Two imports, so that the second note is the newer one.
  await importRows('creator_notes', [{ creator_key: 'KOC-BAOTRAMSKIN', note_type: 'call', title: 'Gọi chốt lịch quay', content: 'Quay ngày 05/01.', created_by_username: 'minh.tran' }]);
  await importRows('creator_notes', [{ creator_key: 'KOC-BAOTRAMSKIN', note_type: 'complaint', title: 'Trễ deadline lần 2', content: '**Trễ 3 ngày.** Theo dõi thêm.', created_by_username: '' }]);
  await importRows('creator_rate_cards', [
    { creator_key: 'KOC-LINHBEAUTY', platform: '', handle: '', deliverable_type: 'video_single', description: '', price: '20000000', currency: 'VND', valid_from: '2025-01-01', valid_to: '2025-12-31' },
    { creator_key: 'KOC-LINHBEAUTY', platform: 'tiktok', handle: '@linhbeauty', deliverable_type: 'video_single', description: 'Video 60 giây', price: '25000000', currency: 'VND', valid_from: '2026-01-01' },
  ]);
});

afterAll(async () => {
  await server?.dispose();
});

describe('the creator picker', () => {
  const search = async (query: string) => {
    const response = await get(`/creators${query}`);
    expect(response.status).toBe(200);
    return creatorSearchResponseSchema.parse(await response.json()).creators;
  };

  it('with several tags lists only the creators carrying every one of them, with their tags', async () => {
    expect((await search('?tag=beauty')).map((creator) => creator.creatorKey).sort()).toEqual(['KOC-BAOTRAMSKIN', 'KOC-LINHBEAUTY']);
    const both = await search('?tag=beauty,chot-don-tot');
    expect(both.map((creator) => [creator.creatorKey, creator.tags])).toEqual([['KOC-LINHBEAUTY', ['beauty', 'chot-don-tot']]]);
  });

  it('reads tags in any case, and finds no one for a tag nobody carries', async () => {
    expect((await search('?tag=FOOD,Chot-Don-Tot')).map((creator) => creator.creatorKey)).toEqual(['KOC-DUCANHEATS']);
    expect(await search('?tag=beauty,no-such-tag')).toEqual([]);
  });
});

describe("a creator's notes", () => {
  it('come newest first, with their type, content and author', async () => {
    const response = await get('/creators/KOC-BAOTRAMSKIN/notes', 'an.pham');
    expect(response.status).toBe(200);
    const body = creatorNotesResponseSchema.parse(await response.json());
    expect(body.creatorKey).toBe('KOC-BAOTRAMSKIN');
    expect(body.notes.map((note) => [note.type, note.title, note.content, note.author?.username ?? null])).toEqual([
      ['complaint', 'Trễ deadline lần 2', '**Trễ 3 ngày.** Theo dõi thêm.', null],
      ['call', 'Gọi chốt lịch quay', 'Quay ngày 05/01.', 'minh.tran'],
    ]);
    expect(body.notes[1]?.author?.displayName).toBe('Trần Quang Minh');
    expect(Date.parse(body.notes[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(body.notes[1]!.createdAt));
  });

  it('are an empty list for a creator without notes, and a creator key nobody has is a 404', async () => {
    const none = creatorNotesResponseSchema.parse(await (await get('/creators/KOC-LINHBEAUTY/notes')).json());
    expect(none.notes).toEqual([]);
    const missing = await get('/creators/NO-SUCH-KOC/notes');
    expect(missing.status).toBe(404);
    expect(errorResponseSchema.parse(await missing.json()).detail).toBe('There is no creator NO-SUCH-KOC, or you may not see it.');
  });
});

describe('the fee a rate card proposes', () => {
  it('is the price of the card valid on the date for the type, in the base currency too', async () => {
    const response = await get('/creators/KOC-LINHBEAUTY/rate-card?deliverable_type=video_single&date=2026-02-01');
    expect(response.status).toBe(200);
    expect(rateCardProposalResponseSchema.parse(await response.json())).toEqual({
      creatorKey: 'KOC-LINHBEAUTY',
      deliverableType: 'video_single',
      date: '2026-02-01',
      proposal: { price: 25000000, currency: 'VND', basePrice: 25000000, baseCurrency: 'VND', description: 'Video 60 giây', validFrom: '2026-01-01', validTo: null, channel: 'tiktok:@linhbeauty' },
    });
    const lastYear = rateCardProposalResponseSchema.parse(await (await get('/creators/KOC-LINHBEAUTY/rate-card?deliverable_type=video_single&date=2025-07-01')).json());
    expect(lastYear.proposal?.price).toBe(20000000);
  });

  it('is null when no card applies', async () => {
    const body = rateCardProposalResponseSchema.parse(await (await get('/creators/KOC-LINHBEAUTY/rate-card?deliverable_type=live&date=2026-02-01')).json());
    expect(body.proposal).toBeNull();
  });

  it('is refused to a viewer, who may not see fees, and asks for a known type and a date', async () => {
    expect((await get('/creators/KOC-LINHBEAUTY/rate-card?deliverable_type=video_single&date=2026-02-01', 'an.pham')).status).toBe(403);
    // video_feed is a booking deliverable's type, not a rate card's.
    const badType = await refusal(await get('/creators/KOC-LINHBEAUTY/rate-card?deliverable_type=video_feed&date=2026-02-01'));
    expect(Object.keys(badType.errors)).toContain('deliverable_type');
    const noDate = await refusal(await get('/creators/KOC-LINHBEAUTY/rate-card?deliverable_type=video_single'));
    expect(Object.keys(noDate.errors)).toContain('date');
  });
});

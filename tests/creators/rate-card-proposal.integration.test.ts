/**
 * Issue 14, item 6: a booking proposes its fee from the creator's rate card valid on its dates,
 * for its deliverable type, in the tenant's base currency (proposeFees, which the write door's
 * booking rules call for a whole batch at once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../sync-server/src/contract/index.js';
import { proposeFees, type FeeRequest } from '../../sync-server/src/modules/creators/rate-cards.repository.js';
import { rateCardTypeOfBooking, rateCardTypeOfDeliverable } from '../../sync-server/src/modules/creators/rate-card-types.js';
import { importTableRows } from '../../sync-server/src/modules/imports/import-rows.service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
const creatorIds = new Map<string, string>();

async function importRows(table: string, rows: Array<Record<string, CellValue>>): Promise<void> {
  const result = await importTableRows(database.prisma, table, rows.map((values, index) => ({ rowNumber: index + 2, values })));
  expect(result.problems, table).toEqual([]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRows('creators', [
    { creator_key: 'linh', name: 'Linh' },
    { creator_key: 'mai', name: 'Mai' },
  ]);
  await importRows('exchange_rates', [
    { currency: 'USD', rate_date: '2026-01-01', rate_to_base: '25000' },
    { currency: 'USD', rate_date: '2026-03-01', rate_to_base: '26000' },
  ]);
  await importRows('creator_rate_cards', [
    // Last year's price, expired.
    { creator_key: 'linh', deliverable_type: 'video_single', price: '22000000', currency: 'VND', valid_from: '2025-01-01', valid_to: '2025-12-31' },
    // This year's, open-ended.
    { creator_key: 'linh', deliverable_type: 'video_single', price: '25000000', currency: 'VND', valid_from: '2026-01-01' },
    // A Tết price for two weeks, overlapping this year's card.
    { creator_key: 'linh', deliverable_type: 'video_single', price: '30000000', currency: 'VND', valid_from: '2026-01-20', valid_to: '2026-02-03' },
    { creator_key: 'linh', deliverable_type: 'live', price: '40000000', currency: 'VND', valid_from: '2026-01-01' },
    // Priced in dollars, with no dates: always valid.
    { creator_key: 'mai', deliverable_type: 'combo', price: '1000', currency: 'USD' },
  ]);
  for (const creator of await database.prisma.creator.findMany({ select: { id: true, creatorKey: true } })) creatorIds.set(creator.creatorKey, creator.id);
});

afterAll(async () => {
  await database.dispose();
});

const request = (creatorKey: string, deliverableType: FeeRequest['deliverableType'], onDate: string): FeeRequest => ({ creatorId: creatorIds.get(creatorKey)!, deliverableType, onDate });

describe('proposing a fee from the rate card', () => {
  it("takes the card valid on the booking's date, not an expired one", async () => {
    const [lastYear, thisYear] = await proposeFees(database.prisma, [request('linh', 'video_single', '2025-06-15'), request('linh', 'video_single', '2026-03-01')]);
    expect([lastYear?.rateCard?.price, lastYear?.basePrice]).toEqual(['22000000', '22000000']);
    expect([thisYear?.rateCard?.price, thisYear?.rateCard?.validFrom, thisYear?.rateCard?.validTo]).toEqual(['25000000', '2026-01-01', null]);
  });

  it('counts both ends of a card as valid, and prefers the card that started latest where two overlap', async () => {
    const proposals = await proposeFees(database.prisma, [
      request('linh', 'video_single', '2025-12-31'),
      request('linh', 'video_single', '2026-01-20'),
      request('linh', 'video_single', '2026-02-03'),
      request('linh', 'video_single', '2026-02-04'),
    ]);
    expect(proposals.map((proposal) => proposal.rateCard?.price)).toEqual(['22000000', '30000000', '30000000', '25000000']);
  });

  it('proposes nothing for a type the creator has no card for, or before its card starts', async () => {
    const [noCombo, liveTooEarly, live] = await proposeFees(database.prisma, [request('linh', 'combo', '2026-03-01'), request('linh', 'live', '2025-12-01'), request('linh', 'live', '2026-03-01')]);
    expect([noCombo?.rateCard, noCombo?.basePrice, noCombo?.baseCurrency]).toEqual([null, null, 'VND']);
    expect(liveTooEarly?.rateCard).toBeNull();
    expect(live?.rateCard?.price).toBe('40000000');
  });

  it("converts a price in another currency at the exchange rate of the booking's date", async () => {
    const [january, march] = await proposeFees(database.prisma, [request('mai', 'combo', '2026-02-15'), request('mai', 'combo', '2026-03-10')]);
    expect([january?.rateCard?.currency, january?.basePrice, january?.baseCurrency]).toEqual(['USD', '25000000', 'VND']);
    expect(march?.basePrice).toBe('26000000');
  });

  it('answers a batch in the order of its requests, whichever creators they name', async () => {
    const proposals = await proposeFees(database.prisma, [request('mai', 'combo', '2026-02-15'), request('linh', 'live', '2026-03-01'), request('linh', 'combo', '2026-03-01')]);
    expect(proposals.map((proposal) => [proposal.deliverableType, proposal.rateCard?.price ?? null])).toEqual([['combo', '1000'], ['live', '40000000'], ['combo', null]]);
  });

  it("ignores a card that was deleted", async () => {
    await database.prisma.$executeRawUnsafe(`UPDATE creator_rate_cards SET deleted_at = now() WHERE deliverable_type = 'live'`);
    const [live] = await proposeFees(database.prisma, [request('linh', 'live', '2026-03-01')]);
    expect(live?.rateCard).toBeNull();
  });
});

describe('which rate card line prices booked work', () => {
  it('is the single video for feed, story and short videos, and the same kind otherwise; barter and affiliate bookings have none', () => {
    expect((['video_feed', 'video_story', 'short', 'series', 'live', 'other'] as const).map(rateCardTypeOfDeliverable)).toEqual(['video_single', 'video_single', 'video_single', 'series', 'live', 'other']);
    expect((['video_only', 'live', 'combo', 'barter', 'affiliate_only'] as const).map(rateCardTypeOfBooking)).toEqual(['video_single', 'live', 'combo', undefined, undefined]);
  });
});

describe('a booking written without its fee', () => {
  beforeAll(async () => {
    await importRows('brands', [{ code: 'RC-BRAND', name: 'Rate card brand' }]);
    await importRows('campaigns', [{ code: 'RC-CAMP', name: 'Rate cards', brand_code: 'RC-BRAND', channel: 'tiktok', objective: 'sale', start_date: '2026-03-01', end_date: '2026-03-31', status: 'draft' }]);
  });

  const importBooking = (code: string, fee: string | null) =>
    importTableRows(database.prisma, 'bookings', [
      { rowNumber: 2, values: { code, campaign_code: 'RC-CAMP', brand_code: 'RC-BRAND', creator_key: 'linh', booking_type: 'video_only', start_date: '2026-03-05', end_date: '2026-03-20', total_fee_agreed: fee, currency: 'VND', status: 'negotiating' } },
    ]);

  it("is told the fee the creator's card asks for that day, and the fee stays as written", async () => {
    const result = await importBooking('RC-BK-1', null);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/linh’s rate card proposes .*25,000,000.* for .* on 2026-03-05: write it in total_fee_agreed/)]);
    const stored = await database.prisma.booking.findFirstOrThrow({ where: { code: 'RC-BK-1' } });
    expect(Number(stored.totalFeeAgreed)).toBe(0);
  });

  it('is not told anything once the fee is written', async () => {
    const result = await importBooking('RC-BK-1', '24000000');
    expect([result.problems, result.warnings]).toEqual([[], []]);
  });
});

/**
 * Issue 14, item 8: the creator picker of the sidebar shows each creator's scorecard in one short
 * line, in the planner's language, under the creator's channel and tags.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatorSummary } from '../../sync-server/src/contract/sync-payloads.js';

// The sidebar's store reads the browser's language when it loads.
vi.stubGlobal('navigator', { language: 'en-US' });
// Imported by a path held in a variable: the sidebar's sources need the DOM's types, which the
// server's type-check (this test's project) does not load; addon/tsconfig.json checks them.
type CreatorPickerModule = {
  newCreatorPicker(): Record<string, unknown>;
  renderCreatorPicker(picker: Record<string, unknown>, selected: Set<string>): string;
};
const pickerPath = '../../addon/src/ui/sidebar/components/creator-picker.js';
const storePath = '../../addon/src/ui/sidebar/core/store.js';
const { newCreatorPicker, renderCreatorPicker } = (await import(pickerPath)) as CreatorPickerModule;
const { shared } = (await import(storePath)) as { shared: { language: string } };

const creator = (scorecard: CreatorSummary['scorecard']): CreatorSummary => ({
  creatorKey: 'KOC-LINHBEAUTY',
  name: 'Nguyễn Thuỳ Linh',
  alias: null,
  status: 'active',
  tags: ['beauty'],
  location: 'Hà Nội',
  niche: 'beauty',
  followers: 120_000,
  avgViews: 30_000,
  mainChannel: 'tiktok:@linhbeauty',
  ...(scorecard ? { scorecard } : {}),
});

/** The scorecard line of the one result, as the planner reads it. */
function scorecardLine(result: CreatorSummary): string | undefined {
  const html = renderCreatorPicker({ ...newCreatorPicker(), results: [result] }, new Set());
  return /data-test="creator-scorecard">([^<]*)</.exec(html)?.[1];
}

afterEach(() => {
  shared.language = 'en';
});

describe('the scorecard line of the creator picker', () => {
  it('says bookings, share posted on time, drafts rejected and views per video', () => {
    shared.language = 'en';
    expect(scorecardLine(creator({ bookings: 3, onTimeRate: 0.6667, rejectionCount: 1, avgViewsPerVideo: 45_000 }))).toMatch(/^3 bookings · 67% posted on time · 1 draft rejected · 45\s?[kK] views per video$/);
  });

  it('leaves out what could not be measured, and says so for a creator never booked', () => {
    shared.language = 'en';
    expect(scorecardLine(creator({ bookings: 1, onTimeRate: null, rejectionCount: 0, avgViewsPerVideo: null }))).toBe('1 booking · no draft rejected');
    expect(scorecardLine(creator({ bookings: 0, onTimeRate: null, rejectionCount: 0, avgViewsPerVideo: null }))).toBe('No bookings yet');
  });

  it('speaks the planner’s language', () => {
    shared.language = 'vi';
    expect(scorecardLine(creator({ bookings: 2, onTimeRate: 0.5, rejectionCount: 2, avgViewsPerVideo: 4000 }))).toMatch(/^2 booking · 50\s?% đăng đúng hạn · 2 lần bị từ chối bản nháp · 4\s?N view mỗi video$/);
  });

  it('shows no line when the server sends no scorecard', () => {
    shared.language = 'en';
    expect(scorecardLine(creator(undefined))).toBeUndefined();
  });
});

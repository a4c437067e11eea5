import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATUSES,
  checkCampaignTransition,
  listNextStatuses,
  validateCampaignForStatus,
  type CampaignRuleFacts,
  type CampaignStatus,
} from '../../sync-server/src/contract/campaigns/campaign-lifecycle.js';
import type { Language } from '../../sync-server/src/contract/i18n/languages.js';
import { runInLanguage } from '../../sync-server/src/platform/i18n/request-language.js';

const POSTMORTEM = '## Postmortem\n- What worked: hooks in the first 2s\n- What didn\u2019t: late scripts\n- Next time: brief earlier\n';

function facts(overrides: Partial<CampaignRuleFacts> = {}): CampaignRuleFacts {
  return { status: 'draft', startDate: '2026-02-01', endDate: '2026-02-28', creatorsCount: 1, productsCount: 1, description: null, ...overrides };
}

function codes(from: Partial<CampaignRuleFacts>, to: CampaignStatus, runningRequires?: 'creator' | 'product' | 'either' | 'none') {
  return checkCampaignTransition(facts(from), to, runningRequires ? { runningRequires } : undefined).violations.map((v) => v.code);
}

describe('campaign lifecycle transitions', () => {
  it.each([
    ['draft', 'planned'],
    ['planned', 'running'],
    ['running', 'finished'],
    ['draft', 'paused'],
    ['planned', 'paused'],
    ['running', 'paused'],
    ['paused', 'running'],
    ['draft', 'canceled'],
    ['planned', 'canceled'],
    ['running', 'canceled'],
    ['paused', 'canceled'],
  ] as const)('a %s campaign with dates, creators and a postmortem can move to %s', (from, to) => {
    const result = checkCampaignTransition(facts({ status: from, description: POSTMORTEM }), to);
    expect(result.violations).toEqual([]);
    expect(result.isAllowed).toBe(true);
  });

  const allowed = new Set(['draft>planned', 'planned>running', 'running>finished', 'draft>paused', 'planned>paused', 'running>paused', 'paused>running', 'draft>canceled', 'planned>canceled', 'running>canceled', 'paused>canceled']);
  const refused = CAMPAIGN_STATUSES.flatMap((from) => CAMPAIGN_STATUSES.map((to) => [from, to] as const)).filter(([from, to]) => !allowed.has(`${from}>${to}`));
  it.each(refused)('moving a %s campaign to %s is refused with a code', (from, to) => {
    const result = checkCampaignTransition(facts({ status: from, description: POSTMORTEM }), to);
    expect(result.isAllowed).toBe(false);
    const expected = from === to ? 'ALREADY_IN_STATUS' : from === 'finished' || from === 'canceled' ? 'CAMPAIGN_TERMINAL' : 'TRANSITION_NOT_ALLOWED';
    expect(result.violations.map((v) => v.code)).toEqual([expected]);
  });

  it('finished and canceled campaigns offer no next status (terminal)', () => {
    expect(listNextStatuses('finished')).toEqual([]);
    expect(listNextStatuses('canceled')).toEqual([]);
  });

  it('when a campaign has no dates, moving it to planned is refused with MISSING_DATES', () => {
    expect(codes({ startDate: null, endDate: null }, 'planned')).toEqual(['MISSING_DATES']);
  });

  it('a campaign with only one of its dates is told which one is missing', () => {
    expect(codes({ startDate: null }, 'planned')).toEqual(['MISSING_START_DATE']);
    expect(codes({ status: 'planned', endDate: null }, 'running')).toEqual(['MISSING_END_DATE']);
  });

  it('when a campaign has no creator, moving it to running is refused with MISSING_CREATOR', () => {
    expect(codes({ status: 'planned', creatorsCount: 0 }, 'running')).toEqual(['MISSING_CREATOR']);
  });

  it('resuming a paused campaign checks the running rules too', () => {
    expect(codes({ status: 'paused', creatorsCount: 0, startDate: null, endDate: null }, 'running')).toEqual(['MISSING_DATES', 'MISSING_CREATOR']);
  });

  it('a refused transition lists every reason, not only the first', () => {
    const result = checkCampaignTransition(facts({ status: 'planned', startDate: '2026-03-10', endDate: '2026-03-01', creatorsCount: 0 }), 'running');
    expect(result.violations.map((v) => v.code)).toEqual(['DATE_INVALID', 'MISSING_CREATOR']);
    for (const violation of result.violations) expect(violation.message).toMatch(/\w/);
  });

  it('says every reason in the language of the moment, with the same codes for programs', () => {
    const planned = facts({ status: 'planned', startDate: '2026-03-10', endDate: '2026-03-01', creatorsCount: 0 });
    const check = (language: Language) => runInLanguage(language, () => checkCampaignTransition(planned, 'running').violations);
    const [english, vietnamese, amharic] = [check('en'), check('vi'), check('am')];
    expect(vietnamese.map((v) => v.code)).toEqual(english.map((v) => v.code));
    expect(amharic.map((v) => v.code)).toEqual(english.map((v) => v.code));
    expect(english.map((v) => v.message)).toEqual(['The end date (01/03/2026) is before the start date (10/03/2026).', 'Add at least one creator before the campaign runs.']);
    expect(vietnamese[1]?.message).toBe('Cần thêm ít nhất một creator trước khi chạy chiến dịch.');
    expect(amharic[1]?.message).toBe('ዘመቻው ከመጀመሩ በፊት ቢያንስ አንድ የይዘት ፈጣሪ ያክሉ።');
    // A refused move names the statuses as the language calls them, never the codes alone.
    const notAllowed = runInLanguage('vi', () => checkCampaignTransition(facts({ status: 'draft' }), 'finished').violations[0]);
    expect(notAllowed?.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(notAllowed?.message).toMatch(/^Chiến dịch ở trạng thái “.+” không thể chuyển sang “.+”; chỉ có thể chuyển sang: /);
  });

  it('the running requirement is configurable: product, either or none', () => {
    expect(codes({ status: 'planned', creatorsCount: 0, productsCount: 0 }, 'running', 'product')).toEqual(['MISSING_PRODUCT']);
    expect(codes({ status: 'planned', creatorsCount: 0, productsCount: 1 }, 'running', 'product')).toEqual([]);
    expect(codes({ status: 'planned', creatorsCount: 0, productsCount: 0 }, 'running', 'either')).toEqual(['MISSING_CREATOR_OR_PRODUCT']);
    expect(codes({ status: 'planned', creatorsCount: 0, productsCount: 1 }, 'running', 'either')).toEqual([]);
    expect(codes({ status: 'planned', creatorsCount: 0, productsCount: 0 }, 'running', 'none')).toEqual([]);
  });

  it('when a campaign has no postmortem, finishing it is refused with POSTMORTEM_MISSING', () => {
    expect(codes({ status: 'running', description: '## Key message\nFresh skin' }, 'finished')).toEqual(['POSTMORTEM_MISSING']);
  });

  it('a postmortem with an empty item is refused with POSTMORTEM_INCOMPLETE naming the item', () => {
    const result = checkCampaignTransition(facts({ status: 'running', description: '## Postmortem\n- What worked: hooks\n- What didn\u2019t:\n- Next time: earlier\n' }), 'finished');
    expect(result.violations.map((v) => v.code)).toEqual(['POSTMORTEM_INCOMPLETE']);
    expect(result.violations[0]?.message).toContain('What didn');
  });

  it('end date before start date is refused in every status, draft included', () => {
    expect(validateCampaignForStatus(facts({ startDate: '2026-02-10', endDate: '2026-02-01' }), 'draft').map((v) => v.code)).toEqual(['DATE_INVALID']);
    expect(validateCampaignForStatus(facts({ startDate: '2026-02-10', endDate: '2026-02-10' }), 'draft')).toEqual([]);
  });

  it('a draft needs no dates and no creators', () => {
    expect(validateCampaignForStatus(facts({ startDate: null, endDate: null, creatorsCount: 0, productsCount: 0 }), 'draft')).toEqual([]);
  });
});

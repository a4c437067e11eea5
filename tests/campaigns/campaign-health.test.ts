import { describe, expect, it } from 'vitest';
import { computeCampaignFlags, type CampaignHealthFacts } from '../../sync-server/src/contract/campaigns/campaign-health.js';
import { computeProgress, divideOrNull } from '../../sync-server/src/contract/campaigns/campaign-metrics.js';
import { runInLanguage } from '../../sync-server/src/platform/i18n/request-language.js';

function facts(overrides: Partial<CampaignHealthFacts> = {}): CampaignHealthFacts {
  return {
    status: 'running',
    objective: 'awareness',
    startDate: '2026-02-01',
    endDate: '2026-02-28',
    creatorsCount: 2,
    productsCount: 1,
    hasAnyKpi: true,
    budgetPlanned: 10_000_000,
    budgetActual: 0,
    overdueDeliverables: 0,
    overdueBookingCodes: [],
    roas: null,
    hasTracking: false,
    riskyCreators: [],
    today: '2026-02-05',
    ...overrides,
  };
}

const flagCodes = (f: Partial<CampaignHealthFacts>) => computeCampaignFlags(facts(f)).map((flag) => flag.code);

describe('health flags', () => {
  it('a healthy running campaign has no flag', () => {
    expect(computeCampaignFlags(facts())).toEqual([]);
  });

  it('a planned or running campaign with no creator is flagged MISSING_CREATOR; a draft is not', () => {
    expect(flagCodes({ status: 'planned', creatorsCount: 0 })).toEqual(['MISSING_CREATOR']);
    expect(flagCodes({ status: 'running', creatorsCount: 0 })).toEqual(['MISSING_CREATOR']);
    expect(flagCodes({ status: 'draft', creatorsCount: 0 })).toEqual([]);
  });

  it('a planned campaign with no product is flagged MISSING_PRODUCT as info', () => {
    expect(computeCampaignFlags(facts({ status: 'planned', productsCount: 0 }))).toEqual([
      { code: 'MISSING_PRODUCT', severity: 'info', reason: expect.stringContaining('no product') },
    ]);
  });

  it('end before start is flagged DATE_INVALID as an error with both dates in the reason', () => {
    const [flag] = computeCampaignFlags(facts({ status: 'draft', startDate: '2026-03-10', endDate: '2026-03-01' }));
    expect(flag).toEqual({ code: 'DATE_INVALID', severity: 'error', reason: 'End date 01/03/2026 is before start date 10/03/2026: fix one of them.' });
  });

  it('a sale or traffic campaign with no KPI is flagged KPI_MISSING; awareness is not, and the objectives are configurable', () => {
    expect(flagCodes({ objective: 'sale', hasAnyKpi: false })).toEqual(['KPI_MISSING']);
    expect(flagCodes({ objective: 'traffic', hasAnyKpi: false })).toEqual(['KPI_MISSING']);
    expect(flagCodes({ objective: 'awareness', hasAnyKpi: false })).toEqual([]);
    const rules = { kpiRequiredObjectives: ['awareness' as const], lowRoasTarget: 1, lowRoasMinDays: 7, creatorRiskThreshold: 2 };
    expect(computeCampaignFlags(facts({ objective: 'awareness', hasAnyKpi: false }), rules).map((f) => f.code)).toEqual(['KPI_MISSING']);
  });

  it('paid above planned is flagged OVER_BUDGET with the amounts; without a planned budget it is absent', () => {
    const [flag] = computeCampaignFlags(facts({ budgetPlanned: 10_000_000, budgetActual: 12_500_000 }));
    expect(flag).toEqual({ code: 'OVER_BUDGET', severity: 'error', reason: 'Paid 12,500,000 of a planned 10,000,000 (2,500,000 over).' });
    expect(flagCodes({ budgetPlanned: null, budgetActual: 12_500_000 })).toEqual([]);
  });

  it('overdue deliverables are flagged AT_RISK_DEADLINE naming the bookings', () => {
    const [flag] = computeCampaignFlags(facts({ overdueDeliverables: 2, overdueBookingCodes: ['BK-0012', 'BK-0015'] }));
    expect(flag?.reason).toBe('2 deliverables overdue: BK-0012, BK-0015.');
    expect(computeCampaignFlags(facts({ overdueDeliverables: 1, overdueBookingCodes: ['BK-0012'] }))[0]?.reason).toBe('1 deliverable overdue: BK-0012.');
    const many = ['BK-1', 'BK-2', 'BK-3', 'BK-4', 'BK-5', 'BK-6', 'BK-7'];
    expect(computeCampaignFlags(facts({ overdueDeliverables: 7, overdueBookingCodes: many }))[0]?.reason).toBe('7 deliverables overdue: BK-1, BK-2, BK-3, BK-4, BK-5 and 2 more.');
    expect(flagCodes({ status: 'finished', overdueDeliverables: 2, overdueBookingCodes: ['BK-1'] })).toEqual([]);
  });

  it('ROAS under target after N days running is flagged LOW_PERFORMANCE; before N days or without tracking it is absent', () => {
    expect(flagCodes({ roas: 0.4, hasTracking: true, today: '2026-02-10' })).toEqual(['LOW_PERFORMANCE']);
    expect(flagCodes({ roas: 0.4, hasTracking: true, today: '2026-02-03' })).toEqual([]);
    expect(flagCodes({ roas: null, hasTracking: false, today: '2026-02-10' })).toEqual([]);
    expect(flagCodes({ roas: 2.5, hasTracking: true, today: '2026-02-10' })).toEqual([]);
  });

  it('a watchlist or troubled creator is a CREATOR_RISK warning, a blacklisted one an error', () => {
    const watch = computeCampaignFlags(facts({ riskyCreators: [{ name: 'Linh', status: 'watchlist', troubleCount: 0 }, { name: 'Nam', status: 'active', troubleCount: 3 }] }));
    expect(watch).toEqual([{ code: 'CREATOR_RISK', severity: 'warning', reason: 'Review these creators: Linh (watchlist), Nam (3 rejected or late deliverables).' }]);
    expect(computeCampaignFlags(facts({ riskyCreators: [{ name: 'Nam', status: 'active', troubleCount: 1 }] }))[0]?.reason).toBe('Review this creator: Nam (1 rejected or late deliverable).');
    const black = computeCampaignFlags(facts({ riskyCreators: [{ name: 'Tú', status: 'blacklist', troubleCount: 0 }] }));
    expect(black[0]?.severity).toBe('error');
  });

  it('every flag carries a severity and a non-empty one-line reason', () => {
    const all = computeCampaignFlags(facts({
      status: 'running', objective: 'sale', creatorsCount: 0, productsCount: 0, hasAnyKpi: false, startDate: '2026-01-01', endDate: '2025-12-01',
      budgetPlanned: 1, budgetActual: 2, overdueDeliverables: 1, overdueBookingCodes: ['BK-1'], roas: 0, hasTracking: true, today: '2026-02-01',
      riskyCreators: [{ name: 'A', status: 'watchlist', troubleCount: 0 }],
    }));
    expect(all.map((f) => f.code).sort()).toEqual(['AT_RISK_DEADLINE', 'CREATOR_RISK', 'DATE_INVALID', 'KPI_MISSING', 'LOW_PERFORMANCE', 'MISSING_CREATOR', 'MISSING_PRODUCT', 'OVER_BUDGET']);
    for (const flag of all) {
      expect(['error', 'warning', 'info']).toContain(flag.severity);
      expect(flag.reason).not.toContain('\n');
      expect(flag.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('progress', () => {
  it('before deliverables exist, progress is planning progress over dates, creators, products and budget', () => {
    expect(computeProgress({ hasDates: true, hasCreators: true, hasProducts: false, hasBudget: false, deliverablesTotal: 0, deliverablesPosted: 0 })).toEqual({ percent: 50, kind: 'planning' });
    expect(computeProgress({ hasDates: false, hasCreators: false, hasProducts: false, hasBudget: false, deliverablesTotal: 0, deliverablesPosted: 0 })).toEqual({ percent: 0, kind: 'planning' });
  });

  it('once deliverables exist, progress is posted over planned deliverables', () => {
    expect(computeProgress({ hasDates: true, hasCreators: true, hasProducts: true, hasBudget: true, deliverablesTotal: 4, deliverablesPosted: 1 })).toEqual({ percent: 25, kind: 'execution' });
  });

  it('a ratio without denominator is unknown (null), never an error', () => {
    expect(divideOrNull(5, 0)).toBeNull();
    expect(divideOrNull(5, 2)).toBe(2.5);
  });
});

describe('health flag reasons in each language', () => {
  const overdue = (count: number) => facts({ overdueDeliverables: count, overdueBookingCodes: ['BK-0012', 'BK-0015'].slice(0, count) });

  it('count deliverables with the language’s own plural, and keep the flag codes', () => {
    expect(runInLanguage('vi', () => computeCampaignFlags(overdue(1))[0])).toEqual({ code: 'AT_RISK_DEADLINE', severity: 'warning', reason: '1 hạng mục trễ hạn: BK-0012.' });
    expect(runInLanguage('vi', () => computeCampaignFlags(overdue(2))[0]?.reason)).toBe('2 hạng mục trễ hạn: BK-0012, BK-0015.');
    expect(runInLanguage('am', () => computeCampaignFlags(overdue(1))[0]?.reason)).toBe('1 የሚቀርብ ይዘት ጊዜው አልፏል፦ BK-0012።');
    expect(runInLanguage('am', () => computeCampaignFlags(overdue(2))[0]?.reason)).toBe('2 የሚቀርቡ ይዘቶች ጊዜያቸው አልፏል፦ BK-0012፣ BK-0015።');
  });

  it('write amounts and ratios as the language does', () => {
    const over = facts({ budgetPlanned: 10_000_000, budgetActual: 12_500_000 });
    expect(runInLanguage('vi', () => computeCampaignFlags(over)[0]?.reason)).toBe('Đã chi 12.500.000 trên ngân sách kế hoạch 10.000.000 (vượt 2.500.000).');
    const low = facts({ roas: 0.5, hasTracking: true, today: '2026-02-20' });
    expect(runInLanguage('en', () => computeCampaignFlags(low)[0]?.reason)).toBe('ROAS 0.50 is under the target 1 after 19 days running.');
    expect(runInLanguage('vi', () => computeCampaignFlags(low)[0]?.reason)).toBe('ROAS 0,50 thấp hơn mục tiêu 1 sau 19 ngày chạy.');
  });
});

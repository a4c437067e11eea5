import { describe, expect, it } from 'vitest';
import { CAMPAIGN_FLAG_CODES, computeCampaignFlags, SPEND_FLAG_CODES, type CampaignFlag, type CampaignHealthFacts } from '../../sync-server/src/contract/campaigns/campaign-health.js';
import type { CampaignMetrics } from '../../sync-server/src/contract/campaigns/campaign-metrics.js';
import { findTableDefinition, tableDefinitions, type TableDefinition } from '../../sync-server/src/contract/index.js';
import type { Role } from '../../sync-server/src/modules/access/actor.js';
import {
  assertCanSeeSpend,
  canSeeSpend,
  HIDDEN_SPEND_TEXT,
  redactSpendAuditEntries,
  redactSpendCells,
  redactSpendChanges,
  redactSpendFlags,
  redactSpendFlagText,
  redactSpendMetrics,
  spendColumnNames,
} from '../../sync-server/src/modules/access/money-redaction.js';
import { isAppError } from '../../sync-server/src/platform/errors/app-error.js';

const viewer = { role: 'viewer' as Role, label: 'an.pham@bookingcenter.vn' };
const finance = { role: 'finance' as Role, label: 'huong.le@bookingcenter.vn' };
const table = (name: string): TableDefinition => findTableDefinition(name)!;

describe('who sees spend', () => {
  it.each([
    ['admin', true],
    ['lead', true],
    ['finance', true],
    ['viewer', false],
  ] as const)('%s: %s', (role, expected) => {
    expect(canSeeSpend({ role })).toBe(expected);
  });

  it('a viewer asking for something that ranks spend is refused naming the right', () => {
    expect(() => assertCanSeeSpend(finance)).not.toThrow();
    let error: unknown;
    try {
      assertCanSeeSpend(viewer);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.code === 'FORBIDDEN' ? error.userMessage : '').toContain("can't see campaign budgets");
  });
});

describe('which columns are spend', () => {
  it('are the budgets, fees, amounts and what is derived from them, on every table', () => {
    const byTable = Object.fromEntries(
      tableDefinitions.map((definition) => [definition.name, [...spendColumnNames(definition)].sort()] as const).filter(([, names]) => names.length > 0),
    );
    expect(byTable).toEqual({
      campaigns: ['budget_actual', 'budget_committed', 'budget_planned', 'roas'],
      bookings: ['cpo', 'cpv', 'paid', 'remaining', 'roas', 'total_fee_agreed', 'total_fee_vnd'],
      booking_deliverables: ['fee'],
      payments: ['amount', 'amount_vnd'],
      // Issue 14: what a creator charges is what a booking would spend.
      creator_rate_cards: ['price'],
      // Issue 14, item 8: the scorecard's total paid, and ROAS divided by it.
      creators: ['roas', 'total_paid'],
    });
  });

  // The history hides a spend name whatever entity its entry is about; that is only right while
  // no column anywhere shares a spend column's name without being spend itself.
  it('no column shares a spend column name without being spend', () => {
    const spendNames = new Set(tableDefinitions.flatMap((definition) => [...spendColumnNames(definition)]));
    const clashes = tableDefinitions.flatMap((definition) =>
      [...definition.columns, ...definition.computedColumns].filter((column) => spendNames.has(column.name) && !column.isSpend).map((column) => `${definition.name}.${column.name}`),
    );
    expect(clashes).toEqual([]);
  });
});

describe('redactSpendCells', () => {
  const payment = { booking_code: 'BK-0001', amount: 12_500_000, currency: 'VND', exchange_rate: null, amount_vnd: 12_500_000, status: 'paid' };

  it('empties a viewer\'s fees and amounts and keeps every other cell', () => {
    expect(redactSpendCells(viewer, table('payments'), payment)).toEqual({ ...payment, amount: null, amount_vnd: null });
    expect(redactSpendCells(viewer, table('booking_deliverables'), { title: 'Review', fee: 25_000_000 })).toEqual({ title: 'Review', fee: null });
    expect(redactSpendCells(viewer, table('bookings'), { code: 'BK-0001', total_fee_agreed: 25_000_000 })).toEqual({ code: 'BK-0001', total_fee_agreed: null });
  });

  it('gives finance the record unchanged', () => {
    expect(redactSpendCells(finance, table('payments'), payment)).toEqual(payment);
  });

  it('only touches keys that are there, so values and computed columns can be passed apart', () => {
    const computed = { row_version: 3, budget_actual: 25_000_000, creators_count: 3 };
    expect(redactSpendCells(viewer, table('campaigns'), computed)).toEqual({ row_version: 3, budget_actual: null, creators_count: 3 });
    expect(redactSpendCells(viewer, table('campaigns'), { code: 'CC-TET-2026' })).toEqual({ code: 'CC-TET-2026' });
  });

  it('drops the spend flags from a viewer\'s health_flags text and keeps the others in order', () => {
    const computed = { health_flags: 'OVER_BUDGET, AT_RISK_DEADLINE, LOW_PERFORMANCE, CREATOR_RISK' };
    expect(redactSpendCells(viewer, table('campaigns'), computed)).toEqual({ health_flags: 'AT_RISK_DEADLINE, CREATOR_RISK' });
    expect(redactSpendCells(viewer, table('campaigns'), { health_flags: 'OVER_BUDGET' })).toEqual({ health_flags: '' });
    expect(redactSpendCells(finance, table('campaigns'), computed)).toEqual(computed);
  });

  it('does not change the record it was given', () => {
    const row = { ...payment };
    redactSpendCells(viewer, table('payments'), row);
    expect(row).toEqual(payment);
  });
});

describe('spend flags', () => {
  const facts: CampaignHealthFacts = {
    status: 'running', objective: 'sale', startDate: '2026-01-01', endDate: '2026-03-31', creatorsCount: 2, productsCount: 1, hasAnyKpi: true,
    budgetPlanned: 10_000_000, budgetActual: 12_500_000, overdueDeliverables: 1, overdueBookingCodes: ['BK-0012'], roas: 0.4, hasTracking: true,
    riskyCreators: [], today: '2026-02-10',
  };

  it('are every flag whose reason prints an amount or the ROAS', () => {
    const flags = computeCampaignFlags(facts);
    const revealing = flags.filter((flag) => /\d{1,3}(,\d{3})+|ROAS/.test(flag.reason)).map((flag) => flag.code);
    expect([...SPEND_FLAG_CODES].sort()).toEqual(revealing.sort());
    expect(CAMPAIGN_FLAG_CODES).toEqual(expect.arrayContaining([...SPEND_FLAG_CODES]));
  });

  it('a viewer gets the other flags, finance all of them', () => {
    const flags: CampaignFlag[] = computeCampaignFlags(facts);
    expect(flags.map((flag) => flag.code)).toEqual(['OVER_BUDGET', 'AT_RISK_DEADLINE', 'LOW_PERFORMANCE']);
    expect(redactSpendFlags(viewer, flags).map((flag) => flag.code)).toEqual(['AT_RISK_DEADLINE']);
    expect(redactSpendFlags(finance, flags)).toEqual(flags);
    expect(redactSpendFlagText(viewer, 'LOW_PERFORMANCE,KPI_MISSING')).toBe('KPI_MISSING');
    expect(redactSpendFlagText(finance, 'LOW_PERFORMANCE,KPI_MISSING')).toBe('LOW_PERFORMANCE,KPI_MISSING');
  });
});

describe('redactSpendMetrics', () => {
  const metrics: CampaignMetrics = {
    campaignId: 'c1', budgetActualPaid: 25_000_000, budgetCommitted: 37_000_000, budgetPlanned: 150_000_000, creatorsCount: 3, productsCount: 2,
    bookingsCountByStatus: { completed: 1 }, deliverablesTotal: 3, deliverablesPosted: 2, deliverablesOverdue: 1, videosPosted: 2, viewsLatestTotal: 412_000,
    ordersAttributed: 2, revenueAttributed: 885_000, spend: 37_000_000, roas: 0.0239, cpo: 18_500_000, cpv: 89.8, progressPercent: 67, progressKind: 'execution',
  };

  it('zeroes spend and nulls what is divided by it for a viewer; views, orders and revenue stay', () => {
    expect(redactSpendMetrics(viewer, metrics)).toEqual({ ...metrics, budgetActualPaid: 0, budgetCommitted: 0, budgetPlanned: null, spend: 0, roas: null, cpo: null, cpv: null });
    expect(redactSpendMetrics(finance, metrics)).toEqual(metrics);
  });
});

describe('history', () => {
  const hidden = { before: HIDDEN_SPEND_TEXT, after: HIDDEN_SPEND_TEXT };

  it('hides every spend field of any entity, keeping who changed what', () => {
    const changes = {
      budget_planned: { before: 10_000_000, after: 20_000_000 },
      total_fee_agreed: { before: '25000000', after: '30000000' },
      fee: { before: null, after: '9000000' },
      amount: { before: '12500000', after: '13000000' },
      amount_vnd: { before: null, after: '13000000' },
      name: { before: 'Tết', after: 'Tết 2026' },
    };
    expect(redactSpendChanges(viewer, changes)).toEqual({ budget_planned: hidden, total_fee_agreed: hidden, fee: hidden, amount: hidden, amount_vnd: hidden, name: changes.name });
    expect(redactSpendChanges(finance, changes)).toEqual(changes);
  });

  it('hides a spend field recorded under a prefix or inside a created row', () => {
    const changes = {
      'booking BK-0001.total_fee_agreed': { before: '1', after: '2' },
      'booking BK-0001': { before: null, after: { status: 'confirmed', total_fee_agreed: '25000000', deliverables: [{ fee: '9000000', title: 'Review' }] } },
      'creator KOC-LINHBEAUTY.role': { before: 'main', after: 'supporting' },
    };
    expect(redactSpendChanges(viewer, changes)).toEqual({
      'booking BK-0001.total_fee_agreed': hidden,
      'booking BK-0001': { before: null, after: { status: 'confirmed', total_fee_agreed: HIDDEN_SPEND_TEXT, deliverables: [{ fee: HIDDEN_SPEND_TEXT, title: 'Review' }] } },
      'creator KOC-LINHBEAUTY.role': changes['creator KOC-LINHBEAUTY.role'],
    });
  });

  it('keeps the entries themselves: actor, time, action', () => {
    const entries = [{ id: 'a1', actorLabel: 'lan.nguyen@bookingcenter.vn', action: 'update', entityType: 'payment', changes: { amount: { before: '1', after: '2' } } }];
    expect(redactSpendAuditEntries(viewer, entries)).toEqual([{ ...entries[0], changes: { amount: hidden } }]);
    expect(redactSpendAuditEntries(finance, entries)).toEqual(entries);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignCreators,
  assignProducts,
  createCampaign,
  getCampaign,
  getCampaignHistory,
  softDeleteCampaign,
  transitionCampaign,
  updateCampaign,
} from '../../sync-server/src/modules/campaigns/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { catchError, COMPLETE_POSTMORTEM, createCampaignFixtures, type Fixtures } from './support/campaign-fixtures.js';

let db: TestDatabase;
let fx: Fixtures;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createCampaignFixtures(db.prisma);
});
afterAll(async () => {
  await db?.dispose();
});

let sequence = 0;
function newCode(): string {
  sequence += 1;
  return `TET-${String(sequence).padStart(3, '0')}`;
}

async function draft(overrides: Record<string, unknown> = {}) {
  return createCampaign(db.prisma, fx.actors.lead, { code: newCode(), name: 'Chiến dịch Tết', brandId: fx.brandId, objective: 'sale', kpiOrder: 500, ...overrides });
}

describe('creating and editing campaigns', () => {
  it('a lead creates a draft; the owner defaults to the lead and the audit records every field set', async () => {
    const campaign = await draft({ budgetPlanned: 50_000_000 });
    expect(campaign).toMatchObject({ status: 'draft', ownerId: fx.actors.lead.userId, budgetPlanned: 50_000_000, budgetActual: 0, kpiOrder: 500 });
    const [entry] = await getCampaignHistory(db.prisma, fx.actors.viewer, campaign.id);
    expect(entry).toMatchObject({ action: 'create', actorId: fx.actors.lead.userId, actorLabel: 'lead@example.com', source: 'api' });
    expect(entry?.changes.code).toEqual({ before: null, after: campaign.code });
  });

  it('a duplicate code is refused with a friendly CONFLICT, whatever its case', async () => {
    const first = await draft();
    const error = await catchError(() => draft({ code: first.code.toLowerCase() }));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'CODE_TAKEN' });
    expect(error.userMessage).toContain(first.code);
  });

  it('finance and viewers cannot create campaigns', async () => {
    for (const role of ['finance', 'viewer'] as const) {
      const error = await catchError(() => createCampaign(db.prisma, fx.actors[role], { code: newCode(), name: 'x', brandId: fx.brandId, objective: 'sale' }));
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('invalid input points at each field with what would be accepted', async () => {
    const error = await catchError(() => createCampaign(db.prisma, fx.actors.lead, { code: 'bad code!', name: '', brandId: fx.brandId, objective: 'sale', startDate: '2026-02-30' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p) => p.column).sort()).toEqual(['code', 'name', 'startDate']);
  });

  it('an end date before the start date is refused with DATE_INVALID, even on a draft', async () => {
    const error = await catchError(() => draft({ startDate: '2026-02-10', endDate: '2026-02-01' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'DATE_INVALID' });
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-10' });
    expect((await catchError(() => updateCampaign(db.prisma, fx.actors.lead, campaign.id, { endDate: '2026-01-15' }))).reason).toBe('DATE_INVALID');
  });

  it('"save & set planned" needs dates', async () => {
    expect((await catchError(() => draft({ status: 'planned' }))).reason).toBe('MISSING_DATES');
    expect(await draft({ status: 'planned', startDate: '2026-02-01', endDate: '2026-02-28' })).toMatchObject({ status: 'planned' });
  });

  it('an unknown brand is refused pointing at brand_id', async () => {
    const error = await catchError(() => draft({ brandId: '00000000-0000-4000-8000-000000000000' }));
    expect(error.problems[0]).toMatchObject({ column: 'brand_id' });
  });

  it('only an admin changes budget_planned; a lead may change KPIs; the audit keeps before and after', async () => {
    const campaign = await draft({ budgetPlanned: 10_000_000 });
    expect((await catchError(() => updateCampaign(db.prisma, fx.actors.lead, campaign.id, { budgetPlanned: 20_000_000 }))).code).toBe('FORBIDDEN');
    await updateCampaign(db.prisma, fx.actors.admin, campaign.id, { budgetPlanned: 20_000_000 });
    await updateCampaign(db.prisma, fx.actors.lead, campaign.id, { kpiOrder: 800, startDate: '2026-03-01', endDate: '2026-03-31' });
    const history = await getCampaignHistory(db.prisma, fx.actors.admin, campaign.id);
    expect(history.map((entry) => entry.action)).toEqual(['update', 'update', 'create']);
    // Values as the sheet and the exports write them: one canonical text for every door.
    expect(history[0]?.changes).toEqual({ kpi_order: { before: '500', after: '800' }, start_date: { before: null, after: '2026-03-01' }, end_date: { before: null, after: '2026-03-31' } });
    expect(history[1]?.changes).toEqual({ budget_planned: { before: '10000000', after: '20000000' } });
    expect(history[1]?.actorLabel).toBe('admin@example.com');
    const asViewer = await getCampaignHistory(db.prisma, fx.actors.viewer, campaign.id);
    expect(asViewer[1]?.changes.budget_planned).toEqual({ before: 'hidden', after: 'hidden' });
  });

  it('a stale row version is refused so a sheet never overwrites a newer change', async () => {
    const campaign = await draft();
    await updateCampaign(db.prisma, fx.actors.lead, campaign.id, { name: 'New name' });
    const error = await catchError(() => updateCampaign(db.prisma, fx.actors.lead, campaign.id, { name: 'Older edit', expectedRowVersion: campaign.rowVersion }));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'STALE_ROW_VERSION' });
  });

  it('a viewer sees campaigns but not their budgets', async () => {
    const campaign = await draft({ budgetPlanned: 10_000_000 });
    expect(await getCampaign(db.prisma, fx.actors.viewer, campaign.id)).toMatchObject({ budgetPlanned: null, budgetActual: null });
    expect(await getCampaign(db.prisma, fx.actors.finance, campaign.id)).toMatchObject({ budgetPlanned: 10_000_000 });
  });
});

describe('status transitions', () => {
  it('draft → planned → running → paused → running → finished, each recorded with before and after', async () => {
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-28' });
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!] });
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'planned');
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running');
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'paused', { note: 'brand asked to wait' });
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running');
    await updateCampaign(db.prisma, fx.actors.lead, campaign.id, { description: `Brief\n\n${COMPLETE_POSTMORTEM}` });
    const finished = await transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'finished');
    expect(finished.status).toBe('finished');
    const transitions = (await getCampaignHistory(db.prisma, fx.actors.lead, campaign.id)).filter((entry) => entry.action === 'transition');
    expect(transitions.map((entry) => entry.changes.status)).toEqual([
      { before: 'running', after: 'finished' },
      { before: 'paused', after: 'running' },
      { before: 'running', after: 'paused' },
      { before: 'planned', after: 'running' },
      { before: 'draft', after: 'planned' },
    ]);
    expect(transitions[2]?.note).toBe('brand asked to wait');
  });

  it('when a campaign has no creator, moving it to running is refused with MISSING_CREATOR', async () => {
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-28' });
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'planned');
    const error = await catchError(() => transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running'));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'MISSING_CREATOR' });
    expect(error.problems[0]?.message).toContain('MISSING_CREATOR');
  });

  it('with running configured to need a product, a campaign with creators but no product is refused with MISSING_PRODUCT', async () => {
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-28', status: 'planned' });
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[1]!] });
    const config = { runningRequires: 'product' as const, kpiRequiredObjectives: ['sale' as const], lowRoasTarget: 1, lowRoasMinDays: 7, creatorRiskThreshold: 2, timeZone: 'UTC' };
    expect((await catchError(() => transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running', { config }))).reason).toBe('MISSING_PRODUCT');
    await assignProducts(db.prisma, fx.actors.lead, { campaignId: campaign.id, productIds: [fx.productIds[0]!] });
    expect((await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running', { config })).status).toBe('running');
  });

  it('a refused transition lists every reason (missing dates and missing creator together)', async () => {
    const campaign = await draft();
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'paused');
    const error = await catchError(() => transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running'));
    expect(error.problems.map((p) => p.message.split(':')[0])).toEqual(['MISSING_DATES', 'MISSING_CREATOR']);
  });

  it('finishing without a postmortem is refused with POSTMORTEM_MISSING; a lead may not finish or cancel at all', async () => {
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-28', status: 'planned' });
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!] });
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running');
    expect((await catchError(() => transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'finished'))).code).toBe('FORBIDDEN');
    expect((await catchError(() => transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'canceled'))).code).toBe('FORBIDDEN');
    expect((await catchError(() => transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'finished'))).reason).toBe('POSTMORTEM_MISSING');
  });

  it('a finished campaign is terminal: no more status changes, no field edits, but insights stay editable', async () => {
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-28', status: 'planned', description: COMPLETE_POSTMORTEM });
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!] });
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running');
    await transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'finished');
    expect((await catchError(() => transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'running'))).reason).toBe('CAMPAIGN_TERMINAL');
    expect((await catchError(() => updateCampaign(db.prisma, fx.actors.admin, campaign.id, { name: 'Renamed' }))).reason).toBe('CAMPAIGN_TERMINAL');
    expect((await catchError(() => assignCreators(db.prisma, fx.actors.admin, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[1]!] }))).reason).toBe('CAMPAIGN_TERMINAL');
    const updated = await updateCampaign(db.prisma, fx.actors.lead, campaign.id, { description: `${COMPLETE_POSTMORTEM}\nExtra insight: lives beat videos.` });
    expect(updated.description).toContain('lives beat videos');
    // The postmortem can't be emptied once the campaign is finished.
    expect((await catchError(() => updateCampaign(db.prisma, fx.actors.lead, campaign.id, { description: 'gone' }))).reason).toBe('POSTMORTEM_MISSING');
  });

  it('an admin cancels from any non-terminal status; a canceled campaign is terminal', async () => {
    const campaign = await draft();
    await transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'canceled');
    expect((await catchError(() => transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'draft'))).reason).toBe('CAMPAIGN_TERMINAL');
  });

  it('a planned campaign can not lose its dates through an edit', async () => {
    const campaign = await draft({ startDate: '2026-02-01', endDate: '2026-02-28', status: 'planned' });
    expect((await catchError(() => updateCampaign(db.prisma, fx.actors.lead, campaign.id, { endDate: null }))).reason).toBe('MISSING_END_DATE');
  });
});

describe('soft delete', () => {
  it('an admin soft-deletes a campaign without bookings; it disappears from reads but its history stays', async () => {
    const campaign = await draft();
    expect((await catchError(() => softDeleteCampaign(db.prisma, fx.actors.lead, campaign.id))).code).toBe('FORBIDDEN');
    await softDeleteCampaign(db.prisma, fx.actors.admin, campaign.id);
    expect((await catchError(() => getCampaign(db.prisma, fx.actors.admin, campaign.id))).code).toBe('NOT_FOUND');
    const row = await db.prisma.campaign.findUnique({ where: { id: campaign.id } });
    expect(row?.deletedAt).not.toBeNull();
    expect((await getCampaignHistory(db.prisma, fx.actors.admin, campaign.id))[0]?.action).toBe('delete');
  });

  it('a campaign with bookings can not be deleted (HAS_BOOKINGS)', async () => {
    const campaign = await draft();
    await db.prisma.booking.create({ data: { code: `BK-${campaign.code}`, campaignId: campaign.id, creatorId: fx.creatorIds.active[0]!, brandId: fx.brandId, bookingType: 'video_only' } });
    const error = await catchError(() => softDeleteCampaign(db.prisma, fx.actors.admin, campaign.id));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'HAS_BOOKINGS' });
    expect(error.userMessage).toContain('1 booking');
  });
});

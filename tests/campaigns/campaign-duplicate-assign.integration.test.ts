import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignCreators,
  assignProducts,
  chooseCopyCode,
  createCampaign,
  duplicateCampaign,
  getCampaignHistory,
  transitionCampaign,
  unassignCreators,
  unassignProducts,
  updateCreatorAssignment,
  updateProductAssignment,
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

describe('duplicate a campaign', () => {
  it('copies basic info, products and creators; clears dates; draft; owner = the duplicating user; audit links both', async () => {
    const original = await createCampaign(db.prisma, fx.actors.admin, {
      code: 'TET', name: 'Tết', brandId: fx.brandId, objective: 'sale', channel: 'multi', kpiOrder: 300, budgetPlanned: 20_000_000,
      startDate: '2026-01-10', endDate: '2026-02-10', status: 'planned', description: `## Key message\nGlow\n\n${COMPLETE_POSTMORTEM}`,
    });
    await assignCreators(db.prisma, fx.actors.admin, { campaignId: original.id, creatorIds: [fx.creatorIds.active[0]!, fx.creatorIds.active[1]!], role: 'supporting', note: 'Tết batch' });
    await assignProducts(db.prisma, fx.actors.admin, { campaignId: original.id, productIds: [fx.productIds[0]!], priority: 2, note: 'hero' });

    const copy = await duplicateCampaign(db.prisma, fx.actors.lead, original.id);
    expect(copy).toMatchObject({
      code: 'TET-COPY', name: 'Tết (copy)', brandId: fx.brandId, objective: 'sale', channel: 'multi', kpiOrder: 300, budgetPlanned: 20_000_000,
      startDate: null, endDate: null, status: 'draft', ownerId: fx.actors.lead.userId,
    });
    expect(copy.description).toContain('## Key message\nGlow');
    expect(copy.description).not.toContain('Postmortem');
    const creators = await db.prisma.campaignCreator.findMany({ where: { campaignId: copy.id }, select: { creatorId: true, role: true, note: true } });
    expect(creators.map((row) => [row.role, row.note]).sort()).toEqual([['supporting', 'Tết batch'], ['supporting', 'Tết batch']]);
    const products = await db.prisma.campaignProduct.findMany({ where: { campaignId: copy.id }, select: { priority: true, note: true } });
    expect(products).toEqual([{ priority: 2, note: 'hero' }]);

    const [copyEntry] = await getCampaignHistory(db.prisma, fx.actors.lead, copy.id);
    expect(copyEntry).toMatchObject({ action: 'duplicate', note: 'Duplicated from TET', actorId: fx.actors.lead.userId });
    expect(copyEntry?.changes.duplicated_from).toEqual({ before: null, after: original.id });
    const [originalEntry] = await getCampaignHistory(db.prisma, fx.actors.lead, original.id);
    expect(originalEntry).toMatchObject({ action: 'duplicate', note: 'Duplicated as TET-COPY', changes: { duplicated_to: { before: null, after: copy.id } } });
  });

  it('the next copies are CODE-COPY-2, CODE-COPY-3', async () => {
    const original = await db.prisma.campaign.findFirstOrThrow({ where: { code: 'TET' } });
    expect((await duplicateCampaign(db.prisma, fx.actors.lead, original.id)).code).toBe('TET-COPY-2');
    expect((await duplicateCampaign(db.prisma, fx.actors.lead, original.id)).code).toBe('TET-COPY-3');
  });

  it('the code rule skips taken codes whatever their case', () => {
    expect(chooseCopyCode('A', [])).toBe('A-COPY');
    expect(chooseCopyCode('A', ['a-copy', 'A-COPY-2', 'A-COPY-10'])).toBe('A-COPY-3');
  });

  it('finance and viewers can not duplicate', async () => {
    const original = await db.prisma.campaign.findFirstOrThrow({ where: { code: 'TET' } });
    expect((await catchError(() => duplicateCampaign(db.prisma, fx.actors.finance, original.id))).code).toBe('FORBIDDEN');
  });
});

describe('assigning creators and products in bulk', () => {
  async function newDraft(code: string) {
    return createCampaign(db.prisma, fx.actors.lead, { code, name: code, brandId: fx.brandId, objective: 'awareness' });
  }

  it('assigns many creators with one role and note; already-assigned ones are skipped with a friendly message', async () => {
    const campaign = await newDraft('BULK-1');
    const first = await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!, fx.creatorIds.active[1]!], role: 'trial', note: 'test run' });
    expect(first).toEqual({ added: [fx.creatorIds.active[0], fx.creatorIds.active[1]], skipped: [], warnings: [] });
    const second = await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[1]!, fx.creatorIds.active[2]!] });
    expect(second.added).toEqual([fx.creatorIds.active[2]]);
    expect(second.skipped).toEqual([{ id: fx.creatorIds.active[1], reason: 'ALREADY_ASSIGNED', message: 'Nam Review is already in BULK-1 (as trial).' }]);
    const rows = await db.prisma.campaignCreator.findMany({ where: { campaignId: campaign.id }, select: { role: true, note: true }, orderBy: { createdAt: 'asc' } });
    expect(rows.filter((row) => row.role === 'trial' && row.note === 'test run')).toHaveLength(2);
    const [entry] = await getCampaignHistory(db.prisma, fx.actors.lead, campaign.id);
    expect(entry).toMatchObject({ action: 'assign', changes: { 'creator dung': { before: null, after: { role: 'main' } } } });
  });

  it('assigning a watchlist creator warns; a lead assigning a blacklisted one is refused and nothing is assigned; an admin may', async () => {
    const campaign = await newDraft('BULK-2');
    const watch = await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.watchlist] });
    expect(watch.warnings).toEqual(['Mai Vlog is on the watchlist: check recent issues before booking.']);
    const error = await catchError(() => assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!, fx.creatorIds.blacklist] }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'CREATOR_BLACKLISTED' });
    expect(await db.prisma.campaignCreator.count({ where: { campaignId: campaign.id } })).toBe(1);
    const asAdmin = await assignCreators(db.prisma, fx.actors.admin, { campaignId: campaign.id, creatorIds: [fx.creatorIds.blacklist] });
    expect(asAdmin.warnings[0]).toContain('blacklisted');
  });

  it('removing and re-adding a creator restores the mapping (the unique constraint never surfaces)', async () => {
    const campaign = await newDraft('BULK-3');
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!] });
    expect(await unassignCreators(db.prisma, fx.actors.lead, campaign.id, [fx.creatorIds.active[0]!])).toEqual({ removed: [fx.creatorIds.active[0]] });
    const again = await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!], role: 'main' });
    expect(again.added).toEqual([fx.creatorIds.active[0]]);
    const history = await getCampaignHistory(db.prisma, fx.actors.lead, campaign.id);
    expect(history.slice(0, 3).map((entry) => [entry.action, entry.changes['creator linh']])).toEqual([
      ['assign', { before: null, after: { role: 'main' } }],
      ['unassign', { before: { role: 'main' }, after: null }],
      ['assign', { before: null, after: { role: 'main' } }],
    ]);
  });

  it('products are assigned with a priority and note in bulk, duplicates skipped, removal audited', async () => {
    const campaign = await newDraft('BULK-4');
    const result = await assignProducts(db.prisma, fx.actors.lead, { campaignId: campaign.id, productIds: [fx.productIds[0]!, fx.productIds[1]!, fx.productIds[0]!], priority: 3, note: 'bundle' });
    expect(result.added).toEqual([fx.productIds[0], fx.productIds[1]]);
    const again = await assignProducts(db.prisma, fx.actors.lead, { campaignId: campaign.id, productIds: [fx.productIds[1]!] });
    expect(again.skipped[0]).toMatchObject({ reason: 'ALREADY_ASSIGNED', message: 'GLOW/MASK Mặt nạ ngủ is already in BULK-4 (priority 3).' });
    await unassignProducts(db.prisma, fx.actors.lead, campaign.id, [fx.productIds[1]!]);
    const [entry] = await getCampaignHistory(db.prisma, fx.actors.lead, campaign.id);
    expect(entry).toMatchObject({ action: 'unassign', changes: { 'product GLOW/MASK': { before: { priority: '3', note: 'bundle' }, after: null } } });
  });

  it('unknown ids are reported, not thrown; finance can not assign', async () => {
    const campaign = await newDraft('BULK-5');
    const result = await assignProducts(db.prisma, fx.actors.lead, { campaignId: campaign.id, productIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(result.skipped[0]?.reason).toBe('NOT_FOUND');
    expect((await catchError(() => assignCreators(db.prisma, fx.actors.finance, { campaignId: campaign.id, creatorIds: [fx.creatorIds.active[0]!] }))).code).toBe('FORBIDDEN');
  });

  it('on a finished campaign, assignment notes stay editable but roles and priorities do not', async () => {
    const campaign = await createCampaign(db.prisma, fx.actors.lead, {
      code: 'DONE-1', name: 'Done', brandId: fx.brandId, objective: 'awareness', startDate: '2026-01-01', endDate: '2026-01-31', status: 'planned', description: COMPLETE_POSTMORTEM,
    });
    const creatorId = fx.creatorIds.active[0]!;
    await assignCreators(db.prisma, fx.actors.lead, { campaignId: campaign.id, creatorIds: [creatorId] });
    await assignProducts(db.prisma, fx.actors.lead, { campaignId: campaign.id, productIds: [fx.productIds[0]!] });
    await transitionCampaign(db.prisma, fx.actors.lead, campaign.id, 'running');
    await updateCreatorAssignment(db.prisma, fx.actors.lead, campaign.id, creatorId, { role: 'supporting' });
    await transitionCampaign(db.prisma, fx.actors.admin, campaign.id, 'finished');
    await updateCreatorAssignment(db.prisma, fx.actors.lead, campaign.id, creatorId, { note: 'great hooks, rebook' });
    await updateProductAssignment(db.prisma, fx.actors.lead, campaign.id, fx.productIds[0]!, { note: 'sold out day 3' });
    expect((await catchError(() => updateCreatorAssignment(db.prisma, fx.actors.lead, campaign.id, creatorId, { role: 'main' }))).reason).toBe('CAMPAIGN_TERMINAL');
    expect((await catchError(() => updateProductAssignment(db.prisma, fx.actors.lead, campaign.id, fx.productIds[0]!, { priority: 5 }))).reason).toBe('CAMPAIGN_TERMINAL');
    const history = await getCampaignHistory(db.prisma, fx.actors.lead, campaign.id);
    expect(history[0]?.changes).toEqual({ 'product GLOW/SERUM.note': { before: null, after: 'sold out day 3' } });
    expect(history[1]?.changes).toEqual({ 'creator linh.note': { before: null, after: 'great hooks, rebook' } });
    expect(history.find((entry) => entry.changes['creator linh.role'])?.changes['creator linh.role']).toEqual({ before: 'main', after: 'supporting' });
  });
});

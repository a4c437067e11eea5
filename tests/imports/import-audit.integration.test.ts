import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../sync-server/src/modules/access/actor.js';
import { getAuditHistory } from '../../sync-server/src/modules/audit/audit.service.js';
import { importPath } from '../../sync-server/src/modules/imports/import-files.service.js';
import { importTableRows } from '../../sync-server/src/modules/imports/import-rows.service.js';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const IMPORTER: Actor = { userId: null, role: 'admin', label: 'npm run import (test)', source: 'import' };

describe('imports are audited like every other change to a campaign', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const { results } = await importPath(database.prisma, importTemplatesDir, { format: 'csv', actor: IMPORTER });
    expect(results.every((result) => result.isCommitted)).toBe(true);
  });
  afterAll(async () => database?.dispose());

  async function historyOf(code: string) {
    const campaign = await database.prisma.campaign.findFirstOrThrow({ where: { code } });
    return getAuditHistory(database.prisma, 'campaign', campaign.id);
  }

  it('records who created each imported campaign, from where, and its creator assignments', async () => {
    const [campaignRow] = await database.prisma.$queryRawUnsafe<{ code: string }[]>('SELECT code FROM campaigns ORDER BY code LIMIT 1');
    const history = await historyOf(campaignRow!.code);
    expect(history.map((entry) => entry.action)).toEqual(expect.arrayContaining(['create', 'assign']));
    const created = history.find((entry) => entry.action === 'create')!;
    expect(created).toMatchObject({ source: 'import', actorLabel: 'npm run import (test)' });
    expect(created.changes.code).toEqual({ before: null, after: campaignRow!.code });
  });

  it('records a re-import that changes a budget with the value before and after, and nothing for unchanged rows', async () => {
    const campaign = await database.prisma.campaign.findFirstOrThrow({ where: { budgetPlanned: { not: null } }, include: { brand: true } });
    const entriesBefore = (await historyOf(campaign.code)).length;
    const row = {
      code: campaign.code, name: campaign.name, brand_code: campaign.brand.code, objective: campaign.objective, status: campaign.status,
      start_date: campaign.startDate?.toISOString().slice(0, 10) ?? null, end_date: campaign.endDate?.toISOString().slice(0, 10) ?? null,
      budget_planned: '999.000.000',
    };
    await importTableRows(database.prisma, 'campaigns', [{ rowNumber: 2, values: row }], { actor: IMPORTER });
    const history = await historyOf(campaign.code);
    expect(history).toHaveLength(entriesBefore + 1);
    expect(history[0]!.changes).toEqual({ budget_planned: { before: campaign.budgetPlanned!.toString(), after: '999000000' } });

    await importTableRows(database.prisma, 'campaigns', [{ rowNumber: 2, values: row }], { actor: IMPORTER });
    expect(await historyOf(campaign.code)).toHaveLength(entriesBefore + 1);
  });

  it('audits a created row of any table with every cell as the export writes it, defaults included', async () => {
    await importTableRows(database.prisma, 'creators', [{ rowNumber: 2, values: { creator_key: 'KOC-AUDIT', name: 'Kiểm Toán', dob: '31/01/2000', priority_score: '7' } }], { actor: IMPORTER });
    await importTableRows(database.prisma, 'creator_channels', [{ rowNumber: 2, values: { creator_key: 'KOC-AUDIT', platform: 'tiktok', handle: '@kiemtoan', avg_engagement_rate: '0,0450' } }], { actor: IMPORTER });
    await importTableRows(database.prisma, 'creator_contacts', [{ rowNumber: 2, values: { creator_key: 'KOC-AUDIT', contact_type: 'owner', name: 'Toán' } }], { actor: IMPORTER });
    const creator = await database.prisma.creator.findFirstOrThrow({ where: { creatorKey: 'KOC-AUDIT' }, include: { channels: true, contacts: true } });
    const entryOf = async (entityType: string, id: string) => {
      const [entry] = await getAuditHistory(database.prisma, entityType, id);
      return entry;
    };
    expect(await entryOf('creator', creator.id)).toMatchObject({
      action: 'create',
      source: 'import',
      actorLabel: 'npm run import (test)',
      changes: {
        creator_key: { before: null, after: 'KOC-AUDIT' },
        name: { before: null, after: 'Kiểm Toán' },
        dob: { before: null, after: '2000-01-31' },
        priority_score: { before: null, after: '7' },
        // Not in the file: the default the row got.
        status: { before: null, after: 'active' },
      },
    });
    expect((await entryOf('creator_channel', creator.channels[0]!.id))?.changes).toEqual({
      creator_key: { before: null, after: 'KOC-AUDIT' },
      platform: { before: null, after: 'tiktok' },
      handle: { before: null, after: '@kiemtoan' },
      avg_engagement_rate: { before: null, after: '0.045' },
    });
    expect((await entryOf('creator_contact', creator.contacts[0]!.id))?.changes).toMatchObject({ is_primary: { before: null, after: 'FALSE' }, contact_type: { before: null, after: 'owner' } });
  });
});

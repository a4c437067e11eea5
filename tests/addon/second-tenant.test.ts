/**
 * An agency adds a second client as a tenant with the commands (tenant, user, import), then its
 * planner works in the add-on (the built bundle in a vm, against the real server on the same
 * data folder): they pull only their tenant's rows and push into it, while the first tenant's
 * planner, on the same server, still sees only theirs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, runChild } from '../support/child-process.js';
import { type RealServer, ensureAddonBuilt, loadAddon, PLANNER_EMAIL, startRealServer } from './support/addon-harness.js';
import type { FakeSheet } from './fakes/spreadsheet-fake.js';
import { column } from './support/sheet-cells.js';

const B_PLANNER = 'linh.pham@agency-b.example';

const columnValues = (sheet: FakeSheet, name: string) =>
  sheet.values
    .slice(1)
    .map((row) => row[column(sheet, name)])
    .filter((value) => value !== '' && value !== undefined && value !== null);

describe('a second tenant in the add-on', () => {
  let dataDir: string;
  let server: RealServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bc-second-tenant-'));
    const files = await mkdtemp(join(tmpdir(), 'bc-second-tenant-files-'));
    const env = { BOOKING_CENTER_DATA_DIR: dataDir, DATABASE_URL: '', SEED_SAMPLE_DATA: 'false', LOG_LEVEL: 'silent' };
    const steps: Array<[string, string[]]> = [
      ['scripts/tenant.ts', ['add', '--code', 'agency-b', '--name', 'Agency B (Bếp Việt)']],
      ['scripts/user.ts', ['add', '--tenant', 'agency-b', '--email', B_PLANNER, '--name', 'Phạm Linh', '--role', 'lead']],
    ];
    for (const [script, args] of steps) {
      const run = await runChild(script, args, env);
      expect(run.exitCode, run.output).toBe(0);
    }
    await writeFile(join(files, 'brands.csv'), 'code,name\nBEPVIET,Bếp Việt\n');
    await writeFile(join(files, 'campaigns.csv'), 'code,name,brand_code,objective,status\nBV-HE-2026,Bếp Việt hè 2026,BEPVIET,awareness,draft\n');
    const imported = await runChild('scripts/import.ts', [files, '--tenant', 'agency-b'], env);
    expect(imported.exitCode, imported.output).toBe(0);
    await rm(files, { recursive: true, force: true });
    // The server loads the sample data into the first tenant, which is still empty.
    [server] = await Promise.all([startRealServer({ dataDir }), ensureAddonBuilt()]);
  }, 400_000);

  afterAll(async () => {
    await server?.stop();
    await killAllChildren();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the second tenant’s planner pulls only its rows, pushes a new campaign into it, and the first tenant never sees it', () => {
    const planner = loadAddon({ serverUrl: server.url, email: B_PLANNER });
    planner.call('menuSetUpSheets');
    planner.call('menuPull');
    const campaigns = planner.sheet('Campaigns');
    expect(columnValues(campaigns, 'code')).toEqual(['BV-HE-2026']);
    expect(columnValues(planner.sheet('Brands'), 'code')).toEqual(['BEPVIET']);
    expect(columnValues(planner.sheet('Creators (KOC/KOL)'), 'creator_key')).toEqual([]);

    // A campaign code the first tenant also uses is the second tenant's own.
    const row = campaigns.values.length;
    const values: Record<string, string> = { code: 'CC-TET-2026', name: 'Tết của Bếp Việt', brand_code: 'BEPVIET', objective: 'sale', status: 'draft' };
    campaigns.values.push(campaigns.values[0]!.map((name) => values[String(name)] ?? ''));
    const summary = planner.call<{ counts: Record<string, number> }>('menuPush');
    expect(summary.counts).toMatchObject({ created: 1, error: 0 });
    expect(campaigns.values[row]![column(campaigns, '_sync_status')]).toBe('created');

    const first = loadAddon({ serverUrl: server.url, email: PLANNER_EMAIL });
    first.call('menuSetUpSheets');
    first.call('menuPull');
    const firstCampaigns = first.sheet('Campaigns');
    expect(columnValues(firstCampaigns, 'code').sort()).toEqual(['CC-TET-2026', 'HNF-MUT-TET-2026']);
    expect(columnValues(firstCampaigns, 'name')).not.toContain('Tết của Bếp Việt');
    expect(columnValues(first.sheet('Brands'), 'code')).not.toContain('BEPVIET');
  });
});

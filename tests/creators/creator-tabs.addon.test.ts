/**
 * Issue 14, item 6, in the add-on: the KOC database's new tables are sheet tabs like the others,
 * set up from GET /api/v1/tables, pulled, and pushed through the write door. The built add-on in
 * a sandbox against the real server with the sample data (tests/addon/support/addon-harness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../sync-server/src/contract/sync-payloads.js';
import { type AddonSandbox, type RealServer, ensureAddonBuilt, loadAddon, startRealServer } from '../addon/support/addon-harness.js';
import { cell, column, findRow, setCell } from '../addon/support/sheet-cells.js';

let server: RealServer;

beforeAll(async () => {
  [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function setUp(): AddonSandbox {
  const addon = loadAddon({ serverUrl: server.url });
  addon.call('menuSetUpSheets');
  addon.call('menuPull');
  return addon;
}

describe('the KOC database tabs', () => {
  it('are set up with the other tabs, the tag map pulled with its creators and tags, types as dropdowns', () => {
    const addon = setUp();
    expect(addon.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Creator tags', 'Creator tag map', 'Creator notes', 'Creator rate cards']));
    const tagMap = addon.sheet('Creator tag map');
    const linh = tagMap.values.slice(1).filter((row) => row[column(tagMap, 'creator_key')] === 'KOC-LINHBEAUTY').map((row) => row[column(tagMap, 'tag_name')]);
    expect(linh.sort()).toEqual(['beauty', 'chot-don-tot']);
    expect(tagMap.validations.get(column(tagMap, 'tag_name') + 1)).toMatchObject({ kind: 'range', a1: "'Creator tags'!A2:A" });
    const notes = addon.sheet('Creator notes');
    expect(notes.validations.get(column(notes, 'note_type') + 1)).toMatchObject({ kind: 'list', values: ['Call', 'Meeting', 'Complaint', 'Compliment'] });
  });

  it('push a note typed in the sheet to the server', async () => {
    const addon = setUp();
    const notes = addon.sheet('Creator notes');
    const added = notes.values.length + 1;
    for (const [name, value] of Object.entries({ creator_key: 'KOC-THAOVY', note_type: 'Meeting', title: 'Họp về vi phạm độc quyền', content: 'Không book lại trong 2026.' })) setCell(notes, added, name, value);
    const summary = addon.call<{ counts: Record<string, number> }>('menuPush');
    expect(summary.counts).toMatchObject({ created: 1, error: 0 });
    expect(cell(notes, added, '_sync_status')).toBe('created');

    const pulled = await server.api<PullResponse>('GET', '/api/v1/sync/pull?tables=creator_notes');
    const row = pulled.body.tables[0]?.rows.find((candidate) => candidate.values['title'] === 'Họp về vi phạm độc quyền');
    expect(row?.values).toMatchObject({ creator_key: 'KOC-THAOVY', note_type: 'meeting', content: 'Không book lại trong 2026.' });
    expect(findRow(notes, 'title', 'Họp về vi phạm độc quyền')).toBe(added);
  });
});

/**
 * A Vietnamese or Amharic sheet shows enum values in its language ("đang chạy"), while the codes
 * (`running`) are what the server stores and every export writes. Tested with the table payloads
 * the server really serves (GET /api/v1/tables).
 */
import { describe, expect, it } from 'vitest';
import { toPayloadValue } from '../../../addon/src/sheets/cell-values.js';
import { enumCodeToLabel, tabNameCandidates, tableTitle } from '../../../addon/src/sheets/localized-labels.js';
import { SYSTEM_COLUMNS, locateColumns } from '../../../addon/src/sheets/sheet-columns.js';
import { readSheetRows, isRowChanged } from '../../../addon/src/sheets/sheet-rows.js';
import { planTabLayout, findTabName } from '../../../addon/src/sheets/tab-layout.js';
import { ENGLISH_WRITE_LABELS, mergePulledRows } from '../../../addon/src/sheets/tab-writes.js';
import type { TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';
import { listTablePayloads } from '../../../sync-server/src/modules/tables/tables.service.js';

const tables = listTablePayloads().tables;
const creators = tables.find((table) => table.name === 'creators') as TablePayload;
const campaigns = tables.find((table) => table.name === 'campaigns') as TablePayload;
const statusColumn = campaigns.columns.find((column) => column.name === 'status')!;

describe('enum values in the sheet’s language', () => {
  it('shows the campaign statuses as Vietnamese and Amharic words in the dropdown', () => {
    for (const language of ['vi', 'am'] as const) {
      const layout = planTabLayout(campaigns, [], () => undefined, language);
      const status = layout.columns.find((column) => column.name === 'status');
      expect(status?.validation?.kind).toBe('list');
      const values = status?.validation && 'values' in status.validation ? status.validation.values : [];
      expect(values).toHaveLength(6);
      expect(values).toContain(enumCodeToLabel(statusColumn, 'running', language));
      expect(values).not.toContain('running');
    }
  });

  it('writes a pulled status as its label, reads it back as the code, and the row is not "changed"', () => {
    const header = campaigns.columns.map((column) => column.name).concat(Object.values(SYSTEM_COLUMNS));
    const map = locateColumns(campaigns, header);
    const pulled = {
      values: { code: 'C1', name: 'Tết', brand_code: 'LUMI', channel: 'tiktok', objective: 'sale', status: 'running' },
      computed: { row_version: 3 },
      rowVersion: 3,
      deleted: false,
    };
    const merged = mergePulledRows(campaigns, map, { values: [header], notes: [] }, [pulled], { ...ENGLISH_WRITE_LABELS, language: 'vi' });
    const row = merged.state.values[1]!;
    const statusCell = row[map.byName.get('status')!];
    expect(statusCell).toBe(enumCodeToLabel(statusColumn, 'running', 'vi'));
    expect(statusCell).not.toBe('running');
    const [sheetRow] = readSheetRows(campaigns, map, merged.state.values);
    expect(sheetRow?.values['status']).toBe('running');
    expect(isRowChanged(sheetRow!)).toBe(false);
  });

  it('sends a label typed in any language, in any case, as its code', () => {
    const gender = creators.columns.find((column) => column.name === 'gender')!;
    expect(toPayloadValue('Nữ', gender)).toBe('female');
    expect(toPayloadValue(enumCodeToLabel(gender, 'female', 'am'), gender)).toBe('female');
    expect(toPayloadValue('female', gender)).toBe('female');
    // Not a value at all: sent as typed, for the server to name the cell and what it accepts.
    expect(toPayloadValue('robot', gender)).toBe('robot');
  });
});

describe('tab names in three languages', () => {
  it('names a new tab in the planner’s language and finds it again under any language', () => {
    const vietnamese = tableTitle(campaigns, 'vi');
    const amharic = tableTitle(campaigns, 'am');
    expect(vietnamese).toBe('Chiến dịch');
    expect(amharic).toMatch(/[\u1200-\u137F]/);
    expect(tabNameCandidates(campaigns)).toEqual(expect.arrayContaining(['Campaigns', vietnamese, amharic, 'campaigns']));
    expect(findTabName(campaigns, ['Brands', amharic])).toBe(amharic);
  });
});

/**
 * Issue 13's "done when", in the vm (the built Code.js, the Apps Script fakes, the REAL server):
 * in each language a planner sees a refused transition, an import problem and a health flag in
 * that language — the add-on's words and the server's, which the add-on asks for with
 * Accept-Language. Vietnamese comes from the spreadsheet's locale, Amharic from the planner's own
 * choice in the sidebar (stored per user, and on the server), English is the default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddonSandbox, type RealServer, ensureAddonBuilt, loadAddon, startRealServer } from './support/addon-harness.js';
import { column } from './support/sheet-cells.js';

let server: RealServer;

beforeAll(async () => {
  [server] = await Promise.all([startRealServer(), ensureAddonBuilt()]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const ETHIOPIC = /[\u1200-\u137F]/;
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

type View = {
  detail: { status: string; flags: Array<{ code: string; message: string }> };
  transitions: { blocked: Array<{ to: string; reasons: Array<{ code: string; message: string }> }> };
};
type ImportResult = { report: { files: Array<{ problems: Array<{ row: number | null; column: string | null; message: string }> }> } };

/** A new draft campaign typed into the tab's first empty row, as a planner would. */
function addCampaignRow(addon: AddonSandbox, tab: string, code: string): void {
  const campaigns = addon.sheet(tab);
  const line: Array<string | number> = new Array<string>(campaigns.values[0]?.length ?? 0).fill('');
  const values = { code, name: `Thử ngôn ngữ ${code}`, brand_code: 'COCOON', channel: 'tiktok', objective: 'awareness', status: 'draft', start_date: '01/06/2026', end_date: '30/06/2026' };
  for (const [name, value] of Object.entries(values)) line[column(campaigns, name)] = value;
  campaigns.values.push(line);
}

const csv = (lines: string[]): string => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
const creatorsHeader = 'creator_key,name,alias,gender,dob,location,niche,status,priority_score,note_internal';

/** What a planner meets in one language: the three kinds of message issue 13 names. */
function meetTheMessages(addon: AddonSandbox, campaignsTab: string, code: string) {
  addCampaignRow(addon, campaignsTab, code);
  addon.call('menuPush');
  addon.call('transitionCampaign', code, 'planned');
  let refusal = '';
  try {
    addon.call('transitionCampaign', code, 'running');
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error);
  }
  const view = addon.call<View>('getCampaignView', code);
  const running = view.transitions.blocked.find((blocked) => blocked.to === 'running');
  const flagged = addon.call<View>('getCampaignView', 'HNF-MUT-TET-2026');
  const checked = addon.call<ImportResult>('importFile', { fileName: 'creators.csv', base64: csv([creatorsHeader, `KOC-LANG-${code},Người Thử,,female,,Huế,beauty,vip,5,`]), dryRun: true, createMissing: false });
  return {
    refusal,
    reason: running?.reasons[0],
    flag: flagged.detail.flags.find((flag) => flag.code === 'AT_RISK_DEADLINE'),
    problem: checked.report.files[0]?.problems[0],
  };
}

describe('each language end to end in the add-on', () => {
  it('English by default: the reason, the flag and the import problem in English, with stable codes', () => {
    const addon = loadAddon({ serverUrl: server.url });
    addon.call('menuSetUpSheets');
    addon.call('menuPull');
    const seen = meetTheMessages(addon, 'Campaigns', 'LANG-EN');
    expect(seen.reason?.code).toBe('MISSING_CREATOR');
    expect(seen.refusal).toContain(seen.reason?.message);
    expect(seen.reason?.message).toMatch(/creator/i);
    expect(seen.flag?.message).toMatch(/[a-z]/);
    expect(seen.problem).toMatchObject({ row: 2, column: 'status' });
    expect(seen.problem?.message).toContain('vip');
  });

  it('Vietnamese from the spreadsheet’s locale: Vietnamese tabs, dropdown words and server messages', () => {
    const addon = loadAddon({ serverUrl: server.url, locale: 'vi_VN' });
    addon.call('menuSetUpSheets');
    addon.call('menuPull');
    expect(addon.spreadsheet.sheets.map((sheet) => sheet.name)).toContain('Chiến dịch');
    const campaigns = addon.sheet('Chiến dịch');
    const status = campaigns.validations.get(column(campaigns, 'status') + 1) as { values: string[] };
    expect(status.values).toContain('nháp');
    const seen = meetTheMessages(addon, 'Chiến dịch', 'LANG-VI');
    expect(seen.reason?.code).toBe('MISSING_CREATOR');
    expect(seen.reason?.message).toMatch(VIETNAMESE);
    expect(seen.refusal).toContain(seen.reason?.message);
    expect(seen.flag?.message).toMatch(VIETNAMESE);
    expect(seen.problem).toMatchObject({ row: 2, column: 'status' });
    expect(seen.problem?.message).toContain('vip');
    expect(seen.problem?.message).toMatch(VIETNAMESE);
    // The status the server stored is the code; the tab shows the word.
    const row = campaigns.values.findIndex((line) => line[column(campaigns, 'code')] === 'LANG-VI');
    expect(campaigns.values[row]?.[column(campaigns, 'status')]).toBe('đã lên kế hoạch');
  });

  it('Amharic chosen in the sidebar: stored for the planner, then every message in Ethiopic script', () => {
    const addon = loadAddon({ serverUrl: server.url });
    const context = addon.call<{ language: string; chosenLanguage: string | null }>('chooseLanguage', 'am');
    expect(context).toMatchObject({ language: 'am', chosenLanguage: 'am' });
    expect(addon.services.userProperties.getProperty('BOOKING_CENTER_LANGUAGE')).toBe('am');
    addon.call('menuSetUpSheets');
    addon.call('menuPull');
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(ETHIOPIC);
    const campaignsTab = addon.spreadsheet.sheets.map((sheet) => sheet.name).find((name) => ETHIOPIC.test(name) && addon.sheet(name).values[0]?.includes('objective'));
    expect(campaignsTab).toBeDefined();
    const seen = meetTheMessages(addon, campaignsTab!, 'LANG-AM');
    expect(seen.reason?.code).toBe('MISSING_CREATOR');
    expect(seen.reason?.message).toMatch(ETHIOPIC);
    expect(seen.refusal).toContain(seen.reason?.message);
    expect(seen.flag?.message).toMatch(ETHIOPIC);
    expect(seen.problem).toMatchObject({ row: 2, column: 'status' });
    expect(seen.problem?.message).toMatch(ETHIOPIC);

    // A new spreadsheet, the same planner: the choice follows them (a user property).
    const again = loadAddon({ serverUrl: server.url });
    again.services.userProperties.setProperty('BOOKING_CENTER_LANGUAGE', 'am');
    expect(again.call<{ language: string }>('getSidebarContext').language).toBe('am');
  });
});

/**
 * Issue 10, "Done when": every case of its first list, replayed at every door (the sheet push,
 * the import upload, the import CLI and the REST actions), is refused with the rule's words and
 * leaves the database as it was, or is written whole with its audit and its events.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentResponseSchema,
  duplicateResponseSchema,
  importReportSchema,
  pullResponseSchema,
  pushResponseSchema,
  type CellRecord,
  type ImportReport,
  type PushResponse,
  type PushTable,
} from '../../sync-server/src/contract/sync-payloads.js';
import type { PrismaClient } from '../../sync-server/src/generated/prisma/client.js';
import { sampleCampaigns } from '../../sync-server/src/modules/seed/sample-data.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { signIdToken, startTestServer, type TestServer } from '../support/test-server.js';
import {
  campaignRow,
  createDoorCampaigns,
  doorCampaigns,
  POSTMORTEM_BRIEF,
  runCliCases,
  toTemplateCsv,
  type CliCaseInput,
  type CliCaseResults,
  type DoorCampaigns,
  type TemplateRow,
} from '../support/write-door.js';

// ── The rules' words, as a person reads them (the English half of each message) ─────────────

const LEAD_CANNOT_CANCEL = /^Your role \(lead\) can't cancel campaigns\.$/;
const LEAD_CANNOT_BUDGET = /^Your role \(lead\) can't change campaign budgets\.$/;
const BLACKLISTED = /^Trịnh Thảo Vy is blacklisted: only an admin can assign this creator\.$/;
const DRAFT_TO_RUNNING = /^A draft campaign can't move to running; it can move to: planned, paused, canceled\.$/;
const terminal = (code: string) => new RegExp(`^${code} is finished: only its description \\(insights, postmortem\\) can still change\\.$`);

/** A sample campaign as a campaigns.csv row (sample-data.ts), with changes. */
function sampleCampaignRow(code: string, overrides: TemplateRow = {}): TemplateRow {
  const sample = sampleCampaigns.find((campaign) => campaign.code === code)!;
  return {
    code: sample.code,
    name: sample.name,
    brand_code: sample.brandCode,
    channel: sample.channel,
    objective: sample.objective,
    description: sample.description,
    start_date: sample.startDate,
    end_date: sample.endDate,
    budget_planned: sample.budgetPlanned,
    kpi_view: sample.kpiView,
    kpi_order: sample.kpiOrder,
    kpi_revenue: sample.kpiRevenue,
    status: sample.status,
    owner_username: sample.ownerUsername,
    ...overrides,
  };
}

/** What a person would look at: the stored campaign, in plain values. */
async function campaignState(prisma: PrismaClient, code: string) {
  const campaign = await prisma.campaign.findFirstOrThrow({ where: { code } });
  return {
    status: campaign.status,
    name: campaign.name,
    budgetPlanned: campaign.budgetPlanned === null ? null : Number(campaign.budgetPlanned),
    startDate: campaign.startDate?.toISOString().slice(0, 10) ?? null,
    description: campaign.description,
    rowVersion: campaign.rowVersion,
  };
}

async function liveCreatorKeys(prisma: PrismaClient, campaignCode: string): Promise<string[]> {
  const rows = await prisma.campaignCreator.findMany({ where: { campaign: { code: campaignCode }, deletedAt: null }, include: { creator: true } });
  return rows.map((row) => row.creator.creatorKey).sort();
}

async function paymentsOfBooking(prisma: PrismaClient, bookingCode: string) {
  const rows = await prisma.payment.findMany({ where: { booking: { code: bookingCode }, deletedAt: null }, include: { campaign: true, creator: true } });
  return rows.map((row) => ({ ref: row.paymentRef, amount: Number(row.amount), campaign: row.campaign.code, creator: row.creator.creatorKey })).sort((a, b) => String(a.ref).localeCompare(String(b.ref)));
}

const BK_0002_PAYMENTS = [{ ref: 'PAY-BK-0002-1', amount: 12_000_000, campaign: 'CC-TET-2026', creator: 'KOC-BAOTRAMSKIN' }];

/** A new payment of BK-0002 (campaign CC-TET-2026, creator KOC-BAOTRAMSKIN) filed under other keys. */
function misfiledPayment(campaignCode: string, creatorKey: string, amount = '3000000'): TemplateRow {
  return {
    booking_code: 'BK-0002', campaign_code: campaignCode, creator_key: creatorKey, amount, currency: 'VND', exchange_rate: null, amount_vnd: amount,
    payment_date: '2026-01-28', payment_method: 'bank_transfer', status: 'planned', invoice_number: null, note: 'Thanh toán story', created_by_username: null,
  };
}

/** A new booking of CC-TET-2026 (a COCOON campaign) that says it is for HANOIFOOD. */
function wrongBrandBooking(code: string): TemplateRow {
  return {
    code, campaign_code: 'CC-TET-2026', brand_code: 'HANOIFOOD', creator_key: 'KOC-LINHBEAUTY', platform: null, handle: null, product_code: null, booking_type: 'video_only',
    brief_summary: '1 video mứt Tết', start_date: '2026-01-10', end_date: '2026-01-20', total_fee_agreed: '5000000', currency: 'VND', deliverables_count_planned: 1, status: 'negotiating', internal_note: null,
  };
}

// ── The import CLI's cases: what each imports, and as whom ─────────────────────────────────────

const cli$ = doorCampaigns('CLI');
const CLI_NOTES = `${POSTMORTEM_BRIEF}\n\n## Insights\nĐăng lúc 20h tốt nhất.`;
const campaignsCsv = (...rows: TemplateRow[]) => ({ 'campaigns.csv': toTemplateCsv('campaigns', rows) });
const assignmentsCsv = (campaignCode: string) => ({ 'campaign_creators.csv': toTemplateCsv('campaign_creators', [{ campaign_code: campaignCode, creator_key: 'KOC-THAOVY', role: 'trial' }]) });
/** What each case imports, and as whom. Each works on its own campaigns of doorCampaigns('CLI'). */
const CLI_CASES = {
  cancel: { as: 'minh.tran', files: campaignsCsv(sampleCampaignRow('HNF-MUT-TET-2026', { status: 'canceled', budget_planned: '1' })) },
  blacklistLead: { as: 'minh.tran', files: assignmentsCsv(cli$.blacklistLead.code) },
  blacklistAdmin: { as: 'lan.nguyen', files: assignmentsCsv(cli$.blacklistAdmin.code) },
  draftToRunning: { as: 'minh.tran', files: campaignsCsv(campaignRow(cli$.draft, { status: 'running' })) },
  finishedEdit: { as: 'lan.nguyen', files: campaignsCsv(campaignRow(cli$.finished, { name: 'Tên mới', budget_planned: '99000000' })) },
  finishedNotes: { as: 'lan.nguyen', files: campaignsCsv(campaignRow(cli$.finishedNotes, { description: CLI_NOTES })) },
  finishWithoutPostmortem: { as: 'lan.nguyen', files: campaignsCsv(campaignRow(cli$.planned, { status: 'finished' }), campaignRow(cli$.running, { status: 'finished' })) },
  oneBadRow: {
    as: 'minh.tran',
    files: campaignsCsv(
      campaignRow({ code: 'WD-CLI-NEW-1', brandCode: 'HANOIFOOD', status: 'draft' }),
      campaignRow({ code: 'WD-CLI-NEW-2', brandCode: 'HANOIFOOD', status: 'draft' }),
      campaignRow(cli$.atomic, { status: 'running' }),
    ),
  },
} satisfies Record<string, CliCaseInput>;

describe('the write door holds the same rules at every door', () => {
  // ── The HTTP doors share one server; each door works on its own campaigns ──────────────────
  let server: TestServer;
  let push$: DoorCampaigns;
  let upload$: DoorCampaigns;
  let rest$: DoorCampaigns;
  const db = () => server.database.prisma;

  beforeAll(async () => {
    server = await startTestServer();
    push$ = await createDoorCampaigns(db(), 'PUSH');
    upload$ = await createDoorCampaigns(db(), 'UP');
    rest$ = await createDoorCampaigns(db(), 'REST');
  });
  afterAll(async () => server?.dispose());

  const headersOf = async (username: string) => server.authAs(username);

  describe('sheet push (POST /api/v1/sync/push)', () => {
    const pullRows = async (table: string, headers: Record<string, string>) => {
      const response = await fetch(`${server.url}/api/v1/sync/pull?tables=${table}`, { headers });
      expect(response.status).toBe(200);
      return pullResponseSchema.parse(await response.json()).tables[0]!.rows;
    };
    /** The row of `table` whose values match, as the sheet holds it after a pull. */
    const pulled = async (table: string, match: (values: CellRecord) => boolean, username = 'minh.tran') => {
      const row = (await pullRows(table, await headersOf(username))).find((candidate) => match(candidate.values));
      if (!row) throw new Error(`no ${table} row matched`);
      return row;
    };
    const pulledCampaign = (code: string, username = 'minh.tran') => pulled('campaigns', (values) => values.code === code, username);
    const pushAs = async (headers: Record<string, string>, tables: PushTable[]): Promise<PushResponse> => {
      const response = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: randomUUID(), tables }),
      });
      expect(response.status).toBe(200);
      return pushResponseSchema.parse(await response.json());
    };
    const push = async (username: string, tables: PushTable[]) => pushAs(await headersOf(username), tables);
    /** Pushes one edited campaign row, as the sheet sends it: every cell, with the pulled version. */
    const pushCampaignEdit = async (code: string, changes: CellRecord, username = 'minh.tran') => {
      const row = await pulledCampaign(code, username);
      return push(username, [{ table: 'campaigns', rows: [{ rowNumber: 7, rowVersion: row.rowVersion, values: { ...row.values, ...changes } }] }]);
    };
    const onlyResult = (response: PushResponse) => {
      expect(response.tables).toHaveLength(1);
      expect(response.tables[0]!.results).toHaveLength(1);
      return response.tables[0]!.results[0]!;
    };

    it("a lead's push that cancels HNF-MUT-TET-2026 and sets its budget to 1 is refused and changes nothing", async () => {
      const before = await campaignState(db(), 'HNF-MUT-TET-2026');
      const response = await pushCampaignEdit('HNF-MUT-TET-2026', { status: 'canceled', budget_planned: 1 });
      expect(response.applied).toBe(false);
      const result = onlyResult(response);
      expect(result.status).toBe('error');
      expect(result.errors?.status).toEqual([expect.stringMatching(LEAD_CANNOT_CANCEL)]);
      expect(result.errors?.budget_planned).toEqual([expect.stringMatching(LEAD_CANNOT_BUDGET)]);
      expect(await campaignState(db(), 'HNF-MUT-TET-2026')).toEqual(before);
      expect(before).toMatchObject({ status: 'planned', budgetPlanned: 80_000_000 });
    });

    it("a lead's push assigning the blacklisted KOC-THAOVY is refused; an admin's is saved", async () => {
      const assignment = (campaignCode: string) => ({ table: 'campaign_creators', rows: [{ rowNumber: 4, rowVersion: null, values: { campaign_code: campaignCode, creator_key: 'KOC-THAOVY', role: 'trial', note: null } }] });
      const refused = await push('minh.tran', [assignment(push$.blacklistLead.code)]);
      expect(refused.applied).toBe(false);
      expect(onlyResult(refused)).toMatchObject({ status: 'error', errors: { creator_key: [expect.stringMatching(BLACKLISTED)] } });
      expect(await liveCreatorKeys(db(), push$.blacklistLead.code)).toEqual([]);

      const accepted = await push('lan.nguyen', [assignment(push$.blacklistAdmin.code)]);
      expect(accepted.applied).toBe(true);
      expect(onlyResult(accepted).status).toBe('created');
      expect(onlyResult(accepted).warnings).toEqual([expect.stringMatching(/blacklisted: assigned by an admin/)]);
      expect(await liveCreatorKeys(db(), push$.blacklistAdmin.code)).toEqual(['KOC-THAOVY']);
    });

    it('a draft pushed straight to running is refused with the transition message and stays a draft', async () => {
      const before = await campaignState(db(), push$.draft.code);
      const response = await pushCampaignEdit(push$.draft.code, { status: 'running' });
      expect(response.applied).toBe(false);
      expect(onlyResult(response).errors?.status).toEqual([expect.stringMatching(DRAFT_TO_RUNNING)]);
      expect(await campaignState(db(), push$.draft.code)).toEqual(before);
    });

    it("an admin's push renaming a finished campaign and changing its budget is refused (CAMPAIGN_TERMINAL)", async () => {
      const { code } = push$.finished;
      const before = await campaignState(db(), code);
      const response = await pushCampaignEdit(code, { name: 'Tên mới', budget_planned: 99_000_000 }, 'lan.nguyen');
      expect(response.applied).toBe(false);
      const result = onlyResult(response);
      expect(result.errors?.name).toEqual([expect.stringMatching(terminal(code))]);
      expect(result.errors?.budget_planned).toEqual([expect.stringMatching(terminal(code))]);
      expect(await campaignState(db(), code)).toEqual(before);
    });

    it("a finished campaign's description (its insights) can still be pushed", async () => {
      const { code } = push$.finishedNotes;
      const description = `${POSTMORTEM_BRIEF}\n\n## Insights\nKhách quay lại sau 2 tuần.`;
      const response = await pushCampaignEdit(code, { description }, 'lan.nguyen');
      expect(response.applied).toBe(true);
      expect(onlyResult(response).status).toBe('updated');
      expect(await campaignState(db(), code)).toMatchObject({ status: 'finished', description });
    });

    it('a planned campaign that loses its start date in a push (status unchanged) is refused', async () => {
      const { code } = push$.planned;
      const before = await campaignState(db(), code);
      const response = await pushCampaignEdit(code, { start_date: null });
      expect(response.applied).toBe(false);
      expect(onlyResult(response).errors?.start_date).toEqual([expect.stringMatching(new RegExp(`^${code} is planned: A planned campaign needs a start date\\.$`))]);
      expect(await campaignState(db(), code)).toEqual(before);
      expect(before.startDate).toBe('2026-03-01');
    });

    it('deleting the last creator of a running campaign in a push is refused (MISSING_CREATOR) and the creator stays', async () => {
      const { code } = push$.running;
      const mapping = await pulled('campaign_creators', (values) => values.campaign_code === code);
      const response = await push('minh.tran', [
        { table: 'campaign_creators', rows: [], deletions: [{ rowNumber: 6, key: { campaign_code: code, creator_key: 'KOC-HOANGANHREVIEW' }, rowVersion: mapping.rowVersion }] },
      ]);
      expect(response.applied).toBe(false);
      const result = onlyResult(response);
      expect(result.status).toBe('error');
      expect(Object.values(result.errors ?? {}).flat()).toEqual([expect.stringMatching(new RegExp(`^${code} is running: Add at least one creator before the campaign runs\\.$`))]);
      expect(await liveCreatorKeys(db(), code)).toEqual(['KOC-HOANGANHREVIEW']);
    });

    it('a payment of BK-0002 pushed under another campaign, or another creator, is refused and nothing is filed', async () => {
      const asPaymentRow = (values: TemplateRow) => ({ table: 'payments', rows: [{ rowNumber: 9, rowVersion: null, values: values as CellRecord }] });
      const otherCampaign = await push('huong.le', [asPaymentRow(misfiledPayment('HNF-MUT-TET-2026', 'KOC-BAOTRAMSKIN'))]);
      expect(otherCampaign.applied).toBe(false);
      expect(onlyResult(otherCampaign).errors?.campaign_code).toEqual([
        expect.stringMatching(/^This payment is filed under campaign HNF-MUT-TET-2026, but booking BK-0002 belongs to campaign CC-TET-2026\.$/),
      ]);
      const otherCreator = await push('huong.le', [asPaymentRow(misfiledPayment('CC-TET-2026', 'KOC-LINHBEAUTY'))]);
      expect(otherCreator.applied).toBe(false);
      expect(onlyResult(otherCreator).errors?.creator_key).toEqual([
        expect.stringMatching(/^This payment is filed under creator KOC-LINHBEAUTY, but booking BK-0002 is with KOC-BAOTRAMSKIN\.$/),
      ]);
      expect(await paymentsOfBooking(db(), 'BK-0002')).toEqual(BK_0002_PAYMENTS);
    });

    it('moving an existing payment of BK-0002 under another campaign in a push is refused', async () => {
      const payment = await pulled('payments', (values) => values.booking_code === 'BK-0002', 'huong.le');
      const response = await push('huong.le', [{ table: 'payments', rows: [{ rowNumber: 3, rowVersion: payment.rowVersion, values: { ...payment.values, campaign_code: 'HNF-MUT-TET-2026', creator_key: 'KOL-MAIANHCOOKING' } }] }]);
      expect(response.applied).toBe(false);
      expect(onlyResult(response).status).toBe('error');
      expect(Object.values(onlyResult(response).errors ?? {}).flat().join('\n')).toMatch(/booking BK-0002 belongs to campaign CC-TET-2026/);
      expect(await paymentsOfBooking(db(), 'BK-0002')).toEqual(BK_0002_PAYMENTS);
    });

    it('a HANOIFOOD product pushed into a COCOON campaign is refused', async () => {
      const response = await push('minh.tran', [{ table: 'campaign_products', rows: [{ rowNumber: 5, rowVersion: null, values: { campaign_code: 'CC-TET-2026', brand_code: 'HANOIFOOD', product_code: 'HN-O-MAI', priority: 3, note: null } }] }]);
      expect(response.applied).toBe(false);
      expect(onlyResult(response).errors?.brand_code).toEqual([
        expect.stringMatching(/^Product HANOIFOOD\/HN-O-MAI belongs to HANOIFOOD, but campaign CC-TET-2026 belongs to COCOON\.$/),
      ]);
      const products = await db().campaignProduct.findMany({ where: { campaign: { code: 'CC-TET-2026' }, deletedAt: null }, include: { product: true } });
      expect(products.map((row) => row.product.code).sort()).toEqual(['CC-BI-BAO', 'CC-CAFE-DL']);
    });

    it("a booking pushed with a brand other than its campaign's is refused, new or edited", async () => {
      const created = await push('minh.tran', [{ table: 'bookings', rows: [{ rowNumber: 8, rowVersion: null, values: wrongBrandBooking('WD-PUSH-BK-1') as CellRecord }] }]);
      expect(created.applied).toBe(false);
      expect(onlyResult(created).errors?.brand_code).toEqual([expect.stringMatching(/^Booking WD-PUSH-BK-1 is for brand HANOIFOOD, but campaign CC-TET-2026 belongs to COCOON\.$/)]);
      expect(await db().booking.count({ where: { code: 'WD-PUSH-BK-1' } })).toBe(0);

      const bk2 = await pulled('bookings', (values) => values.code === 'BK-0002');
      const edited = await push('minh.tran', [{ table: 'bookings', rows: [{ rowNumber: 3, rowVersion: bk2.rowVersion, values: { ...bk2.values, brand_code: 'HANOIFOOD', product_code: null } }] }]);
      expect(edited.applied).toBe(false);
      expect(onlyResult(edited).errors?.brand_code).toEqual([expect.stringMatching(/^Booking BK-0002 is for brand HANOIFOOD, but campaign CC-TET-2026 belongs to COCOON\.$/)]);
      const stored = await db().booking.findFirstOrThrow({ where: { code: 'BK-0002' }, include: { brand: true, productFocus: true } });
      expect([stored.brand.code, stored.productFocus?.code, stored.rowVersion]).toEqual(['COCOON', 'CC-CAFE-DL', bk2.rowVersion]);
    });

    it('a sheet push to bookings and payments is audited field by field with actor and source, and its events are in the same transaction', async () => {
      // The add-on signs in with a Google ID token: the actor's source is the sheet.
      const sheet = { authorization: `Bearer ${signIdToken({ email: 'lan.nguyen@bookingcenter.vn' })}` };
      const booking = (await pullRows('bookings', sheet)).find((row) => row.values.code === 'BK-0003')!;
      const payment = (await pullRows('payments', sheet)).find((row) => row.values.booking_code === 'BK-0003')!;
      expect([booking.values.brief_summary, payment.values.invoice_number]).toEqual(['Livestream 60 phút làm mứt Tết', null]);
      const response = await pushAs(sheet, [
        { table: 'bookings', rows: [{ rowNumber: 4, rowVersion: booking.rowVersion, values: { ...booking.values, brief_summary: 'Livestream 90 phút làm mứt Tết' } }] },
        { table: 'payments', rows: [{ rowNumber: 5, rowVersion: payment.rowVersion, values: { ...payment.values, invoice_number: 'HD-2026-0077' } }] },
      ]);
      expect(response.applied).toBe(true);
      expect(response.tables.map((table) => [table.table, table.results[0]!.status])).toEqual([['bookings', 'updated'], ['payments', 'updated']]);

      const admin = await db().user.findFirstOrThrow({ where: { username: 'lan.nguyen' } });
      const storedBooking = await db().booking.findFirstOrThrow({ where: { code: 'BK-0003' } });
      const storedPayment = await db().payment.findFirstOrThrow({ where: { paymentRef: 'PAY-BK-0003-1' } });
      expect(storedPayment.invoiceNumber).toBe('HD-2026-0077');
      const audit = await db().auditLog.findMany({ where: { entityId: { in: [storedBooking.id, storedPayment.id] } } });
      expect(audit.map(({ entityType, entityId, action, actorId, actorLabel, source, changes }) => ({ entityType, entityId, action, actorId, actorLabel, source, changes })).sort((a, b) => a.entityType.localeCompare(b.entityType))).toEqual([
        { entityType: 'booking', entityId: storedBooking.id, action: 'update', actorId: admin.id, actorLabel: 'lan.nguyen@bookingcenter.vn', source: 'sheet', changes: { brief_summary: { before: 'Livestream 60 phút làm mứt Tết', after: 'Livestream 90 phút làm mứt Tết' } } },
        { entityType: 'payment', entityId: storedPayment.id, action: 'update', actorId: admin.id, actorLabel: 'lan.nguyen@bookingcenter.vn', source: 'sheet', changes: { invoice_number: { before: null, after: 'HD-2026-0077' } } },
      ]);

      const events = await db().outboxEvent.findMany({ where: { entityId: { in: [storedBooking.id, storedPayment.id] } }, orderBy: { position: 'asc' } });
      expect(events.map((event) => [event.eventType, event.entityId, event.source, event.actorLabel])).toEqual([
        ['booking.updated', storedBooking.id, 'sheet', 'lan.nguyen@bookingcenter.vn'],
        ['payment.updated', storedPayment.id, 'sheet', 'lan.nguyen@bookingcenter.vn'],
      ]);
      // One transaction wrote the rows, their audit and their events.
      const transactions = new Set([storedBooking.syncXid, storedPayment.syncXid, ...audit.map((entry) => entry.syncXid), ...events.map((event) => event.syncXid)]);
      expect(transactions.size).toBe(1);
      expect([...transactions][0]).toBeGreaterThan(0n);
    });

    it('a pulled payment marked paid in the sheet is that payment, paid: never filed a second time', async () => {
      // Without a payment_ref in the sheet, a payment is known by booking_code + payment_date +
      // amount; its status moves in the row (planned → pending → paid), so it is not part of the key.
      const payment = await pulled('payments', (values) => values.booking_code === 'BK-0003', 'huong.le');
      expect(payment.values).toMatchObject({ status: 'pending', amount: 20_000_000 });
      const response = await push('huong.le', [{ table: 'payments', rows: [{ rowNumber: 4, rowVersion: payment.rowVersion, values: { ...payment.values, status: 'paid', invoice_number: 'HD-BK-0003-1' } }] }]);
      expect(response.applied).toBe(true);
      expect(onlyResult(response)).toMatchObject({ status: 'updated' });
      const stored = await db().payment.findMany({ where: { booking: { code: 'BK-0003' } } });
      expect(stored.map((row) => [row.paymentRef, row.status, Number(row.amount), row.invoiceNumber])).toEqual([['PAY-BK-0003-1', 'paid', 20_000_000, 'HD-BK-0003-1']]);
    });

    it('a payment pushed as paid raises payment.created and payment.paid with the row', async () => {
      const values = { booking_code: 'BK-0003', campaign_code: 'HNF-MUT-TET-2026', creator_key: 'KOL-MAIANHCOOKING', amount: 20_000_000, currency: 'VND', exchange_rate: null, amount_vnd: 20_000_000, payment_date: '2026-01-31', payment_method: 'bank_transfer', status: 'paid', invoice_number: 'HD-2026-0101', note: 'Thanh toán nốt', created_by_username: 'huong.le' };
      const response = await push('huong.le', [{ table: 'payments', rows: [{ rowNumber: 6, rowVersion: null, values }] }]);
      expect(onlyResult(response).status).toBe('created');
      const stored = await db().payment.findFirstOrThrow({ where: { booking: { code: 'BK-0003' }, invoiceNumber: 'HD-2026-0101' } });
      const events = await db().outboxEvent.findMany({ where: { entityId: stored.id }, orderBy: { position: 'asc' } });
      expect(events.map((event) => [event.eventType, event.entityType, event.syncXid])).toEqual([
        ['payment.created', 'payment', stored.syncXid],
        ['payment.paid', 'payment', stored.syncXid],
      ]);
      expect(events[1]!.data).toMatchObject({ id: stored.id, from: null, to: 'paid' });
      const audit = await db().auditLog.findMany({ where: { entityType: 'payment', entityId: stored.id } });
      expect(audit.map(({ action, source, actorLabel }) => ({ action, source, actorLabel }))).toEqual([{ action: 'create', source: 'api', actorLabel: 'huong.le@bookingcenter.vn' }]);
      expect(audit[0]!.changes).toMatchObject({ status: { before: null, after: 'paid' }, amount: { before: null, after: '20000000' } });
    });

    it('a campaign pushed from planned to running raises campaign.launched with the row, in the same transaction', async () => {
      const { code } = push$.launch;
      const response = await pushCampaignEdit(code, { status: 'running' });
      expect(response.applied).toBe(true);
      const campaign = await db().campaign.findFirstOrThrow({ where: { code } });
      expect(campaign.status).toBe('running');
      const events = await db().outboxEvent.findMany({ where: { entityId: campaign.id }, orderBy: { position: 'asc' } });
      expect(events.map((event) => event.eventType)).toEqual(['campaign.updated', 'campaign.launched']);
      expect(events[1]!.data).toMatchObject({ id: campaign.id, key: { code }, from: 'planned', to: 'running' });
      expect(events.every((event) => event.syncXid === campaign.syncXid && event.source === 'api' && event.actorLabel === 'minh.tran@bookingcenter.vn')).toBe(true);
    });
  });

  describe('import upload (POST /api/v1/imports)', () => {
    const upload = async (fileName: string, content: string, username = 'minh.tran'): Promise<ImportReport> => {
      const form = new FormData();
      form.append('file', new Blob([content]), fileName);
      const response = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await headersOf(username), body: form });
      expect(response.status).toBe(200);
      return importReportSchema.parse(await response.json());
    };
    const onlyFile = (report: ImportReport) => {
      expect(report.files).toHaveLength(1);
      return report.files[0]!;
    };
    const campaignsCsv = (...rows: TemplateRow[]) => toTemplateCsv('campaigns', rows);

    it("a lead's upload that cancels a campaign and sets its budget to 1 is refused and changes nothing", async () => {
      const before = await campaignState(db(), 'HNF-MUT-TET-2026');
      const file = onlyFile(await upload('campaigns.csv', campaignsCsv(sampleCampaignRow('HNF-MUT-TET-2026', { status: 'canceled', budget_planned: '1' }))));
      expect(file).toMatchObject({ table: 'campaigns', fileLabel: 'campaigns.csv', isCommitted: false });
      expect(file.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ table: 'campaigns', row: 2, column: 'status', value: 'canceled', message: expect.stringMatching(LEAD_CANNOT_CANCEL) }),
          expect.objectContaining({ table: 'campaigns', row: 2, column: 'budget_planned', message: expect.stringMatching(LEAD_CANNOT_BUDGET) }),
        ]),
      );
      expect(await campaignState(db(), 'HNF-MUT-TET-2026')).toEqual(before);
      expect(before).toMatchObject({ status: 'planned', budgetPlanned: 80_000_000 });
    });

    it("a lead's upload assigning the blacklisted KOC-THAOVY is refused; an admin's is saved", async () => {
      const csv = (campaignCode: string) => toTemplateCsv('campaign_creators', [{ campaign_code: campaignCode, creator_key: 'KOC-THAOVY', role: 'trial', note: null }]);
      const refused = onlyFile(await upload('campaign_creators.csv', csv(upload$.blacklistLead.code)));
      expect(refused.isCommitted).toBe(false);
      expect(refused.problems).toEqual([expect.objectContaining({ table: 'campaign_creators', row: 2, column: 'creator_key', value: 'KOC-THAOVY', message: expect.stringMatching(BLACKLISTED) })]);
      expect(await liveCreatorKeys(db(), upload$.blacklistLead.code)).toEqual([]);

      const accepted = onlyFile(await upload('campaign_creators.csv', csv(upload$.blacklistAdmin.code), 'lan.nguyen'));
      expect(accepted).toMatchObject({ isCommitted: true, problems: [] });
      expect(accepted.totals.created).toBe(1);
      expect(accepted.warnings).toEqual([expect.stringMatching(/^row 2: .*blacklisted: assigned by an admin/)]);
      expect(await liveCreatorKeys(db(), upload$.blacklistAdmin.code)).toEqual(['KOC-THAOVY']);
    });

    it('an uploaded draft moved straight to running is refused with the transition message', async () => {
      const before = await campaignState(db(), upload$.draft.code);
      const file = onlyFile(await upload('campaigns.csv', campaignsCsv(campaignRow(upload$.draft, { status: 'running' }))));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ row: 2, column: 'status', value: 'running', message: expect.stringMatching(DRAFT_TO_RUNNING) })]);
      expect(await campaignState(db(), upload$.draft.code)).toEqual(before);
    });

    it("an admin's upload renaming a finished campaign and changing its budget is refused (CAMPAIGN_TERMINAL)", async () => {
      const spec = upload$.finished;
      const before = await campaignState(db(), spec.code);
      const file = onlyFile(await upload('campaigns.csv', campaignsCsv(campaignRow(spec, { name: 'Tên mới', budget_planned: '99000000' })), 'lan.nguyen'));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 2, column: 'name', value: 'Tên mới', message: expect.stringMatching(terminal(spec.code)) }),
          expect.objectContaining({ row: 2, column: 'budget_planned', message: expect.stringMatching(terminal(spec.code)) }),
        ]),
      );
      expect(file.problems).toHaveLength(2);
      expect(await campaignState(db(), spec.code)).toEqual(before);
    });

    it("a finished campaign's description can still be uploaded", async () => {
      const spec = upload$.finishedNotes;
      const description = `${POSTMORTEM_BRIEF}\n\n## Insights\nVideo ngắn hiệu quả hơn livestream.`;
      const file = onlyFile(await upload('campaigns.csv', campaignsCsv(campaignRow(spec, { description })), 'lan.nguyen'));
      expect(file).toMatchObject({ isCommitted: true, problems: [] });
      expect(file.totals.updated).toBe(1);
      expect(await campaignState(db(), spec.code)).toMatchObject({ status: 'finished', description });
    });

    it('an uploaded running campaign finished without its postmortem is refused', async () => {
      // running → finished is a move an admin may make; the postmortem is what is missing.
      const spec = upload$.running;
      const before = await campaignState(db(), spec.code);
      const file = onlyFile(await upload('campaigns.csv', campaignsCsv(campaignRow(spec, { status: 'finished' })), 'lan.nguyen'));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ row: 2, column: 'description', message: expect.stringMatching(new RegExp(`^${spec.code} is finished: Write the postmortem`)) })]);
      expect(await campaignState(db(), spec.code)).toEqual(before);
    });

    it('a payment of BK-0002 uploaded under another campaign or creator is refused and nothing is filed', async () => {
      const file = onlyFile(await upload('payments.csv', toTemplateCsv('payments', [misfiledPayment('HNF-MUT-TET-2026', 'KOC-BAOTRAMSKIN'), misfiledPayment('CC-TET-2026', 'KOC-LINHBEAUTY', '4000000')]), 'huong.le'));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ table: 'payments', row: 2, column: 'campaign_code', value: 'HNF-MUT-TET-2026', message: expect.stringMatching(/^This payment is filed under campaign HNF-MUT-TET-2026, but booking BK-0002 belongs to campaign CC-TET-2026\./) }),
          expect.objectContaining({ table: 'payments', row: 3, column: 'creator_key', value: 'KOC-LINHBEAUTY', message: expect.stringMatching(/^This payment is filed under creator KOC-LINHBEAUTY, but booking BK-0002 is with KOC-BAOTRAMSKIN\./) }),
        ]),
      );
      expect(await paymentsOfBooking(db(), 'BK-0002')).toEqual(BK_0002_PAYMENTS);
    });

    it('an uploaded HANOIFOOD product for a COCOON campaign is refused', async () => {
      const file = onlyFile(await upload('campaign_products.csv', toTemplateCsv('campaign_products', [{ campaign_code: 'CC-TET-2026', brand_code: 'HANOIFOOD', product_code: 'HN-COM-VONG', priority: 2, note: null }])));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ row: 2, column: 'brand_code', value: 'HANOIFOOD', message: expect.stringMatching(/^Product HANOIFOOD\/HN-COM-VONG belongs to HANOIFOOD, but campaign CC-TET-2026 belongs to COCOON\./) })]);
      expect(await db().campaignProduct.count({ where: { campaign: { code: 'CC-TET-2026' }, product: { code: 'HN-COM-VONG' } } })).toBe(0);
    });

    it("an uploaded booking whose brand is not its campaign's is refused", async () => {
      const file = onlyFile(await upload('bookings.csv', toTemplateCsv('bookings', [wrongBrandBooking('WD-UP-BK-1')])));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ row: 2, column: 'brand_code', value: 'HANOIFOOD', message: expect.stringMatching(/^Booking WD-UP-BK-1 is for brand HANOIFOOD, but campaign CC-TET-2026 belongs to COCOON\./) })]);
      expect(await db().booking.count({ where: { code: 'WD-UP-BK-1' } })).toBe(0);
    });

    it('an uploaded file with one refused row among good ones writes none of them', async () => {
      const good = ['WD-UP-NEW-1', 'WD-UP-NEW-2'].map((code) => campaignRow({ code, brandCode: 'HANOIFOOD', status: 'draft' }));
      const countBefore = await db().campaign.count();
      const versionBefore = (await campaignState(db(), upload$.atomic.code)).rowVersion;
      const file = onlyFile(await upload('campaigns.csv', campaignsCsv(good[0]!, campaignRow(upload$.atomic, { status: 'running' }), good[1]!)));
      expect(file.isCommitted).toBe(false);
      expect(file.totals.errors).toBe(1);
      expect(file.problems).toEqual([expect.objectContaining({ row: 3, column: 'status', message: expect.stringMatching(DRAFT_TO_RUNNING) })]);
      expect(await db().campaign.count()).toBe(countBefore);
      expect(await db().campaign.count({ where: { code: { in: ['WD-UP-NEW-1', 'WD-UP-NEW-2'] } } })).toBe(0);
      expect(await campaignState(db(), upload$.atomic.code)).toMatchObject({ status: 'draft', rowVersion: versionBefore });
    });

    it('an uploaded booking edit is audited as an import, with its event, in one transaction', async () => {
      const booking = await db().booking.findFirstOrThrow({ where: { code: 'BK-0001' }, include: { campaign: true, brand: true, creator: true, channel: true, productFocus: true } });
      const row: TemplateRow = {
        code: 'BK-0001', campaign_code: booking.campaign.code, brand_code: booking.brand.code, creator_key: booking.creator.creatorKey, platform: booking.channel?.platform ?? null, handle: booking.channel?.handle ?? null,
        product_code: booking.productFocus?.code ?? null, booking_type: booking.bookingType, brief_summary: booking.briefSummary, start_date: '2026-01-05', end_date: '2026-01-20',
        total_fee_agreed: booking.totalFeeAgreed.toString(), currency: booking.currency, deliverables_count_planned: booking.deliverablesCountPlanned, status: booking.status, internal_note: 'Đã nghiệm thu',
      };
      const file = onlyFile(await upload('bookings.csv', toTemplateCsv('bookings', [row]), 'lan.nguyen'));
      expect(file).toMatchObject({ isCommitted: true, problems: [] });
      expect(file.totals.updated).toBe(1);
      const stored = await db().booking.findFirstOrThrow({ where: { code: 'BK-0001' } });
      const audit = await db().auditLog.findMany({ where: { entityType: 'booking', entityId: stored.id } });
      expect(audit.map(({ action, source, actorLabel, changes }) => ({ action, source, actorLabel, changes }))).toEqual([
        { action: 'update', source: 'import', actorLabel: 'lan.nguyen@bookingcenter.vn', changes: { internal_note: { before: null, after: 'Đã nghiệm thu' } } },
      ]);
      const events = await db().outboxEvent.findMany({ where: { entityId: stored.id } });
      expect(events.map((event) => [event.eventType, event.source, event.syncXid])).toEqual([['booking.updated', 'import', stored.syncXid]]);
      expect(audit[0]!.syncXid).toBe(stored.syncXid);
    });
  });

  describe('REST actions (POST /api/v1/campaigns/{code}/…)', () => {
    const post = async (path: string, body: unknown, username = 'minh.tran') =>
      fetch(`${server.url}/api/v1/campaigns/${path}`, { method: 'POST', headers: { ...(await headersOf(username)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refusal = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      return errorResponseSchema.parse(await response.json());
    };

    it('a lead cancelling HNF-MUT-TET-2026 through /transition is refused and it stays planned', async () => {
      const before = await campaignState(db(), 'HNF-MUT-TET-2026');
      const body = await refusal(await post('HNF-MUT-TET-2026/transition', { to: 'canceled' }), 403);
      expect(body.code).toBe('PERMISSION_DENIED');
      expect(body.detail).toMatch(/Your role \(lead\) can't cancel campaigns\./);
      expect(await campaignState(db(), 'HNF-MUT-TET-2026')).toEqual(before);
    });

    it('a draft moved straight to running through /transition is refused with the transition message', async () => {
      const before = await campaignState(db(), rest$.draft.code);
      const body = await refusal(await post(`${rest$.draft.code}/transition`, { to: 'running' }), 422);
      expect(body.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(body.detail).toContain("A draft campaign can't move to running; it can move to: planned, paused, canceled.");
      expect(body.errors.status).toEqual([expect.stringMatching(/^TRANSITION_NOT_ALLOWED: A draft campaign can't move to running/)]);
      expect(await campaignState(db(), rest$.draft.code)).toEqual(before);
    });

    it('a lead assigning the blacklisted KOC-THAOVY through /creators is refused; an admin may, with a warning', async () => {
      const refused = await refusal(await post(`${rest$.blacklistLead.code}/creators`, { creatorKeys: ['KOC-THAOVY'] }), 403);
      expect(refused.code).toBe('CREATOR_BLACKLISTED');
      expect(refused.detail).toMatch(/Trịnh Thảo Vy is blacklisted: only an admin can assign this creator\./);
      expect(await liveCreatorKeys(db(), rest$.blacklistLead.code)).toEqual([]);

      const response = await post(`${rest$.blacklistAdmin.code}/creators`, { creatorKeys: ['KOC-THAOVY'] }, 'lan.nguyen');
      expect(response.status).toBe(200);
      const body = assignmentResponseSchema.parse(await response.json());
      expect(body).toMatchObject({ added: ['KOC-THAOVY'], warnings: [expect.stringMatching(/^Trịnh Thảo Vy is blacklisted: assigned by an admin/)] });
      expect(await liveCreatorKeys(db(), rest$.blacklistAdmin.code)).toEqual(['KOC-THAOVY']);
    });

    it("a finished campaign's status, creators and products can't change through the REST actions, even for an admin", async () => {
      const { code } = rest$.finished;
      const before = await campaignState(db(), code);
      const moved = await refusal(await post(`${code}/transition`, { to: 'running' }, 'lan.nguyen'), 422);
      expect(moved.code).toBe('CAMPAIGN_TERMINAL');
      expect(moved.detail).toMatch(new RegExp(`${code} is finished: only its description`));
      const creators = await refusal(await post(`${code}/creators`, { creatorKeys: ['KOC-DUCANHEATS'] }, 'lan.nguyen'), 422);
      expect(creators.code).toBe('CAMPAIGN_TERMINAL');
      expect(creators.detail).toMatch(new RegExp(`${code} is finished: its creators and products can't change any more`));
      const products = await refusal(await post(`${code}/products`, { products: [{ brandCode: 'COCOON', productCode: 'CC-SACHI' }] }, 'lan.nguyen'), 422);
      expect(products.code).toBe('CAMPAIGN_TERMINAL');
      expect(await campaignState(db(), code)).toEqual(before);
      expect(await liveCreatorKeys(db(), code)).toEqual(['KOC-LINHBEAUTY']);
      expect(await db().campaignProduct.count({ where: { campaign: { code } } })).toBe(0);
    });

    it('a HANOIFOOD product assigned to a COCOON campaign through /products is refused', async () => {
      const body = await refusal(await post('CC-TET-2026/products', { products: [{ brandCode: 'HANOIFOOD', productCode: 'HN-MUT-TET' }] }), 422);
      expect(body.code).toBe('BRAND_MISMATCH');
      expect(body.detail).toContain('Product HANOIFOOD/HN-MUT-TET belongs to HANOIFOOD, but campaign CC-TET-2026 belongs to COCOON.');
      expect(await db().campaignProduct.count({ where: { campaign: { code: 'CC-TET-2026' }, product: { code: 'HN-MUT-TET' } } })).toBe(0);
    });

    it("a lead's duplicate of a campaign with a blacklisted creator leaves that creator out; an admin's keeps it", async () => {
      const source = rest$.withBlacklisted.code;
      const byLead = await post(`${source}/duplicate`, {});
      expect(byLead.status).toBe(201);
      const leadAnswer = duplicateResponseSchema.parse(await byLead.json());
      const leadCopy = leadAnswer.code;
      // The lead is told the copy left the blacklisted creator behind, not left to find out.
      expect(leadAnswer.leftOut).toEqual([expect.stringMatching(/blacklisted: only an admin can assign/)]);
      expect(await liveCreatorKeys(db(), leadCopy)).toEqual(['KOC-LINHBEAUTY']);

      const byAdmin = await post(`${source}/duplicate`, {}, 'lan.nguyen');
      expect(byAdmin.status).toBe(201);
      const adminCopy = duplicateResponseSchema.parse(await byAdmin.json()).code;
      expect(adminCopy).not.toBe(leadCopy);
      expect(await liveCreatorKeys(db(), adminCopy)).toEqual(['KOC-LINHBEAUTY', 'KOC-THAOVY']);
      expect(await liveCreatorKeys(db(), source)).toEqual(['KOC-LINHBEAUTY', 'KOC-THAOVY']);
    });

    it('a campaign started through /transition raises campaign.launched, audited as a transition in the same transaction', async () => {
      const { code } = rest$.launch;
      const response = await post(`${code}/transition`, { to: 'running', note: 'Bắt đầu' });
      expect(response.status).toBe(200);
      const campaign = await db().campaign.findFirstOrThrow({ where: { code } });
      expect(campaign.status).toBe('running');
      const events = await db().outboxEvent.findMany({ where: { entityId: campaign.id }, orderBy: { position: 'asc' } });
      expect(events.map((event) => event.eventType)).toEqual(['campaign.updated', 'campaign.launched']);
      expect(events[1]!.data).toMatchObject({ from: 'planned', to: 'running' });
      const audit = await db().auditLog.findMany({ where: { entityType: 'campaign', entityId: campaign.id } });
      expect(audit.map(({ action, source, note, changes }) => ({ action, source, note, changes }))).toEqual([
        { action: 'transition', source: 'api', note: 'Bắt đầu', changes: { status: { before: 'planned', after: 'running' } } },
      ]);
      expect(new Set([campaign.syncXid, ...events.map((event) => event.syncXid), ...audit.map((entry) => entry.syncXid)]).size).toBe(1);
    });
  });
});

describe('the import CLI (npx tsx scripts/import.ts --path … --as …) holds the same rules', () => {
  const actedAs = (email: string, role: string) => new RegExp(`^Importing .* as ${email.replace(/\./g, '\\.')} via npm run import \\(.*\\) \\(${role}\\)$`, 'm');

  let cli: CliCaseResults<keyof typeof CLI_CASES>;
  // A child process and a PGlite start cost seconds each: every case's import runs first, on
  // one database, then each test reads its own case's answer and rows (see runCliCases).
  beforeAll(async () => {
    cli = await runCliCases(CLI_CASES);
  }, 240_000);
  afterAll(async () => cli?.dispose());

  it("a lead's CLI import that cancels a campaign and sets its budget to 1 exits 1, names file, row, column and rule, and changes nothing", async () => {
    const { exitCode, output, prisma } = cli.of('cancel');
    expect(output).toMatch(actedAs('minh.tran@bookingcenter.vn', 'lead'));
    expect(output).toContain("campaigns.csv, row 2, column status: Your role (lead) can't cancel campaigns.");
    expect(output).toContain("campaigns.csv, row 2, column budget_planned: Your role (lead) can't change campaign budgets.");
    expect(exitCode).toBe(1);
    expect(await campaignState(prisma, 'HNF-MUT-TET-2026')).toMatchObject({ status: 'planned', budgetPlanned: 80_000_000, rowVersion: 1 });
  });

  it("a lead's CLI import assigning the blacklisted KOC-THAOVY is refused", async () => {
    const { exitCode, output, prisma } = cli.of('blacklistLead');
    expect(output).toContain('campaign_creators.csv, row 2, column creator_key: Trịnh Thảo Vy is blacklisted: only an admin can assign this creator.');
    expect(exitCode).toBe(1);
    expect(await liveCreatorKeys(prisma, cli$.blacklistLead.code)).toEqual([]);
  });

  it("an admin's CLI import may assign the blacklisted KOC-THAOVY", async () => {
    const { exitCode, output, prisma } = cli.of('blacklistAdmin');
    expect(output).toMatch(actedAs('lan.nguyen@bookingcenter.vn', 'admin'));
    expect(output).toContain('campaign_creators.csv → campaign_creators: 1 created, 0 updated, 0 unchanged, 0 errors (saved)');
    expect(output).toMatch(/warning, row 2: .*blacklisted: assigned by an admin/);
    expect(exitCode).toBe(0);
    expect(await liveCreatorKeys(prisma, cli$.blacklistAdmin.code)).toEqual(['KOC-THAOVY']);
  });

  it('a draft moved straight to running by the CLI is refused with the transition message', async () => {
    const { exitCode, output, prisma } = cli.of('draftToRunning');
    expect(output).toContain("campaigns.csv, row 2, column status: A draft campaign can't move to running; it can move to: planned, paused, canceled.");
    expect(exitCode).toBe(1);
    expect(await campaignState(prisma, cli$.draft.code)).toMatchObject({ status: 'draft', rowVersion: 1 });
  });

  it("an admin's CLI import renaming a finished campaign and changing its budget is refused (CAMPAIGN_TERMINAL)", async () => {
    const { exitCode, output, prisma } = cli.of('finishedEdit');
    const { code } = cli$.finished;
    expect(output).toContain(`campaigns.csv, row 2, column name: ${code} is finished: only its description (insights, postmortem) can still change.`);
    expect(output).toContain(`campaigns.csv, row 2, column budget_planned: ${code} is finished: only its description (insights, postmortem) can still change.`);
    expect(exitCode).toBe(1);
    expect(await campaignState(prisma, code)).toMatchObject({ name: 'Đã kết thúc', budgetPlanned: 10_000_000, rowVersion: 1 });
  });

  it("a finished campaign's description can still be imported by the CLI", async () => {
    const { exitCode, output, prisma } = cli.of('finishedNotes');
    expect(output).toContain('campaigns.csv → campaigns: 0 created, 1 updated, 0 unchanged, 0 errors (saved)');
    expect(exitCode).toBe(0);
    expect(await campaignState(prisma, cli$.finishedNotes.code)).toMatchObject({ status: 'finished', description: CLI_NOTES });
  });

  it('finishing a campaign without its postmortem through the CLI is refused, from planned and from running', async () => {
    const { exitCode, output, prisma } = cli.of('finishWithoutPostmortem');
    expect(output).toContain("campaigns.csv, row 2, column status: A planned campaign can't move to finished; it can move to: running, paused, canceled.");
    expect(output).toContain(`campaigns.csv, row 3, column description: ${cli$.running.code} is finished: Write the postmortem`);
    expect(exitCode).toBe(1);
    const states = [await campaignState(prisma, cli$.planned.code), await campaignState(prisma, cli$.running.code)];
    expect(states.map((state) => [state.status, state.rowVersion])).toEqual([['planned', 1], ['running', 1]]);
  });

  it('a CLI file with one refused row among good ones writes none of them', async () => {
    const { exitCode, output, prisma } = cli.of('oneBadRow');
    expect(output).toMatch(/^campaigns\.csv → campaigns: .*1 error \(nothing written\)$/m);
    expect(output).toContain("campaigns.csv, row 4, column status: A draft campaign can't move to running");
    expect(exitCode).toBe(1);
    // Before: the sample campaigns and this door's; the two good rows are not among them now.
    expect(await prisma.campaign.count()).toBe(sampleCampaigns.length + Object.keys(cli$).length);
    expect(await prisma.campaign.count({ where: { code: { in: ['WD-CLI-NEW-1', 'WD-CLI-NEW-2'] } } })).toBe(0);
    expect(await campaignState(prisma, cli$.atomic.code)).toMatchObject({ status: 'draft', rowVersion: 1 });
  });
});

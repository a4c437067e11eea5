/**
 * Issue 13, currencies: a USD payment of 1,000 at 25,000 đồng a dollar is 25,000,000 đồng in
 * amount_vnd and in its campaign's budget_actual (not 1,000, and never 25,000,000 + 1,000 as if
 * dollars were đồng), at every door of the write door: the sheet push, the upload, the CLI import
 * and the door REST actions use (applyActionChanges). With no rate the row is refused and
 * nothing is written. A USD conversion's revenue counts in đồng in the campaign's metrics (ROAS).
 * On both databases (TEST_DATABASE_URL runs it on PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableDefinition, type NormalisedValue } from '../../sync-server/src/contract/index.js';
import { importReportSchema, pullResponseSchema, pushResponseSchema, type CellRecord, type ImportReport, type PushResponse, type PushTable } from '../../sync-server/src/contract/sync-payloads.js';
import type { PrismaClient } from '../../sync-server/src/generated/prisma/client.js';
import type { Actor } from '../../sync-server/src/modules/access/actor.js';
import { getCampaignsHealth } from '../../sync-server/src/modules/campaigns/campaign-metrics.service.js';
import { convertToBaseCurrency } from '../../sync-server/src/modules/currencies/exchange-rates.repository.js';
import { writeTableCsv } from '../../sync-server/src/modules/exports/file-writers.js';
import { exportTable } from '../../sync-server/src/modules/exports/table-export.service.js';
import { writeWorkbook } from '../../sync-server/src/modules/imports/template-workbook.js';
import { createTenant } from '../../sync-server/src/modules/tenants/tenants.service.js';
import { isAppError } from '../../sync-server/src/platform/errors/app-error.js';
import { runInTenant } from '../../sync-server/src/platform/database/tenant-scope.js';
import { applyActionChanges } from '../../sync-server/src/write/apply-actions.js';
import type { RowChange } from '../../sync-server/src/write/change-set.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { runCliCases, toTemplateCsv, type CliCaseResults, type TemplateRow } from '../support/write-door.js';

const NO_RATE = (currency: string, day: string) =>
  new RegExp(`^No exchange rate for ${currency} on or before ${day}: add a rate for ${currency} on or before ${day} in the Exchange rates tab \\(exchange_rates\\.csv\\), or fill exchange_rate on this row\\.$`);

/** A payment of BK-0002 (campaign CC-TET-2026, creator KOC-BAOTRAMSKIN) as a payments.csv row. */
function paymentRow(overrides: TemplateRow = {}): TemplateRow {
  return {
    booking_code: 'BK-0002', campaign_code: 'CC-TET-2026', creator_key: 'KOC-BAOTRAMSKIN', amount: '1000', currency: 'USD', exchange_rate: null,
    payment_date: '2026-12-01', payment_method: 'bank_transfer', status: 'paid', invoice_number: 'INV-USD-0', note: null, created_by_username: null, ...overrides,
  };
}

/** The same payment, filed against BK-0003 (campaign HNF-MUT-TET-2026, creator KOL-MAIANHCOOKING). */
const bk0003Payment = (overrides: TemplateRow = {}) => paymentRow({ booking_code: 'BK-0003', campaign_code: 'HNF-MUT-TET-2026', creator_key: 'KOL-MAIANHCOOKING', ...overrides });

async function budgetActual(prisma: PrismaClient, campaignCode: string): Promise<number> {
  const campaign = await prisma.campaign.findFirstOrThrow({ where: { code: campaignCode }, select: { budgetActual: true } });
  return Number(campaign.budgetActual);
}

/** What the campaign's metrics say, as the sidebar and the campaign list read them. */
async function metricsOf(prisma: PrismaClient, campaignCode: string) {
  const campaign = await prisma.campaign.findFirstOrThrow({ where: { code: campaignCode }, select: { id: true } });
  const [health] = await getCampaignsHealth(prisma, [campaign.id]);
  return health!.metrics;
}

/** The stored payments of a campaign in a currency, in plain numbers. */
async function paymentsIn(prisma: PrismaClient, campaignCode: string, currency: string) {
  const rows = await prisma.payment.findMany({ where: { campaign: { code: campaignCode }, currency, deletedAt: null }, orderBy: { paymentDate: 'asc' } });
  return rows.map((row) => ({ amount: Number(row.amount), exchangeRate: row.exchangeRate === null ? null : Number(row.exchangeRate), amountVnd: row.amountVnd === null ? null : Number(row.amountVnd), day: row.paymentDate?.toISOString().slice(0, 10) }));
}

describe('amounts in another currency are converted to the base currency at every door', () => {
  let server: TestServer;
  const db = () => server.database.prisma;

  beforeAll(async () => {
    server = await startTestServer();
    // The payments below are of USD 1,000 (25,000,000 đồng); the sample bookings' fees are lower,
    // and paying more than the agreed fee is refused (issue 14). Setup, not the behaviour here.
    await server.database.prisma.booking.updateMany({ where: { code: { in: ['BK-0002', 'BK-0003'] } }, data: { totalFeeAgreed: '200000000', totalFeeVnd: '200000000' } });
  });
  afterAll(async () => server?.dispose());

  const pushAs = async (username: string, tables: PushTable[], language = 'en'): Promise<PushResponse> => {
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { ...(await server.authAs(username)), 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify({ idempotencyKey: randomUUID(), tables }),
    });
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json());
  };
  const newRows = (table: string, rows: TemplateRow[]): PushTable => ({ table, rows: rows.map((values, index) => ({ rowNumber: index + 2, rowVersion: null, values: values as CellRecord })) });
  const pull = async (table: string, username = 'huong.le') => {
    const response = await fetch(`${server.url}/api/v1/sync/pull?tables=${table}`, { headers: await server.authAs(username) });
    expect(response.status).toBe(200);
    return pullResponseSchema.parse(await response.json()).tables[0]!.rows;
  };

  describe('sheet push (POST /api/v1/sync/push)', () => {
    it('a USD payment of 1,000 with a rate of 25,000 on the day before is 25,000,000 đồng, and budget_actual grows by 25,000,000', async () => {
      const before = await budgetActual(db(), 'CC-TET-2026');
      expect(before).toBe(25_000_000);
      // The rate and the payment arrive in one push: the tabs are written rates first.
      const response = await pushAs('huong.le', [
        newRows('payments', [paymentRow()]),
        newRows('exchange_rates', [{ currency: 'usd', rate_date: '2026-11-30', rate_to_base: '25000', source: 'Vietcombank' }]),
      ]);
      expect(response.applied).toBe(true);
      const payment = response.tables.find((table) => table.table === 'payments')!.results[0]!;
      expect(payment).toMatchObject({ status: 'created', computed: { amount_vnd: 25_000_000 } });

      expect(await paymentsIn(db(), 'CC-TET-2026', 'USD')).toEqual([{ amount: 1000, exchangeRate: null, amountVnd: 25_000_000, day: '2026-12-01' }]);
      expect(await budgetActual(db(), 'CC-TET-2026')).toBe(before + 25_000_000);
      expect((await metricsOf(db(), 'CC-TET-2026')).budgetActualPaid).toBe(before + 25_000_000);
      // "usd" as typed is stored as the code the amounts meet it by.
      expect(await db().exchangeRate.findMany({ select: { currency: true } })).toEqual([{ currency: 'USD' }]);
    });

    it('the pull shows the rate in the Exchange rates tab and the payment its amount in đồng, as a read-only column', async () => {
      const rates = await pull('exchange_rates');
      expect(rates.map((row) => row.values)).toEqual([{ currency: 'USD', rate_date: '2026-11-30', rate_to_base: 25000, source: 'Vietcombank' }]);
      const payment = (await pull('payments')).find((row) => row.values.currency === 'USD')!;
      expect(payment.values).not.toHaveProperty('amount_vnd');
      expect(payment.computed).toMatchObject({ amount_vnd: 25_000_000 });
      // A viewer sees neither the amount nor its value in đồng.
      const viewer = (await pull('payments', 'an.pham')).find((row) => row.values.currency === 'USD')!;
      expect([viewer.values.amount, viewer.computed?.amount_vnd]).toEqual([null, null]);
    });

    it("a USD payment with its own exchange_rate converts at it, not at the tab's", async () => {
      const response = await pushAs('huong.le', [newRows('payments', [paymentRow({ amount: '1000', exchange_rate: '26000', payment_date: '2026-12-02' })])]);
      expect(response.applied).toBe(true);
      expect(response.tables[0]!.results[0]!.computed).toMatchObject({ amount_vnd: 26_000_000 });
      expect((await paymentsIn(db(), 'CC-TET-2026', 'USD')).at(-1)).toEqual({ amount: 1000, exchangeRate: 26000, amountVnd: 26_000_000, day: '2026-12-02' });
    });

    it('a payment in a currency with no rate is refused on its currency cell, and nothing of the push is written', async () => {
      const before = await budgetActual(db(), 'CC-TET-2026');
      const count = await db().payment.count();
      const response = await pushAs('huong.le', [newRows('payments', [paymentRow({ amount: '500', currency: 'VND', payment_date: '2026-12-05' }), paymentRow({ amount: '1001', currency: 'JPY' })])]);
      expect(response.applied).toBe(false);
      const [good, refused] = response.tables[0]!.results;
      expect(good!.status).not.toBe('error');
      expect(refused).toMatchObject({ rowNumber: 3, status: 'error', errors: { currency: [expect.stringMatching(NO_RATE('JPY', '2026-12-01'))] } });
      // A USD payment dated before the first USD rate has none either: rates apply forward only.
      const early = await pushAs('huong.le', [newRows('payments', [paymentRow({ amount: '1001', payment_date: '2026-11-29' })])]);
      expect(early.tables[0]!.results[0]!.errors?.currency).toEqual([expect.stringMatching(NO_RATE('USD', '2026-11-29'))]);
      expect([await db().payment.count(), await budgetActual(db(), 'CC-TET-2026')]).toEqual([count, before]);
    });

    it('the refusal speaks the caller’s language: Vietnamese and Amharic too', async () => {
      const vi = await pushAs('huong.le', [newRows('payments', [paymentRow({ amount: '1001', currency: 'JPY' })])], 'vi');
      expect(vi.tables[0]!.results[0]!.errors?.currency).toEqual([
        'Chưa có tỷ giá JPY vào hoặc trước ngày 2026-12-01: hãy thêm tỷ giá JPY vào hoặc trước ngày 2026-12-01 trong tab Tỷ giá (exchange_rates.csv), hoặc điền exchange_rate cho dòng này.',
      ]);
      const am = await pushAs('huong.le', [newRows('payments', [paymentRow({ amount: '1001', currency: 'JPY' })])], 'am');
      expect(am.tables[0]!.results[0]!.errors?.currency?.[0]).toMatch(/^ለJPY በ2026-12-01 .*የምንዛሪ ተመን/);
    });

    it('a rate changed later does not re-price a stored payment; editing the payment does', async () => {
      const [rate] = await pull('exchange_rates');
      const changed = await pushAs('huong.le', [{ table: 'exchange_rates', rows: [{ rowNumber: 2, rowVersion: rate!.rowVersion, values: { ...rate!.values, rate_to_base: 25_500 } }] }]);
      expect(changed.applied).toBe(true);
      expect((await paymentsIn(db(), 'CC-TET-2026', 'USD'))[0]!.amountVnd).toBe(25_000_000);

      const payment = (await pull('payments')).find((row) => row.values.currency === 'USD' && row.values.exchange_rate === null)!;
      const edited = await pushAs('huong.le', [{ table: 'payments', rows: [{ rowNumber: 5, rowVersion: payment.rowVersion, values: { ...payment.values, invoice_number: 'INV-USD-1' } }] }]);
      expect(edited.tables[0]!.results[0]).toMatchObject({ status: 'updated', computed: { amount_vnd: 25_500_000 } });
      expect((await paymentsIn(db(), 'CC-TET-2026', 'USD'))[0]!.amountVnd).toBe(25_500_000);
      // The audit shows the new value in đồng beside the edit that caused it.
      const stored = await db().payment.findFirstOrThrow({ where: { invoiceNumber: 'INV-USD-1' } });
      const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: stored.id, action: 'update' }, orderBy: { createdAt: 'desc' } });
      expect(entry.changes).toEqual({ invoice_number: { before: 'INV-USD-0', after: 'INV-USD-1' }, amount_vnd: { before: '25000000', after: '25500000' } });
    });

    it('a rate of 0 or a currency that is no code is refused in the Exchange rates tab', async () => {
      const response = await pushAs('huong.le', [
        newRows('exchange_rates', [
          { currency: 'EUR', rate_date: '2026-12-01', rate_to_base: '0', source: null },
          { currency: 'EURO', rate_date: '2026-12-01', rate_to_base: '27000', source: null },
        ]),
      ]);
      expect(response.applied).toBe(false);
      const [zero, notACode] = response.tables[0]!.results;
      expect(zero!.errors?.rate_to_base).toEqual(['rate_to_base must be more than 0: write how much 1 EUR is worth in VND.']);
      expect(notACode!.errors?.currency).toEqual(['currency “EURO” is not a currency code: write its three letters, such as VND or USD']);
    });

    it('a USD booking counts in đồng in the committed budget', async () => {
      const before = (await metricsOf(db(), 'CC-TET-2026')).budgetCommitted;
      const booking = {
        code: 'CUR-BK-USD', campaign_code: 'CC-TET-2026', brand_code: 'COCOON', creator_key: 'KOC-LINHBEAUTY', platform: null, handle: null, product_code: null, booking_type: 'video_only',
        brief_summary: null, start_date: '2026-12-10', end_date: '2026-12-20', total_fee_agreed: '400', currency: 'USD', exchange_rate: null, deliverables_count_planned: 1, status: 'confirmed', internal_note: null,
      };
      // A confirmed booking needs a deliverable (issue 14): it comes in the same push, as in the sheet.
      const deliverable = { booking_code: 'CUR-BK-USD', deliverable_type: 'video_feed', title: 'Video USD', deadline_post: '2026-12-20', quantity: 1, status: 'planned' };
      const response = await pushAs('minh.tran', [newRows('bookings', [booking]), newRows('booking_deliverables', [deliverable])]);
      expect(response.applied).toBe(true);
      // 25,500 since the rate changed above: the latest on or before 2026-12-10.
      expect(response.tables[0]!.results[0]!.computed).toMatchObject({ total_fee_vnd: 10_200_000 });
      expect((await metricsOf(db(), 'CC-TET-2026')).budgetCommitted).toBe(before + 10_200_000);
    });

    it('a USD conversion counts in đồng in the revenue and the ROAS of its campaign', async () => {
      const before = await metricsOf(db(), 'CC-TET-2026');
      const conversion = {
        platform: 'tiktok_shop', code_type: 'voucher', code_value: 'COCOONTET', order_code: 'CUR-ORDER-USD-1', order_id_external: null, order_date: '2026-12-10 20:00:00',
        revenue: '40', currency: 'USD', exchange_rate: null, source_platform: 'tiktok_shop', brand_code: null, product_code: null, quantity: 1,
      };
      const response = await pushAs('minh.tran', [newRows('conversions', [conversion])]);
      expect(response.applied).toBe(true);
      expect(response.tables[0]!.results[0]!.computed).toMatchObject({ revenue_vnd: 1_020_000 });
      const after = await metricsOf(db(), 'CC-TET-2026');
      expect(after.revenueAttributed).toBe(before.revenueAttributed + 1_020_000);
      expect(after.ordersAttributed).toBe(before.ordersAttributed + 1);
      // ROAS is shown to four decimals.
      expect(after.roas).toBeCloseTo((885_000 + 1_020_000) / after.spend, 4);
      expect(after.roas).not.toBeCloseTo((885_000 + 40) / after.spend, 4);
    });
  });

  describe('import upload (POST /api/v1/imports)', () => {
    const upload = async (fileName: string, content: Buffer | string, username = 'huong.le'): Promise<ImportReport> => {
      const form = new FormData();
      form.append('file', new Blob([content]), fileName);
      const response = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: { ...(await server.authAs(username)), 'accept-language': 'en' }, body: form });
      expect(response.status).toBe(200);
      return importReportSchema.parse(await response.json());
    };
    const toRows = (table: 'exchange_rates' | 'payments', rows: TemplateRow[]) => toTemplateCsv(table, rows).trim().split('\n').map((line) => line.split(','));

    it('a workbook with the rates and a USD payment of 1,000: 25,000,000 đồng, at the latest rate on or before its date', async () => {
      const before = await budgetActual(db(), 'HNF-MUT-TET-2026');
      const dir = await mkdtemp(join(tmpdir(), 'bc-currency-upload-'));
      try {
        const path = join(dir, 'rates-and-payments.xlsx');
        await writeWorkbook(
          [
            { tab: 'payments', rows: toRows('payments', [bk0003Payment({ payment_date: '2026-10-20' })]) },
            { tab: 'exchange_rates', rows: toRows('exchange_rates', [{ currency: 'USD', rate_date: '2026-09-01', rate_to_base: '24000' }, { currency: 'USD', rate_date: '2026-10-01', rate_to_base: '25000' }]) },
          ],
          path,
        );
        const report = await upload('rates-and-payments.xlsx', await readFile(path));
        expect(report.files.map((file) => [file.table, file.isCommitted, file.totals.created, file.problems])).toEqual([
          ['exchange_rates', true, 2, []],
          ['payments', true, 1, []],
        ]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      expect(await paymentsIn(db(), 'HNF-MUT-TET-2026', 'USD')).toEqual([{ amount: 1000, exchangeRate: null, amountVnd: 25_000_000, day: '2026-10-20' }]);
      expect(await budgetActual(db(), 'HNF-MUT-TET-2026')).toBe(before + 25_000_000);
    });

    it('a file that still carries amount_vnd (001’s template) imports; its amount_vnd is the server’s, not the file’s', async () => {
      const csv = `booking_code,campaign_code,creator_key,amount,currency,exchange_rate,amount_vnd,payment_date,payment_method,status\nBK-0003,HNF-MUT-TET-2026,KOL-MAIANHCOOKING,2000,USD,25100,1,2026-10-25,bank_transfer,planned\n`;
      const report = await upload('payments.csv', csv);
      expect(report.files[0]).toMatchObject({ isCommitted: true, problems: [] });
      expect((await paymentsIn(db(), 'HNF-MUT-TET-2026', 'USD')).at(-1)).toEqual({ amount: 2000, exchangeRate: 25100, amountVnd: 50_200_000, day: '2026-10-25' });
    });

    it('a USD payment with no rate on or before its date is refused naming its row, and the file writes nothing', async () => {
      const before = [await budgetActual(db(), 'HNF-MUT-TET-2026'), await db().payment.count()];
      const report = await upload('payments.csv', toTemplateCsv('payments', [bk0003Payment({ amount: '5', currency: 'VND', payment_date: '2026-10-26' }), bk0003Payment({ payment_date: '2026-08-31' })]));
      const [file] = report.files;
      expect(file).toMatchObject({ table: 'payments', isCommitted: false });
      expect(file!.problems).toEqual([{ table: 'payments', row: 3, column: 'currency', value: 'USD', message: expect.stringMatching(NO_RATE('USD', '2026-08-31')) }]);
      expect([await budgetActual(db(), 'HNF-MUT-TET-2026'), await db().payment.count()]).toEqual(before);
    });
  });

  describe('the REST actions’ door (applyActionChanges)', () => {
    const finance = async (): Promise<Actor> => {
      const user = await db().user.findFirstOrThrow({ where: { username: 'huong.le' } });
      return { userId: user.id, role: 'finance', label: user.email, source: 'api' };
    };
    const paymentChange = (values: TemplateRow): RowChange => ({ rowNumber: 2, values: values as Record<string, NormalisedValue> });
    const apply = async (values: TemplateRow) => applyActionChanges(db(), await finance(), () => [{ table: getTableDefinition('payments'), rows: [paymentChange(values)] }], async () => undefined);

    it('a USD payment of 1,000 written by an action is 25,000,000 đồng in amount_vnd and budget_actual', async () => {
      const before = await budgetActual(db(), 'CC-TET-2026');
      // Unread values, as an action builds them: the rule, not a cell reader, upper-cases nothing here.
      await apply(paymentRow({ payment_date: '2026-12-03', note: 'REST' }));
      const stored = await db().payment.findFirstOrThrow({ where: { note: 'REST' } });
      // 25,500: the USD rate on or before 2026-12-03 since it changed.
      expect([Number(stored.amount), Number(stored.amountVnd)]).toEqual([1000, 25_500_000]);
      expect(await budgetActual(db(), 'CC-TET-2026')).toBe(before + 25_500_000);
    });

    it('without a rate the action fails with NO_EXCHANGE_RATE (422) naming table, column and value, and writes nothing', async () => {
      const count = await db().payment.count();
      const error = await apply(paymentRow({ currency: 'CHF', amount: '1001', status: 'pending', note: 'REST-CHF' })).catch((caught: unknown) => caught);
      expect(isAppError(error)).toBe(true);
      if (!isAppError(error)) return;
      expect([error.httpStatus, error.reason]).toEqual([422, 'NO_EXCHANGE_RATE']);
      expect(error.problems).toEqual([{ table: 'payments', column: 'currency', value: 'CHF', message: expect.stringMatching(/^NO_EXCHANGE_RATE: No exchange rate for CHF on or before 2026-12-01/) }]);
      expect(await db().payment.count()).toBe(count);
    });
  });

  describe('totals', () => {
    it('a legacy USD payment without amount_vnd (written around the door) is left out of budget_actual, not added as đồng', async () => {
      const before = await budgetActual(db(), 'CC-TET-2026');
      const booking = await db().booking.findFirstOrThrow({ where: { code: 'BK-0002' } });
      await db().payment.create({ data: { bookingId: booking.id, campaignId: booking.campaignId, creatorId: booking.creatorId, amount: '1000', currency: 'USD', status: 'paid', paymentDate: new Date('2026-12-04T00:00:00Z') } });
      expect(await budgetActual(db(), 'CC-TET-2026')).toBe(before);
      expect((await metricsOf(db(), 'CC-TET-2026')).budgetActualPaid).toBe(before);
    });

    it('the payments export carries amount_vnd after the template columns; imported back, it changes only the legacy row, which gets its value', async () => {
      const before = await budgetActual(db(), 'CC-TET-2026');
      const exported = exportTable(db(), 'payments');
      expect(exported.columns.slice(-1)).toEqual(['amount_vnd']);
      const dir = await mkdtemp(join(tmpdir(), 'bc-currency-export-'));
      try {
        await writeTableCsv(exported, join(dir, 'payments.csv'));
        const text = await readFile(join(dir, 'payments.csv'), 'utf8');
        expect(text).toMatch(/,USD,26000,2026-12-02,bank_transfer,paid,INV-USD-0,,,26000000\r?\n/);
        const report = await fetch(`${server.url}/api/v1/imports`, {
          method: 'POST',
          headers: await server.authAs('huong.le'),
          body: (() => {
            const form = new FormData();
            form.append('file', new Blob([text]), 'payments.csv');
            return form;
          })(),
        });
        const file = importReportSchema.parse(await report.json()).files[0]!;
        expect([file.isCommitted, file.totals.created, file.totals.updated, file.totals.errors]).toEqual([true, 0, 1, 0]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      // The legacy payment of 2026-12-04 converted at the rate of that day (25,500) and now counts.
      expect((await paymentsIn(db(), 'CC-TET-2026', 'USD')).find((payment) => payment.day === '2026-12-04')?.amountVnd).toBe(25_500_000);
      expect(await budgetActual(db(), 'CC-TET-2026')).toBe(before + 25_500_000);
    });
  });

  it("a tenant whose base currency is USD keeps its dollars as they are and converts its đồng at its own rates", async () => {
    const prisma = db();
    const tenant = await createTenant(prisma, { code: 'usd-agency', name: 'USD agency', baseCurrency: 'USD', language: 'en' });
    const payments = getTableDefinition('payments');
    const converted = await runInTenant(tenant.id, async () => {
      await prisma.exchangeRate.create({ data: { currency: 'VND', rateDate: new Date('2026-01-01T00:00:00Z'), rateToBase: '0.00004' } });
      return convertToBaseCurrency(prisma, payments, [
        { key: 1, id: randomUUID(), currency: 'USD', amount: '1000', rate: null, day: '2026-12-01', isInstant: false },
        { key: 2, id: randomUUID(), currency: 'VND', amount: '25000000', rate: null, day: '2026-12-01', isInstant: false },
        { key: 3, id: randomUUID(), currency: 'EUR', amount: '10', rate: null, day: '2026-12-01', isInstant: false },
      ]);
    });
    expect(converted).toEqual([
      { key: 1, baseCurrency: 'USD', rateDay: '2026-12-01', baseAmount: '1000' },
      { key: 2, baseCurrency: 'USD', rateDay: '2026-12-01', baseAmount: '1000' },
      { key: 3, baseCurrency: 'USD', rateDay: '2026-12-01', baseAmount: null },
    ]);
    // The default tenant's rates are not this tenant's: its VND rate is not the USD one above.
    expect(await prisma.exchangeRate.count()).toBe(3);
  });
});

describe('the import CLI converts the same way', () => {
  let cli: CliCaseResults<'usdPayment' | 'noRate'>;

  beforeAll(async () => {
    cli = await runCliCases({
      usdPayment: {
        as: 'huong.le',
        files: {
          'exchange_rates.csv': toTemplateCsv('exchange_rates', [{ currency: 'USD', rate_date: '2026-11-30', rate_to_base: '25000', source: 'Vietcombank' }]),
          'payments.csv': toTemplateCsv('payments', [bk0003Payment()]),
        },
      },
      noRate: { as: 'huong.le', files: { 'payments.csv': toTemplateCsv('payments', [bk0003Payment({ currency: 'gbp', amount: '7' })]) } },
    });
  }, 240_000);
  afterAll(async () => cli?.dispose());

  it('a USD payment of 1,000 with its rate in the same folder: 25,000,000 đồng, and budget_actual 25,000,000 (it had no paid payment)', async () => {
    const { exitCode, prisma } = cli.of('usdPayment');
    expect(exitCode).toBe(0);
    expect(await paymentsIn(prisma, 'HNF-MUT-TET-2026', 'USD')).toEqual([{ amount: 1000, exchangeRate: null, amountVnd: 25_000_000, day: '2026-12-01' }]);
    expect(await budgetActual(prisma, 'HNF-MUT-TET-2026')).toBe(25_000_000);
  });

  it('a GBP payment with no rate exits 1 naming file, row and column, and writes nothing', async () => {
    const { exitCode, output, prisma } = cli.of('noRate');
    expect(exitCode).toBe(1);
    // Whatever language the command speaks, the file, row, cell and the rate it needs are named.
    expect(output).toMatch(/payments\.csv, \S+ 2, \S+ currency: .*GBP.*2026-12-01.*exchange_rate/);
    expect(await paymentsIn(prisma, 'HNF-MUT-TET-2026', 'GBP')).toEqual([]);
  });
});

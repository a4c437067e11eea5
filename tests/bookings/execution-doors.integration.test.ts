/**
 * Issue 14: the execution loop's rules (modules/bookings/execution.rules.ts) hold at every door
 * of the write door — the sheet push, the import upload, the import CLI and, where one exists,
 * the REST action. Each case is replayed at each door: a refusal is told in the rule's words on
 * the column it is about and leaves the rows (status, version, history) as they were; an
 * accepted change is written with what it implies (status history, budget_actual).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema, pullResponseSchema, pushResponseSchema, type CellRecord, type ImportReport, type PushResponse, type PushTable } from '../../sync-server/src/contract/sync-payloads.js';
import type { PrismaClient } from '../../sync-server/src/generated/prisma/client.js';
import { writeWorkbook } from '../../sync-server/src/modules/imports/template-workbook.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  bookingRow,
  createBookingInState,
  createCampaignInState,
  deliverableRow,
  paymentRow,
  POSTMORTEM_BRIEF,
  runCliCases,
  toTemplateCsv,
  toTemplateTab,
  type BookingSpec,
  type CampaignSpec,
  type CliCaseInput,
  type CliCaseResults,
  type DeliverableSpec,
  type TemplateRow,
} from '../support/write-door.js';

// ── The rules' words, as a person reads them (the English messages of execution.*) ──────────

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DELIVERABLES_MISSING = (code: string) => new RegExp(`Booking ${escape(code)} is “confirmed”, so it needs at least one deliverable that isn’t canceled`, 'i');
const BLACKLISTED = /Trịnh Thảo Vy is blacklisted: a booking with them can’t be “confirmed”\./i;
const DELIVERABLES_OPEN = (code: string, titles: string) => new RegExp(`Booking ${escape(code)} can be completed only when every deliverable is posted or canceled\\. Still open: ${escape(titles)}\\.`);
const CAMPAIGN_LOCKED = (campaign: string) => new RegExp(`Campaign ${escape(campaign)} is “finished”: its bookings and deliverables can’t change any more\\.`, 'i');
const LEAD_CANNOT_PAY = /Your role \(lead\) can't mark payments as paid/;
/** What a completed booking answers to any change but its note: it is closed. */
const BOOKING_CLOSED = (code: string) => new RegExp(`Booking ${escape(code)} is “completed”: only its internal note can still change\\.`, 'i');
/** A move off the lifecycle, naming where the booking can go from where it is. */
const CONFIRMED_BACK = /A booking can’t go from “confirmed” to “negotiating”\. From “confirmed” it can go to: in progress(,| and| or) canceled\./i;

// ── Each door's own campaigns and bookings, so that no case sees another door's changes ──────

const POSTED: DeliverableSpec = { title: 'Video 1', status: 'posted' };
const PLANNED: DeliverableSpec = { title: 'Video 1', status: 'planned' };
const NEW_DELIVERABLE: DeliverableSpec = { title: 'Video review mới', status: 'planned', deadlinePost: '2026-03-22' };
const FINANCE_PAYMENT = { amount: 8_000_000, invoiceNumber: 'HD-2026-0500', paymentDate: '2026-03-15' };

function executionFixtures(door: string) {
  const running: CampaignSpec = { code: `EX-${door}-RUN`, brandCode: 'COCOON', status: 'running', creators: ['KOC-LINHBEAUTY'] };
  const finished: CampaignSpec = { code: `EX-${door}-FIN`, brandCode: 'COCOON', status: 'finished', description: POSTMORTEM_BRIEF, creators: ['KOC-LINHBEAUTY'] };
  const booking = (suffix: string, spec: Partial<BookingSpec> & Pick<BookingSpec, 'status'>): BookingSpec => ({ code: `EX-${door}-${suffix}`, campaignCode: running.code, brandCode: 'COCOON', creatorKey: 'KOC-LINHBEAUTY', ...spec });
  const bookings = {
    /** a: negotiating, no deliverable: confirming it alone is refused. */
    bare: booking('BARE', { status: 'negotiating' }),
    /** a: negotiating, no deliverable; confirmed together with its first one. (The REST door has no way to add one: there it has it already.) */
    ready: booking('READY', { status: 'negotiating', deliverables: door === 'REST' ? [PLANNED] : [] }),
    /** b: the blacklisted creator, still negotiating. */
    blacklisted: booking('BLACK', { status: 'negotiating', creatorKey: 'KOC-THAOVY', deliverables: [PLANNED] }),
    /** c: in progress, one video posted and one still planned. */
    open: booking('OPEN', { status: 'in_progress', deliverables: [POSTED, { title: 'Video 2', status: 'planned' }] }),
    /** d: bookings of a finished campaign: one to re-price, one to annotate. */
    finishedFee: booking('FIN-FEE', { campaignCode: finished.code, status: 'completed', deliverables: [POSTED] }),
    finishedNote: booking('FIN-NOTE', { campaignCode: finished.code, status: 'completed', deliverables: [POSTED] }),
    /** e: in progress, its video posted, fee 20,000,000 and two pending payments: one a lead tries to pay, one finance pays. */
    paying: booking('PAY', {
      status: 'in_progress',
      fee: '20000000',
      deliverables: [POSTED],
      payments: [
        { paymentRef: `PAY-EX-${door}-LEAD`, amount: '5000000', status: 'pending' },
        { paymentRef: `PAY-EX-${door}-FIN`, amount: String(FINANCE_PAYMENT.amount), status: 'pending', paymentDate: '2026-03-12' },
      ],
    }),
    /** f: completed, to be moved back to negotiating; and a confirmed one, to be moved back too. */
    done: booking('DONE', { status: 'completed', deliverables: [POSTED] }),
    confirmed: booking('CONF', { status: 'confirmed', deliverables: [PLANNED] }),
  };
  return { running, finished, ...bookings };
}

type Fixtures = ReturnType<typeof executionFixtures>;

async function createExecutionFixtures(prisma: PrismaClient, door: string): Promise<Fixtures> {
  const fixtures = executionFixtures(door);
  await createCampaignInState(prisma, fixtures.running);
  await createCampaignInState(prisma, fixtures.finished);
  for (const value of Object.values(fixtures)) if ('campaignCode' in value) await createBookingInState(prisma, value);
  return fixtures;
}

const leadPayment = (fixtures: Fixtures) => fixtures.paying.payments![0]!;
const financePayment = (fixtures: Fixtures) => fixtures.paying.payments![1]!;

// ── What a person would look at ──────────────────────────────────────────────────────────────

/** The stored booking, in plain values, with how many status history rows it has. */
async function bookingState(prisma: PrismaClient, code: string) {
  const booking = await prisma.booking.findFirstOrThrow({ where: { code }, include: { _count: { select: { statusHistory: true, deliverables: true } } } });
  return {
    status: booking.status,
    fee: Number(booking.totalFeeAgreed),
    internalNote: booking.internalNote,
    rowVersion: booking.rowVersion,
    historyRows: booking._count.statusHistory,
    deliverables: booking._count.deliverables,
  };
}

async function historyOf(prisma: PrismaClient, code: string) {
  const rows = await prisma.bookingStatusHistory.findMany({ where: { booking: { code } }, include: { changedBy: true }, orderBy: { changedAt: 'asc' } });
  return rows.map((row) => ({ from: row.fromStatus, to: row.toStatus, by: row.changedBy?.username ?? null }));
}

async function paymentState(prisma: PrismaClient, paymentRef: string) {
  const payment = await prisma.payment.findFirstOrThrow({ where: { paymentRef } });
  return { status: payment.status, invoiceNumber: payment.invoiceNumber, paymentDate: payment.paymentDate?.toISOString().slice(0, 10) ?? null, rowVersion: payment.rowVersion };
}

async function budgetActual(prisma: PrismaClient, campaignCode: string): Promise<number> {
  return Number((await prisma.campaign.findFirstOrThrow({ where: { code: campaignCode } })).budgetActual ?? 0);
}

async function deliverableTitles(prisma: PrismaClient, bookingCode: string): Promise<string[]> {
  return (await prisma.bookingDeliverable.findMany({ where: { booking: { code: bookingCode }, deletedAt: null } })).map((row) => row.title).sort();
}

// ── The CLI door's cases: what each imports, and as whom ─────────────────────────────────────
//
// A child run costs 10–15 s of a loaded 2-core machine (tsx, then PGlite opening its folder), so
// the refusals that write nothing share a run per actor: one file whose rows are each refused
// for their own rule, each checked below against its own row of the file and its own booking.
// A row whose rule the CLI skipped would be missing its line (and, alone, would be written),
// so sharing can make a test fail, never pass. What is written gets a run of its own per actor.

const cli$ = executionFixtures('CLI');
const bookingsCsv = (...rows: TemplateRow[]) => ({ 'bookings.csv': toTemplateCsv('bookings', rows) });
const paymentsCsv = (...rows: TemplateRow[]) => ({ 'payments.csv': toTemplateCsv('payments', rows, ['payment_ref']) });
/** The rows of the admin's refused bookings.csv, by the row number the CLI names (header = 1). */
const ADMIN_REFUSED_ROWS = {
  confirmBare: { row: 2, values: bookingRow(cli$.bare, { status: 'confirmed' }) },
  confirmBlacklisted: { row: 3, values: bookingRow(cli$.blacklisted, { status: 'confirmed' }) },
  completeOpen: { row: 4, values: bookingRow(cli$.open, { status: 'completed' }) },
  finishedFee: { row: 5, values: bookingRow(cli$.finishedFee, { total_fee_agreed: '15000000' }) },
  completedBack: { row: 6, values: bookingRow(cli$.done, { status: 'negotiating' }) },
  confirmedBack: { row: 7, values: bookingRow(cli$.confirmed, { status: 'negotiating' }) },
};
const CLI_CASES = {
  refusedForAdmin: { as: 'lan.nguyen', files: bookingsCsv(...Object.values(ADMIN_REFUSED_ROWS).map((entry) => entry.values)) },
  leadPays: { as: 'minh.tran', files: paymentsCsv(paymentRow(cli$.paying, leadPayment(cli$), { status: 'paid', invoice_number: 'HD-2026-0499', payment_date: '2026-03-14' })) },
  writtenForLead: {
    as: 'minh.tran',
    files: {
      ...bookingsCsv(bookingRow(cli$.ready, { status: 'confirmed', deliverables_count_planned: 1 }), bookingRow(cli$.finishedNote, { internal_note: 'Creator giao đúng hạn' })),
      'booking_deliverables.csv': toTemplateCsv('booking_deliverables', [deliverableRow(cli$.ready.code, NEW_DELIVERABLE)]),
    },
  },
  financePays: { as: 'huong.le', files: paymentsCsv(paymentRow(cli$.paying, financePayment(cli$), { status: 'paid', invoice_number: FINANCE_PAYMENT.invoiceNumber, payment_date: FINANCE_PAYMENT.paymentDate })) },
} satisfies Record<string, CliCaseInput>;

describe('the execution loop’s rules hold at every door (issue 14)', () => {
  // ── The HTTP doors share one server; each door works on its own campaigns and bookings ─────
  let server: TestServer;
  let push$: Fixtures;
  let upload$: Fixtures;
  let rest$: Fixtures;
  const db = () => server.database.prisma;

  beforeAll(async () => {
    server = await startTestServer();
    push$ = await createExecutionFixtures(db(), 'PUSH');
    upload$ = await createExecutionFixtures(db(), 'UP');
    rest$ = await createExecutionFixtures(db(), 'REST');
  });
  afterAll(async () => server?.dispose());

  describe('sheet push (POST /api/v1/sync/push)', () => {
    const pullRows = async (table: string, username: string) => {
      const response = await fetch(`${server.url}/api/v1/sync/pull?tables=${table}`, { headers: await server.authAs(username) });
      expect(response.status).toBe(200);
      return pullResponseSchema.parse(await response.json()).tables[0]!.rows;
    };
    /** The row of `table` whose values match, as the sheet holds it after a pull. */
    const pulled = async (table: string, match: (values: CellRecord) => boolean, username: string) => {
      const row = (await pullRows(table, username)).find((candidate) => match(candidate.values));
      if (!row) throw new Error(`no ${table} row matched`);
      return row;
    };
    const push = async (username: string, tables: PushTable[]): Promise<PushResponse> => {
      const response = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { ...(await server.authAs(username)), 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: randomUUID(), tables }),
      });
      expect(response.status).toBe(200);
      return pushResponseSchema.parse(await response.json());
    };
    /** One pulled booking, edited as the sheet sends it: every cell, with the pulled version. */
    const bookingEdit = async (code: string, changes: CellRecord, username: string): Promise<PushTable> => {
      const row = await pulled('bookings', (values) => values.code === code, username);
      return { table: 'bookings', rows: [{ rowNumber: 5, rowVersion: row.rowVersion, values: { ...row.values, ...changes } }] };
    };
    const resultOf = (response: PushResponse, table: string) => {
      const results = response.tables.find((candidate) => candidate.table === table)?.results ?? [];
      expect(results).toHaveLength(1);
      return results[0]!;
    };

    it('a booking pushed to confirmed with no deliverable is refused (DELIVERABLES_MISSING) and stays negotiating', async () => {
      const { code } = push$.bare;
      const before = await bookingState(db(), code);
      const response = await push('minh.tran', [await bookingEdit(code, { status: 'confirmed' }, 'minh.tran')]);
      expect(response.applied).toBe(false);
      expect(resultOf(response, 'bookings')).toMatchObject({ status: 'error', errors: { status: [expect.stringMatching(DELIVERABLES_MISSING(code))] } });
      expect(await bookingState(db(), code)).toEqual(before);
      expect(before).toMatchObject({ status: 'negotiating', historyRows: 0 });
    });

    it('the same booking pushed to confirmed with its first deliverable in the same push is written, with a history row saying who moved it', async () => {
      const { code } = push$.ready;
      const response = await push('minh.tran', [
        await bookingEdit(code, { status: 'confirmed', deliverables_count_planned: 1 }, 'minh.tran'),
        { table: 'booking_deliverables', rows: [{ rowNumber: 9, rowVersion: null, values: deliverableRow(code, NEW_DELIVERABLE) as CellRecord }] },
      ]);
      expect(response.applied).toBe(true);
      expect(resultOf(response, 'bookings').status).toBe('updated');
      expect(resultOf(response, 'booking_deliverables').status).toBe('created');
      expect(await bookingState(db(), code)).toMatchObject({ status: 'confirmed', rowVersion: 2, deliverables: 1 });
      expect(await deliverableTitles(db(), code)).toEqual([NEW_DELIVERABLE.title]);
      expect(await historyOf(db(), code)).toEqual([{ from: 'negotiating', to: 'confirmed', by: 'minh.tran' }]);
    });

    it('a booking of the blacklisted creator pushed to confirmed is refused, even by an admin', async () => {
      const { code } = push$.blacklisted;
      const before = await bookingState(db(), code);
      const response = await push('lan.nguyen', [await bookingEdit(code, { status: 'confirmed' }, 'lan.nguyen')]);
      expect(response.applied).toBe(false);
      expect(resultOf(response, 'bookings')).toMatchObject({ status: 'error', errors: { creator_key: [expect.stringMatching(BLACKLISTED)] } });
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('a booking pushed to completed while a deliverable is still planned is refused (DELIVERABLES_OPEN), naming it', async () => {
      const { code } = push$.open;
      const before = await bookingState(db(), code);
      const response = await push('minh.tran', [await bookingEdit(code, { status: 'completed' }, 'minh.tran')]);
      expect(response.applied).toBe(false);
      expect(resultOf(response, 'bookings').errors?.status).toEqual([expect.stringMatching(DELIVERABLES_OPEN(code, 'Video 2'))]);
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('the fee of a booking of a finished campaign pushed by an admin is refused (CAMPAIGN_TERMINAL); its internal note is still saved', async () => {
      const before = await bookingState(db(), push$.finishedFee.code);
      const refused = await push('lan.nguyen', [await bookingEdit(push$.finishedFee.code, { total_fee_agreed: 15_000_000 }, 'lan.nguyen')]);
      expect(refused.applied).toBe(false);
      expect(resultOf(refused, 'bookings').errors?.total_fee_agreed).toEqual([expect.stringMatching(CAMPAIGN_LOCKED(push$.finished.code))]);
      expect(await bookingState(db(), push$.finishedFee.code)).toEqual(before);

      const noted = await push('lan.nguyen', [await bookingEdit(push$.finishedNote.code, { internal_note: 'Creator giao đúng hạn' }, 'lan.nguyen')]);
      expect(noted.applied).toBe(true);
      expect(resultOf(noted, 'bookings').status).toBe('updated');
      expect(await bookingState(db(), push$.finishedNote.code)).toMatchObject({ status: 'completed', fee: 10_000_000, internalNote: 'Creator giao đúng hạn', rowVersion: 2, historyRows: 0 });
    });

    it('a lead pushing a payment as paid is refused; finance with the invoice and the date is saved, and the campaign’s budget_actual grows', async () => {
      const budgetBefore = await budgetActual(db(), push$.running.code);
      // The pulled row, edited in place (with its payment_ref: two of this booking's payments
      // share a day and an amount, and the ref tells them apart).

      const paymentEdit = async (paymentRef: string, amount: number, changes: CellRecord, username: string): Promise<PushTable> => {
        const row = await pulled('payments', (values) => values.booking_code === push$.paying.code && values.amount === amount, username);
        return { table: 'payments', rows: [{ rowNumber: 3, rowVersion: row.rowVersion, values: { ...row.values, payment_ref: paymentRef, ...changes } }] };
      };
      const lead = leadPayment(push$);
      const before = await paymentState(db(), lead.paymentRef);
      const refused = await push('minh.tran', [await paymentEdit(lead.paymentRef, Number(lead.amount), { status: 'paid', invoice_number: 'HD-2026-0499', payment_date: '2026-03-14' }, 'minh.tran')]);
      expect(refused.applied).toBe(false);
      expect(resultOf(refused, 'payments').errors?.status).toEqual([expect.stringMatching(LEAD_CANNOT_PAY)]);
      expect(await paymentState(db(), lead.paymentRef)).toEqual(before);

      const finance = financePayment(push$);
      const paid = await push('huong.le', [await paymentEdit(finance.paymentRef, FINANCE_PAYMENT.amount, { status: 'paid', invoice_number: FINANCE_PAYMENT.invoiceNumber, payment_date: FINANCE_PAYMENT.paymentDate }, 'huong.le')]);
      expect(paid.applied).toBe(true);
      expect(resultOf(paid, 'payments').status).toBe('updated');
      expect(await paymentState(db(), finance.paymentRef)).toMatchObject({ status: 'paid', invoiceNumber: FINANCE_PAYMENT.invoiceNumber, paymentDate: FINANCE_PAYMENT.paymentDate });
      expect(await budgetActual(db(), push$.running.code)).toBe(budgetBefore + FINANCE_PAYMENT.amount);
    });

    it('a completed booking pushed back to negotiating is refused on its status and keeps its history; a confirmed one is told where it can go', async () => {
      const done = await bookingState(db(), push$.done.code);
      const fromCompleted = await push('minh.tran', [await bookingEdit(push$.done.code, { status: 'negotiating' }, 'minh.tran')]);
      expect(fromCompleted.applied).toBe(false);
      expect(resultOf(fromCompleted, 'bookings').errors?.status).toEqual([expect.stringMatching(BOOKING_CLOSED(push$.done.code))]);
      expect(await bookingState(db(), push$.done.code)).toEqual(done);

      const confirmed = await bookingState(db(), push$.confirmed.code);
      const fromConfirmed = await push('minh.tran', [await bookingEdit(push$.confirmed.code, { status: 'negotiating' }, 'minh.tran')]);
      expect(fromConfirmed.applied).toBe(false);
      expect(resultOf(fromConfirmed, 'bookings').errors?.status).toEqual([expect.stringMatching(CONFIRMED_BACK)]);
      expect(await bookingState(db(), push$.confirmed.code)).toEqual(confirmed);
    });
  });

  describe('import upload (POST /api/v1/imports)', () => {
    const upload = async (fileName: string, content: string | Buffer, username: string): Promise<ImportReport> => {
      const form = new FormData();
      form.append('file', new Blob([content]), fileName);
      const response = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs(username), body: form });
      expect(response.status).toBe(200);
      return importReportSchema.parse(await response.json());
    };
    const onlyFile = (report: ImportReport) => {
      expect(report.files).toHaveLength(1);
      return report.files[0]!;
    };
    const uploadBookings = async (username: string, ...rows: TemplateRow[]) => onlyFile(await upload('bookings.csv', toTemplateCsv('bookings', rows), username));
    const uploadPayments = async (username: string, ...rows: TemplateRow[]) => onlyFile(await upload('payments.csv', toTemplateCsv('payments', rows, ['payment_ref']), username));
    /** A workbook of several tabs, as the sheet's "Export…" gives it, uploaded as one file. */
    const uploadWorkbook = async (username: string, tabs: Array<{ tab: string; rows: string[][] }>) => {
      const folder = await mkdtemp(join(tmpdir(), 'bc-exec-xlsx-'));
      try {
        const path = join(folder, 'execution.xlsx');
        await writeWorkbook(tabs, path);
        return await upload('execution.xlsx', await readFile(path), username);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    };

    it('an uploaded booking moved to confirmed with no deliverable is refused (DELIVERABLES_MISSING) and stays negotiating', async () => {
      const { code } = upload$.bare;
      const before = await bookingState(db(), code);
      const file = await uploadBookings('minh.tran', bookingRow(upload$.bare, { status: 'confirmed' }));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ table: 'bookings', row: 2, column: 'status', message: expect.stringMatching(DELIVERABLES_MISSING(code)) })]);
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('a workbook confirming the booking with its first deliverable on the other tab is written, with a history row saying who moved it', async () => {
      const { code } = upload$.ready;
      const report = await uploadWorkbook('minh.tran', [
        toTemplateTab('bookings', [bookingRow(upload$.ready, { status: 'confirmed', deliverables_count_planned: 1 })]),
        toTemplateTab('booking_deliverables', [deliverableRow(code, NEW_DELIVERABLE)]),
      ]);
      expect(report.files.map((file) => [file.table, file.isCommitted, file.problems.length])).toEqual([
        ['bookings', true, 0],
        ['booking_deliverables', true, 0],
      ]);
      expect(await bookingState(db(), code)).toMatchObject({ status: 'confirmed', rowVersion: 2, deliverables: 1 });
      expect(await deliverableTitles(db(), code)).toEqual([NEW_DELIVERABLE.title]);
      expect(await historyOf(db(), code)).toEqual([{ from: 'negotiating', to: 'confirmed', by: 'minh.tran' }]);
    });

    it('an uploaded booking of the blacklisted creator moved to confirmed is refused, even for an admin', async () => {
      const { code } = upload$.blacklisted;
      const before = await bookingState(db(), code);
      const file = await uploadBookings('lan.nguyen', bookingRow(upload$.blacklisted, { status: 'confirmed' }));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ row: 2, column: 'creator_key', value: 'KOC-THAOVY', message: expect.stringMatching(BLACKLISTED) })]);
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('an uploaded booking moved to completed while a deliverable is still planned is refused (DELIVERABLES_OPEN)', async () => {
      const { code } = upload$.open;
      const before = await bookingState(db(), code);
      const file = await uploadBookings('minh.tran', bookingRow(upload$.open, { status: 'completed' }));
      expect(file.isCommitted).toBe(false);
      expect(file.problems).toEqual([expect.objectContaining({ row: 2, column: 'status', message: expect.stringMatching(DELIVERABLES_OPEN(code, 'Video 2')) })]);
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('an uploaded fee change of a booking of a finished campaign is refused (CAMPAIGN_TERMINAL); its internal note can still be uploaded', async () => {
      const before = await bookingState(db(), upload$.finishedFee.code);
      const refused = await uploadBookings('lan.nguyen', bookingRow(upload$.finishedFee, { total_fee_agreed: '15000000' }));
      expect(refused.isCommitted).toBe(false);
      expect(refused.problems).toEqual([expect.objectContaining({ row: 2, column: 'total_fee_agreed', message: expect.stringMatching(CAMPAIGN_LOCKED(upload$.finished.code)) })]);
      expect(await bookingState(db(), upload$.finishedFee.code)).toEqual(before);

      const noted = await uploadBookings('lan.nguyen', bookingRow(upload$.finishedNote, { internal_note: 'Creator giao đúng hạn' }));
      expect(noted).toMatchObject({ isCommitted: true, problems: [] });
      expect(noted.totals.updated).toBe(1);
      expect(await bookingState(db(), upload$.finishedNote.code)).toMatchObject({ status: 'completed', fee: 10_000_000, internalNote: 'Creator giao đúng hạn', rowVersion: 2 });
    });

    it('a lead’s upload marking a payment paid is refused; finance’s, with invoice and date, is saved and budget_actual grows', async () => {
      const budgetBefore = await budgetActual(db(), upload$.running.code);
      const lead = leadPayment(upload$);
      const before = await paymentState(db(), lead.paymentRef);
      const refused = await uploadPayments('minh.tran', paymentRow(upload$.paying, lead, { status: 'paid', invoice_number: 'HD-2026-0499', payment_date: '2026-03-14' }));
      expect(refused.isCommitted).toBe(false);
      expect(refused.problems).toEqual([expect.objectContaining({ table: 'payments', row: 2, column: 'status', message: expect.stringMatching(LEAD_CANNOT_PAY) })]);
      expect(await paymentState(db(), lead.paymentRef)).toEqual(before);

      const finance = financePayment(upload$);
      const paid = await uploadPayments('huong.le', paymentRow(upload$.paying, finance, { status: 'paid', invoice_number: FINANCE_PAYMENT.invoiceNumber, payment_date: FINANCE_PAYMENT.paymentDate }));
      expect(paid).toMatchObject({ isCommitted: true, problems: [] });
      expect(paid.totals).toMatchObject({ created: 0, updated: 1 });
      expect(await paymentState(db(), finance.paymentRef)).toMatchObject({ status: 'paid', invoiceNumber: FINANCE_PAYMENT.invoiceNumber, paymentDate: FINANCE_PAYMENT.paymentDate });
      expect(await budgetActual(db(), upload$.running.code)).toBe(budgetBefore + FINANCE_PAYMENT.amount);
    });

    it('an uploaded completed booking moved back to negotiating is refused on its status; a confirmed one is told where it can go', async () => {
      const done = await bookingState(db(), upload$.done.code);
      const fromCompleted = await uploadBookings('minh.tran', bookingRow(upload$.done, { status: 'negotiating' }));
      expect(fromCompleted.isCommitted).toBe(false);
      expect(fromCompleted.problems).toEqual([expect.objectContaining({ row: 2, column: 'status', value: 'negotiating', message: expect.stringMatching(BOOKING_CLOSED(upload$.done.code)) })]);
      expect(await bookingState(db(), upload$.done.code)).toEqual(done);

      const confirmed = await bookingState(db(), upload$.confirmed.code);
      const fromConfirmed = await uploadBookings('minh.tran', bookingRow(upload$.confirmed, { status: 'negotiating' }));
      expect(fromConfirmed.isCommitted).toBe(false);
      expect(fromConfirmed.problems).toEqual([expect.objectContaining({ row: 2, column: 'status', value: 'negotiating', message: expect.stringMatching(CONFIRMED_BACK) })]);
      expect(await bookingState(db(), upload$.confirmed.code)).toEqual(confirmed);
    });
  });

  describe('REST actions (POST /api/v1/bookings/{code}/transition, /payments/{key}/transition)', () => {
    const post = async (path: string, body: unknown, username: string) =>
      fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { ...(await server.authAs(username)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const moveBooking = (code: string, body: unknown, username = 'minh.tran') => post(`/bookings/${encodeURIComponent(code)}/transition`, body, username);
    const refusal = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      return errorResponseSchema.parse(await response.json());
    };

    it('confirming a booking with no deliverable is refused with 422 DELIVERABLES_MISSING; one with a deliverable is confirmed, with a history row saying who moved it', async () => {
      const before = await bookingState(db(), rest$.bare.code);
      const refused = await refusal(await moveBooking(rest$.bare.code, { to: 'confirmed' }), 422);
      expect(refused.code).toBe('DELIVERABLES_MISSING');
      expect(refused.detail).toMatch(DELIVERABLES_MISSING(rest$.bare.code));
      expect(refused.errors.status).toEqual([expect.stringMatching(DELIVERABLES_MISSING(rest$.bare.code))]);
      expect(await bookingState(db(), rest$.bare.code)).toEqual(before);

      const moved = await moveBooking(rest$.ready.code, { to: 'confirmed', note: 'Chốt giá' });
      expect(moved.status).toBe(200);
      expect(await bookingState(db(), rest$.ready.code)).toMatchObject({ status: 'confirmed', rowVersion: 2 });
      expect(await historyOf(db(), rest$.ready.code)).toEqual([{ from: 'negotiating', to: 'confirmed', by: 'minh.tran' }]);
    });

    it('confirming a booking of the blacklisted creator is refused (CREATOR_BLACKLISTED), even for an admin', async () => {
      const { code } = rest$.blacklisted;
      const before = await bookingState(db(), code);
      const body = await refusal(await moveBooking(code, { to: 'confirmed' }, 'lan.nguyen'), 403);
      expect(body.code).toBe('CREATOR_BLACKLISTED');
      expect(body.detail).toMatch(BLACKLISTED);
      expect(body.errors.creator_key).toEqual([expect.stringMatching(BLACKLISTED)]);
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('completing a booking while a deliverable is still planned is refused with 422 DELIVERABLES_OPEN', async () => {
      const { code } = rest$.open;
      const before = await bookingState(db(), code);
      const body = await refusal(await moveBooking(code, { to: 'completed' }), 422);
      expect(body.code).toBe('DELIVERABLES_OPEN');
      expect(body.detail).toMatch(DELIVERABLES_OPEN(code, 'Video 2'));
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('moving a booking of a finished campaign is refused with CAMPAIGN_TERMINAL, even for an admin', async () => {
      const { code } = rest$.finishedFee;
      const before = await bookingState(db(), code);
      const body = await refusal(await moveBooking(code, { to: 'canceled' }, 'lan.nguyen'), 422);
      expect(body.code).toBe('CAMPAIGN_TERMINAL');
      expect(body.detail).toMatch(CAMPAIGN_LOCKED(rest$.finished.code));
      expect(await bookingState(db(), code)).toEqual(before);
    });

    it('a lead marking a payment paid is refused with 403; finance with invoice and date is answered 200 and budget_actual grows', async () => {
      const budgetBefore = await budgetActual(db(), rest$.running.code);
      const lead = leadPayment(rest$);
      const before = await paymentState(db(), lead.paymentRef);
      const refused = await refusal(await post(`/payments/${lead.paymentRef}/transition`, { to: 'paid', invoiceNumber: 'HD-2026-0499', paymentDate: '2026-03-14' }, 'minh.tran'), 403);
      expect(refused.code).toBe('PERMISSION_DENIED');
      expect(refused.detail).toMatch(LEAD_CANNOT_PAY);
      expect(await paymentState(db(), lead.paymentRef)).toEqual(before);

      const finance = financePayment(rest$);
      const paid = await post(`/payments/${finance.paymentRef}/transition`, { to: 'paid', invoiceNumber: FINANCE_PAYMENT.invoiceNumber, paymentDate: FINANCE_PAYMENT.paymentDate }, 'huong.le');
      expect(paid.status).toBe(200);
      expect(await paymentState(db(), finance.paymentRef)).toMatchObject({ status: 'paid', invoiceNumber: FINANCE_PAYMENT.invoiceNumber, paymentDate: FINANCE_PAYMENT.paymentDate });
      expect(await budgetActual(db(), rest$.running.code)).toBe(budgetBefore + FINANCE_PAYMENT.amount);
    });

    it('moving a completed booking back to negotiating is refused; a confirmed one is told where it can go (TRANSITION_NOT_ALLOWED)', async () => {
      const done = await bookingState(db(), rest$.done.code);
      // Nothing leaves "completed": the answer is that the booking is closed, not a list of moves.
      const fromCompleted = await refusal(await moveBooking(rest$.done.code, { to: 'negotiating' }), 422);
      expect(fromCompleted.code).toBe('BOOKING_CLOSED');
      expect(fromCompleted.detail).toMatch(BOOKING_CLOSED(rest$.done.code));
      expect(fromCompleted.errors.status).toEqual([expect.stringMatching(BOOKING_CLOSED(rest$.done.code))]);
      expect(await bookingState(db(), rest$.done.code)).toEqual(done);

      const confirmed = await bookingState(db(), rest$.confirmed.code);
      const fromConfirmed = await refusal(await moveBooking(rest$.confirmed.code, { to: 'negotiating' }), 422);
      expect(fromConfirmed.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(fromConfirmed.detail).toMatch(CONFIRMED_BACK);
      expect(await bookingState(db(), rest$.confirmed.code)).toEqual(confirmed);
    });
  });
});

describe('the import CLI (npx tsx scripts/import.ts --path … --as …) holds the execution loop’s rules', () => {
  let cli: CliCaseResults<keyof typeof CLI_CASES>;
  // Every case's import runs first, one child each, on one database; then each test reads its
  // own case's answer and rows (see runCliCases).
  beforeAll(async () => {
    cli = await runCliCases(CLI_CASES, { prepare: async (prisma) => void (await createExecutionFixtures(prisma, 'CLI')) });
  }, 240_000);
  afterAll(async () => cli?.dispose());

  /** The CLI's line for a refused cell: "  bookings.csv, row 3, column creator_key: …". */
  const refusedLine = (file: string, row: number, column: string, message: RegExp) => new RegExp(`^\\s*${escape(file)}, row ${row}, column ${column}: ${message.source}`, `m${message.flags.replace('m', '')}`);
  const adminRefusal = (name: keyof typeof ADMIN_REFUSED_ROWS, column: string, message: RegExp) => {
    const { exitCode, output } = cli.of('refusedForAdmin');
    expect(output).toMatch(refusedLine('bookings.csv', ADMIN_REFUSED_ROWS[name].row, column, message));
    expect(output).toMatch(/^bookings\.csv → bookings: .*6 errors \(nothing written\)$/m);
    expect(exitCode).toBe(1);
    return cli.of('refusedForAdmin').prisma;
  };

  it('a booking imported as confirmed with no deliverable is refused (DELIVERABLES_MISSING) and nothing changes', async () => {
    const prisma = adminRefusal('confirmBare', 'status', DELIVERABLES_MISSING(cli$.bare.code));
    expect(await bookingState(prisma, cli$.bare.code)).toMatchObject({ status: 'negotiating', rowVersion: 1, historyRows: 0 });
  });

  it('a folder confirming the booking with its first deliverable in booking_deliverables.csv is written, with a history row saying who moved it', async () => {
    const { exitCode, output, prisma } = cli.of('writtenForLead');
    expect(output).toMatch(/as minh\.tran@bookingcenter\.vn via npm run import .*\(lead\)$/m);
    expect(output).toContain('bookings.csv → bookings: 0 created, 2 updated, 0 unchanged, 0 errors (saved)');
    expect(output).toContain('booking_deliverables.csv → booking_deliverables: 1 created, 0 updated, 0 unchanged, 0 errors (saved)');
    expect(exitCode).toBe(0);
    expect(await bookingState(prisma, cli$.ready.code)).toMatchObject({ status: 'confirmed', rowVersion: 2, deliverables: 1 });
    expect(await deliverableTitles(prisma, cli$.ready.code)).toEqual([NEW_DELIVERABLE.title]);
    expect(await historyOf(prisma, cli$.ready.code)).toEqual([{ from: 'negotiating', to: 'confirmed', by: 'minh.tran' }]);
  });

  it('a booking of the blacklisted creator imported as confirmed by an admin is refused', async () => {
    const prisma = adminRefusal('confirmBlacklisted', 'creator_key', BLACKLISTED);
    expect(await bookingState(prisma, cli$.blacklisted.code)).toMatchObject({ status: 'negotiating', rowVersion: 1, historyRows: 0 });
  });

  it('a booking imported as completed while a deliverable is still planned is refused (DELIVERABLES_OPEN)', async () => {
    const prisma = adminRefusal('completeOpen', 'status', DELIVERABLES_OPEN(cli$.open.code, 'Video 2'));
    expect(await bookingState(prisma, cli$.open.code)).toMatchObject({ status: 'in_progress', rowVersion: 1, historyRows: 0 });
  });

  it('the fee of a booking of a finished campaign imported by an admin is refused (CAMPAIGN_TERMINAL); its internal note is imported', async () => {
    const prisma = adminRefusal('finishedFee', 'total_fee_agreed', CAMPAIGN_LOCKED(cli$.finished.code));
    expect(await bookingState(prisma, cli$.finishedFee.code)).toMatchObject({ fee: 10_000_000, rowVersion: 1 });

    // Row 3 of the lead's bookings.csv, saved with the confirmed booking of row 2.
    expect(await bookingState(cli.of('writtenForLead').prisma, cli$.finishedNote.code)).toMatchObject({ status: 'completed', fee: 10_000_000, internalNote: 'Creator giao đúng hạn', rowVersion: 2, historyRows: 0 });
  });

  it('a lead’s import marking a payment paid is refused; finance’s, with invoice and date, is saved and budget_actual grows', async () => {
    const lead = cli.of('leadPays');
    expect(lead.output).toMatch(refusedLine('payments.csv', 2, 'status', LEAD_CANNOT_PAY));
    expect(lead.exitCode).toBe(1);
    expect(await paymentState(lead.prisma, leadPayment(cli$).paymentRef)).toMatchObject({ status: 'pending', invoiceNumber: null, rowVersion: 1 });

    const finance = cli.of('financePays');
    expect(finance.output).toContain('payments.csv → payments: 0 created, 1 updated, 0 unchanged, 0 errors (saved)');
    expect(finance.exitCode).toBe(0);
    expect(await paymentState(finance.prisma, financePayment(cli$).paymentRef)).toMatchObject({ status: 'paid', invoiceNumber: FINANCE_PAYMENT.invoiceNumber, paymentDate: FINANCE_PAYMENT.paymentDate });
    // Nothing of this campaign was paid before: its budget_actual is this payment.
    expect(await budgetActual(finance.prisma, cli$.running.code)).toBe(FINANCE_PAYMENT.amount);
  });

  it('a completed booking imported back to negotiating is refused on its status; a confirmed one is told where it can go', async () => {
    const prisma = adminRefusal('completedBack', 'status', BOOKING_CLOSED(cli$.done.code));
    expect(await bookingState(prisma, cli$.done.code)).toMatchObject({ status: 'completed', rowVersion: 1, historyRows: 0 });
    adminRefusal('confirmedBack', 'status', CONFIRMED_BACK);
    expect(await bookingState(prisma, cli$.confirmed.code)).toMatchObject({ status: 'confirmed', rowVersion: 1, historyRows: 0 });
  });
});

/**
 * The execution loop under real concurrency (issue 14, on the write door of issue 10): money
 * that left can't be over the agreed fee however many people press "paid" at once, and a booking
 * moved by many sheets at once is moved, and written to its history, once.
 *
 * Real parallel connections: many HTTP requests in flight against one in-process server whose
 * pool and push gate let them all run together, and a connection of our own to the same
 * database that checks what was stored and, in the first trial of each case, holds the booking's
 * row so that every writer is provably waiting at the same point before it is let go.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { isUsingPostgresServer } from '../support/test-database.js';
import { startTestServerForBursts, type TestServer } from '../support/test-server.js';
import { createBookingInState, createCampaignInState, type BookingSpec } from '../support/write-door.js';
import { answerOf, errorCodeOf, tally, type Answer } from '../support/http-answers.js';

const TRIALS = 3;
const WRITERS = 10;
/** The agreed fee, and what each payment is: any one fits, any two are more than the fee. */
const FEE = 10_000_000;
const PAYMENT = 6_000_000;



// PGlite is one connection: no two writers ever overlap there, so these cases need a PostgreSQL
// server (TEST_DATABASE_URL).
describe.runIf(isUsingPostgresServer())('the execution loop under real concurrency (PostgreSQL)', () => {
  let server: TestServer;
  /** Our own connection to the server's database: checks what is stored, and holds the line-up lock. */
  let direct: pg.Client;
  /** Watches who waits on a lock (not `direct`, which is inside a transaction while it holds one). */
  let watcher: pg.Client;
  const observed: string[] = [];
  const note = (line: string) => observed.push(line);
  const db = () => server.database.prisma;

  beforeAll(async () => {
    server = await startTestServerForBursts();
    direct = new pg.Client({ connectionString: server.databaseUrl });
    await direct.connect();
    watcher = new pg.Client({ connectionString: server.databaseUrl });
    await watcher.connect();
    // Tokens are made once, before any burst, so every request of a burst starts at once.
    for (const username of ['minh.tran', 'huong.le']) await server.tokenFor(username);
  });
  afterAll(async () => {
    if (observed.length) console.log(`execution loop concurrency, as observed:\n  ${observed.join('\n  ')}`);
    await direct?.end();
    await watcher?.end();
    await server?.dispose();
  });

  const headers = async (username: string) => ({ ...(await server.authAs(username)), 'content-type': 'application/json' });
  const post = async (path: string, body: object, username: string) => answerOf(await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: await headers(username), body: JSON.stringify(body) }));
  const waitingOnLocks = async () =>
    Number((await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0]!.n);

  /**
   * Fires `requests` at once. With `lockBooking`, our own connection first holds that booking's
   * row, and lets it go only once `expectWaiting` requests wait on a lock (or 15 s passed): every
   * writer has read what it read before the first one commits.
   */
  async function burst(requests: Array<() => Promise<Answer>>, lineUp?: { bookingCode: string; expectWaiting: number }): Promise<{ answers: Answer[]; waitingAtOnce: number }> {
    if (!lineUp) return { answers: await Promise.all(requests.map((request) => request())), waitingAtOnce: -1 };
    let waitingAtOnce = 0;
    let inFlight: Promise<Answer[]> | undefined;
    await direct.query('BEGIN');
    try {
      await direct.query('SELECT id FROM bookings WHERE code = $1 FOR UPDATE', [lineUp.bookingCode]);
      inFlight = Promise.all(requests.map((request) => request()));
      inFlight.catch(() => undefined);
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        waitingAtOnce = Math.max(waitingAtOnce, await waitingOnLocks());
        if (waitingAtOnce >= lineUp.expectWaiting) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await direct.query('ROLLBACK');
    }
    return { answers: await inFlight!, waitingAtOnce };
  }

  const expectNoServerErrors = (answers: readonly Answer[], label: string) => {
    const failed = answers.filter((answer) => answer.status >= 500).map((answer) => `${answer.status} ${answer.text.slice(0, 200)}`);
    expect.soft(failed, `${label}: 5xx answers`).toEqual([]);
  };

  /** A running campaign of its own with one booking in the state a trial starts from. */
  async function createTrialBooking(suffix: string, spec: Pick<BookingSpec, 'status' | 'fee' | 'deliverables' | 'payments'>): Promise<BookingSpec> {
    const campaignCode = `EXC-${suffix}`;
    await createCampaignInState(db(), { code: campaignCode, brandCode: 'COCOON', status: 'running', creators: ['KOC-LINHBEAUTY'] });
    const booking: BookingSpec = { code: `EXC-BK-${suffix}`, campaignCode, brandCode: 'COCOON', creatorKey: 'KOC-LINHBEAUTY', ...spec };
    await createBookingInState(db(), booking);
    return booking;
  }

  it(`${WRITERS} concurrent "mark paid" of ${WRITERS} payments of one booking, any two over its fee: exactly one is paid, the rest refused with OVERPAID, never over the fee, no 500`, async () => {
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const suffix = `PAY-${trial}-${randomUUID().slice(0, 6).toUpperCase()}`;
      const payments = Array.from({ length: WRITERS }, (_, index) => ({ paymentRef: `PAY-${suffix}-${index + 1}`, amount: String(PAYMENT), status: 'pending' as const, paymentDate: `2026-03-${String(index + 1).padStart(2, '0')}` }));
      const booking = await createTrialBooking(suffix, { status: 'in_progress', fee: String(FEE), deliverables: [{ title: 'Video 1', status: 'posted' }], payments });
      const requests = payments.map((payment, index) => () => post(`/payments/${payment.paymentRef}/transition`, { to: 'paid', invoiceNumber: `HD-${suffix}-${index + 1}`, paymentDate: '2026-03-20' }, 'huong.le'));
      // Trial 1: every request waits at the booking's row (the door locks it to check the paid total); then free-running bursts.
      const { answers, waitingAtOnce } = await burst(requests, trial === 1 ? { bookingCode: booking.code, expectWaiting: WRITERS } : undefined);
      const label = `mark-paid trial ${trial}`;
      expectNoServerErrors(answers, label);
      if (trial === 1) expect.soft(waitingAtOnce, `${label}: requests waiting at the booking's row at once`).toBe(WRITERS);

      const outcomes = answers.map((answer) => (answer.status === 200 ? '200' : `${answer.status} ${errorCodeOf(answer)}`));
      const stored = (
        await direct.query<{ payment_ref: string; status: string; amount_vnd: string }>(
          'SELECT p.payment_ref, p.status::text AS status, p.amount_vnd::text AS amount_vnd FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.code = $1 AND p.deleted_at IS NULL',
          [booking.code],
        )
      ).rows;
      const paid = stored.filter((row) => row.status === 'paid');
      const paidTotal = paid.reduce((sum, row) => sum + Number(row.amount_vnd), 0);
      const budgetActual = Number((await direct.query<{ budget_actual: string }>('SELECT budget_actual::text AS budget_actual FROM campaigns WHERE code = $1', [booking.campaignCode])).rows[0]!.budget_actual);
      note(`${label}: ${JSON.stringify(tally(outcomes))}${trial === 1 ? `, ${waitingAtOnce} waiting at the booking's row at once` : ''}; paid ${paid.length} of ${stored.length}, total ${paidTotal} of fee ${FEE}; budget_actual ${budgetActual}`);

      expect.soft(outcomes.filter((outcome) => outcome === '200'), `${label}: answers 200`).toHaveLength(1);
      for (const [index, answer] of answers.entries()) {
        if (answer.status === 200) continue;
        expect.soft([422, 409], `${label}: refusal ${index + 1} is a 422 or 409`).toContain(answer.status);
        expect.soft(errorCodeOf(answer), `${label}: refusal ${index + 1} says why`).toBe('OVERPAID');
        const body = answer.body as { errors?: Record<string, string[]> };
        expect.soft(body.errors?.amount?.[0], `${label}: refusal ${index + 1} names the fee`).toMatch(new RegExp(`^OVERPAID: Paying .* would bring the paid total of booking ${booking.code} to .*, more than its agreed fee of `));
      }
      expect.soft(paid.map((row) => row.payment_ref), `${label}: the paid payment is the one answered 200`).toEqual(payments.filter((_, index) => answers[index]!.status === 200).map((payment) => payment.paymentRef));
      expect.soft(paidTotal, `${label}: paid total`).toBe(PAYMENT);
      expect(paidTotal, `${label}: the paid total never exceeds the fee`).toBeLessThanOrEqual(FEE);
      expect.soft(budgetActual, `${label}: the campaign's budget_actual is what was paid`).toBe(paidTotal);
    }
  });

  it(`${WRITERS} concurrent pushes confirming one booking from the same row_version: exactly one \`updated\`, the rest conflicts, one status history row`, async () => {
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const suffix = `CONF-${trial}-${randomUUID().slice(0, 6).toUpperCase()}`;
      const booking = await createTrialBooking(suffix, { status: 'negotiating', deliverables: [{ title: 'Video 1', status: 'planned' }] });
      const pull = await fetch(`${server.url}/api/v1/sync/pull?tables=bookings`, { headers: await server.authAs('minh.tran') });
      expect(pull.status).toBe(200);
      const pulled = pullResponseSchema.parse(await pull.json()).tables[0]!.rows.find((row) => row.values.code === booking.code)!;
      expect(pulled.values.status).toBe('negotiating');
      const requests = Array.from({ length: WRITERS }, (_, writer) => () =>
        post('/sync/push', { idempotencyKey: `confirm-${suffix}-${writer}-${randomUUID()}`, tables: [{ table: 'bookings', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, status: 'confirmed', internal_note: `Chốt bởi người ${writer + 1}` } }] }] }, 'minh.tran'),
      );
      // Trial 1: every push waits at the booking's row before the first one writes; then free-running bursts.
      const { answers, waitingAtOnce } = await burst(requests, trial === 1 ? { bookingCode: booking.code, expectWaiting: WRITERS } : undefined);
      const label = `confirm trial ${trial}`;
      expectNoServerErrors(answers, label);
      if (trial === 1) expect.soft(waitingAtOnce, `${label}: pushes waiting at the booking's row at once`).toBe(WRITERS);

      const results = answers.map((answer) => (answer.status === 200 ? pushResponseSchema.parse(answer.body).tables[0]!.results[0]! : undefined));
      const statuses = results.map((result, index) => result?.status ?? `http ${answers[index]!.status} ${errorCodeOf(answers[index]!)}`);
      const stored = (await direct.query<{ id: string; status: string; row_version: number; internal_note: string | null }>('SELECT id::text AS id, status::text AS status, row_version, internal_note FROM bookings WHERE code = $1', [booking.code])).rows[0]!;
      const history = (await direct.query<{ from_status: string | null; to_status: string; username: string | null }>(
        'SELECT h.from_status::text AS from_status, h.to_status::text AS to_status, u.username FROM booking_status_history h LEFT JOIN users u ON u.id = h.changed_by_id WHERE h.booking_id = $1::uuid',
        [stored.id],
      )).rows;
      const winners = results.flatMap((result, writer) => (result?.status === 'updated' ? [`Chốt bởi người ${writer + 1}`] : []));
      note(`${label}: ${JSON.stringify(tally(statuses))}${trial === 1 ? `, ${waitingAtOnce} waiting at the booking's row at once` : ''}; status ${stored.status}, row_version ${pulled.rowVersion} → ${stored.row_version}; history rows ${history.length}`);

      expect.soft(tally(statuses), `${label}: outcomes`).toEqual({ updated: 1, conflict: WRITERS - 1 });
      expect.soft(winners, `${label}: the stored note is the one acknowledged push's`).toEqual([stored.internal_note]);
      expect.soft(stored.status).toBe('confirmed');
      expect.soft(stored.row_version, `${label}: row_version went up by exactly one`).toBe(pulled.rowVersion + 1);
      expect.soft(history, `${label}: one status history row`).toEqual([{ from_status: 'negotiating', to_status: 'confirmed', username: 'minh.tran' }]);
      for (const [index, result] of results.entries()) {
        if (result?.status !== 'conflict') continue;
        expect.soft(result.serverValues, `${label}: conflict of push ${index + 1} carries the winner's row`).toMatchObject({ status: 'confirmed', row_version: stored.row_version });
      }
    }
  });
});

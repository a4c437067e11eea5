/**
 * The write door's concurrency promises (issue 10, Deliver 1d and 3), tried with real parallel
 * connections: many HTTP requests in flight at once against one in-process server whose pool
 * and push gate let them all run together, and a second, direct connection to the same
 * database that checks what was really stored and, in the first trial of each case, holds a
 * lock so that every writer is provably waiting at the same point before it is let go.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type CellRecord, type PullResponse } from '../../sync-server/src/contract/sync-payloads.js';
import { isUsingPostgresServer } from '../support/test-database.js';
import { startTestServerForBursts, type TestServer } from '../support/test-server.js';
import { answerOf, errorCodeOf, tally, type Answer } from '../support/http-answers.js';

const TRIALS = 3;


/** JSON with object keys sorted at every level: two answers are the same answer whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}


// The embedded database (PGlite) is ONE connection: every query of every request runs one
// after the other on the server's own thread, so no two writers can ever overlap there and
// these tests would prove nothing. They need real parallel connections: a PostgreSQL server,
// given as TEST_DATABASE_URL.
describe.skipIf(!isUsingPostgresServer())('the write door under real concurrency (PostgreSQL)', () => {
  let server: TestServer;
  /** A second connection of our own, straight to the server's database: checks what is stored, and holds the line-up locks. */
  let direct: pg.Client;
  /**
   * A third one that watches who waits on a lock. Not `direct`: while that one holds a lock it
   * is inside a transaction, and pg_stat_activity is read once per transaction.
   */
  let watcher: pg.Client;
  /** What each trial saw, printed at the end (winners, conflicts, statuses). */
  const observed: string[] = [];
  const note = (line: string) => observed.push(line);

  beforeAll(async () => {
    server = await startTestServerForBursts();
    direct = new pg.Client({ connectionString: server.databaseUrl });
    await direct.connect();
    watcher = new pg.Client({ connectionString: server.databaseUrl });
    await watcher.connect();
    // Tokens are made once, before any burst, so every request of a burst starts at once.
    for (const username of ['minh.tran', 'lan.nguyen']) await server.tokenFor(username);
  });
  afterAll(async () => {
    if (observed.length) console.log(`write-door concurrency, as observed:\n  ${observed.join('\n  ')}`);
    await direct?.end();
    await watcher?.end();
    await server?.dispose();
  });

  const headers = async (username = 'minh.tran') => ({ ...(await server.authAs(username)), 'content-type': 'application/json' });
  const push = async (body: object, username = 'minh.tran') =>
    answerOf(await fetch(`${server.url}/api/v1/sync/push`, { method: 'POST', headers: await headers(username), body: JSON.stringify(body) }));
  const transition = async (code: string, to: string, noteText: string, username = 'minh.tran') =>
    answerOf(await fetch(`${server.url}/api/v1/campaigns/${code}/transition`, { method: 'POST', headers: await headers(username), body: JSON.stringify({ to, note: noteText }) }));
  const upload = async (fileName: string, content: string, username = 'minh.tran') => {
    const form = new FormData();
    form.append('file', new Blob([content]), fileName);
    return answerOf(await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs(username), body: form }));
  };
  const pullCampaign = async (code: string) => {
    const response = await fetch(`${server.url}/api/v1/sync/pull?tables=campaigns`, { headers: await server.authAs('minh.tran') });
    expect(response.status).toBe(200);
    const body: PullResponse = pullResponseSchema.parse(await response.json());
    const row = body.tables[0]!.rows.find((candidate) => candidate.values.code === code);
    if (!row) throw new Error(`campaign ${code} was not pulled`);
    return row;
  };
  const campaignInDb = async (code: string) =>
    (await direct.query<{ id: string; name: string; status: string; row_version: number }>('SELECT id::text AS id, name, status::text AS status, row_version FROM campaigns WHERE code = $1', [code])).rows[0]!;
  const auditEntries = async (entityType: string, entityId: string) =>
    (await direct.query<{ action: string; changes: Record<string, { before: unknown; after: unknown }>; note: string | null }>('SELECT action, changes, note FROM audit_logs WHERE entity_type = $1 AND entity_id = $2::uuid ORDER BY created_at, id', [entityType, entityId])).rows;
  const waitingOnLocks = async () =>
    Number((await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0]!.n);

  /**
   * Fires `requests` at once. With `lineUp`, our own connection first takes a lock (a row lock
   * or a table lock the writers need), the requests are fired, and only once `expectWaiting` of
   * them are waiting on a lock in the database (or 15 s passed) is the lock released: every
   * writer has read what it read before the winner commits. Returns the answers and how many
   * were seen waiting at once.
   */
  async function burst(requests: Array<() => Promise<Answer>>, lineUp?: { lockSql: string; params?: unknown[]; expectWaiting: number }): Promise<{ answers: Answer[]; waitingAtOnce: number }> {
    if (!lineUp) return { answers: await Promise.all(requests.map((request) => request())), waitingAtOnce: -1 };
    let waitingAtOnce = 0;
    await direct.query('BEGIN');
    let inFlight: Promise<Answer[]> | undefined;
    try {
      await direct.query(lineUp.lockSql, lineUp.params);
      inFlight = Promise.all(requests.map((request) => request()));
      // A request that throws while we poll must not become an unhandled rejection; it is awaited below.
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

  it('no update is lost: 20 concurrent pushes of one campaign row from the same pulled version give exactly one `updated`, 19 conflicts carrying the winner', async () => {
    const code = 'CC-TET-2026';
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const pulled = await pullCampaign(code);
      const { id } = await campaignInDb(code);
      const auditBefore = (await auditEntries('campaign', id)).length;
      const names = Array.from({ length: 20 }, (_, writer) => `Chiến dịch Tết 2026 – lần ${trial}, người ${writer + 1}`);
      const requests = names.map((name) => () => push({ idempotencyKey: `lost-${trial}-${randomUUID()}`, tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, name } }] }] }));
      // Trial 1: every writer is held at the door's row lock until all 20 wait there; then free-running bursts.
      const { answers, waitingAtOnce } = await burst(requests, trial === 1 ? { lockSql: 'SELECT id FROM campaigns WHERE code = $1 FOR UPDATE', params: [code], expectWaiting: 20 } : undefined);
      const label = `no-lost-update trial ${trial}`;
      expectNoServerErrors(answers, label);
      if (trial === 1) expect.soft(waitingAtOnce, `${label}: writers waiting at the row lock at once`).toBe(20);

      const results = answers.map((answer) => (answer.status === 200 ? pushResponseSchema.parse(answer.body).tables[0]!.results[0]! : undefined));
      const statuses = results.map((result, index) => result?.status ?? `http ${answers[index]!.status}`);
      const winners = names.filter((_, index) => statuses[index] === 'updated');
      const stored = await campaignInDb(code);
      const newAudit = (await auditEntries('campaign', id)).slice(auditBefore);
      note(`${label}: ${JSON.stringify(tally(statuses))}${trial === 1 ? `, ${waitingAtOnce} waiting at the row lock at once` : ''}; row_version ${pulled.rowVersion} → ${stored.row_version}; ${newAudit.length} new audit entr${newAudit.length === 1 ? 'y' : 'ies'}; final name = ${winners.includes(stored.name) ? 'a winner' : 'NOT a winner'}${winners.length > 1 ? ` (acknowledged then lost: ${winners.filter((name) => name !== stored.name).length})` : ''}`);

      expect.soft(tally(statuses), `${label}: outcomes`).toEqual({ updated: 1, conflict: 19 });
      expect.soft(winners, `${label}: the final name is the one acknowledged edit`).toEqual([stored.name]);
      expect.soft(stored.row_version, `${label}: row_version went up by exactly one`).toBe(pulled.rowVersion + 1);
      for (const [index, result] of results.entries()) {
        if (result?.status !== 'conflict') continue;
        expect.soft(result.serverValues, `${label}: conflict of writer ${index + 1} carries the winner's row`).toMatchObject({ name: stored.name, row_version: stored.row_version });
        expect.soft(result.errors?._row?.[0], `${label}: conflict of writer ${index + 1} says why`).toMatch(/changed this row on the server/);
      }
      expect.soft(newAudit.map((entry) => entry.action), `${label}: audit entries`).toEqual(['update']);
      expect.soft(newAudit[0]?.changes.name, `${label}: the audited name change`).toEqual({ before: pulled.values.name, after: stored.name });
    }
  });

  it('applied once: 15 concurrent retries with one idempotency key all get the first answer, the change is applied once, no 500; another body under that key is 409', async () => {
    const code = 'HNF-MUT-TET-2026';
    let lastBody: { idempotencyKey: string; tables: Array<{ table: string; rows: Array<{ rowNumber: number; rowVersion: number | null; values: CellRecord }> }> } | undefined;
    for (let round = 1; round <= TRIALS; round += 1) {
      const pulled = await pullCampaign(code);
      const campaign = await campaignInDb(code);
      const campaignAuditBefore = (await auditEntries('campaign', campaign.id)).length;
      const brandCode = `IDEM-${round}-${randomUUID().slice(0, 8).toUpperCase()}`;
      const kpiView = 2_000_000 + round * 111_000;
      const body = {
        idempotencyKey: `retry-${round}-${randomUUID()}`,
        tables: [
          { table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: brandCode, name: `Thương hiệu thử ${round}`, description: null } }] },
          { table: 'campaigns', rows: [{ rowNumber: 3, rowVersion: pulled.rowVersion, values: { ...pulled.values, kpi_view: kpiView } }] },
        ],
      };
      lastBody = body;
      const requests = Array.from({ length: 15 }, () => () => push(body));
      // Round 1: the campaign row is held, so the first push waits at it holding the key and the
      // 14 retries pile up behind the key, all 15 waiting at once; then free-running rounds.
      const { answers, waitingAtOnce } = await burst(requests, round === 1 ? { lockSql: 'SELECT id FROM campaigns WHERE code = $1 FOR UPDATE', params: [code], expectWaiting: 15 } : undefined);
      const label = `idempotency round ${round}`;
      expectNoServerErrors(answers, label);
      if (round === 1) expect.soft(waitingAtOnce, `${label}: pushes waiting in the database at once`).toBeGreaterThanOrEqual(2);

      const statuses = answers.map((answer) => answer.status);
      const ok = answers.filter((answer) => answer.status === 200).map((answer) => pushResponseSchema.parse(answer.body));
      const distinctBodies = new Set(ok.map(canonicalJson)).size;
      const brands = (await direct.query<{ id: string }>('SELECT id::text AS id FROM brands WHERE code = $1', [brandCode])).rows;
      const stored = await campaignInDb(code);
      const brandAudit = brands[0] ? await auditEntries('brand', brands[0].id) : [];
      const campaignAudit = (await auditEntries('campaign', campaign.id)).slice(campaignAuditBefore);
      const storedPushes = Number((await direct.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_pushes WHERE idempotency_key = $1', [body.idempotencyKey])).rows[0]!.n);
      note(`${label}: HTTP ${JSON.stringify(tally(statuses.map(String)))}${round === 1 ? `, ${waitingAtOnce} waiting in the database at once` : ''}; first answer ${ok[0] ? JSON.stringify(ok[0].summary) : 'none'}; ${distinctBodies} distinct bodies; brands ${brands.length}, brand audit ${brandAudit.length}, campaign audit +${campaignAudit.length}, row_version ${pulled.rowVersion} → ${stored.row_version}, stored answers ${storedPushes}`);

      expect.soft(statuses, `${label}: every retry answered 200`).toEqual(Array(15).fill(200));
      expect.soft(ok[0]?.applied, `${label}: the push was applied`).toBe(true);
      expect.soft(ok[0]?.tables.map((table) => table.results[0]?.status), `${label}: first answer`).toEqual(['created', 'updated']);
      for (const [index, response] of ok.entries()) expect.soft(response, `${label}: answer ${index + 1} is the first one`).toEqual(ok[0]);
      expect.soft(distinctBodies, `${label}: distinct answers`).toBe(1);
      expect.soft(brands.length, `${label}: brand rows created`).toBe(1);
      expect.soft(brandAudit.map((entry) => entry.action), `${label}: brand audit`).toEqual(['create']);
      expect.soft(campaignAudit.map((entry) => entry.action), `${label}: campaign audit`).toEqual(['update']);
      expect.soft(campaignAudit[0]?.changes.kpi_view?.after, `${label}: the audited kpi change`).toBe(String(kpiView));
      expect.soft(stored.row_version, `${label}: campaign row_version`).toBe(pulled.rowVersion + 1);
      expect.soft(storedPushes, `${label}: stored answers for the key`).toBe(1);
    }

    // The same key with another body, five at once: each is refused with 409, nothing changes.
    const reusedBody = { ...lastBody!, tables: [{ ...lastBody!.tables[1]!, rows: [{ ...lastBody!.tables[1]!.rows[0]!, values: { ...lastBody!.tables[1]!.rows[0]!.values, kpi_view: 9_999_999 } }] }] };
    const before = await campaignInDb(code);
    const { answers } = await burst(Array.from({ length: 5 }, () => () => push(reusedBody)));
    expectNoServerErrors(answers, 'idempotency key reused');
    note(`idempotency key reused with another body ×5: HTTP ${JSON.stringify(tally(answers.map((answer) => `${answer.status} ${errorCodeOf(answer)}`)))}`);
    for (const answer of answers) {
      expect.soft(answer.status).toBe(409);
      expect.soft(errorCodeOf(answer)).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    expect.soft((await campaignInDb(code)).row_version).toBe(before.row_version);
  });

  it('one new natural key: 10 concurrent pushes creating the same brand code give exactly one `created` and 9 conflicts, no 500', async () => {
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const brandCode = `RACE-${trial}-${randomUUID().slice(0, 8).toUpperCase()}`;
      const names = Array.from({ length: 10 }, (_, writer) => `Thương hiệu đua ${trial}.${writer + 1}`);
      const requests = names.map((name) => () => push({ idempotencyKey: `insert-${trial}-${randomUUID()}`, tables: [{ table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: brandCode, name, description: null } }] }] }));
      // Trial 1: inserts into brands wait behind our SHARE lock until all 10 writers have looked the key up and found nothing.
      const { answers, waitingAtOnce } = await burst(requests, trial === 1 ? { lockSql: 'LOCK TABLE brands IN SHARE MODE', expectWaiting: 10 } : undefined);
      const label = `new-key trial ${trial}`;
      expectNoServerErrors(answers, label);
      if (trial === 1) expect.soft(waitingAtOnce, `${label}: writers waiting to insert at once`).toBe(10);

      const results = answers.map((answer) => (answer.status === 200 ? pushResponseSchema.parse(answer.body).tables[0]!.results[0]! : undefined));
      const statuses = results.map((result, index) => result?.status ?? `http ${answers[index]!.status} ${errorCodeOf(answers[index]!)}`);
      const rows = (await direct.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM brands WHERE code = $1', [brandCode])).rows;
      const audit = rows[0] ? await auditEntries('brand', rows[0].id) : [];
      note(`${label}: ${JSON.stringify(tally(statuses))}${trial === 1 ? `, ${waitingAtOnce} waiting to insert at once` : ''}; rows ${rows.length}; audit ${audit.length}`);

      expect.soft(tally(statuses), `${label}: outcomes`).toEqual({ created: 1, conflict: 9 });
      expect.soft(rows.length, `${label}: brand rows`).toBe(1);
      const winner = names[statuses.indexOf('created')];
      expect.soft(rows[0]?.name, `${label}: the stored row is the creator's`).toBe(winner);
      for (const [index, result] of results.entries()) {
        if (result?.status !== 'conflict') continue;
        expect.soft(result.serverValues, `${label}: conflict of writer ${index + 1} carries the stored row`).toMatchObject({ code: brandCode, name: rows[0]?.name });
        expect.soft(result.errors?._row?.[0], `${label}: conflict of writer ${index + 1} says why`).toMatch(/already exists on the server/);
      }
      expect.soft(audit.map((entry) => entry.action), `${label}: audit`).toEqual(['create']);
    }
  });

  it('10 concurrent REST transitions of one campaign to paused: exactly one 200, the rest a clean 4xx, no 500, one audit entry', async () => {
    const code = 'CC-TET-2026';
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const before = await campaignInDb(code);
      expect(before.status).toBe('running');
      const auditBefore = (await auditEntries('campaign', before.id)).length;
      const requests = Array.from({ length: 10 }, (_, writer) => () => transition(code, 'paused', `trial ${trial}, writer ${writer + 1}`));
      // Trial 1: every request has read "running" and waits at the door's row lock; then free-running.
      const { answers, waitingAtOnce } = await burst(requests, trial === 1 ? { lockSql: 'SELECT id FROM campaigns WHERE code = $1 FOR UPDATE', params: [code], expectWaiting: 10 } : undefined);
      const label = `transition trial ${trial}`;
      expectNoServerErrors(answers, label);
      if (trial === 1) expect.soft(waitingAtOnce, `${label}: requests waiting at the row lock at once`).toBe(10);

      const outcomes = answers.map((answer) => (answer.status === 200 ? '200' : `${answer.status} ${errorCodeOf(answer)}`));
      const after = await campaignInDb(code);
      const newAudit = (await auditEntries('campaign', before.id)).slice(auditBefore);
      note(`${label}: ${JSON.stringify(tally(outcomes))}${trial === 1 ? `, ${waitingAtOnce} waiting at the row lock at once` : ''}; status ${before.status} → ${after.status}; row_version ${before.row_version} → ${after.row_version}; audit +${newAudit.length} (${newAudit.map((entry) => `${entry.action}, note "${entry.note}"`).join('; ')}); 200 bodies: ${JSON.stringify(tally(answers.filter((answer) => answer.status === 200).map((answer) => answer.text)))}`);

      expect.soft(outcomes.filter((outcome) => outcome === '200'), `${label}: answers 200`).toHaveLength(1);
      const refusals = answers.filter((answer) => answer.status !== 200);
      for (const refusal of refusals) {
        expect.soft(refusal.status, `${label}: a refusal is a clean 4xx`).toBeGreaterThanOrEqual(400);
        expect.soft(refusal.status).toBeLessThan(500);
        expect.soft(['ALREADY_IN_STATUS', 'STALE_ROW_VERSION', 'CONCURRENT_WRITE', 'CONFLICT', 'TRANSITION_NOT_ALLOWED'], `${label}: refusal code`).toContain(errorCodeOf(refusal));
      }
      expect.soft(after.status).toBe('paused');
      expect.soft(after.row_version, `${label}: row_version`).toBe(before.row_version + 1);
      expect.soft(newAudit.map((entry) => entry.action), `${label}: audit`).toEqual(['transition']);

      // The same request once more, alone: what each of the nine should have been told.
      const alone = await transition(code, 'paused', `trial ${trial}, alone`);
      expect.soft(`${alone.status} ${errorCodeOf(alone)}`, `${label}: the same transition sent alone afterwards`).toBe('422 ALREADY_IN_STATUS');

      // Back to running for the next trial (one request, nothing concurrent).
      if (after.status === 'paused') expect((await transition(code, 'running', 'reset')).status).toBe(200);
    }
  });

  it('two concurrent uploads of the same 50 new creators: each ends 200 with a report or 409 CONCURRENT_WRITE, never 5xx; the creators exist once', async () => {
    const header = 'creator_key,name,alias,gender,dob,location,niche,status,priority_score,note_internal';
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const prefix = `imp${trial}.${randomUUID().slice(0, 8)}`;
      const csv = [header, ...Array.from({ length: 50 }, (_, index) => `${prefix}.${index},Nhà sáng tạo ${trial}-${index},,female,,Hà Nội,beauty,active,5,`)].join('\n');
      const requests = [() => upload('creators.csv', csv), () => upload('creators.csv', csv)];
      // Trial 1: both imports have looked their keys up and wait to insert behind our SHARE lock.
      const { answers, waitingAtOnce } = await burst(requests, trial === 1 ? { lockSql: 'LOCK TABLE creators IN SHARE MODE', expectWaiting: 2 } : undefined);
      const label = `import trial ${trial}`;
      expectNoServerErrors(answers, label);
      if (trial === 1) expect.soft(waitingAtOnce, `${label}: imports waiting to insert at once`).toBe(2);

      const outcomes = answers.map((answer) => {
        if (answer.status !== 200) return `${answer.status} ${errorCodeOf(answer)}`;
        const file = (answer.body as { files: Array<{ isCommitted: boolean; totals: { created: number; unchanged: number; errors: number } }> }).files[0]!;
        return `200 committed=${file.isCommitted} created=${file.totals.created} unchanged=${file.totals.unchanged} errors=${file.totals.errors}`;
      });
      const stored = (await direct.query<{ id: string }>("SELECT id::text AS id FROM creators WHERE creator_key LIKE $1 || '.%'", [prefix])).rows;
      const audits = Number((await direct.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_logs WHERE entity_type = 'creator' AND action = 'create' AND entity_id = ANY($1::uuid[])", [stored.map((row) => row.id)])).rows[0]!.n);
      note(`${label}: ${JSON.stringify(tally(outcomes))}${trial === 1 ? `, ${waitingAtOnce} waiting to insert at once` : ''}; creators ${stored.length}; create audits ${audits}`);

      for (const [index, outcome] of outcomes.entries()) {
        expect.soft(outcome, `${label}: upload ${index + 1}`).toMatch(/^(200 committed=true created=(50 unchanged=0|0 unchanged=50) errors=0|409 CONCURRENT_WRITE)$/);
      }
      expect.soft(outcomes.filter((outcome) => outcome.startsWith('200 committed=true created=50')), `${label}: exactly one upload created the creators`).toHaveLength(1);
      expect.soft(stored.length, `${label}: creators stored`).toBe(50);
      expect.soft(audits, `${label}: create audits`).toBe(50);
    }
  });
});

import { createHash } from 'node:crypto';
import { coerceCell, findTableDefinition, tableDefinitions, type NormalisedValue, type TableDefinition } from '../../contract/index.js';
import type { PushRequest, PushResponse, PushRowResult, RowStatus } from '../../contract/sync-payloads.js';
import { t } from '../../contract/i18n/translate.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SqlTransactionRunner } from '../../platform/database/sql-transaction.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import type { RowChange } from '../../write/change-set.js';
import { runInWriteTransaction, type WriteSession } from '../../write/write-session.js';
import type { Actor } from '../access/actor.js';
import { hasContactColumns, loadContactMasking, maskContactCells } from '../access/contact-masking.js';
import { assertCanWriteTable } from '../access/table-permissions.js';
import { DEFAULT_CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns/campaigns.config.js';
import { findRowBookkeeping, findTemplateRowsByIds } from '../exports/template-rows.repository.js';
import { importRowsInSession } from '../imports/import-rows.service.js';
import { computeColumns } from './computed-columns.js';
import { findStoredPush, insertStoredPush, lockIdempotencyKey } from './sync-push.repository.js';
import { toSheetValues } from './sync-values.js';

type TableResult = { table: TableDefinition; results: PushRowResult[] };

/**
 * POST /api/v1/sync/push: rows of one or more tabs, read like an import and written through the
 * write door in ONE transaction, or only reported (dryRun). A stale row (its row_version older
 * than the one the door locks) is a conflict: not written, and the answer carries the server's
 * values. Any error writes nothing at all. Retries with the same idempotency key, even at the
 * same instant, wait for the first and get its answer; the push is applied once.
 */
export async function pushRows(
  prisma: PrismaClient,
  actor: Actor,
  request: PushRequest,
  config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG,
  /** On PostgreSQL, the database's pool connections: the push needs only statements, and Prisma's transaction costs each of them. */
  bulkTransaction?: SqlTransactionRunner,
): Promise<PushResponse> {
  const tables = orderTables(request);
  // A cheap refusal of the whole request first; the door still checks every row.
  for (const { definition } of tables) assertCanWriteTable(actor, definition.name);
  const isDryRun = request.dryRun ?? false;
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  const { value } = await runInWriteTransaction(
    prisma,
    actor,
    async (session: WriteSession) => {
      if (!isDryRun) {
        // Concurrent retries queue here; the first one's answer is committed before the next looks.
        await lockIdempotencyKey(session.db, request.idempotencyKey);
        const stored = await findStoredPush(session.db, request.idempotencyKey);
        if (stored) {
          session.abandon();
          return replayStoredPush(stored, requestHash);
        }
      }
      const results = await applyPush(session, tables);
      const hasErrors = results.some((table) => table.results.some((result) => result.status === 'error'));
      const isApplied = !isDryRun && !hasErrors;
      if (!isApplied) {
        session.abandon();
        // Versions and computed values of a write that is rolled back would mislead the sheet.
        for (const table of results) for (const result of table.results) delete result.computed;
      }
      const response = toResponse(results, isDryRun, isApplied);
      if (isApplied) await insertStoredPush(session.db, { idempotencyKey: request.idempotencyKey, actorLabel: actor.label, requestHash, response });
      return response;
    },
    { config, isDryRun, isReplayable: true, timeoutMs: 120_000, bulkTransaction },
  );
  return value;
}

function replayStoredPush(stored: { requestHash: string; response: unknown }, requestHash: string): PushResponse {
  if (stored.requestHash !== requestHash) {
    throw new AppError({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      userMessage: t('push.keyReused'),
    });
  }
  return stored.response as PushResponse;
}

function orderTables(request: PushRequest) {
  const unknown = request.tables.filter((table) => !findTableDefinition(table.table)).map((table) => table.table);
  if (unknown.length) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: t('push.unknownTabs', { tabs: unknown.map((name) => `'${name}'`).join(', ') }),
      problems: unknown.map((name) => ({ column: 'tables', value: name, message: t('push.notATab', { name, tables: tableDefinitions.map((definition) => definition.name).join(', ') }) })),
    });
  }
  const seen = new Set<string>();
  for (const table of request.tables) {
    if (seen.has(table.table)) {
      throw new AppError({ code: 'VALIDATION_FAILED', userMessage: t('push.tabTwice', { tab: table.table }), problems: [{ column: 'tables', value: table.table, message: t('push.sentTwice') }] });
    }
    seen.add(table.table);
  }
  // Parents before children: a push may hold a campaign and the creators assigned to it.
  return tableDefinitions
    .map((definition) => ({ definition, payload: request.tables.find((table) => table.table === definition.name) }))
    .filter((entry): entry is { definition: TableDefinition; payload: PushRequest['tables'][number] } => entry.payload !== undefined);
}

/** One tab of the push, written: per-row results, and the ids the computed columns are read for. */
type WrittenTable = {
  definition: TableDefinition;
  payload: PushRequest['tables'][number];
  tableResults: Map<number, PushRowResult>;
  idByRow: Map<number, string>;
};

/**
 * The push in three steps: write every tab through the door (conflicts, row rules, deletions),
 * then the door's checks on the final picture (a campaign and its creators may arrive
 * together), then the computed columns, read once all tabs are written.
 */
type PushSession = WriteSession;

async function applyPush(session: PushSession, tables: ReturnType<typeof orderTables>): Promise<TableResult[]> {
  const written: WrittenTable[] = [];
  for (const { definition, payload } of tables) written.push(await writePushedTable(session, definition, payload));
  for (const deferred of await session.finish()) {
    const table = written.find((candidate) => candidate.definition.name === deferred.table);
    const result = table?.tableResults.get(deferred.rowNumber);
    if (!result) continue;
    const errors = result.status === 'error' ? (result.errors ?? {}) : {};
    for (const [column, messages] of Object.entries(toColumnErrors([deferred.problem]))) errors[column] = [...(errors[column] ?? []), ...messages];
    Object.assign(result, { status: 'error', errors });
  }
  return attachComputedColumns(session, written);
}

/** Writes one tab: its rows read like an import, each with the version the sheet saw, then its deletions. */
async function writePushedTable(session: PushSession, definition: TableDefinition, payload: PushRequest['tables'][number]): Promise<WrittenTable> {
  const versionByRow = new Map(payload.rows.map((row) => [row.rowNumber, row.rowVersion]));
  const columns = [...new Set(payload.rows.flatMap((row) => Object.keys(row.values)))];
  const imported = await importRowsInSession(
    session,
    definition,
    payload.rows.map((row) => ({ rowNumber: row.rowNumber, values: row.values })),
    { columns, fileLabel: definition.name, shouldKeepRowOutcomes: true, batchSize: 1000, expectedVersionOf: (rowNumber) => versionByRow.get(rowNumber) ?? null },
  );

  const tableResults = new Map<number, PushRowResult>();
  const idByRow = new Map<number, string>();
  const headerProblems = imported.problems.filter((problem) => problem.row === 1);
  for (const row of payload.rows) {
    if (headerProblems.length) tableResults.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'error', errors: toColumnErrors(headerProblems) });
  }
  for (const outcome of imported.outcomes) {
    if (outcome.id) idByRow.set(outcome.rowNumber, outcome.id);
    if (outcome.outcome === 'error' || outcome.outcome === 'skipped') {
      tableResults.set(outcome.rowNumber, { rowNumber: outcome.rowNumber, status: 'error', errors: toColumnErrors(outcome.problems ?? []) });
    } else if (outcome.outcome === 'conflict') {
      tableResults.set(outcome.rowNumber, { rowNumber: outcome.rowNumber, status: 'conflict', errors: toColumnErrors(outcome.problems ?? []) });
    } else {
      const warnings = outcome.result?.warnings ?? [];
      tableResults.set(outcome.rowNumber, { rowNumber: outcome.rowNumber, status: outcome.outcome, ...(warnings.length ? { warnings } : {}) });
    }
  }

  // Explicit deletions: soft delete by natural key, through the same door and version check.
  const deletions: RowChange[] = [];
  for (const deletion of payload.deletions ?? []) {
    const { values, problems } = readKeyCells(definition, deletion.key, deletion.rowNumber);
    if (problems.length) tableResults.set(deletion.rowNumber, { rowNumber: deletion.rowNumber, status: 'error', errors: toColumnErrors(problems) });
    else deletions.push({ rowNumber: deletion.rowNumber, values, isDeletion: true, expectedVersion: deletion.rowVersion ?? undefined });
  }
  if (deletions.length) {
    for (const result of await session.apply({ table: definition, label: definition.name, rows: deletions })) {
      if (result.id) idByRow.set(result.rowNumber, result.id);
      const status: RowStatus = result.outcome === 'conflict' ? 'conflict' : result.outcome === 'deleted' ? 'deleted' : 'error';
      tableResults.set(result.rowNumber, { rowNumber: result.rowNumber, status, ...(result.problems.length ? { errors: toColumnErrors(result.problems) } : {}) });
    }
  }
  return { definition, payload, tableResults, idByRow };
}

/** A deletion names its row by key cells, read like any cell. */
function readKeyCells(definition: TableDefinition, key: Record<string, string>, rowNumber: number): { values: Record<string, NormalisedValue>; problems: FieldProblem[] } {
  const values: Record<string, NormalisedValue> = {};
  const problems: FieldProblem[] = [];
  for (const [name, raw] of Object.entries(key)) {
    const column = definition.columns.find((candidate) => candidate.name === name);
    if (!column) {
      problems.push({ table: definition.name, row: rowNumber, column: name, value: raw, message: t('push.notAColumn', { name, table: definition.name }) });
      continue;
    }
    const read = coerceCell(column, raw);
    if (read.ok) values[name] = read.value;
    else problems.push({ table: definition.name, row: rowNumber, column: name, value: raw, message: read.message });
  }
  return { values, problems };
}

/**
 * Computed columns are read once every tab is written: a campaign's counts include the
 * creators the same push assigned. A conflict carries the server's values instead.
 */
async function attachComputedColumns(session: PushSession, written: readonly WrittenTable[]): Promise<TableResult[]> {
  const results: TableResult[] = [];
  for (const { definition, payload, tableResults, idByRow } of written) {
    // Conflicts show the server's whole row; the others only need what their computed columns read
    // (campaigns: their flags and metrics; every other table: version and change time).
    const conflictIds = new Set([...tableResults].filter(([, result]) => result.status === 'conflict').map(([rowNumber]) => idByRow.get(rowNumber)).filter((id): id is string => !!id));
    const ids = [...new Set(idByRow.values())];
    const isBookkeepingOnly = definition.computedColumns.every((column) => column.name === 'row_version' || column.name === 'updated_at');
    const records = isBookkeepingOnly
      ? [...(await findTemplateRowsByIds(session.db, definition, [...conflictIds])), ...(await findRowBookkeeping(session.db, definition, ids.filter((id) => !conflictIds.has(id))))]
      : await findTemplateRowsByIds(session.db, definition, ids);
    const after = new Map(records.map((record) => [record.id, record]));
    const computed = await computeColumns(session.db, definition, [...after.values()]);
    // A conflict shows the server's contacts as this person reads them elsewhere: masked, for the roles that don't need them.
    const isMasked = conflictIds.size > 0 && hasContactColumns(definition) ? await loadContactMasking(session.db, session.actor) : false;
    for (const [rowNumber, result] of tableResults) {
      const id = idByRow.get(rowNumber);
      const record = id ? after.get(id) : undefined;
      if (!record || !id) continue;
      if (result.status === 'conflict') result.serverValues = { ...maskContactCells(isMasked, definition, toSheetValues(definition, record.values)), row_version: record.row_version, updated_at: record.updated_at, deleted: record.is_deleted };
      else if (result.status !== 'error') result.computed = computed.get(id);
    }
    const deletionResults = (payload.deletions ?? []).map((deletion) => tableResults.get(deletion.rowNumber)!);
    results.push({ table: definition, results: [...payload.rows.map((row) => tableResults.get(row.rowNumber) ?? { rowNumber: row.rowNumber, status: 'unchanged' as const }), ...deletionResults] });
  }
  return results;
}

function toColumnErrors(problems: readonly FieldProblem[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    // "brand_code + product_code": the note goes on the first of the columns.
    const column = (problem.column ?? '_row').split(' + ')[0] || '_row';
    (errors[column] ??= []).push(problem.message);
  }
  return errors;
}

function toResponse(results: TableResult[], isDryRun: boolean, isApplied: boolean): PushResponse {
  const summary: Partial<Record<RowStatus, number>> = {};
  for (const table of results) for (const result of table.results) summary[result.status] = (summary[result.status] ?? 0) + 1;
  return { dryRun: isDryRun, applied: isApplied, tables: results.map((table) => ({ table: table.table.name, results: table.results })), summary };
}



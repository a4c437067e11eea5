import { createHash } from 'node:crypto';
import { isUniqueViolation } from '../../platform/database/database-errors.js';
import { findTableDefinition, tableDefinitions, type TableDefinition } from '../../contract/index.js';
import type { PushRequest, PushResponse, PushRowResult, RowStatus } from '../../contract/sync-payloads.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { assertCanWriteTable } from '../access/table-permissions.js';
import { createCampaignChangeAudit } from '../campaigns/campaign-change-audit.js';
import { reviewCampaignRows, reviewDeletions, reviewMappingRows, validatePushedCampaignStates, type RowProblems } from '../campaigns/campaign-sheet-rules.service.js';
import { DEFAULT_CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns/campaigns.config.js';
import { importRowsInTransaction } from '../imports/import-rows.service.js';
import type { ImportDb } from '../imports/import.repository.js';
import type { ReviewedRow, RowVerdict } from '../imports/import.types.js';
import { resolveRowsByKey } from '../imports/resolve-keys.service.js';
import { computeColumns } from './computed-columns.js';
import { findTemplateRowsByIds } from '../exports/template-rows.repository.js';
import { findRowVersions } from './sync.repository.js';
import { findStoredPush, insertStoredPush, markRowsDeleted } from './sync-push.repository.js';
import { toSheetValues } from './sync-values.js';

type TableResult = { table: TableDefinition; results: PushRowResult[] };
type Tx = ImportDb;

class RollbackSignal extends Error {}

/**
 * POST /api/v1/sync/push: rows of one or more tabs, validated by the same import engine and
 * campaign rules as everything else, written in ONE transaction, or only reported (dryRun).
 * A stale row (its row_version older than the database's) is a conflict: not written, and the
 * answer carries the server's values. Any error writes nothing at all. A retry with the same
 * idempotency key gets the first answer and changes nothing.
 */
export async function pushRows(prisma: PrismaClient, actor: Actor, request: PushRequest, config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG): Promise<PushResponse> {
  const tables = orderTables(request);
  for (const { definition } of tables) assertCanWriteTable(actor, definition.name);
  const isDryRun = request.dryRun ?? false;
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  if (!isDryRun) {
    const stored = await findStoredPush(prisma, request.idempotencyKey);
    if (stored) return replayStoredPush(stored, requestHash);
  }

  let response: PushResponse | undefined;
  try {
    await prisma.$transaction(
      async (tx) => {
        const results = await applyPush(tx, actor, tables, config);
        const hasErrors = results.some((table) => table.results.some((result) => result.status === 'error'));
        const isApplied = !isDryRun && !hasErrors;
        // Versions and computed values of a write that is rolled back would mislead the sheet.
        if (!isApplied) for (const table of results) for (const result of table.results) delete result.computed;
        response = toResponse(results, isDryRun, isApplied);
        if (!isApplied) throw new RollbackSignal();
        // Inside the transaction: a concurrent retry with the same key waits on this row, then replays it.
        await insertStoredPush(tx, { idempotencyKey: request.idempotencyKey, actorLabel: actor.label, requestHash, response });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof RollbackSignal) return response!;
    if (isUniqueViolation(error)) {
      const stored = await findStoredPush(prisma, request.idempotencyKey);
      if (stored) return replayStoredPush(stored, requestHash);
    }
    throw error;
  }
  return response!;
}

function replayStoredPush(stored: { requestHash: string; response: unknown }, requestHash: string): PushResponse {
  if (stored.requestHash !== requestHash) {
    throw new AppError({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      userMessage: 'This push reuses the key of an earlier, different push. Send it again with a new idempotency key.',
    });
  }
  return stored.response as PushResponse;
}

function orderTables(request: PushRequest) {
  const unknown = request.tables.filter((table) => !findTableDefinition(table.table)).map((table) => table.table);
  if (unknown.length) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: `Unknown tab ${unknown.map((name) => `'${name}'`).join(', ')}.`,
      problems: unknown.map((name) => ({ column: 'tables', value: name, message: `'${name}' is not one of ${tableDefinitions.map((definition) => definition.name).join(', ')}` })),
    });
  }
  const seen = new Set<string>();
  for (const table of request.tables) {
    if (seen.has(table.table)) {
      throw new AppError({ code: 'VALIDATION_FAILED', userMessage: `The tab '${table.table}' is sent twice in one push.`, problems: [{ column: 'tables', value: table.table, message: 'sent twice' }] });
    }
    seen.add(table.table);
  }
  // Parents before children: a push may hold a campaign and the creators assigned to it.
  return tableDefinitions
    .map((definition) => ({ definition, payload: request.tables.find((table) => table.table === definition.name) }))
    .filter((entry): entry is { definition: TableDefinition; payload: PushRequest['tables'][number] } => entry.payload !== undefined);
}

type PushedCampaign = { rowNumber: number; id: string; wasStatusChanged: boolean };

/** One tab of the push, written: per-row results so far, and what the later steps need. */
type WrittenTable = {
  definition: TableDefinition;
  payload: PushRequest['tables'][number];
  tableResults: Map<number, PushRowResult>;
  idByRow: Map<number, string>;
  statusBefore: ReadonlyMap<string, string | null>;
  outcomes: ReadonlyArray<{ rowNumber: number; outcome: string; id?: string }>;
};

/**
 * The push in three steps: write every tab (conflicts, row rules, deletions), then read the
 * computed columns once all tabs are written, then check the campaign state rules on the
 * final picture.
 */
async function applyPush(tx: Tx, actor: Actor, tables: ReturnType<typeof orderTables>, config: CampaignsConfig): Promise<TableResult[]> {
  const written: WrittenTable[] = [];
  for (const { definition, payload } of tables) written.push(await writePushedTable(tx, actor, definition, payload));
  const { results, pushedCampaigns } = await attachComputedColumns(tx, written);
  await applyCampaignStateRules(tx, results, pushedCampaigns, config);
  return results;
}

/** Writes one tab through the import engine: version conflicts and row rules first, then explicit deletions. */
async function writePushedTable(tx: Tx, actor: Actor, definition: TableDefinition, payload: PushRequest['tables'][number]): Promise<WrittenTable> {
  const versionByRow = new Map(payload.rows.map((row) => [row.rowNumber, row.rowVersion]));
  const audit = createCampaignChangeAudit(tx, actor, definition);
  const conflicts = new Map<number, string>();

  const reviewRows = async (rows: readonly ReviewedRow[]): Promise<Map<number, RowVerdict>> => {
    const verdicts = new Map<number, RowVerdict>();
    const existingIds = rows.map((row) => row.existingId).filter((id): id is string => id !== null);
    const versions = await findRowVersions(tx, definition.dbTable, existingIds);
    for (const row of rows) {
      const pushedVersion = versionByRow.get(row.rowNumber) ?? null;
      const current = row.existingId ? versions.get(row.existingId) : undefined;
      const reason = conflictReason(pushedVersion, current);
      if (reason && row.existingId) {
        conflicts.set(row.rowNumber, row.existingId);
        verdicts.set(row.rowNumber, { outcome: 'conflict', problems: [{ table: definition.name, row: row.rowNumber, column: '_row', message: reason }] });
      }
    }
    const accepted = rows.filter((row) => !verdicts.has(row.rowNumber));
    await audit?.captureBefore(accepted);
    const ruleProblems: RowProblems =
      definition.name === 'campaigns'
        ? reviewCampaignRows(actor, accepted, audit?.before ?? new Map())
        : definition.name === 'campaign_creators' || definition.name === 'campaign_products'
          ? await reviewMappingRows(tx, actor, definition.name, accepted)
          : new Map();
    for (const [rowNumber, problems] of ruleProblems) verdicts.set(rowNumber, { outcome: 'error', problems });
    return verdicts;
  };

  const columns = [...new Set(payload.rows.flatMap((row) => Object.keys(row.values)))];
  const imported = await importRowsInTransaction(
    tx,
    definition,
    payload.rows.map((row) => ({ rowNumber: row.rowNumber, values: row.values })),
    { columns, fileLabel: definition.name, actor, shouldKeepRowOutcomes: true, reviewRows, onBatchWritten: audit ? (rows) => audit.recordWritten(rows) : undefined, batchSize: 1000 },
  );

  const tableResults = new Map<number, PushRowResult>();
  const headerProblems = imported.problems.filter((problem) => problem.row === 1);
  for (const row of payload.rows) {
    if (headerProblems.length) tableResults.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'error', errors: toColumnErrors(headerProblems) });
  }
  for (const outcome of imported.outcomes) {
    if (outcome.outcome === 'error') {
      tableResults.set(outcome.rowNumber, { rowNumber: outcome.rowNumber, status: 'error', errors: toColumnErrors(outcome.problems ?? []) });
    } else if (outcome.outcome === 'conflict') {
      tableResults.set(outcome.rowNumber, { rowNumber: outcome.rowNumber, status: 'conflict', errors: toColumnErrors(outcome.problems ?? []) });
    } else {
      tableResults.set(outcome.rowNumber, { rowNumber: outcome.rowNumber, status: outcome.outcome });
    }
  }

  // Explicit deletions: soft delete by natural key, with the same version check.
  await audit?.recordDeleted(await applyDeletions(tx, actor, definition, payload.deletions ?? [], tableResults, conflicts));

  const idByRow = new Map<number, string>();
  for (const outcome of imported.outcomes) if (outcome.id) idByRow.set(outcome.rowNumber, outcome.id);
  for (const [rowNumber, id] of conflicts) idByRow.set(rowNumber, id);
  const statusBefore = new Map([...(audit?.before ?? new Map<string, Record<string, string | null>>())].map(([id, values]) => [id, values.status ?? null]));
  return { definition, payload, tableResults, idByRow, statusBefore, outcomes: imported.outcomes };
}

/**
 * Computed columns are read once every tab is written: a campaign's counts include the
 * creators the same push assigned. A conflict carries the server's values instead.
 */
async function attachComputedColumns(tx: Tx, written: readonly WrittenTable[]): Promise<{ results: TableResult[]; pushedCampaigns: PushedCampaign[] }> {
  const results: TableResult[] = [];
  const pushedCampaigns: PushedCampaign[] = [];
  for (const { definition, payload, tableResults, idByRow, statusBefore, outcomes } of written) {
    const after = new Map((await findTemplateRowsByIds(tx, definition, [...new Set(idByRow.values())])).map((record) => [record.id, record]));
    const computed = await computeColumns(tx, definition, [...after.values()]);
    for (const [rowNumber, result] of tableResults) {
      const id = idByRow.get(rowNumber);
      const record = id ? after.get(id) : undefined;
      if (!record || !id) continue;
      if (result.status === 'conflict') result.serverValues = { ...toSheetValues(definition, record.values), row_version: record.row_version, updated_at: record.updated_at, deleted: record.is_deleted };
      else if (result.status !== 'error') result.computed = computed.get(id);
    }
    if (definition.name === 'campaigns') {
      for (const outcome of outcomes) {
        if (!outcome.id || (outcome.outcome !== 'created' && outcome.outcome !== 'updated')) continue;
        pushedCampaigns.push({ rowNumber: outcome.rowNumber, id: outcome.id, wasStatusChanged: outcome.outcome === 'created' || statusBefore.get(outcome.id) !== after.get(outcome.id)?.values.status });
      }
    }
    const deletionResults = (payload.deletions ?? []).map((deletion) => tableResults.get(deletion.rowNumber)!);
    results.push({ table: definition, results: [...payload.rows.map((row) => tableResults.get(row.rowNumber) ?? { rowNumber: row.rowNumber, status: 'unchanged' as const }), ...deletionResults] });
  }
  return { results, pushedCampaigns };
}

/** State rules see the final picture of the push (a campaign and its creators may arrive together). */
async function applyCampaignStateRules(tx: Tx, results: readonly TableResult[], pushedCampaigns: readonly PushedCampaign[], config: CampaignsConfig): Promise<void> {
  const stateProblems = await validatePushedCampaignStates(tx, pushedCampaigns, config);
  const campaignResults = results.find((table) => table.table.name === 'campaigns');
  for (const [rowNumber, problems] of stateProblems) {
    const result = campaignResults?.results.find((candidate) => candidate.rowNumber === rowNumber);
    if (result) Object.assign(result, { status: 'error', errors: toColumnErrors(problems), computed: undefined });
  }
}

function conflictReason(pushedVersion: number | null, current: { rowVersion: number; isDeleted: boolean } | undefined): string | undefined {
  if (!current) return undefined;
  if (pushedVersion === null) return 'this row already exists on the server (someone added it): pull, or choose "keep mine" to overwrite it';
  if (current.isDeleted) return 'this row was deleted on the server since you pulled it';
  if (current.rowVersion !== pushedVersion) return `someone changed this row on the server since you pulled it (your version ${pushedVersion}, server version ${current.rowVersion})`;
  return undefined;
}

async function applyDeletions(
  tx: Tx,
  actor: Actor,
  definition: TableDefinition,
  deletions: NonNullable<PushRequest['tables'][number]['deletions']>,
  tableResults: Map<number, PushRowResult>,
  conflicts: Map<number, string>,
): Promise<string[]> {
  if (deletions.length === 0) return [];
  const resolved = await resolveRowsByKey(tx, definition, deletions.map((deletion) => ({ rowNumber: deletion.rowNumber, key: deletion.key })));
  const versions = await findRowVersions(tx, definition.dbTable, resolved.map((row) => row.id).filter((id): id is string => id !== null));
  const toDelete: Array<{ rowNumber: number; id: string }> = [];
  for (const [index, row] of resolved.entries()) {
    const deletion = deletions[index]!;
    if (row.problems.length) {
      tableResults.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'error', errors: toColumnErrors(row.problems) });
      continue;
    }
    const current = row.id ? versions.get(row.id) : undefined;
    if (!row.id || !current || current.isDeleted) {
      // Already gone: deleting it again is what the sheet asked for.
      tableResults.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'deleted' });
      continue;
    }
    if (deletion.rowVersion !== null && deletion.rowVersion !== current.rowVersion) {
      conflicts.set(row.rowNumber, row.id);
      tableResults.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'conflict', errors: { _row: [`someone changed this row on the server since you pulled it; it was not deleted`] } });
      continue;
    }
    toDelete.push({ rowNumber: row.rowNumber, id: row.id });
  }
  const refusals = await reviewDeletions(tx, actor, definition.name, toDelete.map((row) => row.id));
  await markRowsDeleted(tx, definition, toDelete.map((row) => row.id).filter((id) => !refusals.has(id)));
  for (const row of toDelete) {
    const refusal = refusals.get(row.id);
    tableResults.set(row.rowNumber, refusal ? { rowNumber: row.rowNumber, status: 'error', errors: { _row: [refusal] } } : { rowNumber: row.rowNumber, status: 'deleted' });
  }
  return toDelete.filter((row) => !refusals.has(row.id)).map((row) => row.id);
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



/**
 * The one write door. Every writer (the sheet push, the CLI import, the upload, the REST
 * actions, and every module to come) opens a write transaction and hands it change sets; for
 * each batch, in that one transaction, the door:
 *
 *  1. resolves natural keys and references (one statement);
 *  2. locks the existing rows it will touch, in id order, and reads them (one statement);
 *  3. checks each row's version against the locked one: stale rows are conflicts that carry
 *     the server's values;
 *  4. computes each row's state after the change and drops the rows that would not change;
 *  5. runs the table's rules on before/after (rights per table, field and action; lifecycle;
 *     locks; blacklist; bounds), whatever the door and whether or not the status changed;
 *  6. writes inserts and updates (one statement, still guarded by the version) and deletions;
 *  7. audits field by field and appends domain events to the outbox (one statement each).
 *
 * When every change is in, `finish` runs the checks about the final picture (a running
 * campaign has creators, a payment matches its booking) on what the transaction touched. Any
 * refusal fails the whole transaction: nothing is half-written.
 */
import { randomUUID } from 'node:crypto';
import { storedComputedColumns, type NormalisedValue, type ReferenceDefinition, type TableDefinition, type TableName } from '../contract/index.js';
import { t } from '../contract/i18n/translate.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { SqlTransactionRunner } from '../platform/database/sql-transaction.js';
import type { Actor } from '../modules/access/actor.js';
import { DEFAULT_CAMPAIGNS_CONFIG, type CampaignsConfig } from '../modules/campaigns/campaigns.config.js';
import { buildResolveSql, buildWriteSql, copyAlias, createImportPlan, keyAlias, referenceAlias, type BatchStatement, type ImportPlan } from '../modules/imports/import-sql.js';
import { resolveBatch, writeBatch, type ResolvedRow } from '../modules/imports/import.repository.js';
import { resolveRowsByKey } from '../modules/imports/resolve-keys.service.js';
import { isRetryableTransactionError, isUniqueViolation, plainDatabaseMessage } from '../platform/database/database-errors.js';
import { AppError } from '../platform/errors/app-error.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import type { AuditEntryInput } from '../modules/audit/audit.types.js';
import { buildAuditEntries, type WrittenChange } from './audit-writer.js';
import { isNullish, type ChangeSet, type ChangedRow, type RowChange, type RowResult, type RowState, type WriteProblem } from './change-set.js';
import { appendChangeLog, buildEvents } from './outbox.js';
import { lockRows, softDeleteRows, toCanonicalText, type WriteDb } from './row-state.repository.js';
import { auditShapeFor, deferredChecksFor, effectsFor, isWatchedByDeferredChecks, raisesEvents, rowRulesFor } from './rule-registry.js';
import { RuleFindings, type RuleContext } from './table-rules.js';
import { assertLicenseAllowsWrites } from '../modules/license/license.service.js';
import { keepMaskedEchoes } from '../modules/access/contact-masking.js';
import { currentTenantScope, runInTenant } from '../platform/database/tenant-scope.js';

/** A refusal found once everything was written, on the row of this transaction it is about. */
export type DeferredProblem = { table: TableName; label: string; rowNumber: number; problem: WriteProblem };

export type ApplyHooks = {
  /**
   * Rows whose references are missing, before they are refused: --create-missing adds
   * placeholder rows (through this same door) and answers true to have the batch resolved again.
   */
  onMissingReferences?: (rows: ReadonlyArray<{ rowNumber: number; values: Record<string, NormalisedValue>; missing: readonly ReferenceDefinition[] }>) => Promise<boolean>;
  /** Words added to "X is not in <table>": how to fix it at this door ("import it first"). */
  missingReferenceHint?: (reference: ReferenceDefinition) => string;
};

/** Two writers inserted the same natural key at once: the transaction is run again, and then sees the other's row. */
export class WriteRaceError extends Error {}

type RowRef = { label: string; rowNumber: number };

const statementCache = new Map<string, { resolve: BatchStatement; write: BatchStatement }>();

function statementsFor(plan: ImportPlan): { resolve: BatchStatement; write: BatchStatement } {
  const cacheKey = `${plan.definition.name}:${plan.columns.map((column) => column.name).join(',')}:${plan.references.map((reference) => reference.name).join(',')}`;
  let statements = statementCache.get(cacheKey);
  if (!statements) {
    // Rows audited as themselves get their "created" entries from the write statement itself.
    const audit = auditShapeFor(plan.definition.name) ? undefined : { entityType: plan.definition.entity };
    statements = { resolve: buildResolveSql(plan), write: buildWriteSql(plan, audit) };
    statementCache.set(cacheKey, statements);
  }
  return statements;
}

function problem(label: string, rowNumber: number, fields: Omit<WriteProblem, 'table' | 'row'>): WriteProblem {
  return { table: label, row: rowNumber, ...fields };
}

function quoteValue(value: unknown): string {
  return `'${isNullish(value) ? '' : String(value)}'`;
}

export class WriteSession<Db extends WriteDb = WriteDb> {
  private readonly touched = new Map<TableName, Map<string, RowRef>>();
  private failed = false;
  private aborted = false;
  private abandoned = false;
  private finished = false;
  readonly context: RuleContext;

  constructor(
    readonly db: Db,
    readonly actor: Actor,
    config: CampaignsConfig = DEFAULT_CAMPAIGNS_CONFIG,
  ) {
    this.context = { db, actor, config };
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** A writer found a problem of its own (a cell it could not read): the transaction must not commit. */
  markFailed(): void {
    this.failed = true;
  }

  /** Roll back whatever happened (a replayed idempotent push, a dry run decided late). */
  abandon(): void {
    this.abandoned = true;
  }

  get shouldCommit(): boolean {
    return !this.failed && !this.abandoned && !this.aborted;
  }

  /** Applies one batch of one table. Every row gets a result, in the order given. */
  async apply(changeSet: ChangeSet, hooks: ApplyHooks = {}): Promise<RowResult[]> {
    const definition = changeSet.table;
    const label = changeSet.label ?? definition.name;
    const results = new Map<number, RowResult>(changeSet.rows.map((row) => [row.rowNumber, { rowNumber: row.rowNumber, outcome: 'unchanged', problems: [], warnings: [] }]));
    const refuse = (rowNumber: number, fields: Omit<WriteProblem, 'table' | 'row'>) => {
      const result = results.get(rowNumber)!;
      result.outcome = 'error';
      result.problems.push(problem(label, rowNumber, fields));
    };
    if (this.aborted) {
      for (const row of changeSet.rows) refuse(row.rowNumber, { code: 'NOT_WRITTEN', kind: 'invalid', message: t('write.notWritten') });
      this.failed = true;
      return [...results.values()];
    }

    const upserts = changeSet.rows.filter((row) => !row.isDeletion);
    const deletions = changeSet.rows.filter((row) => row.isDeletion);
    const columns = changeSet.columns ?? [...new Set(upserts.flatMap((row) => Object.keys(row.values)))];
    const plan = createImportPlan(definition, new Set(columns));
    const existingIdByRow = new Map<number, string>();
    const resolutionByRow = new Map<number, ResolvedRow>();

    // 1. Natural keys and references, one statement for the batch.
    if (upserts.length) {
      const unkeyed = upserts.filter((row) => !row.id);
      if (plan.naturalKeys.length === 0 && unkeyed.length) {
        const needed = definition.naturalKeys.map((naturalKey) => naturalKey.columns.join(' + ')).join(' or ');
        for (const row of unkeyed) refuse(row.rowNumber, { code: 'KEY_MISSING', kind: 'invalid', column: needed, message: t('write.keyMissing', { table: definition.name, columns: needed }) });
      } else if (plan.naturalKeys.length || plan.references.length) {
        let resolved = await this.resolve(plan, upserts);
        if (hooks.onMissingReferences) {
          const missing = upserts.map((row) => ({ rowNumber: row.rowNumber, values: row.values, missing: missingReferences(plan, row, resolved.get(row.rowNumber)) })).filter((row) => row.missing.length);
          if (missing.length && (await hooks.onMissingReferences(missing))) resolved = await this.resolve(plan, upserts);
        }
        for (const row of upserts) {
          const resolution = resolved.get(row.rowNumber);
          for (const reference of missingReferences(plan, row, resolution)) {
            const cells = reference.match.map((match) => match.column);
            const shown = cells.map((column) => row.values[column]).join(' / ');
            refuse(row.rowNumber, { code: 'MISSING_REFERENCE', kind: 'invalid', column: cells.join(' + '), value: shown, message: t('write.missingReference', { columns: cells.join(' + '), value: quoteValue(shown), table: reference.table, hint: hooks.missingReferenceHint?.(reference) ?? '' }) });
          }
          if (row.id) {
            existingIdByRow.set(row.rowNumber, row.id);
            if (resolution) resolutionByRow.set(row.rowNumber, resolution);
            continue;
          }
          const keyIds = plan.naturalKeys.map((_, index) => resolution?.[keyAlias(index)]).filter((id): id is string => typeof id === 'string');
          if (new Set(keyIds).size > 1) {
            const keys = plan.naturalKeys.map((naturalKey) => naturalKey.columns.join(' + ')).join(' and ');
            refuse(row.rowNumber, { code: 'KEYS_DISAGREE', kind: 'invalid', column: keys, message: t('write.keysDisagree', { columns: keys, table: definition.name }) });
          }
          if (keyIds[0]) existingIdByRow.set(row.rowNumber, keyIds[0]);
          if (resolution) resolutionByRow.set(row.rowNumber, resolution);
        }
      }
      for (const row of upserts) if (row.id && !existingIdByRow.has(row.rowNumber)) existingIdByRow.set(row.rowNumber, row.id);
    }
    for (const row of deletions) if (row.id) existingIdByRow.set(row.rowNumber, row.id);
    const keyedDeletions = deletions.filter((row) => !row.id);
    if (keyedDeletions.length) {
      const resolved = await resolveRowsByKey(this.db, definition, keyedDeletions.map((row) => ({ rowNumber: row.rowNumber, key: toKeyCells(row.values) })));
      for (const row of resolved) {
        for (const found of row.problems) refuse(row.rowNumber, { code: 'KEY_INVALID', kind: 'invalid', column: found.column, value: found.value, message: found.message });
        if (row.id) existingIdByRow.set(row.rowNumber, row.id);
      }
    }

    // 2. Lock and read what exists.
    const before = await lockRows(this.db, definition, [...existingIdByRow.values()]);

    // 3 and 4. Versions, then the state each change leaves.
    const changed: ChangedRow[] = [];
    const changeByRow = new Map<number, RowChange>();
    for (const sentRow of changeSet.rows) {
      const result = results.get(sentRow.rowNumber)!;
      if (result.outcome === 'error') continue;
      const existingId = existingIdByRow.get(sentRow.rowNumber);
      const current = existingId ? before.get(existingId) : undefined;
      // A contact cell sent back exactly as a masked reader saw it (09•••••678) is no change.
      const row = keepMaskedEchoes(definition, sentRow, current);
      changeByRow.set(row.rowNumber, row);
      if (row.isDeletion) {
        if (!current || current.isDeleted) {
          // Already gone: deleting it again is what was asked for.
          result.outcome = 'deleted';
          if (current) result.id = current.id;
          continue;
        }
        result.id = current.id;
        const conflict = isNullish(row.expectedVersion) ? undefined : describeConflict(row.expectedVersion, current);
        if (conflict) {
          Object.assign(result, { outcome: 'conflict', server: current });
          result.problems.push(problem(label, row.rowNumber, { code: 'STALE_ROW_VERSION', kind: 'conflict', column: '_row', message: t('write.notDeleted', { conflict }) }));
          continue;
        }
        changed.push({ rowNumber: row.rowNumber, id: current.id, isNew: false, isDeletion: true, before: current, after: { ...current, isDeleted: true }, changed: ['deleted'] });
        continue;
      }
      if (row.id && !current) {
        refuse(row.rowNumber, { code: 'NOT_FOUND', kind: 'invalid', column: '_row', message: t('write.rowGone', { entity: definition.entity.replace(/_/g, ' ') }) });
        continue;
      }
      if (current) {
        result.id = current.id;
        const conflict = row.expectedVersion === undefined ? undefined : describeConflict(row.expectedVersion, current);
        if (conflict) {
          Object.assign(result, { outcome: 'conflict', server: current });
          result.problems.push(problem(label, row.rowNumber, { code: 'STALE_ROW_VERSION', kind: 'conflict', column: '_row', message: conflict }));
          continue;
        }
      }
      if (!current && typeof row.expectedVersion === 'number') {
        // A row the writer pulled (it has a version) that no key finds any more: a key cell was
        // edited, or the row is gone. Writing it as new would file it twice.
        const keys = plan.naturalKeys.map((naturalKey) => naturalKey.columns.join(' + ')).join(' or ');
        refuse(row.rowNumber, {
          code: 'KEY_CHANGED',
          kind: 'invalid',
          column: plan.naturalKeys[0]?.columns[0] ?? '_row',
          message: t('write.keyChanged', { version: String(row.expectedVersion), table: definition.name, keys }),
        });
        continue;
      }
      const after = stateAfter(definition, plan, row, current, resolutionByRow.get(row.rowNumber));
      const fields = changedFields(definition, plan, current, after);
      // Unchanged is no change, except for a row still missing a value the door fills (a payment
      // saved before it converted amounts): written again, it gets it, or is refused for lack of a rate.
      if (current && fields.length === 0 && !lacksStoredValue(definition, current)) continue;
      if (!current) result.id = after.id;
      changed.push({ rowNumber: row.rowNumber, id: after.id, isNew: !current, isDeletion: false, before: current ?? null, after, changed: fields });
    }

    // 5. Rules on before and after.
    const findings = new RuleFindings(label);
    for (const rule of rowRulesFor(definition.name)) await rule(this.context, changed, findings);
    const accepted: ChangedRow[] = [];
    for (const row of changed) {
      const result = results.get(row.rowNumber)!;
      result.warnings.push(...(findings.warnings.get(row.rowNumber) ?? []));
      const refusals = findings.problems.get(row.rowNumber);
      if (!refusals) {
        accepted.push(withFilledValues(definition, row, findings.filled.get(row.rowNumber)));
        continue;
      }
      result.problems.push(...refusals);
      result.outcome = changeSet.onRefusedRow === 'skip' ? 'skipped' : 'error';
    }
    for (const result of results.values()) if (result.outcome === 'error') this.failed = true;

    // 6. Write.
    const written: WrittenChange[] = [];
    try {
      const upserted = accepted.filter((row) => !row.isDeletion);
      if (upserted.length) {
        const auditParameters = auditShapeFor(definition.name) ? [] : [this.actor.userId, this.actor.label, this.actor.source, changeSet.auditAction ?? 'create', changeSet.auditNote ?? null];
        const updatedIds = await writeBatch(this.db, statementsFor(plan).write, upserted.map((row) => toWriteRow(plan, row, changeByRow.get(row.rowNumber)!, resolutionByRow.get(row.rowNumber))), auditParameters);
        for (const row of upserted) {
          const result = results.get(row.rowNumber)!;
          if (row.isNew) {
            result.outcome = 'created';
            written.push({ ...row, outcome: 'created' });
          } else if (updatedIds.has(row.id)) {
            result.outcome = 'updated';
            if (row.before?.isDeleted) result.isRestored = true;
            written.push({ ...row, outcome: row.before?.isDeleted ? 'restored' : 'updated' });
          }
          // Otherwise the database found nothing to change (the same value written differently): unchanged.
        }
      }
      const deleted = accepted.filter((row) => row.isDeletion);
      await softDeleteRows(this.db, definition, deleted.map((row) => row.id));
      for (const row of deleted) {
        results.get(row.rowNumber)!.outcome = 'deleted';
        written.push({ ...row, outcome: 'deleted' });
      }
    } catch (error) {
      if (isUniqueViolation(error) || isRetryableTransactionError(error)) throw new WriteRaceError('a concurrent writer took the same key', { cause: error });
      // The transaction is aborted now: nothing more can be written, and nothing will be.
      this.aborted = true;
      this.failed = true;
      const first = accepted[0]?.rowNumber;
      const last = accepted[accepted.length - 1]?.rowNumber;
      for (const row of accepted) {
        const result = results.get(row.rowNumber)!;
        result.outcome = 'error';
        result.problems.push(problem(label, row.rowNumber, { code: 'DATABASE_REFUSED', kind: 'invalid', column: '_row', message: t('write.databaseRefused', { first: String(first), last: String(last), detail: plainDatabaseMessage(error) }) }));
      }
      return [...results.values()];
    }

    // 7. Audit and outbox, from the same before/after.
    if (written.length) {
      const shape = auditShapeFor(definition.name);
      // Created rows of tables audited as themselves were audited by the write statement.
      const entries = buildAuditEntries(definition, shape ? written : written.filter((row) => row.outcome !== 'created'), { shape, action: changeSet.auditAction, note: changeSet.auditNote, isBeforeHidden: changeSet.isAuditBeforeHidden });
      await appendChangeLog(this.db, this.actor, entries, raisesEvents(definition.name) ? buildEvents(definition, written) : []);
      // Remembered for the final checks only where one looks (not for a 100,000-creator import).
      if (isWatchedByDeferredChecks(definition.name)) {
        const touched = this.touched.get(definition.name) ?? new Map<string, RowRef>();
        for (const row of written) if (!touched.has(row.id)) touched.set(row.id, { label, rowNumber: row.rowNumber });
        this.touched.set(definition.name, touched);
      }
      // 8. What the batch implies (a booking's history, a posted video's deliverable), in this transaction.
      for (const effect of effectsFor(definition.name)) {
        const outcome = await effect(this, written, changeSet);
        for (const [rowNumber, warnings] of outcome.warnings) results.get(rowNumber)?.warnings.push(...warnings);
        for (const [rowNumber, refusals] of outcome.problems) {
          const result = results.get(rowNumber);
          if (!result) continue;
          result.outcome = 'error';
          for (const refusal of refusals) result.problems.push(problem(label, rowNumber, { kind: refusal.kind ?? 'invalid', column: refusal.column ?? '_row', ...(refusal.value !== undefined ? { value: refusal.value } : {}), message: refusal.message, code: refusal.code }));
          this.failed = true;
        }
      }
    }
    return changeSet.rows.map((row) => results.get(row.rowNumber)!);
  }

  /**
   * An audit entry for what a person did that is not itself a row change (the original of a
   * duplicate learns what it was copied as).
   */
  async recordAction(entry: AuditEntryInput): Promise<void> {
    await recordAudit(this.db, this.actor, [entry]);
  }

  /** The checks on the final picture of everything this transaction wrote. */
  async finish(): Promise<DeferredProblem[]> {
    this.finished = true;
    if (this.aborted || this.touched.size === 0) return [];
    const touchedIds = new Map([...this.touched].map(([table, rows]) => [table, [...rows.keys()]]));
    const problems: DeferredProblem[] = [];
    for (const check of deferredChecksFor(touchedIds)) {
      for (const finding of await check.run(this.context, touchedIds)) {
        const candidates = [finding.subject, ...(finding.causes ?? [])];
        const located = candidates.map((candidate) => ({ table: candidate.table, ref: this.touched.get(candidate.table)?.get(candidate.id) })).find((candidate) => candidate.ref);
        if (!located?.ref) continue;
        problems.push({
          table: located.table,
          label: located.ref.label,
          rowNumber: located.ref.rowNumber,
          problem: problem(located.ref.label, located.ref.rowNumber, { kind: 'invalid', column: '_row', ...finding.problem }),
        });
      }
    }
    if (problems.length) this.failed = true;
    return problems;
  }

  private async resolve(plan: ImportPlan, rows: readonly RowChange[]): Promise<Map<number, ResolvedRow>> {
    const resolved = await resolveBatch(this.db, statementsFor(plan).resolve, rows.map((row) => ({ __row: row.rowNumber, ...row.values })));
    return new Map(resolved.map((row) => [Number(row.__row), row]));
  }
}

function toKeyCells(values: Record<string, NormalisedValue>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(values).map(([column, value]) => [column, value === null || typeof value !== 'object' ? value : JSON.stringify(value)]));
}

function missingReferences(plan: ImportPlan, row: RowChange, resolution: ResolvedRow | undefined): ReferenceDefinition[] {
  return plan.references.filter((reference) => {
    const isFilled = reference.match.every((match) => !isNullish(row.values[match.column]));
    return isFilled && !resolution?.[referenceAlias(reference)];
  });
}

function describeConflict(expectedVersion: number | null, current: RowState): string | undefined {
  if (expectedVersion === null) return t('write.conflictNew');
  if (current.isDeleted) return t('write.conflictDeleted');
  // Versions are counters, not amounts: written as they are, without grouping.
  if (current.rowVersion !== expectedVersion) return t('write.conflictChanged', { mine: String(expectedVersion), theirs: String(current.rowVersion) });
  return undefined;
}

function lacksStoredValue(definition: TableDefinition, current: RowState): boolean {
  return storedComputedColumns(definition).some((column) => current.values[column.name] === null);
}

/**
 * The row with the stored computed values its rules derived (amount_vnd): written, audited and
 * raised in events like any changed field.
 */
function withFilledValues(definition: TableDefinition, row: ChangedRow, filled: Record<string, string | null> | undefined): ChangedRow {
  if (!filled || row.isDeletion) return row;
  const values = { ...row.after.values };
  const changed = [...row.changed];
  for (const column of storedComputedColumns(definition)) {
    if (!(column.name in filled)) continue;
    const value = filled[column.name] ?? null;
    values[column.name] = value;
    const isChange = row.isNew ? value !== null : value !== (row.before?.values[column.name] ?? null);
    if (isChange && !changed.includes(column.name)) changed.push(column.name);
  }
  return { ...row, after: { ...row.after, values }, changed };
}

/** The row as the change would leave it: the sent columns over what is stored (or the defaults, for a new row). */
function stateAfter(definition: TableDefinition, plan: ImportPlan, row: RowChange, current: RowState | undefined, resolution: ResolvedRow | undefined): RowState {
  const values: Record<string, string | null> = {};
  const sent = new Set(plan.columns.map((column) => column.name));
  for (const column of definition.columns) {
    if (sent.has(column.name)) values[column.name] = toCanonicalText(column.type, row.values[column.name]);
    else if (current) values[column.name] = current.values[column.name] ?? null;
    else values[column.name] = toCanonicalText(column.type, column.defaultValue);
  }
  // No writer sends a stored computed column: it stays as stored until a rule fills it.
  for (const column of storedComputedColumns(definition)) values[column.name] = current?.values[column.name] ?? null;
  const refs: Record<string, string | null> = {};
  for (const reference of definition.references) {
    const isSent = plan.references.includes(reference);
    refs[reference.name] = isSent ? ((resolution?.[referenceAlias(reference)] as string | null | undefined) ?? null) : (current?.refs[reference.name] ?? null);
  }
  return { id: current?.id ?? randomUUID(), values, refs, isDeleted: false, rowVersion: current?.rowVersion ?? 0, updatedAt: current?.updatedAt ?? '' };
}

function changedFields(definition: TableDefinition, plan: ImportPlan, current: RowState | undefined, after: RowState): string[] {
  if (!current) return definition.columns.filter((column) => after.values[column.name] !== null).map((column) => column.name);
  const sent = new Set(plan.columns.map((column) => column.name));
  const fields = definition.columns.filter((column) => sent.has(column.name) && after.values[column.name] !== current.values[column.name]).map((column) => column.name);
  // A reference that resolves elsewhere with the same visible key (never, for unique keys) still counts.
  for (const reference of plan.references) {
    if (after.refs[reference.name] !== current.refs[reference.name]) {
      for (const match of reference.match) if (!fields.includes(match.column)) fields.push(match.column);
    }
  }
  if (current.isDeleted) fields.push('deleted');
  return fields;
}

function toWriteRow(plan: ImportPlan, row: ChangedRow, change: RowChange, resolution: ResolvedRow | undefined): Record<string, NormalisedValue | boolean | number> {
  const write: Record<string, NormalisedValue | boolean | number> = { __id: row.id, __is_new: row.isNew, __version: row.before?.rowVersion ?? null };
  // Every sent cell: the columns, and the key cells the audit of a created row repeats.
  for (const column of plan.columns) write[column.name] = change.values[column.name] ?? null;
  for (const column of storedComputedColumns(plan.definition)) write[column.name] = row.after.values[column.name] ?? null;
  for (const reference of plan.references) {
    write[referenceAlias(reference)] = (resolution?.[referenceAlias(reference)] as string | null | undefined) ?? null;
    for (const copy of reference.copies ?? []) write[copyAlias(copy.dbColumn)] = (resolution?.[copyAlias(copy.dbColumn)] as string | null | undefined) ?? null;
  }
  return write;
}

export type WriteTransactionOptions = {
  config?: CampaignsConfig;
  /** Run every step, answer as if written, write nothing. */
  isDryRun?: boolean;
  /** The work can run again from the start (its input is in memory, not a stream being read). */
  isReplayable?: boolean;
  timeoutMs?: number;
};

class RollbackSignal extends Error {}

const MAX_ATTEMPTS = 3;

/** Prisma's interactive transaction as a runner, with the door's time limits. */
function prismaTransaction(prisma: PrismaClient, timeoutMs: number | undefined): <T>(work: (db: Prisma.TransactionClient) => Promise<T>) => Promise<T> {
  return (work) => prisma.$transaction((tx) => work(tx), { timeout: timeoutMs ?? 60 * 60 * 1000, maxWait: 60_000 });
}

/**
 * One transaction through the door. `work` applies change sets (and may call `finish` itself to
 * act on the final checks); the transaction commits only when nothing was refused and it is no
 * dry run. Two writers racing for the same new key, a deadlock or a serialisation failure run
 * the work again when it can be replayed; otherwise the writer is told to try again.
 *
 * On Prisma's transaction (the session's `db` then also reads Prisma's models), or on a bulk
 * runner of raw statements (`Database.bulkTransaction`, for imports).
 */
export function runInWriteTransaction<T>(
  prisma: PrismaClient,
  actor: Actor,
  work: (session: WriteSession<Prisma.TransactionClient>) => Promise<T>,
  options?: WriteTransactionOptions,
): Promise<{ value: T; isCommitted: boolean }>;
export function runInWriteTransaction<T>(
  prisma: PrismaClient,
  actor: Actor,
  work: (session: WriteSession) => Promise<T>,
  options: WriteTransactionOptions & { bulkTransaction?: SqlTransactionRunner },
): Promise<{ value: T; isCommitted: boolean }>;
export async function runInWriteTransaction<T>(
  prisma: PrismaClient,
  actor: Actor,
  work: (session: WriteSession<Prisma.TransactionClient>) => Promise<T>,
  options: WriteTransactionOptions & { bulkTransaction?: SqlTransactionRunner } = {},
): Promise<{ value: T; isCommitted: boolean }> {
  // Without a bulk runner the session's db is Prisma's transaction client, as the first signature promises.
  const transaction = (options.bulkTransaction ?? prismaTransaction(prisma, options.timeoutMs)) as <R>(work: (db: Prisma.TransactionClient) => Promise<R>) => Promise<R>;
  // The door is where a write's tenant is decided: the actor's, whatever door they came through.
  // Every statement of the transaction then runs as the application role in that tenant, and
  // row-level security keeps it to that tenant's rows (platform/database/tenant-scope.ts).
  if (actor.tenantId && currentTenantScope()?.tenantId !== actor.tenantId) {
    return runInTenant(actor.tenantId, () => runInWriteTransaction(prisma, actor, work, options));
  }
  // An installation without a valid licence (trial over, expired, another machine) is read-only.
  // A dry run writes nothing, so it still answers "what would happen".
  if (!options.isDryRun) assertLicenseAllowsWrites();
  for (let attempt = 1; ; attempt += 1) {
    let value: T | undefined;
    try {
      await transaction(async (db) => {
        const session = new WriteSession(db, actor, options.config);
        value = await work(session);
        if (!session.isFinished) await session.finish();
        if (options.isDryRun || !session.shouldCommit) throw new RollbackSignal();
      });
      return { value: value as T, isCommitted: true };
    } catch (error) {
      if (error instanceof RollbackSignal) return { value: value as T, isCommitted: false };
      const isRace = error instanceof WriteRaceError || isRetryableTransactionError(error) || isUniqueViolation(error);
      if (!isRace) throw error;
      if (options.isReplayable && attempt < MAX_ATTEMPTS) continue;
      throw new AppError({
        code: 'CONFLICT',
        reason: 'CONCURRENT_WRITE',
        userMessage: t('write.concurrentWrite'),
        cause: error,
      });
    }
  }
}

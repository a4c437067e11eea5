import { randomUUID } from 'node:crypto';
import {
  coerceCell,
  findTableDefinition,
  isEmptyCell,
  type CellValue,
  type ColumnDefinition,
  type NormalisedValue,
  type ReferenceDefinition,
  type TableDefinition,
  type TableName,
} from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { createCampaignChangeAudit } from '../campaigns/campaign-change-audit.js';
import { buildResolveSql, buildWriteSql, copyAlias, createImportPlan, keyAlias, referenceAlias, type BatchStatement, type ImportPlan } from './import-sql.js';
import { resolveBatch, writeBatch, type ImportDb, type ResolvedRow } from './import.repository.js';
import type { ImportOptions, ImportRow, ImportTableResult, NormalisedRow, ReviewedRow, RowOutcome, WrittenRow } from './import.types.js';
import { buildPlaceholderRow, canCreatePlaceholder } from './placeholder-rows.js';

/**
 * The one path from rows in template format to the database. The CLI import, the XLSX
 * import and the sheet push all call `importTableRows`.
 *
 * - Every row is read and checked (types, enums, required cells, duplicate keys, references).
 * - Rows travel in batches; per batch one statement resolves references and natural keys and
 *   one statement inserts the new rows and updates only the rows that differ.
 * - The whole table import is one transaction: any error, or a dry run, rolls it all back,
 *   after every row was checked, so the report lists every problem at once.
 */
export async function importTableRows(
  prisma: PrismaClient,
  tableName: TableName | string,
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  options: ImportOptions = {},
): Promise<ImportTableResult> {
  const definition = findTableDefinition(tableName);
  if (!definition) {
    throw new AppError({ code: 'BAD_REQUEST', userMessage: `'${tableName}' is not an import table` });
  }
  let result: ImportTableResult | undefined;
  try {
    await prisma.$transaction(
      async (tx) => {
        result = await importRowsInTransaction(tx, definition, rows, withAudit(tx, definition, options));
        if (!result.isCommitted) throw new RollbackSignal();
      },
      // A 100,000-row file takes a while; the default 5 seconds would abort it.
      { timeout: 60 * 60 * 1000, maxWait: 60 * 1000 },
    );
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  if (!result) throw new Error('import finished without a result');
  return result;
}

class RollbackSignal extends Error {}

/** Changes to campaigns and their mappings are audited in the importer's name (the sheet push wires its own). */
function withAudit(db: ImportDb, definition: TableDefinition, options: ImportOptions): ImportOptions {
  const audit = options.actor ? createCampaignChangeAudit(db, options.actor, definition) : undefined;
  if (!audit) return options;
  return {
    ...options,
    reviewRows: async (rows) => {
      await audit.captureBefore(rows);
      return options.reviewRows ? options.reviewRows(rows) : new Map();
    },
    onBatchWritten: async (rows) => {
      await audit.recordWritten(rows);
      await options.onBatchWritten?.(rows);
    },
  };
}

const DEFAULT_BATCH_SIZE = 5000;

/** Header names as people type them: any case, spaces for underscores, a stray BOM. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

type HeaderMapping = {
  /** Raw header → template column, for the columns the import reads. */
  readers: Array<{ header: string; column: ColumnDefinition }>;
  /** Columns absent from the file that still take part in a key: they take their default. */
  defaulted: ColumnDefinition[];
  problems: FieldProblem[];
};

function mapHeader(definition: TableDefinition, header: readonly string[], fileLabel: string): HeaderMapping {
  const problems: FieldProblem[] = [];
  const readers: HeaderMapping['readers'] = [];
  const seen = new Set<string>();
  const computed = new Set(definition.computedColumns.map((column) => column.name));
  for (const raw of header) {
    const name = normaliseHeader(raw);
    if (name === '') continue;
    const column = definition.columns.find((candidate) => candidate.name === name);
    if (seen.has(name)) {
      problems.push({ table: fileLabel, row: 1, column: raw, value: raw, message: `column '${raw}' appears twice` });
      continue;
    }
    seen.add(name);
    if (column) readers.push({ header: raw, column });
    else if (!computed.has(name)) {
      const expected = definition.columns.map((candidate) => candidate.name).join(', ');
      problems.push({ table: fileLabel, row: 1, column: raw, value: raw, message: `column '${raw}' is not a ${definition.name} column (expected: ${expected})` });
    }
  }
  const keyColumns = new Set([
    ...definition.naturalKeys.flatMap((naturalKey) => naturalKey.columns),
    ...definition.references.flatMap((reference) => reference.match.map((match) => match.column)),
  ]);
  const defaulted = definition.columns.filter((column) => !seen.has(column.name) && column.defaultValue !== undefined && keyColumns.has(column.name));
  for (const column of definition.columns) {
    if (column.isRequired && column.defaultValue === undefined && !seen.has(column.name)) {
      problems.push({ table: fileLabel, row: 1, column: column.name, message: `column '${column.name}' is missing` });
    }
  }
  return { readers, defaulted, problems };
}

function emptyResult(definition: TableDefinition, options: ImportOptions): ImportTableResult {
  return {
    table: definition.name,
    fileLabel: options.fileLabel ?? definition.name,
    totals: { rows: 0, created: 0, updated: 0, unchanged: 0, errors: 0, conflicts: 0, placeholders: 0 },
    problems: [],
    outcomes: [],
    isCommitted: false,
    isDryRun: options.isDryRun ?? false,
  };
}

async function* toAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  for await (const item of items) yield item;
}

/** The same import, inside a transaction the caller owns (the sheet push wraps several tables in one). */
export async function importRowsInTransaction(
  db: ImportDb,
  definition: TableDefinition,
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  options: ImportOptions = {},
): Promise<ImportTableResult> {
  const result = emptyResult(definition, options);
  const fileLabel = result.fileLabel;
  const iterator = toAsync(rows);
  const first = await iterator.next();
  const header = options.columns ?? (first.done ? [] : Object.keys(first.value.values));
  if (first.done && header.length === 0) {
    result.isCommitted = !result.isDryRun;
    return result;
  }
  const mapping = mapHeader(definition, header, fileLabel);
  const present = new Set([...mapping.readers.map((reader) => reader.column.name), ...mapping.defaulted.map((column) => column.name)]);
  const plan = createImportPlan(definition, present);
  if (plan.naturalKeys.length === 0 && mapping.problems.length === 0) {
    const needed = definition.naturalKeys.map((naturalKey) => naturalKey.columns.join(' + ')).join(' or ');
    mapping.problems.push({ table: fileLabel, row: 1, message: `${definition.name} needs the columns ${needed} to recognise rows` });
  }
  if (mapping.problems.length) {
    result.problems.push(...mapping.problems);
    result.totals.errors = mapping.problems.length;
    return result;
  }

  const importer = new BatchImporter(db, plan, options, result);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let batch: NormalisedRow[] = [];
  let rowsRead = 0;
  // Pipelined: while the database works on one batch, the next one is read and checked (about
  // as much time again, in Node). Batches still reach the database one at a time and in file
  // order; at most two are in memory.
  let inDatabase: Promise<void> = Promise.resolve();
  const sendBatch = async (full: NormalisedRow[]) => {
    await inDatabase;
    inDatabase = importer.process(full);
    // Awaited at the next batch or at the end; until then its failure must not count as unhandled.
    inDatabase.catch(() => undefined);
  };
  const readRow = async (row: ImportRow) => {
    rowsRead += 1;
    const normalised = importer.normalise(row, mapping);
    if (normalised) batch.push(normalised);
    if (batch.length >= batchSize) {
      await sendBatch(batch);
      batch = [];
      options.onProgress?.(rowsRead);
    }
  };
  try {
    if (!first.done) await readRow(first.value);
    for await (const row of iterator) await readRow(row);
    if (batch.length) await sendBatch(batch);
    await inDatabase;
    options.onProgress?.(rowsRead);
  } catch (error) {
    if (!(error instanceof DatabaseRefusal)) throw error;
    result.problems.push(error.problem);
    result.totals.errors += 1;
  }
  // Reading runs ahead of writing, so a later row's reading error may have been noted before an
  // earlier row's write: the report lists them in sheet order.
  result.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  result.outcomes.sort((a, b) => a.rowNumber - b.rowNumber);
  result.isCommitted = !result.isDryRun && result.totals.errors === 0;
  return result;
}

class DatabaseRefusal extends Error {
  constructor(readonly problem: FieldProblem) {
    super(problem.message);
  }
}

function quoteValue(value: NormalisedValue | undefined): string {
  return `'${value === null || value === undefined ? '' : String(value)}'`;
}

function isBlankRow(row: ImportRow): boolean {
  return Object.values(row.values).every((value) => isEmptyCell(value));
}

/** Values a table derives from others in the same row. */
function deriveValues(definition: TableDefinition, values: Record<string, NormalisedValue>): void {
  // amount_vnd: amount when paid in VND, amount × exchange rate otherwise (schema comment on Payment).
  if (definition.name === 'payments' && 'amount_vnd' in values && values.amount_vnd === null && values.amount !== null && values.amount !== undefined) {
    const currency = String(values.currency ?? 'VND').toUpperCase();
    if (currency === 'VND') values.amount_vnd = values.amount;
    else if (values.exchange_rate !== null && values.exchange_rate !== undefined) {
      values.amount_vnd = (Math.round(Number(values.amount) * Number(values.exchange_rate) * 100) / 100).toString();
    }
  }
}

class BatchImporter {
  private readonly resolveSql: BatchStatement;
  private readonly writeSql: BatchStatement;
  /** Natural key of every row read so far → its row number: a key twice in one file is refused. */
  private readonly seenKeys = new Map<string, number>();
  private readonly keepOutcomes: boolean;

  constructor(
    private readonly db: ImportDb,
    private readonly plan: ImportPlan,
    private readonly options: ImportOptions,
    private readonly result: ImportTableResult,
  ) {
    this.resolveSql = buildResolveSql(plan);
    this.writeSql = buildWriteSql(plan);
    this.keepOutcomes = options.shouldKeepRowOutcomes ?? true;
  }

  private get table(): string {
    return this.result.fileLabel;
  }

  private recordError(rowNumber: number, problems: FieldProblem[]): void {
    this.result.totals.errors += 1;
    this.result.problems.push(...problems);
    if (this.keepOutcomes) this.result.outcomes.push({ rowNumber, outcome: 'error', problems });
  }

  private record(outcome: RowOutcome): void {
    if (outcome.outcome === 'conflict') this.result.totals.conflicts += 1;
    else if (outcome.outcome !== 'error') this.result.totals[outcome.outcome] += 1;
    if (this.keepOutcomes) this.result.outcomes.push(outcome);
  }

  /** Reads one row's cells; records its problems and returns undefined when it cannot be imported. */
  normalise(row: ImportRow, mapping: HeaderMapping): NormalisedRow | undefined {
    if (isBlankRow(row)) return undefined;
    this.result.totals.rows += 1;
    const values: Record<string, NormalisedValue> = {};
    const problems: FieldProblem[] = [];
    for (const { header, column } of mapping.readers) {
      const raw: CellValue = row.values[header];
      const read = coerceCell(column, raw);
      if (read.ok) values[column.name] = read.value;
      else problems.push({ table: this.table, row: row.rowNumber, column: column.name, value: raw ?? '', message: read.message });
    }
    for (const column of mapping.defaulted) {
      const read = coerceCell(column, null);
      values[column.name] = read.ok ? read.value : null;
    }
    if (problems.length === 0) {
      deriveValues(this.plan.definition, values);
      const keyProblem = this.checkKey(row.rowNumber, values);
      if (keyProblem) problems.push(keyProblem);
    }
    if (problems.length) {
      this.recordError(row.rowNumber, problems);
      return undefined;
    }
    return { rowNumber: row.rowNumber, values };
  }

  private checkKey(rowNumber: number, values: Record<string, NormalisedValue>): FieldProblem | undefined {
    for (const [index, naturalKey] of this.plan.naturalKeys.entries()) {
      const nullable = new Set(naturalKey.nullableColumns ?? []);
      if (!naturalKey.columns.every((column) => nullable.has(column) || values[column] !== null)) continue;
      const keyText = `${index}:${JSON.stringify(naturalKey.columns.map((column) => values[column]))}`;
      const earlier = this.seenKeys.get(keyText);
      if (earlier !== undefined) {
        const shown = naturalKey.columns.map((column) => values[column] ?? '').join(' / ');
        return { table: this.table, row: rowNumber, column: naturalKey.columns.join(' + '), value: shown, message: `this row repeats row ${earlier} (same ${naturalKey.columns.join(' + ')} '${shown}')` };
      }
      this.seenKeys.set(keyText, rowNumber);
      return undefined;
    }
    const needed = this.plan.naturalKeys.map((naturalKey) => naturalKey.columns.filter((column) => !(naturalKey.nullableColumns ?? []).includes(column)).join(' + ')).join(' or ');
    return { table: this.table, row: rowNumber, column: needed, message: `a ${this.plan.definition.name} row needs ${needed} to be recognised` };
  }

  private recordsetRow(row: NormalisedRow): Record<string, NormalisedValue> {
    return { __row: row.rowNumber, ...row.values };
  }

  private async resolve(batch: readonly NormalisedRow[]): Promise<Map<number, ResolvedRow>> {
    const resolved = await this.guard(batch, () => resolveBatch(this.db, this.resolveSql, batch.map((row) => this.recordsetRow(row))));
    return new Map(resolved.map((row) => [Number(row.__row), row]));
  }

  private missingReferences(row: NormalisedRow, resolved: ResolvedRow | undefined): ReferenceDefinition[] {
    return this.plan.references.filter((reference) => {
      const isFilled = reference.match.every((match) => row.values[match.column] !== null && row.values[match.column] !== undefined);
      return isFilled && !resolved?.[referenceAlias(reference)];
    });
  }

  /** --create-missing: one nested import per referenced table, through this same path. */
  private async createPlaceholders(batch: readonly NormalisedRow[], resolved: Map<number, ResolvedRow>): Promise<boolean> {
    const wanted = new Map<ReferenceDefinition, Map<string, Record<string, CellValue>>>();
    for (const row of batch) {
      for (const reference of this.missingReferences(row, resolved.get(row.rowNumber))) {
        const placeholder = buildPlaceholderRow(reference, row.values);
        if (!placeholder) continue;
        const rows = wanted.get(reference) ?? new Map<string, Record<string, CellValue>>();
        rows.set(JSON.stringify(reference.match.map((match) => row.values[match.column])), placeholder);
        wanted.set(reference, rows);
      }
    }
    for (const [reference, rows] of wanted) {
      const target = reference.table === 'users' ? undefined : findTableDefinition(reference.table);
      if (!target) continue;
      const nested = await importRowsInTransaction(
        this.db,
        target,
        [...rows.values()].map((values, index) => ({ rowNumber: index + 2, values })),
        { shouldCreateMissing: true, isDryRun: this.options.isDryRun ?? false, fileLabel: `${target.name} (placeholders)`, shouldKeepRowOutcomes: false },
      );
      this.result.totals.placeholders += nested.totals.created + nested.totals.placeholders;
      if (nested.totals.errors) this.result.problems.push(...nested.problems);
    }
    return wanted.size > 0;
  }

  async process(batch: readonly NormalisedRow[]): Promise<void> {
    let resolved = await this.resolve(batch);
    if (this.options.shouldCreateMissing && batch.some((row) => this.missingReferences(row, resolved.get(row.rowNumber)).length)) {
      if (await this.createPlaceholders(batch, resolved)) resolved = await this.resolve(batch);
    }

    const writes: Array<Record<string, NormalisedValue | boolean>> = [];
    const pending: RowOutcome[] = [];
    const reviewed: ReviewedRow[] = [];
    for (const row of batch) {
      const resolution = resolved.get(row.rowNumber);
      const problems = this.referenceProblems(row, resolution);
      const keyIds = this.plan.naturalKeys.map((_, index) => resolution?.[keyAlias(index)]).filter((id): id is string => typeof id === 'string');
      if (new Set(keyIds).size > 1) {
        const keys = this.plan.naturalKeys.map((naturalKey) => naturalKey.columns.join(' + ')).join(' and ');
        problems.push({ table: this.table, row: row.rowNumber, column: keys, message: `${keys} point at two different existing ${this.plan.definition.name} rows` });
      }
      if (problems.length) {
        this.recordError(row.rowNumber, problems);
        continue;
      }
      const existingId = keyIds[0];
      const id = existingId ?? randomUUID();
      const write: Record<string, NormalisedValue | boolean> = { __id: id, __is_new: !existingId };
      for (const column of this.plan.columns) if (column.dbColumn) write[column.name] = row.values[column.name] ?? null;
      for (const reference of this.plan.references) {
        write[referenceAlias(reference)] = (resolution?.[referenceAlias(reference)] as string | null | undefined) ?? null;
        for (const copy of reference.copies ?? []) write[copyAlias(copy.dbColumn)] = (resolution?.[copyAlias(copy.dbColumn)] as string | null | undefined) ?? null;
      }
      writes.push(write);
      pending.push({ rowNumber: row.rowNumber, outcome: existingId ? 'unchanged' : 'created', id, ...(resolution?.is_deleted ? { isRestored: true } : {}) });
      reviewed.push({ rowNumber: row.rowNumber, existingId: existingId ?? null, values: row.values });
    }
    if (this.options.reviewRows && reviewed.length) {
      const verdicts = await this.options.reviewRows(reviewed);
      for (let index = pending.length - 1; index >= 0; index -= 1) {
        const outcome = pending[index]!;
        const verdict = verdicts.get(outcome.rowNumber);
        if (!verdict) continue;
        pending.splice(index, 1);
        writes.splice(index, 1);
        if (verdict.outcome === 'error') this.recordError(outcome.rowNumber, verdict.problems);
        else this.record({ rowNumber: outcome.rowNumber, outcome: 'conflict', id: outcome.id, problems: verdict.problems });
      }
    }
    if (!writes.length) return;
    const updatedIds = await this.guard(batch, () => writeBatch(this.db, this.writeSql, writes));
    for (const outcome of pending) {
      if (outcome.outcome === 'unchanged' && outcome.id && updatedIds.has(outcome.id)) outcome.outcome = 'updated';
      this.record(outcome);
    }
    if (this.options.onBatchWritten) {
      const valuesByRow = new Map(batch.map((row) => [row.rowNumber, row.values]));
      const written: WrittenRow[] = [];
      for (const [index, outcome] of pending.entries()) {
        if (!outcome.id || (outcome.outcome !== 'created' && outcome.outcome !== 'updated')) continue;
        const referenceIds: Record<string, string | null> = {};
        for (const reference of this.plan.references) referenceIds[reference.name] = (writes[index]?.[referenceAlias(reference)] as string | null | undefined) ?? null;
        written.push({ rowNumber: outcome.rowNumber, id: outcome.id, outcome: outcome.outcome, values: valuesByRow.get(outcome.rowNumber) ?? {}, referenceIds });
      }
      if (written.length) await this.options.onBatchWritten(written);
    }
  }

  private referenceProblems(row: NormalisedRow, resolution: ResolvedRow | undefined): FieldProblem[] {
    return this.missingReferences(row, resolution).map((reference) => {
      const columns = reference.match.map((match) => match.column);
      const shown = columns.map((column) => row.values[column]).join(' / ');
      const hint = this.options.shouldCreateMissing
        ? canCreatePlaceholder(reference)
          ? ''
          : ` (an import cannot create ${reference.table === 'users' ? 'a user' : `a placeholder in ${reference.table}`})`
        : ' (import it first, or use --create-missing)';
      return {
        table: this.table,
        row: row.rowNumber,
        column: columns.join(' + '),
        value: shown,
        message: `${columns.join(' + ')} ${quoteValue(shown)} is not in ${reference.table}${hint}`,
      };
    });
  }

  /** A statement the database refuses stops the file: the transaction is aborted anyway. */
  private async guard<T>(batch: readonly NormalisedRow[], run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const firstRow = batch[0]?.rowNumber;
      const lastRow = batch[batch.length - 1]?.rowNumber;
      throw new DatabaseRefusal({
        table: this.table,
        ...(firstRow !== undefined ? { row: firstRow } : {}),
        message: `the database refused rows ${firstRow}–${lastRow}: ${plainDatabaseMessage(error)}`,
      });
    }
  }
}

/** The database's own sentence, without Prisma's wrapping. */
function plainDatabaseMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const match = /Message: `([^`]*)`/.exec(text) ?? /message: "([^"]*)"/i.exec(text);
  return (match?.[1] ?? text.split('\n').filter(Boolean).pop() ?? 'unknown error').trim();
}

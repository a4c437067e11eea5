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
import { t } from '../../contract/i18n/translate.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import type { RowResult } from '../../write/change-set.js';
import { runInWriteTransaction, type ApplyHooks, type DeferredProblem, type WriteSession } from '../../write/write-session.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import type { ImportOptions, ImportRow, ImportTableResult, NormalisedRow, RowOutcome } from './import.types.js';
import { buildPlaceholderRow, canCreatePlaceholder } from './placeholder-rows.js';
import { normaliseHeader } from './header-names.js';
import { listInWords } from './import-plan.js';

/**
 * Rows in template format → the write door. The CLI import, the upload and the sheet push all
 * read rows here: every cell is read and checked (types, enums, required cells, a key twice in
 * one file), then rows travel in batches to the door, which resolves keys, locks, checks the
 * rules, writes, audits and records events. Writing nothing on any error, after every row was
 * checked, so the report lists every problem at once.
 */
export async function importTableRows(
  prisma: PrismaClient,
  tableName: TableName | string,
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  options: ImportOptions = {},
): Promise<ImportTableResult> {
  const definition = findTableDefinition(tableName);
  if (!definition) {
    throw new AppError({ code: 'BAD_REQUEST', userMessage: t('importFile.notAnImportTable', { table: tableName }) });
  }
  const { value: result, isCommitted } = await runInWriteTransaction(
    prisma,
    options.actor ?? SYSTEM_ACTOR,
    async (session: WriteSession) => {
      const imported = await importRowsInSession(session, definition, rows, options);
      addDeferredProblems([imported], await session.finish());
      return imported;
    },
    { config: options.config, isDryRun: options.isDryRun, isReplayable: Array.isArray(rows), bulkTransaction: options.bulkTransaction },
  );
  result.isCommitted = isCommitted;
  return result;
}

/** Problems the door found on the final picture, on the results of the files whose rows they are about. */
export function addDeferredProblems(results: readonly ImportTableResult[], problems: readonly DeferredProblem[]): void {
  for (const deferred of problems) {
    const result = results.find((candidate) => candidate.fileLabel === deferred.label) ?? results.find((candidate) => candidate.table === deferred.table);
    if (!result) continue;
    result.problems.push(deferred.problem);
    result.totals.errors += 1;
    result.isCommitted = false;
    const outcome = result.outcomes.find((candidate) => candidate.rowNumber === deferred.rowNumber);
    if (outcome) {
      outcome.outcome = 'error';
      outcome.problems = [...(outcome.problems ?? []), deferred.problem];
    }
    result.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

const DEFAULT_BATCH_SIZE = 5000;


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
      problems.push({ table: fileLabel, row: 1, column: raw, value: raw, message: t('importRows.columnTwice', { header: raw }) });
      continue;
    }
    seen.add(name);
    if (column) readers.push({ header: raw, column });
    else if (!computed.has(name)) {
      const expected = definition.columns.map((candidate) => candidate.name).join(', ');
      problems.push({ table: fileLabel, row: 1, column: raw, value: raw, message: t('importRows.unknownColumn', { header: raw, table: definition.name, expected }) });
    }
  }
  const keyColumns = new Set([
    ...definition.naturalKeys.flatMap((naturalKey) => naturalKey.columns),
    ...definition.references.flatMap((reference) => reference.match.map((match) => match.column)),
  ]);
  const defaulted = definition.columns.filter((column) => !seen.has(column.name) && column.defaultValue !== undefined && keyColumns.has(column.name));
  for (const column of definition.columns) {
    if (column.isRequired && column.defaultValue === undefined && !seen.has(column.name)) {
      problems.push({ table: fileLabel, row: 1, column: column.name, message: t('importRows.missingColumn', { column: column.name }) });
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
    warnings: [],
    isCommitted: false,
    isDryRun: options.isDryRun ?? false,
  };
}

async function* toAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  for await (const item of items) yield item;
}

/**
 * The same import inside a write transaction the caller owns (the sheet push writes several
 * tables in one; a folder import writes all its files in one). The caller runs `finish`.
 */
export async function importRowsInSession(
  session: WriteSession,
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
  const present = [...mapping.readers.map((reader) => reader.column.name), ...mapping.defaulted.map((column) => column.name)];
  const keyColumns = definition.naturalKeys.filter((naturalKey) => naturalKey.columns.every((column) => present.includes(column)));
  if (keyColumns.length === 0 && mapping.problems.length === 0) {
    const needed = listInWords(definition.naturalKeys.map((naturalKey) => naturalKey.columns.join(' + ')), 'disjunction');
    mapping.problems.push({ table: fileLabel, row: 1, message: t('importRows.needsKeyColumns', { table: definition.name, needed }) });
  }
  if (mapping.problems.length) {
    result.problems.push(...mapping.problems);
    result.totals.errors = mapping.problems.length;
    session.markFailed();
    return result;
  }

  const importer = new BatchImporter(session, definition, present, options, result);
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
  if (!first.done) await readRow(first.value);
  for await (const row of iterator) await readRow(row);
  if (batch.length) await sendBatch(batch);
  await inDatabase;
  options.onProgress?.(rowsRead);
  // Reading runs ahead of writing, so a later row's reading error may have been noted before an
  // earlier row's write: the report lists them in sheet order.
  result.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  result.outcomes.sort((a, b) => a.rowNumber - b.rowNumber);
  // A cell that could not be read fails the transaction as a refused row does: nothing is half-written.
  if (result.totals.errors > 0) session.markFailed();
  result.isCommitted = !result.isDryRun && result.totals.errors === 0;
  return result;
}

function isBlankRow(row: ImportRow): boolean {
  return Object.values(row.values).every((value) => isEmptyCell(value));
}

// Base-currency amounts (amount_vnd…) are the write door's to fill, at every door alike:
// modules/currencies/currency.rules.ts.

class BatchImporter {
  /** Natural key of every row read so far → its row number: a key twice in one file is refused. */
  private readonly seenKeys = new Map<string, number>();
  private readonly keepOutcomes: boolean;
  private readonly plan: { definition: TableDefinition; naturalKeys: TableDefinition['naturalKeys'] };
  private readonly hooks: ApplyHooks;

  constructor(
    private readonly session: WriteSession,
    private readonly definition: TableDefinition,
    private readonly columns: readonly string[],
    private readonly options: ImportOptions,
    private readonly result: ImportTableResult,
  ) {
    this.keepOutcomes = options.shouldKeepRowOutcomes ?? true;
    this.plan = { definition, naturalKeys: definition.naturalKeys.filter((naturalKey) => naturalKey.columns.every((column) => columns.includes(column))) };
    this.hooks = {
      missingReferenceHint: (reference) =>
        options.shouldCreateMissing
          ? canCreatePlaceholder(reference)
            ? ''
            : reference.table === 'users'
              ? t('importRows.cannotCreateUser')
              : t('importRows.cannotCreatePlaceholder', { table: reference.table })
          : t('importRows.importFirst'),
      ...(options.shouldCreateMissing ? { onMissingReferences: (rows) => this.createPlaceholders(rows) } : {}),
    };
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
    else if (outcome.outcome !== 'error' && outcome.outcome !== 'skipped') this.result.totals[outcome.outcome] += 1;
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
        return { table: this.table, row: rowNumber, column: naturalKey.columns.join(' + '), value: shown, message: t('importRows.repeatsRow', { earlier: String(earlier), columns: naturalKey.columns.join(' + '), shown }) };
      }
      this.seenKeys.set(keyText, rowNumber);
      return undefined;
    }
    const alternatives = this.plan.naturalKeys.map((naturalKey) => naturalKey.columns.filter((column) => !(naturalKey.nullableColumns ?? []).includes(column)).join(' + '));
    // The column stays in code form ("a or b") for programs; the message lists the alternatives in words.
    return { table: this.table, row: rowNumber, column: alternatives.join(' or '), message: t('importRows.rowNeedsKey', { table: this.definition.name, needed: listInWords(alternatives, 'disjunction') }) };
  }

  /** --create-missing: one placeholder import per referenced table, through the same door. */
  private async createPlaceholders(rows: Parameters<NonNullable<ApplyHooks['onMissingReferences']>>[0]): Promise<boolean> {
    const wanted = new Map<ReferenceDefinition, Map<string, Record<string, CellValue>>>();
    for (const row of rows) {
      for (const reference of row.missing) {
        const placeholder = buildPlaceholderRow(reference, row.values);
        if (!placeholder) continue;
        const placeholders = wanted.get(reference) ?? new Map<string, Record<string, CellValue>>();
        placeholders.set(JSON.stringify(reference.match.map((match) => row.values[match.column])), placeholder);
        wanted.set(reference, placeholders);
      }
    }
    for (const [reference, placeholders] of wanted) {
      const target = reference.table === 'users' ? undefined : findTableDefinition(reference.table);
      if (!target) continue;
      const nested = await importRowsInSession(
        this.session,
        target,
        [...placeholders.values()].map((values, index) => ({ rowNumber: index + 2, values })),
        { shouldCreateMissing: true, isDryRun: this.options.isDryRun ?? false, fileLabel: t('importRows.placeholdersLabel', { table: target.name }), shouldKeepRowOutcomes: false },
      );
      this.result.totals.placeholders += nested.totals.created + nested.totals.placeholders;
      if (nested.totals.errors) this.result.problems.push(...nested.problems);
    }
    return wanted.size > 0;
  }

  async process(batch: readonly NormalisedRow[]): Promise<void> {
    const results = await this.session.apply(
      {
        table: this.definition,
        label: this.table,
        columns: this.columns,
        rows: batch.map((row) => ({ rowNumber: row.rowNumber, values: row.values, expectedVersion: this.options.expectedVersionOf?.(row.rowNumber) })),
      },
      this.hooks,
    );
    for (const result of results) this.recordResult(result);
  }

  private recordResult(result: RowResult): void {
    for (const warning of result.warnings) if (this.result.warnings.length < 1000) this.result.warnings.push(t('importRows.rowWarning', { row: String(result.rowNumber), warning }));
    if (result.outcome === 'error') {
      this.recordError(result.rowNumber, result.problems);
      if (this.keepOutcomes) this.result.outcomes[this.result.outcomes.length - 1]!.result = result;
      return;
    }
    const outcome: RowOutcome = {
      rowNumber: result.rowNumber,
      outcome: result.outcome === 'deleted' ? 'unchanged' : result.outcome,
      ...(result.id ? { id: result.id } : {}),
      ...(result.isRestored ? { isRestored: true } : {}),
      ...(result.problems.length ? { problems: result.problems } : {}),
      result,
    };
    this.record(outcome);
  }
}

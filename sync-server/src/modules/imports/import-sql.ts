import {
  findTableDefinition,
  storedComputedColumns,
  type ColumnDefinition,
  type ColumnType,
  type NaturalKey,
  type ReferenceDefinition,
  type TableDefinition,
} from '../../contract/index.js';
import { formatSql } from '../exports/export-sql.js';

/**
 * Builds the set-based statements of an import from the table definitions. A batch of rows
 * travels as ONE jsonb parameter, which works the same on PostgreSQL and on PGlite, through
 * Prisma's raw queries. Each row is a positional JSON array in the statement's column order,
 * not an object: half the bytes, and Prisma copies a raw parameter twice on its way
 * (JSON.stringify, then JSON.parse: ~20 ms per 5,000-row object batch, ~9 ms as arrays).
 * Pure: no database here.
 */

/** A statement over one batch, and the order of the values in each row of its parameter. */
export type BatchStatement = { sql: string; columns: readonly string[] };

type BatchColumn = { name: string; pgType: string };

/** The batch parameter ($1, rows as arrays) as a typed row source with named columns. */
function batchRowsSql(columns: readonly BatchColumn[]): string {
  const fields = columns.map(({ name, pgType }, index) =>
    pgType === 'jsonb' ? `nullif(e -> ${index}, 'null'::jsonb) AS ${quoteIdent(name)}` : `(e ->> ${index})::${pgType} AS ${quoteIdent(name)}`,
  );
  // OFFSET 0 keeps it a subquery of its own: inlined, its `e ->> n` (not leakproof) would sit in
  // every key lookup, which row-level security then may not run as an index condition, and each
  // lookup would scan the whole tenant.
  return `(SELECT ${fields.join(', ')} FROM jsonb_array_elements($1::jsonb) AS e OFFSET 0)`;
}

const pgTypes: Record<ColumnType, string> = {
  text: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  money: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  enum: 'text',
  json: 'jsonb',
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The expression of a cell as the database column wants it (enums are sent as text). */
function typedExpr(expr: string, column: ColumnDefinition): string {
  return column.type === 'enum' && column.enumName ? `(${expr})::${quoteIdent(column.enumName)}` : expr;
}

type Condition = { targetColumn: string; expr: string; isNullable: boolean };

let aliasCounter = 0;

/**
 * A scalar subquery returning the id of the row of `tableName` whose template columns equal
 * the given expressions. Columns that belong to one of its references (products.brand_code)
 * become a nested lookup of that reference.
 */
export function lookupSql(tableName: string, conditions: readonly Condition[], knownReferenceIds?: ReadonlyMap<string, string>): string {
  const alias = `l${aliasCounter++}`;
  if (tableName === 'users') {
    const username = conditions.find((condition) => condition.targetColumn === 'username');
    if (!username) throw new Error('A users reference must match username');
    return `(SELECT ${alias}.id FROM users ${alias} WHERE ${alias}.username = ${username.expr} LIMIT 1)`;
  }
  const definition = findTableDefinition(tableName);
  if (!definition) throw new Error(`Unknown table ${tableName}`);
  const clauses: string[] = [];
  const viaReference = new Map<ReferenceDefinition, Condition[]>();
  for (const condition of conditions) {
    const column = definition.columns.find((candidate) => candidate.name === condition.targetColumn);
    if (column?.dbColumn) {
      const target = `${alias}.${quoteIdent(column.dbColumn)}`;
      const value = typedExpr(condition.expr, column);
      clauses.push(condition.isNullable ? `${target} IS NOT DISTINCT FROM ${value}` : `${target} = ${value}`);
      continue;
    }
    const reference = definition.references.find((candidate) => candidate.match.some((match) => match.column === condition.targetColumn));
    if (!reference) throw new Error(`${tableName}.${condition.targetColumn} maps to no column`);
    viaReference.set(reference, [...(viaReference.get(reference) ?? []), condition]);
  }
  for (const [reference, referenceConditions] of viaReference) {
    // The row's own reference, already resolved once for the batch: reuse it, don't look it up again.
    const known = knownReferenceIds?.get(reference.name);
    if (known && referenceConditions.length === reference.match.length) {
      clauses.push(`${alias}.${quoteIdent(reference.dbColumn)} = ${known}`);
      continue;
    }
    const nested = referenceConditions.map((condition) => ({
      ...condition,
      targetColumn: reference.match.find((match) => match.column === condition.targetColumn)?.targetColumn ?? condition.targetColumn,
    }));
    clauses.push(`${alias}.${quoteIdent(reference.dbColumn)} = ${lookupSql(reference.table, nested)}`);
  }
  return `(SELECT ${alias}.id FROM ${quoteIdent(definition.dbTable)} ${alias} WHERE ${clauses.join(' AND ')} LIMIT 1)`;
}

/** How a file's header maps onto the table: which columns, references and keys it can use. */
export type ImportPlan = {
  definition: TableDefinition;
  /** Template columns present in the file, in definition order. */
  columns: readonly ColumnDefinition[];
  /** References whose every match column is in the file. */
  references: readonly ReferenceDefinition[];
  /** Natural keys whose every column is in the file. */
  naturalKeys: readonly NaturalKey[];
};

export function createImportPlan(definition: TableDefinition, presentColumns: ReadonlySet<string>): ImportPlan {
  return {
    definition,
    columns: definition.columns.filter((column) => presentColumns.has(column.name)),
    references: definition.references.filter((reference) => reference.match.every((match) => presentColumns.has(match.column))),
    naturalKeys: definition.naturalKeys.filter((naturalKey) => naturalKey.columns.every((column) => presentColumns.has(column))),
  };
}

function resolveColumns(plan: ImportPlan): BatchColumn[] {
  return [{ name: '__row', pgType: 'integer' }, ...plan.columns.map((column) => ({ name: column.name, pgType: pgTypes[column.type] }))];
}

function allFilled(columns: readonly string[]): string {
  return columns.map((column) => `r.${quoteIdent(column)} IS NOT NULL`).join(' AND ');
}

export function referenceAlias(reference: ReferenceDefinition): string {
  return `ref_${reference.name}`;
}

export function copyAlias(dbColumn: string): string {
  return `copy_${dbColumn}`;
}

export function keyAlias(index: number): string {
  return `key_${index}`;
}

/**
 * One statement per batch: for every row, the id of each reference, the id of the existing
 * row under each natural key, and whether that row is soft-deleted.
 */
export function buildResolveSql(plan: ImportPlan): BatchStatement {
  const { definition } = plan;
  // Three layers: the batch with its references resolved (i), then the natural keys, which reuse
  // those reference ids instead of looking them up a second time (q), then the answer.
  const referenceSelects = plan.references.map((reference) => {
    const conditions = reference.match.map((match) => ({ targetColumn: match.targetColumn, expr: `r.${quoteIdent(match.column)}`, isNullable: false }));
    return `CASE WHEN ${allFilled(reference.match.map((match) => match.column))} THEN ${lookupSql(reference.table, conditions)} END AS ${quoteIdent(referenceAlias(reference))}`;
  });
  const knownReferenceIds = new Map(plan.references.map((reference) => [reference.name, `i.${quoteIdent(referenceAlias(reference))}`]));
  const selects = ['i."__row" AS "__row"', ...plan.references.map((reference) => `i.${quoteIdent(referenceAlias(reference))}`)];
  plan.naturalKeys.forEach((naturalKey, index) => {
    const nullable = new Set(naturalKey.nullableColumns ?? []);
    const conditions = naturalKey.columns.map((column) => ({ targetColumn: column, expr: `i.${quoteIdent(column)}`, isNullable: nullable.has(column) }));
    const filled = naturalKey.columns.filter((column) => !nullable.has(column)).map((column) => `i.${quoteIdent(column)} IS NOT NULL`);
    selects.push(`CASE WHEN ${filled.join(' AND ') || 'TRUE'} THEN ${lookupSql(definition.name, conditions, knownReferenceIds)} END AS ${quoteIdent(keyAlias(index))}`);
  });
  const columns = resolveColumns(plan);
  const inner = `SELECT r.*${referenceSelects.map((select) => `, ${select}`).join('')} FROM ${batchRowsSql(columns)} AS r OFFSET 0`;

  const outer = ['q."__row"'];
  for (const reference of plan.references) {
    outer.push(`q.${quoteIdent(referenceAlias(reference))}::text AS ${quoteIdent(referenceAlias(reference))}`);
    const referenced = reference.table === 'users' ? undefined : findTableDefinition(reference.table);
    for (const copy of reference.copies ?? []) {
      if (!referenced) continue;
      outer.push(
        `(SELECT c.${quoteIdent(copy.targetDbColumn)}::text FROM ${quoteIdent(referenced.dbTable)} c WHERE c.id = q.${quoteIdent(referenceAlias(reference))}) AS ${quoteIdent(copyAlias(copy.dbColumn))}`,
      );
    }
  }
  plan.naturalKeys.forEach((_, index) => outer.push(`q.${quoteIdent(keyAlias(index))}::text AS ${quoteIdent(keyAlias(index))}`));
  const existing = plan.naturalKeys.length ? `COALESCE(${plan.naturalKeys.map((_, index) => `k.${quoteIdent(keyAlias(index))}`).join(', ')})` : 'NULL::uuid';
  outer.push(`(SELECT e.deleted_at IS NOT NULL FROM ${quoteIdent(definition.dbTable)} e WHERE e.id = q."__existing") AS "is_deleted"`);

  return {
    // i, k and q stay subqueries (OFFSET 0) for the same reason: their ids, not the lookups (or
    // the COALESCE) behind them, meet the indexes of the next lookups.
    sql: `SELECT ${outer.join(', ')} FROM (SELECT k.*, ${existing} AS "__existing" FROM (SELECT ${selects.join(', ')} FROM (${inner}) i OFFSET 0) k OFFSET 0) q ORDER BY q."__row"`,
    columns: columns.map((column) => column.name),
  };
}

type WriteTarget = { dbColumn: string; recordsetColumn: string; pgType: string; valueExpr: string };

function writeTargets(plan: ImportPlan): WriteTarget[] {
  const targets: WriteTarget[] = [];
  for (const column of plan.columns) {
    if (!column.dbColumn) continue;
    targets.push({ dbColumn: column.dbColumn, recordsetColumn: column.name, pgType: pgTypes[column.type], valueExpr: typedExpr(`d.${quoteIdent(column.name)}`, column) });
  }
  // Every row carries its stored computed values (amount_vnd), as the door's rules left them.
  for (const column of storedComputedColumns(plan.definition)) {
    targets.push({ dbColumn: column.dbColumn!, recordsetColumn: column.name, pgType: pgTypes[column.type], valueExpr: `d.${quoteIdent(column.name)}` });
  }
  for (const reference of plan.references) {
    targets.push({ dbColumn: reference.dbColumn, recordsetColumn: referenceAlias(reference), pgType: 'uuid', valueExpr: `d.${quoteIdent(referenceAlias(reference))}` });
    for (const copy of reference.copies ?? []) {
      targets.push({ dbColumn: copy.dbColumn, recordsetColumn: copyAlias(copy.dbColumn), pgType: 'uuid', valueExpr: `d.${quoteIdent(copyAlias(copy.dbColumn))}` });
    }
  }
  return targets;
}

/** How the write statement audits the rows it creates (parameters $2 actor id, $3 label, $4 source, $5 action, $6 note). */
export type CreatedRowsAudit = { entityType: string };

/**
 * The audit entries of the rows a batch creates, built in SQL from the batch itself: every
 * column's value as canonical text (the text export-sql reads back), the defaults of columns the
 * file leaves out, as { field: { before: null, after } }. A 100,000-row first import would
 * otherwise build, send and parse a second copy of itself as JSON.
 */
function createdRowsAuditSql(plan: ImportPlan, audit: CreatedRowsAudit): string {
  const present = new Set(plan.columns.map((column) => column.name));
  const fields: string[] = [];
  for (const column of plan.definition.columns) {
    if (present.has(column.name)) fields.push(`'${column.name}', ${formatSql(`d.${quoteIdent(column.name)}`, column)}`);
    else if (column.defaultValue !== undefined) fields.push(`'${column.name}', ${sqlText(canonicalDefault(column))}`);
  }
  for (const column of storedComputedColumns(plan.definition)) fields.push(`'${column.name}', ${formatSql(`d.${quoteIdent(column.name)}`, column)}`);
  const changes = `(SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_object('before', NULL, 'after', e.value)), '{}'::jsonb) FROM jsonb_each_text(jsonb_strip_nulls(jsonb_build_object(${fields.join(', ')}))) AS e)`;
  return `audited AS (INSERT INTO audit_logs (actor_id, actor_label, source, entity_type, entity_id, action, changes, note)
  SELECT $2::uuid, $3, $4::audit_source, ${sqlText(audit.entityType)}, d."__id", $5, ${changes}, $6 FROM d WHERE d."__is_new" RETURNING 1),`;
}

function canonicalDefault(column: ColumnDefinition): string {
  const value = column.defaultValue;
  if (column.type === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * One statement per batch: inserts the new rows (ids chosen by the caller) and updates the
 * existing ones only where something differs and the version is still the one the write door
 * locked, restoring soft-deleted rows; with `audit`, also the audit entries of the rows it
 * creates. Returns the ids it updated.
 */
export function buildWriteSql(plan: ImportPlan, audit?: CreatedRowsAudit): BatchStatement {
  const targets = writeTargets(plan);
  const table = quoteIdent(plan.definition.dbTable);
  // The audit reads key cells (brand_code, creator_key…) that no column of the table holds.
  const keyOnly = audit ? plan.columns.filter((column) => !column.dbColumn).map((column) => ({ name: column.name, pgType: pgTypes[column.type] })) : [];
  const columns: BatchColumn[] = [
    { name: '__id', pgType: 'uuid' },
    { name: '__is_new', pgType: 'boolean' },
    { name: '__version', pgType: 'integer' },
    ...targets.map((target) => ({ name: target.recordsetColumn, pgType: target.pgType })),
    ...keyOnly,
  ];
  // A restored row is active again, unless the template itself carries is_active (tracking codes).
  const restores = targets.some((target) => target.dbColumn === 'is_active') ? ['deleted_at = NULL'] : ['deleted_at = NULL', 'is_active = true'];
  const sets = [...targets.map((target) => `${quoteIdent(target.dbColumn)} = ${target.valueExpr}`), ...restores];
  const current = [...targets.map((target) => `t.${quoteIdent(target.dbColumn)}`), 't.deleted_at'];
  const incoming = [...targets.map((target) => target.valueExpr), 'NULL::timestamptz'];
  const insertColumns = ['id', ...targets.map((target) => quoteIdent(target.dbColumn))];
  const insertValues = ['d."__id"', ...targets.map((target) => target.valueExpr)];
  const sql = [
    `WITH d AS ${batchRowsSql(columns)},`,
    `updated AS (UPDATE ${table} AS t SET ${sets.join(', ')} FROM d`,
    // The version the door locked and checked: a belt to its braces (the row lock already holds it).
    `  WHERE NOT d."__is_new" AND t.id = d."__id" AND t.row_version = d."__version"`,
    `    AND (${current.join(', ')}) IS DISTINCT FROM (${incoming.join(', ')}) RETURNING t.id),`,
    ...(audit ? [createdRowsAuditSql(plan, audit)] : []),
    `inserted AS (INSERT INTO ${table} (${insertColumns.join(', ')}) SELECT ${insertValues.join(', ')} FROM d WHERE d."__is_new" RETURNING id)`,
    `SELECT id::text AS id FROM updated`,
  ].join('\n');
  return { sql, columns: columns.map((column) => column.name) };
}

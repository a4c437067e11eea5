/**
 * What every writer hands the write door: rows of one table in template form (the columns of
 * the import templates, natural keys instead of ids), who writes, and from which door. The sheet
 * push, the CLI import, the upload and the REST actions all build these; nothing else writes.
 */
import type { NormalisedValue, TableDefinition } from '../contract/index.js';
import type { FieldProblem } from '../platform/errors/app-error.js';

/** One row to create, change or delete, recognised by its natural key. */
export type RowChange = {
  /** The row as the sheet or the file numbers it (header = row 1); REST actions number from 2. */
  rowNumber: number;
  /** Template values, already read (coerce-value.ts): only the columns the writer sends. */
  values: Record<string, NormalisedValue>;
  /**
   * The version the writer saw. A number must match the row's version at the moment it is
   * locked; null means "I believe this row is new" (a sheet row never pulled); undefined skips
   * the check (an import upserts whatever is there, still under the row lock).
   */
  expectedVersion?: number | null;
  /** Soft delete the row `values` names by its key. */
  isDeletion?: boolean;
  /**
   * The row's id, when the writer knows it (a REST action on /campaigns/{code}): the row is
   * found by id, so its key columns may change (a campaign renamed to another code).
   */
  id?: string;
};

export type ChangeSet = {
  table: TableDefinition;
  rows: readonly RowChange[];
  /** How problems name the table: a file name, a sheet tab; the table name by default. */
  label?: string;
  /** The columns present (a file's header); the union of the rows' keys by default. */
  columns?: readonly string[];
  /** How the audit log names the change (transition, duplicate, assign …); create/update/delete by default. */
  auditAction?: string;
  auditNote?: string | null;
  /**
   * The audit keeps which fields changed and their new values, but not the old ones: an erasure
   * of personal data must not copy what it removes into the append-only audit log.
   */
  isAuditBeforeHidden?: boolean;
  /**
   * What a refused row does to the rest: 'fail' (default) fails the whole transaction; 'skip'
   * leaves the row out and reports why, for actions such as duplicate that copy what may be copied.
   */
  onRefusedRow?: 'fail' | 'skip';
};

/** Why a row was refused, for programs: the HTTP status a REST action answers with. */
export type ProblemKind = 'invalid' | 'forbidden' | 'conflict';

/** A refusal that points at the data (table, row, column, value) and names its rule. */
export type WriteProblem = FieldProblem & { code: string; kind: ProblemKind };

/** A row as the database holds it, in template form: canonical text values and reference ids. */
export type RowState = {
  id: string;
  /** Template columns, and the stored computed columns the door fills (amount_vnd…). */
  values: Record<string, string | null>;
  /** Reference name (brand, campaign, creator …) → the referenced row's id. */
  refs: Record<string, string | null>;
  isDeleted: boolean;
  rowVersion: number;
  updatedAt: string;
};

export type RowOutcomeKind = 'created' | 'updated' | 'unchanged' | 'deleted' | 'conflict' | 'error' | 'skipped';

export type RowResult = {
  rowNumber: number;
  outcome: RowOutcomeKind;
  /** The row's id, when it exists or would exist. */
  id?: string;
  /** The row was soft-deleted and this change restored it. */
  isRestored?: boolean;
  problems: WriteProblem[];
  /** Accepted, with something to tell (a watchlist creator, a blacklisted one assigned by an admin). */
  warnings: string[];
  /** On a conflict: the row as the server has it now. */
  server?: RowState;
};

/** A row the rules look at: its state before (null when new) and the state the change would leave. */
export type ChangedRow = {
  rowNumber: number;
  id: string;
  isNew: boolean;
  isDeletion: boolean;
  before: RowState | null;
  after: RowState;
  /** Template columns whose value differs (all set columns of a new row), plus 'deleted' on delete or restore. */
  changed: readonly string[];
};

export function isNullish(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

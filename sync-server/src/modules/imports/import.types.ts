import type { CellValue, NormalisedValue, TableName } from '../../contract/index.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';

/** One row in template format, as a CSV file, an XLSX tab or a sheet push gives it. */
export type ImportRow = {
  /** The row number as the spreadsheet shows it (header = row 1). */
  rowNumber: number;
  values: Record<string, CellValue>;
};

export type ImportOptions = {
  /** Run every check and report what would happen; write nothing. */
  isDryRun?: boolean;
  /** Create a minimal placeholder, noted "AUTO-CREATED BY IMPORT", for a missing reference. */
  shouldCreateMissing?: boolean;
  /** The header as the file has it; taken from the first row's keys when absent. */
  columns?: readonly string[];
  /** A name for reports: a file name, or a sheet tab. */
  fileLabel?: string;
  /** Who imports: changes to campaigns and their mappings are audited in their name. */
  actor?: Actor;
  /** Rows per set-based statement. */
  batchSize?: number;
  /** Keep one outcome per row in the result (a sheet push needs them; a 100k-row CLI import does not). */
  shouldKeepRowOutcomes?: boolean;
  /** Called after every batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /**
   * Called once per batch, after keys and references are resolved and before anything is
   * written: the sheet push vetoes stale rows (conflicts) and rows its rules refuse. Rows
   * named in the returned map are not written.
   */
  reviewRows?: (rows: readonly ReviewedRow[]) => Promise<Map<number, RowVerdict>>;
  /** Called once per batch, inside the transaction, with the rows it created or changed (the audit log listens). */
  onBatchWritten?: (rows: readonly WrittenRow[]) => Promise<void>;
};

/** A row the batch created or changed: its values as written and the ids its references resolved to. */
export type WrittenRow = {
  rowNumber: number;
  id: string;
  outcome: 'created' | 'updated';
  values: Record<string, NormalisedValue>;
  /** Reference name (brand, campaign, creator…) → the referenced row's id. */
  referenceIds: Record<string, string | null>;
};

/** A row about to be written: `existingId` is null for a new row. */
export type ReviewedRow = { rowNumber: number; existingId: string | null; values: Record<string, NormalisedValue> };

export type RowVerdict = { outcome: 'conflict' | 'error'; problems: FieldProblem[] };

export type RowOutcomeKind = 'created' | 'updated' | 'unchanged' | 'conflict' | 'error';

export type RowOutcome = {
  rowNumber: number;
  outcome: RowOutcomeKind;
  /** The database id of the row, when it exists or would exist. */
  id?: string;
  /** The row was soft-deleted and the import restored it. */
  isRestored?: boolean;
  problems?: FieldProblem[];
};

export type ImportTotals = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  /** Rows a reviewer held back because the sheet's copy is stale (sheet push only). */
  conflicts: number;
  /** Placeholder rows created in other tables because of --create-missing. */
  placeholders: number;
};

export type ImportTableResult = {
  table: TableName;
  fileLabel: string;
  totals: ImportTotals;
  /** Every problem, row errors and header errors alike; each points at table, row, column and value. */
  problems: FieldProblem[];
  outcomes: RowOutcome[];
  /** True when the rows are in the database now (no error, not a dry run). */
  isCommitted: boolean;
  isDryRun: boolean;
};

/** A row after reading: normalised values by template column. */
export type NormalisedRow = { rowNumber: number; values: Record<string, NormalisedValue> };

import type { CellValue, NormalisedValue, TableName } from '../../contract/index.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import type { CampaignsConfig } from '../campaigns/campaigns.config.js';
import type { RowResult } from '../../write/change-set.js';
import type { SqlTransactionRunner } from '../../platform/database/sql-transaction.js';

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
  /** Who imports: every row is authorised, checked and audited in their name. The system actor when absent. */
  actor?: Actor;
  /** Campaign rules (what running needs), as the server is configured. */
  config?: CampaignsConfig;
  /** Rows per set-based statement. */
  batchSize?: number;
  /** Keep one outcome per row in the result (a sheet push needs them; a 100k-row CLI import does not). */
  shouldKeepRowOutcomes?: boolean;
  /** Called after every batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Run the import on this transaction runner instead of Prisma's (Database.bulkTransaction on PostgreSQL). */
  bulkTransaction?: SqlTransactionRunner;
  /** The version the writer saw, per row (the sheet push); undefined = no version check. */
  expectedVersionOf?: (rowNumber: number) => number | null | undefined;
};

export type RowOutcomeKind = 'created' | 'updated' | 'unchanged' | 'conflict' | 'error' | 'skipped';

export type RowOutcome = {
  rowNumber: number;
  outcome: RowOutcomeKind;
  /** What the write door answered for the row (warnings, the server's row on a conflict). */
  result?: RowResult;
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
  /** Rows accepted with something to check, as "row N: message" (the first 1,000). */
  warnings: string[];
  /** True when the rows are in the database now (no error, not a dry run). */
  isCommitted: boolean;
  isDryRun: boolean;
};

/** A row after reading: normalised values by template column. */
export type NormalisedRow = { rowNumber: number; values: Record<string, NormalisedValue> };

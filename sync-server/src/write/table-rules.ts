/**
 * The shapes of the rules the write door runs: row rules, which see each batch's changed rows
 * before anything is written, and deferred checks, which run once a transaction's changes are
 * all written (rules about the final picture: a running campaign has creators, a payment's
 * booking is on the payment's campaign). Each rule lives in its module; rule-registry.ts says
 * which tables call it.
 */
import type { TableName } from '../contract/index.js';
import type { Actor } from '../modules/access/actor.js';
import type { CampaignsConfig } from '../modules/campaigns/campaigns.config.js';
import type { ChangeSet, ChangedRow, ProblemKind, WriteProblem } from './change-set.js';
import type { WrittenChange } from './audit-writer.js';
import type { WriteSession } from './write-session.js';
import type { WriteDb } from './row-state.repository.js';

export type RuleContext = {
  db: WriteDb;
  actor: Actor;
  config: CampaignsConfig;
};

export type Refusal = { code: string; kind?: ProblemKind; column?: string; value?: unknown; message: string };

/** What the row rules of one batch found: refusals and warnings by row number. */
export class RuleFindings {
  readonly problems = new Map<number, WriteProblem[]>();
  readonly warnings = new Map<number, string[]>();
  /** Values of stored computed columns (amount_vnd…) a rule derived, by row number: the door writes them with the row. */
  readonly filled = new Map<number, Record<string, string | null>>();

  constructor(private readonly label: string) {}

  /**
   * Sets a stored computed column of the row (TableDefinition.computedColumns with a dbColumn),
   * as canonical text: the one way a value no writer may send reaches the database.
   */
  fill(row: Pick<ChangedRow, 'rowNumber'>, column: string, value: string | null): void {
    this.filled.set(row.rowNumber, { ...(this.filled.get(row.rowNumber) ?? {}), [column]: value });
  }

  refuse(row: Pick<ChangedRow, 'rowNumber'>, refusal: Refusal): void {
    const problem: WriteProblem = {
      table: this.label,
      row: row.rowNumber,
      column: refusal.column ?? '_row',
      ...(refusal.value !== undefined ? { value: refusal.value } : {}),
      message: refusal.message,
      code: refusal.code,
      kind: refusal.kind ?? 'invalid',
    };
    this.problems.set(row.rowNumber, [...(this.problems.get(row.rowNumber) ?? []), problem]);
  }

  warn(row: Pick<ChangedRow, 'rowNumber'>, message: string): void {
    this.warnings.set(row.rowNumber, [...(this.warnings.get(row.rowNumber) ?? []), message]);
  }

  isRefused(row: Pick<ChangedRow, 'rowNumber'>): boolean {
    return this.problems.has(row.rowNumber);
  }
}

/** Runs on each batch's changed rows, before anything is written; may read the database (set-based). */
export type RowRule = (context: RuleContext, rows: readonly ChangedRow[], findings: RuleFindings) => Promise<void> | void;

/** Ids of rows written in this transaction, by table (deleted ones included). */
export type TouchedIds = ReadonlyMap<TableName, readonly string[]>;

export type DeferredFinding = {
  /** The row the problem is about; the door reports it on this row when the change touched it. */
  subject: { table: TableName; id: string };
  /** Rows of this change that led to it (a mapping deleted from a running campaign), reported on when the subject was not touched. */
  causes?: ReadonlyArray<{ table: TableName; id: string }>;
  problem: Refusal;
};

/** Runs once every change of the transaction is written, on the final state of what it touched. */
export type DeferredCheck = {
  name: string;
  /** The tables whose changes can break it. */
  triggers: readonly TableName[];
  run(context: RuleContext, touched: TouchedIds): Promise<DeferredFinding[]>;
};

/** How a table's rows are audited when they are not audited as themselves (campaign assignments under their campaign). */
export type AuditShape = {
  subject(row: ChangedRow): { entityType: string; entityId: string | null };
  /** The field name prefix of the row inside its subject's entry: "creator KOC-LINH". */
  label(row: ChangedRow): string;
  /** Columns that only say which row it is (they repeat the subject and the label). */
  keyColumns: ReadonlySet<string>;
};

/** What an effect found for the rows of the batch that caused it, by row number. */
export type EffectOutcome = { warnings: Map<number, string[]>; problems: Map<number, Refusal[]> };

/**
 * Runs after a batch is written, in the same transaction: a change that implies another
 * (a booking's status change writes its history; a posted video posts its deliverable). An
 * effect that changes template rows hands them to `session.apply`, so they pass the same rules,
 * audit and events as any other write; what they answer is reported on the causing rows.
 */
export type WriteEffect = (session: WriteSession, written: readonly WrittenChange[], changeSet: ChangeSet) => Promise<EffectOutcome>;

export function emptyEffectOutcome(): EffectOutcome {
  return { warnings: new Map(), problems: new Map() };
}

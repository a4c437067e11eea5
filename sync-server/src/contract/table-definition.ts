import type { EnumName } from './enums.js';

/**
 * The shape of one import template (one CSV file, one XLSX tab, one sheet tab of the
 * add-on). Everything that reads or writes template rows reads these definitions; nothing
 * else may hold a column list.
 */

/** How a cell is read. `money` differs from `decimal` only in how a lone separator is read (see coerce-value.ts). */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime' | 'boolean' | 'enum' | 'json';

/** A table's or a column's name in each of our languages (contract/i18n/languages.ts); the sheet shows the planner's. */
export type Label = { en: string; vi: string; am: string };

/**
 * What a text column holds, for how its cells are read: `short` (codes, ids, names, handles:
 * the default), `phone` (its leading 0 matters), `link` (a web address), `long` (free text) or
 * `currency` (an ISO 4217 code: three letters, read in any case and kept upper case).
 */
export type TextKind = 'short' | 'phone' | 'link' | 'long' | 'currency';

/**
 * What the database can hold, per column type, so that every door refuses a value in the cell
 * instead of the database refusing the whole write (prisma/schema.prisma): integer is int4,
 * decimal (rates) Decimal(7,4), money Decimal(18,2), which holds 16 digits before the point;
 * the bound stops at 15 so that it is an exact JS number. A column's own `min`/`max` replaces
 * these (kpi_view and view_count are bigint, exchange_rate Decimal(18,6)). Texts stay below
 * PostgreSQL's 2,704-byte limit for an indexed value, free text excepted.
 */
export const storageLimits = {
  largest: { integer: 2_147_483_647, decimal: 999.9999, money: 999_999_999_999_999 },
  textLength: { short: 500, phone: 50, link: 2_000, long: 20_000, currency: 3 },
} as const satisfies { largest: Partial<Record<ColumnType, number>>; textLength: Record<TextKind, number> };

export type ColumnDefinition = {
  /** The header as it appears in the template (snake_case). */
  name: string;
  type: ColumnType;
  /** An empty cell is refused (after `defaultValue` is applied). */
  isRequired: boolean;
  /** For `enum` columns: the PostgreSQL enum type, also the key of `enumValues`. */
  enumName?: EnumName;
  /**
   * The database column this cell is written to. Absent when the cell only identifies a
   * referenced row (brand_code, creator_key...): the reference then fills its own column.
   */
  dbColumn?: string;
  /** Used when the cell is empty, the same default the database applies. */
  defaultValue?: string | number | boolean;
  /** Inclusive bounds for numbers; without them, what the database holds (`storageLimits`). */
  min?: number;
  max?: number;
  /** For `text` columns: what it holds (default `short`), which sets its length limit. */
  textKind?: TextKind;
  /**
   * Accepted on import, but not one of 001's template columns: an explicit key such as
   * deliverable_code or payment_ref. Templates and exports leave it out.
   */
  isExtra?: boolean;
  /**
   * Spend a viewer may not see (budgets, fees, amounts): every read hides it from roles without
   * the budget right, through the one redaction rule (modules/access/money-redaction.ts).
   */
  isSpend?: boolean;
  /**
   * A person's contact detail (phone, Zalo, email, WeChat), and how it is masked for the roles
   * that don't need it: every read masks it through one rule (modules/access/contact-masking.ts).
   */
  mask?: ContactMask;
  label: Label;
};

/** How a contact detail is masked: `phone` 09•••••678, `email` l•••@gmail.com, `handle` l•••x. */
export type ContactMask = 'phone' | 'email' | 'handle';

/**
 * A foreign key written from natural-key cells: `match` pairs this table's template
 * columns with the referenced table's template columns (e.g. brand_code → brands.code).
 */
export type ReferenceDefinition = {
  name: string;
  /** A template table, or `users` (looked up by username, never created by an import). */
  table: TableName | 'users';
  dbColumn: string;
  match: ReadonlyArray<{ column: string; targetColumn: string }>;
  /** When true, the row is refused without it; when false it is looked up only when every match cell is filled. */
  isRequired: boolean;
  /** Columns copied from the referenced row: a video takes its campaign and creator from its booking. */
  copies?: ReadonlyArray<{ dbColumn: string; targetDbColumn: string }>;
};

/**
 * One way to recognise an existing row. Alternatives are tried in order; one applies to a
 * row when all of its columns that are not in `nullableColumns` are filled. Nullable parts
 * match "both empty" too (SQL IS NOT DISTINCT FROM).
 */
export type NaturalKey = {
  columns: readonly string[];
  nullableColumns?: readonly string[];
};

/** A read-only column the sheet shows to the right of the template columns; imports ignore it. */
export type ComputedColumn = {
  name: string;
  type: ColumnType;
  label: Label;
  description: string;
  /** Spend, or derived from it (committed, paid, ROAS): hidden from viewers like spend columns. */
  isSpend?: boolean;
  /**
   * Stored on the row in this database column, and filled by the write door on every row it
   * writes (a row rule's `RuleFindings.fill`: amount_vnd from amount and the exchange rate), so
   * no writer can send it; reads show it as stored. Without it the value is computed at read time.
   */
  dbColumn?: string;
};

export const tableNames = [
  'brands',
  'products',
  'creators',
  'creator_channels',
  'creator_contacts',
  // Issue 14: the rest of the KOC database (001 B).
  'creator_tags',
  'creator_tag_map',
  'creator_notes',
  'creator_rate_cards',
  'exchange_rates',
  'campaigns',
  'campaign_products',
  'campaign_creators',
  'bookings',
  'booking_deliverables',
  'videos',
  'video_snapshots',
  'tracking_assets',
  'conversions',
  'payments',
] as const;

/** A template name: the CSV file name without `.csv`, and the XLSX tab name. */
export type TableName = (typeof tableNames)[number];

export type TableDefinition = {
  name: TableName;
  /** One row in words, snake_case singular: the audit log's entity type and the events' prefix (campaign.created). */
  entity: string;
  /** The database table (snake_case, as in the migrations). */
  dbTable: string;
  label: Label;
  /** The template columns, in 001's order. */
  columns: readonly ColumnDefinition[];
  naturalKeys: readonly NaturalKey[];
  references: readonly ReferenceDefinition[];
  computedColumns: readonly ComputedColumn[];
};

/** Filters of the campaign list export (000 section 4.7); every filter is optional. */
export type CampaignListFilter = {
  statuses?: readonly string[];
  objectives?: readonly string[];
  brandCodes?: readonly string[];
  ownerUsername?: string;
  /** "YYYY-MM-DD": campaigns still running on or after this day. */
  activeFrom?: string;
  /** "YYYY-MM-DD": campaigns started on or before this day. */
  activeTo?: string;
  /** Part of the name (accents ignored) or of the code. */
  search?: string;
  /** Only these campaigns (ids): the HTTP export passes the rows its list query matched. */
  ids?: readonly string[];
};

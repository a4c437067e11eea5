/**
 * The HTTP payloads the Google Sheets add-on and the sync server share.
 *
 * This file is bundled into the Apps Script add-on as well as the server, so it imports
 * nothing but zod: no Node, no Express, no Prisma. `.meta({ id })` names a schema in the API
 * description (/openapi.json lists it once under components/schemas); it changes no parsing.
 */
import { z } from 'zod';
import { LANGUAGES } from './i18n/languages.js';

/** A text in each language the product speaks. */
const inEachLanguageSchema = z.object(Object.fromEntries(LANGUAGES.map((language) => [language, z.string()])) as Record<(typeof LANGUAGES)[number], z.ZodString>);

// ---------------------------------------------------------------------------
// Cells

/** One cell value as it travels between a sheet and the server. Dates are ISO strings. */
export const cellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).meta({ id: 'CellValue' });
export type CellValue = z.infer<typeof cellValueSchema>;

export const cellRecordSchema = z.record(z.string(), cellValueSchema).meta({ id: 'CellRecord' });
export type CellRecord = z.infer<typeof cellRecordSchema>;

// ---------------------------------------------------------------------------
// GET /api/v1/tables

export const columnTypeSchema = z.enum([
  'text',
  'integer',
  'decimal',
  'money',
  'date',
  'datetime',
  'boolean',
  'enum',
  'json',
]).meta({ id: 'ColumnType' });
export type ColumnType = z.infer<typeof columnTypeSchema>;

// The wire form of the table definitions (contract/tables.ts holds the full ones): what
// GET /tables sends and the add-on builds its tabs from. Named *Payload so both can be imported
// side by side.
export const columnPayloadSchema = z.object({
  /** Header of the column in the sheet and in the import template, e.g. "brand_code". */
  name: z.string().min(1),
  type: columnTypeSchema,
  required: z.boolean(),
  /** Accepted values when `type` is "enum". */
  enumValues: z.array(z.string()).optional(),
  /**
   * The enum values as people read them, per language, in the order of `enumValues`: the sheet's
   * dropdown shows these, and the server accepts them as well as the codes.
   */
  enumLabels: z.object(Object.fromEntries(LANGUAGES.map((language) => [language, z.array(z.string())])) as Record<(typeof LANGUAGES)[number], z.ZodArray<z.ZodString>>).optional(),
  /** A reference by natural key to another table, e.g. { table: "brands", column: "code" }. */
  references: z.object({ table: z.string(), column: z.string() }).optional(),
  /** Read-only: computed by the server (flags, counts, budget committed, row_version...). */
  computed: z.boolean(),
  label: z.string().optional(),
  /** The column's name in plain words, per language (header notes, messages). */
  labels: inEachLanguageSchema.optional(),
}).meta({ id: 'Column' });
export type ColumnPayload = z.infer<typeof columnPayloadSchema>;

export const tablePayloadSchema = z.object({
  /** Machine name, e.g. "campaigns"; also the import template file name without ".csv". */
  name: z.string().min(1),
  /** Tab title in English, e.g. "Campaigns". */
  title: z.string().min(1),
  /** The tab title per language; the add-on names a new tab in the planner's language. */
  titles: inEachLanguageSchema.optional(),
  /** Columns that identify a row across sheet, file and database, e.g. ["brand_code", "code"]. */
  naturalKey: z.array(z.string()),
  /** Tables whose rows must exist first (push order). */
  dependsOn: z.array(z.string()),
  columns: z.array(columnPayloadSchema),
}).meta({ id: 'TableDefinition' });
export type TablePayload = z.infer<typeof tablePayloadSchema>;

export const tablesResponseSchema = z.object({ tables: z.array(tablePayloadSchema) }).meta({ id: 'TablesResponse' });
export type TablesResponse = z.infer<typeof tablesResponseSchema>;

// ---------------------------------------------------------------------------
// POST /api/v1/sync/push

export const pushRowSchema = z.object({
  /** The row number as the spreadsheet shows it (header = row 1). */
  rowNumber: z.number().int().min(2),
  /** The row_version the row was pulled or last pushed at; null for a new row. */
  rowVersion: z.number().int().nullable(),
  values: cellRecordSchema,
}).meta({ id: 'PushRow' });
export type PushRow = z.infer<typeof pushRowSchema>;

export const pushDeletionSchema = z.object({
  rowNumber: z.number().int().min(2),
  /** Natural key of the row to delete, column → value. */
  key: z.record(z.string(), z.string()),
  rowVersion: z.number().int().nullable(),
}).meta({ id: 'PushDeletion' });
export type PushDeletion = z.infer<typeof pushDeletionSchema>;

export const pushTableSchema = z.object({
  table: z.string().min(1),
  rows: z.array(pushRowSchema),
  deletions: z.array(pushDeletionSchema).optional(),
}).meta({ id: 'PushTable' });
export type PushTable = z.infer<typeof pushTableSchema>;

export const pushRequestSchema = z.object({
  /** Same key on a retry: the server applies a push once. */
  idempotencyKey: z.string().min(8).max(200),
  /** Validate and report only ("Validate (dry run)" in the menu). */
  dryRun: z.boolean().optional(),
  tables: z.array(pushTableSchema),
}).meta({ id: 'PushRequest' });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rowStatusSchema = z.enum(['created', 'updated', 'unchanged', 'deleted', 'conflict', 'error']).meta({ id: 'RowStatus' });
export type RowStatus = z.infer<typeof rowStatusSchema>;

export const pushRowResultSchema = z.object({
  rowNumber: z.number().int(),
  status: rowStatusSchema,
  /** Column → messages; "_row" for the row as a whole. */
  errors: z.record(z.string(), z.array(z.string())).optional(),
  /** Computed columns after the write, including row_version and updated_at. */
  computed: cellRecordSchema.optional(),
  /** On conflict: the row as the server has it now (including row_version). */
  serverValues: cellRecordSchema.optional(),
  /** Saved, with something to check (a blacklisted creator assigned by an admin, a watchlist creator). */
  warnings: z.array(z.string()).optional(),
}).meta({ id: 'PushRowResult' });
export type PushRowResult = z.infer<typeof pushRowResultSchema>;

export const pushResponseSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  tables: z.array(z.object({ table: z.string(), results: z.array(pushRowResultSchema) })),
  summary: z.partialRecord(rowStatusSchema, z.number().int()),
}).meta({ id: 'PushResponse' });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------
// GET /api/v1/sync/pull?tables=a,b&since=<cursor>

export const pulledRowSchema = z.object({
  values: cellRecordSchema,
  computed: cellRecordSchema,
  rowVersion: z.number().int(),
  deleted: z.boolean(),
}).meta({ id: 'PulledRow' });
export type PulledRow = z.infer<typeof pulledRowSchema>;

export const pullResponseSchema = z.object({
  /** Opaque; send it back as `since` to get only what changed. */
  cursor: z.string(),
  tables: z.array(z.object({ table: z.string(), rows: z.array(pulledRowSchema) })),
  /** True when a table had more changes than one page: pull again with the new cursor. */
  hasMore: z.boolean().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------
// Campaign actions

export const campaignStatusSchema = z.enum(['draft', 'planned', 'running', 'paused', 'finished', 'canceled']).meta({ id: 'CampaignStatus' });
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const creatorStatusSchema = z.enum(['active', 'watchlist', 'blacklist']).meta({ id: 'CreatorStatus' });
export type CreatorStatus = z.infer<typeof creatorStatusSchema>;

export const creatorRoleSchema = z.enum(['main', 'supporting', 'trial']).meta({ id: 'CreatorRole' });
export type CreatorRole = z.infer<typeof creatorRoleSchema>;

const nullableNumber = z.number().nullable();

export const campaignFlagSchema = z.object({
  code: z.string(),
  /** error: wrong now, fix it; warning: likely to hurt the campaign; info: worth a look. */
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
}).meta({ id: 'CampaignFlag' });
export type CampaignFlag = z.infer<typeof campaignFlagSchema>;

export const campaignDetailSchema = z.object({
  code: z.string(),
  name: z.string(),
  brandCode: z.string(),
  brandName: z.string().optional(),
  channel: z.string(),
  objective: z.string(),
  status: campaignStatusSchema,
  /** ISO dates (YYYY-MM-DD) or null while a draft has none. */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  owner: z.string().nullable(),
  description: z.string(),
  progressPercent: nullableNumber.optional(),
  budget: z.object({ planned: nullableNumber, committed: z.number(), paid: z.number() }),
  kpi: z.object({
    targets: z.object({ views: nullableNumber, orders: nullableNumber, revenue: nullableNumber }),
    /** null while no data exists yet (the widget shows a placeholder). */
    actuals: z.object({ views: nullableNumber, orders: nullableNumber, revenue: nullableNumber }),
  }),
  flags: z.array(campaignFlagSchema),
  creators: z.array(
    z.object({
      creatorKey: z.string(),
      name: z.string(),
      role: creatorRoleSchema,
      note: z.string(),
      status: creatorStatusSchema,
    }),
  ),
  products: z.array(
    z.object({
      brandCode: z.string(),
      productCode: z.string(),
      name: z.string(),
      priority: z.number().int(),
      note: z.string(),
    }),
  ),
  /** The brief (description markdown) split at its "## " headings; text before the first heading has heading "". */
  brief: z.array(z.object({ heading: z.string(), body: z.string() })),
  history: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      changes: z.record(z.string(), z.object({ from: cellValueSchema, to: cellValueSchema })),
    }),
  ),
}).meta({ id: 'CampaignDetail' });
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const transitionReasonSchema = z.object({ code: z.string(), message: z.string() }).meta({ id: 'TransitionReason' });
export type TransitionReason = z.infer<typeof transitionReasonSchema>;

export const campaignTransitionsSchema = z.object({
  current: campaignStatusSchema,
  allowed: z.array(campaignStatusSchema),
  blocked: z.array(z.object({ to: campaignStatusSchema, reasons: z.array(transitionReasonSchema) })),
}).meta({ id: 'CampaignTransitions' });
export type CampaignTransitions = z.infer<typeof campaignTransitionsSchema>;

// The note goes into the audit log beside the change; 2,000 characters, like the other notes.
export const transitionRequestSchema = z.object({ to: campaignStatusSchema, note: z.string().max(2000).optional() }).meta({ id: 'TransitionRequest' });
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

/** Answer of POST /campaigns/{code}/transition. */
export const transitionResponseSchema = z.object({ code: z.string(), from: campaignStatusSchema, status: campaignStatusSchema }).meta({ id: 'TransitionResponse' });
export type TransitionResponse = z.infer<typeof transitionResponseSchema>;

export const duplicateResponseSchema = z.object({
  /** Code of the new draft, e.g. "CC-TET-2026-COPY". */
  code: z.string(),
  name: z.string().optional(),
  /** Code of the campaign it was copied from. */
  duplicatedFrom: z.string().optional(),
  /** Assignments the copy left out, and why (a blacklisted creator, for someone who may not assign one). */
  leftOut: z.array(z.string()).optional(),
  /** Accepted with something to check (a watchlist creator, a blacklisted one copied by an admin). */
  warnings: z.array(z.string()).optional(),
}).meta({ id: 'DuplicateResponse' });
export type DuplicateResponse = z.infer<typeof duplicateResponseSchema>;

// ---------------------------------------------------------------------------
// Pickers

/** Query of GET /api/v1/creators; all optional, tags and niches comma-separated. */
export const creatorSearchQuerySchema = z.object({
  search: z.string().optional(),
  status: creatorStatusSchema.optional(),
  tag: z.string().optional(),
  followersMin: z.coerce.number().optional(),
  followersMax: z.coerce.number().optional(),
  avgViewsMin: z.coerce.number().optional(),
  avgViewsMax: z.coerce.number().optional(),
  location: z.string().optional(),
  niche: z.string().optional(),
  /** Page size (1–200, default 50) and the nextCursor of the previous page. */
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().optional(),
});
export type CreatorSearchQuery = z.infer<typeof creatorSearchQuerySchema>;

export const creatorSearchResponseSchema = z.object({
  creators: z.array(
    z.object({
      creatorKey: z.string(),
      name: z.string(),
      alias: z.string().nullable(),
      status: creatorStatusSchema,
      tags: z.array(z.string()),
      location: z.string().nullable(),
      niche: z.string().nullable(),
      /** Largest follower count over the creator's channels. */
      followers: nullableNumber,
      avgViews: nullableNumber,
      /** e.g. "tiktok:@linh.review" */
      mainChannel: z.string().nullable(),
      /**
       * The creator's scorecard in short (issue 14, item 8; GET /api/v1/creators/{key}/scorecard
       * has all of it), over every campaign. Absent from servers before it.
       */
      scorecard: z
        .object({
          /** Bookings that are live and not canceled. */
          bookings: z.number().int().nonnegative(),
          /** Share (0–1) of measured deliverables posted on or before their deadline; null while none is measured. */
          onTimeRate: z.number().min(0).max(1).nullable(),
          /** Times one of its drafts was rejected. */
          rejectionCount: z.number().int().nonnegative(),
          /** Mean views of its videos at their latest snapshot; null with no video measured. */
          avgViewsPerVideo: z.number().nullable(),
        })
        .optional(),
    }),
  ),
  /** Send back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable().optional(),
}).meta({ id: 'CreatorSearchResponse' });
export type CreatorSearchResponse = z.infer<typeof creatorSearchResponseSchema>;
export type CreatorSummary = CreatorSearchResponse['creators'][number];

export const productSearchQuerySchema = z.object({
  search: z.string().optional(),
  /** A brand code, or several comma-separated. */
  brand: z.string().optional(),
  /** A category, or several comma-separated. */
  category: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().optional(),
});
export type ProductSearchQuery = z.infer<typeof productSearchQuerySchema>;

export const productSearchResponseSchema = z.object({
  products: z.array(
    z.object({
      brandCode: z.string(),
      productCode: z.string(),
      name: z.string(),
      category: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable().optional(),
}).meta({ id: 'ProductSearchResponse' });
export type ProductSearchResponse = z.infer<typeof productSearchResponseSchema>;
export type ProductSummary = ProductSearchResponse['products'][number];

// ---------------------------------------------------------------------------
// Bulk assignment from the pickers: POST /api/v1/campaigns/{code}/creators and …/products

export const assignCreatorsRequestSchema = z.object({
  creatorKeys: z.array(z.string().trim().min(1)).min(1, 'Pick at least one creator.').max(1000),
  role: creatorRoleSchema.default('main'),
  note: z.string().max(2000).optional(),
}).meta({ id: 'AssignCreatorsRequest' });
export type AssignCreatorsRequest = z.input<typeof assignCreatorsRequestSchema>;

export const productKeySchema = z.object({ brandCode: z.string().trim().min(1), productCode: z.string().trim().min(1) }).meta({ id: 'ProductKey' });
export type ProductKey = z.infer<typeof productKeySchema>;

export const assignProductsRequestSchema = z.object({
  products: z.array(productKeySchema).min(1, 'Pick at least one product.').max(1000),
  priority: z.number().int().min(1).max(1000).default(1),
  note: z.string().max(2000).optional(),
}).meta({ id: 'AssignProductsRequest' });
export type AssignProductsRequest = z.input<typeof assignProductsRequestSchema>;

export const assignmentResponseSchema = z.object({
  /** The campaign code. */
  code: z.string(),
  /** Creator keys, or products as "BRAND/PRODUCT", now in the campaign. */
  added: z.array(z.string()),
  /** Not added, each with why: ALREADY_ASSIGNED or NOT_FOUND. */
  skipped: z.array(z.object({ key: z.string(), reason: z.string(), message: z.string() })),
  /** e.g. a watchlist creator, or a blacklisted one an admin assigned anyway. */
  warnings: z.array(z.string()),
}).meta({ id: 'AssignmentResponse' });
export type AssignmentResponse = z.infer<typeof assignmentResponseSchema>;

// ---------------------------------------------------------------------------
// POST /api/v1/imports (multipart): the import report, as the CLI prints it

export const importProblemSchema = z.object({
  table: z.string().nullable(),
  /** The row as the spreadsheet numbers it (header = row 1); null for a file-level problem. */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: cellValueSchema,
  message: z.string(),
}).meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importFileReportSchema = z.object({
  table: z.string(),
  /** "creators.csv" or "booking_center.xlsx › creators". */
  fileLabel: z.string(),
  totals: z.object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    placeholders: z.number().int(),
  }),
  /** True when the rows are in the database now; a file with any error writes nothing. */
  isCommitted: z.boolean(),
  problems: z.array(importProblemSchema),
  /** Problems beyond the first 1,000 are counted, not listed. */
  problemsOmitted: z.number().int().optional(),
  /** Rows accepted with something to check: "row 4: Thảo Vy is blacklisted: assigned by an admin…". */
  warnings: z.array(z.string()).optional(),
}).meta({ id: 'ImportFileReport' });
export type ImportFileReport = z.infer<typeof importFileReportSchema>;

export const importReportSchema = z.object({ dryRun: z.boolean(), files: z.array(importFileReportSchema) }).meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;

// ---------------------------------------------------------------------------
// Errors: one shape everywhere

export const apiErrorSchema = z.object({
  /** A message safe to show a planner. */
  detail: z.string(),
  code: z.string(),
  /** Field → messages. */
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

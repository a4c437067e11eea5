/**
 * Amounts in the tenant's base currency, for a whole batch in ONE statement: the tenant's base
 * currency and time zone, each row's rate day, and the latest exchange_rates row on or before
 * it, never one query per row. The arithmetic is PostgreSQL's numeric (exact, rounded to the
 * cent as the *_vnd columns store it), not a JS float: 12,345,678.91 × 25,413.123456 keeps its cents.
 */
import type { TableDefinition } from '../../contract/index.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { quoteIdent } from '../imports/import-sql.js';

export type AmountToConvert = {
  /** The caller's index for the row (its row number). */
  key: number;
  /** The row's id; an existing row without a date converts at the rate of the day it was first saved. */
  id: string;
  /** ISO code, upper case. */
  currency: string;
  /** Canonical decimal text. */
  amount: string;
  /** The row's own rate to the base currency, or null for the Exchange rates tab's. */
  rate: string | null;
  /** The row's date ("YYYY-MM-DD") or instant (ISO, for conversions' order_date); null: none. */
  day: string | null;
  isInstant: boolean;
};

export type ConvertedAmount = {
  key: number;
  baseCurrency: string;
  /** The day whose rate applies ("YYYY-MM-DD"), in the tenant's time zone. */
  rateDay: string;
  /** The amount in the base currency (canonical text), or null when no rate applies. */
  baseAmount: string | null;
};

const sqlByTable = new Map<string, string>();

function convertSql(definition: TableDefinition): string {
  let sql = sqlByTable.get(definition.name);
  if (sql) return sql;
  sql = `WITH tenant AS (
      SELECT coalesce((SELECT t.base_currency FROM tenants t WHERE t.id = app_current_tenant()), 'VND') AS base_currency,
             coalesce((SELECT t.time_zone FROM tenants t WHERE t.id = app_current_tenant()), 'Asia/Ho_Chi_Minh') AS time_zone
    ),
    r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(key int, id uuid, currency text, amount numeric, rate numeric, day text, is_instant boolean) OFFSET 0),
    dated AS (
      SELECT r.*, tenant.base_currency,
             coalesce(
               CASE WHEN r.day IS NULL THEN NULL WHEN r.is_instant THEN (r.day::timestamptz AT TIME ZONE tenant.time_zone)::date ELSE r.day::date END,
               (SELECT (o.created_at AT TIME ZONE tenant.time_zone)::date FROM ${quoteIdent(definition.dbTable)} o WHERE o.id = r.id),
               (now() AT TIME ZONE tenant.time_zone)::date
             ) AS rate_day
      FROM r CROSS JOIN tenant
    )
    SELECT d.key, d.base_currency, to_char(d.rate_day, 'YYYY-MM-DD') AS rate_day,
           trim_scale(CASE WHEN d.currency = d.base_currency THEN d.amount
                           WHEN d.rate IS NOT NULL THEN round(d.amount * d.rate, 2)
                           ELSE round(d.amount * x.rate_to_base, 2) END)::text AS base_amount
    FROM dated d
    LEFT JOIN LATERAL (
      SELECT e.rate_to_base FROM exchange_rates e
      WHERE d.currency <> d.base_currency AND d.rate IS NULL
        AND e.currency = d.currency AND e.rate_date <= d.rate_day AND e.deleted_at IS NULL
      ORDER BY e.rate_date DESC LIMIT 1
    ) x ON true
    ORDER BY d.key`;
  sqlByTable.set(definition.name, sql);
  return sql;
}

/** Converts a batch of a table's amounts to the base currency of the transaction's tenant. */
export async function convertToBaseCurrency(db: SqlDb, definition: TableDefinition, amounts: readonly AmountToConvert[]): Promise<ConvertedAmount[]> {
  if (amounts.length === 0) return [];
  const parameter = JSON.stringify(amounts.map((amount) => ({ key: amount.key, id: amount.id, currency: amount.currency, amount: amount.amount, rate: amount.rate, day: amount.day, is_instant: amount.isInstant })));
  const rows = await db.$queryRawUnsafe<Array<{ key: number; base_currency: string; rate_day: string; base_amount: string | null }>>(convertSql(definition), parameter);
  return rows.map((row) => ({ key: Number(row.key), baseCurrency: row.base_currency, rateDay: row.rate_day, baseAmount: row.base_amount }));
}

/** The base currency of the transaction's tenant (VND when it has none). */
export async function findBaseCurrency(db: SqlDb): Promise<string> {
  const [row] = await db.$queryRawUnsafe<Array<{ base_currency: string }>>(`SELECT base_currency FROM tenants WHERE id = app_current_tenant()`);
  return row?.base_currency ?? 'VND';
}

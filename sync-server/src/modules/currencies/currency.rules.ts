/**
 * Money in the tenant's base currency (issue 13): the one place an amount is converted. For
 * every row the write door is about to write to bookings, conversions or payments, whatever
 * the door (sheet push, upload, CLI import, REST action):
 *
 * - in the base currency, the base amount is the amount;
 * - in another currency, amount × the row's own exchange_rate when it has one, else × the
 *   latest exchange_rates.rate_to_base of that currency on or before the row's date (payments:
 *   payment_date; bookings: start_date; conversions: order_date, as a day in the tenant's time
 *   zone), else on or before the day the row was first saved (today, for a new row);
 * - with no rate at all, the row is refused (NO_EXCHANGE_RATE): a total never adds dollars as if
 *   they were đồng.
 *
 * The base amount (amount_vnd, total_fee_vnd, revenue_vnd) is fixed when the row is written: a
 * rate added or changed later re-prices a row only when the row itself is written again.
 */
import { getTableDefinition, storageLimits, type TableName } from '../../contract/index.js';
import { isCurrencyCode } from '../../contract/currency-code.js';
import { t } from '../../contract/i18n/translate.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import type { ChangedRow } from '../../write/change-set.js';
import type { RowRule, RuleFindings } from '../../write/table-rules.js';
import { convertToBaseCurrency, findBaseCurrency, type AmountToConvert } from './exchange-rates.repository.js';

export type MoneyTable = Extract<TableName, 'bookings' | 'conversions' | 'payments'>;

/** Per table: the amount, the stored column of its base amount, and the date its rate is taken on. */
export const MONEY_COLUMNS: Record<MoneyTable, { amount: string; baseAmount: string; date: string }> = {
  // The fee is agreed before the work starts; a booking has no other date of its own.
  bookings: { amount: 'total_fee_agreed', baseAmount: 'total_fee_vnd', date: 'start_date' },
  conversions: { amount: 'revenue', baseAmount: 'revenue_vnd', date: 'order_date' },
  payments: { amount: 'amount', baseAmount: 'amount_vnd', date: 'payment_date' },
};

/** Row rule: fills the base amount of every written row, or refuses the row that has no rate. */
export function convertAmounts(table: MoneyTable): RowRule {
  const definition = getTableDefinition(table);
  const columns = MONEY_COLUMNS[table];
  const isInstant = definition.columns.find((column) => column.name === columns.date)?.type === 'datetime';
  return async ({ db }, rows, findings) => {
    const baseCurrency = lazyBaseCurrency(db);
    const toConvert: AmountToConvert[] = [];
    const rowByNumber = new Map<number, ChangedRow>();
    for (const row of rows) {
      // A row another rule refused is not written: it needs no base amount.
      if (row.isDeletion || findings.isRefused(row)) continue;
      const { values } = row.after;
      const amount = values[columns.amount] ?? null;
      const currency = values.currency ?? null;
      if (amount === null || currency === null) continue;
      if (!isCurrencyCode(currency)) {
        findings.refuse(row, { code: 'INVALID_CURRENCY', column: 'currency', value: currency, message: t('currency.notACode', { column: 'currency', value: currency }) });
        continue;
      }
      const rate = values.exchange_rate ?? null;
      if (rate !== null && !(Number(rate) > 0)) {
        await refuseRateNotPositive(baseCurrency, findings, row, 'exchange_rate', rate, currency);
        continue;
      }
      rowByNumber.set(row.rowNumber, row);
      toConvert.push({ key: row.rowNumber, id: row.id, currency, amount, rate, day: values[columns.date] ?? null, isInstant });
    }
    for (const converted of await convertToBaseCurrency(db, definition, toConvert)) {
      const row = rowByNumber.get(converted.key)!;
      const currency = row.after.values.currency!;
      if (converted.baseAmount === null) {
        findings.refuse(row, { code: 'NO_EXCHANGE_RATE', column: 'currency', value: currency, message: t('currency.noExchangeRate', { currency, day: converted.rateDay }) });
      } else if (Number(converted.baseAmount) > storageLimits.largest.money) {
        const message = t('currency.baseAmountTooLarge', { amount: row.after.values[columns.amount], currency, baseAmount: converted.baseAmount, base: converted.baseCurrency, column: columns.amount });
        findings.refuse(row, { code: 'OUT_OF_RANGE', column: columns.amount, value: row.after.values[columns.amount], message });
      } else {
        findings.fill(row, columns.baseAmount, converted.baseAmount);
      }
    }
  };
}

/** Row rule of exchange_rates: a code the amounts can meet, and a rate above 0. */
export const checkExchangeRateRows: RowRule = async ({ db }, rows, findings) => {
  const baseCurrency = lazyBaseCurrency(db);
  for (const row of rows) {
    if (row.isDeletion || findings.isRefused(row)) continue;
    const { currency, rate_to_base: rate } = row.after.values;
    if (currency && !isCurrencyCode(currency)) {
      findings.refuse(row, { code: 'INVALID_CURRENCY', column: 'currency', value: currency, message: t('currency.notACode', { column: 'currency', value: currency }) });
    } else if (currency && rate !== null && rate !== undefined && !(Number(rate) > 0)) {
      await refuseRateNotPositive(baseCurrency, findings, row, 'rate_to_base', rate, currency);
    }
  }
};

/** The tenant's base currency, read at most once per batch and only when a refusal names it. */
function lazyBaseCurrency(db: SqlDb): () => Promise<string> {
  let base: Promise<string> | undefined;
  return () => (base ??= findBaseCurrency(db));
}

async function refuseRateNotPositive(baseCurrency: () => Promise<string>, findings: RuleFindings, row: ChangedRow, column: string, rate: string, currency: string): Promise<void> {
  const base = await baseCurrency();
  findings.refuse(row, { code: 'RATE_NOT_POSITIVE', column, value: rate, message: t('currency.rateNotPositive', { column, currency, base }) });
}

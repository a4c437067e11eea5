import { t } from './i18n/translate.js';

/**
 * Currency codes as people type them: "usd", " USD ", "Usd" are USD. Three letters (ISO 4217),
 * kept upper case so that a rate and the amounts it converts meet on the same code. Pure: the
 * importer, the push and the add-on read currency cells with it (coerce-value.ts).
 */
export function readCurrencyCode(columnName: string, value: string | number | boolean | Date): { ok: true; value: string } | { ok: false; message: string } {
  const text = (value instanceof Date ? value.toISOString() : String(value)).trim();
  const code = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) return { ok: true, value: code };
  return { ok: false, message: t('currency.notACode', { column: columnName, value: text }) };
}

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

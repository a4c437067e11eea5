import { enumValues, type EnumName } from './enums.js';
import { enumLabel, enumValueFromText } from './i18n/enum-labels.js';
import { formatNumber, getCurrentLanguage, t, type MessageKey } from './i18n/translate.js';
import { readCurrencyCode } from './currency-code.js';
import { storageLimits, type ColumnDefinition } from './table-definition.js';

/**
 * Reading cells as real spreadsheets give them. Pure functions, shared by the importer and
 * the add-on. Every reader returns either a normalised value or a plain-language problem.
 *
 * Normalised forms: text trimmed; integer a number; decimal and money a canonical decimal
 * string ("1500000", "0.045"); date "YYYY-MM-DD"; datetime an ISO string with offset;
 * boolean; enum the canonical lower-case value; json any JSON value.
 *
 * Problems are phrased in the current language (i18n/translate.ts): the request's on the
 * server, the planner's in the add-on. The problem's table, row and column travel beside the
 * message, as codes, whatever the language.
 */

/** A cell as a CSV, an XLSX file or Apps Script hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type NormalisedValue = string | number | boolean | null | NormalisedJson;
type NormalisedJson = { readonly [key: string]: unknown } | readonly unknown[];

export type CoerceResult = { ok: true; value: NormalisedValue } | { ok: false; message: string };

/** Times written without an offset are Vietnam time: the team works in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const SHEET_TIME_ZONE_OFFSET = '+07:00';
const SHEET_OFFSET_MINUTES = 7 * 60;

// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

const ok = (value: NormalisedValue): CoerceResult => ({ ok: true, value });
const problem = (message: string): CoerceResult => ({ ok: false, message });

type Named = Pick<ColumnDefinition, 'name'> & { label?: ColumnDefinition['label'] };

/**
 * The column as a problem names it. In English, its header code ("budget_planned"): English
 * templates are headed by the codes themselves. Other languages name it in their own words
 * ("Ngân sách dự kiến"), the label the sheet's header note shows; the problem's `column` field
 * keeps the code either way.
 */
function columnName(column: Named): string {
  const language = getCurrentLanguage();
  return language === 'en' ? column.name : (column.label?.[language] ?? column.name);
}

/** A problem about one column and, when given, the value as it was written. */
function refuse(key: MessageKey, column: Named, value?: unknown, params: Record<string, string | number> = {}): CoerceResult {
  return problem(t(key, { column: columnName(column), ...(value === undefined ? {} : { value: shown(value) }), ...params }));
}

/** Empty means: nothing, blank, or only spaces. */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Reads one cell for one column; `column.defaultValue` fills an empty cell; required columns refuse empty. */
export function coerceCell(column: ColumnDefinition, raw: CellValue): CoerceResult {
  if (isEmptyCell(raw)) {
    if (column.defaultValue !== undefined) return coerceCell({ ...column, defaultValue: undefined }, column.defaultValue);
    return column.isRequired ? refuse('cell.required', column) : ok(null);
  }
  const value = raw as string | number | boolean | Date;
  if (typeof value === 'string') {
    const unstorable = describeUnstorableText(value);
    if (unstorable) return problem(`${columnName(column)} ${unstorable}`);
  }
  const result = coerceByType(column, value);
  if (!result.ok) return result;
  return checkBounds(column, result.value, value);
}

// PostgreSQL stores neither NUL nor half of a UTF-16 surrogate pair (JSON may carry "\ud800").
const unstorablePattern = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text can't be stored, as the end of a sentence that starts with what holds it
 * ("name contains…"), or undefined when it can. Shared by the cell readers and the HTTP guard.
 */
export function describeUnstorableText(text: string): string | undefined {
  const match = unstorablePattern.exec(text);
  if (!match) return undefined;
  // Counted as a person counts characters: an emoji before it is one, not two UTF-16 units.
  const position = Array.from(text.slice(0, match.index)).length + 1;
  return t(match[0] === '\u0000' ? 'cell.nulCharacter' : 'cell.brokenCharacter', { position });
}

function coerceByType(column: ColumnDefinition, value: string | number | boolean | Date): CoerceResult {
  switch (column.type) {
    case 'text':
      return readText(column, value);
    case 'integer':
      return readInteger(column, value);
    case 'decimal':
      return readDecimal(column, value, 'decimal');
    case 'money':
      return readDecimal(column, value, 'money');
    case 'date':
      return readDate(column, value);
    case 'datetime':
      return readDateTime(column, value);
    case 'boolean':
      return readBoolean(column, value);
    case 'enum':
      return readEnum(column, value);
    case 'json':
      return readJson(column, value);
  }
}

function checkBounds(column: ColumnDefinition, value: NormalisedValue, raw: string | number | boolean | Date): CoerceResult {
  if (value === null) return ok(value);
  if (column.type === 'text') return checkTextLength(column, value as string);
  const largest = column.type === 'integer' || column.type === 'decimal' || column.type === 'money' ? storageLimits.largest[column.type] : undefined;
  if (largest === undefined && column.min === undefined && column.max === undefined) return ok(value);
  const numeric = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isNaN(numeric)) return ok(value);
  if (column.min !== undefined && numeric < column.min) return refuse('cell.atLeast', column, undefined, { min: groupThousands(column.min) });
  if (column.max !== undefined && numeric > column.max) return refuse('cell.atMost', column, undefined, { max: groupThousands(column.max) });
  // The column's own bounds replace what its type holds (kpi_view is a bigint).
  const isBeyondStorage = largest !== undefined && ((column.max === undefined && numeric > largest) || (column.min === undefined && numeric < -largest));
  if (isBeyondStorage) {
    return refuse('cell.tooLargeToStore', column, raw, { min: groupThousands(column.min ?? -largest), max: groupThousands(column.max ?? largest) });
  }
  return ok(value);
}

function checkTextLength(column: ColumnDefinition, text: string): CoerceResult {
  const longest = storageLimits.textLength[column.textKind ?? 'short'];
  if (text.length <= longest) return ok(text);
  return refuse('cell.textTooLong', column, undefined, { length: groupThousands(text.length), longest: groupThousands(longest) });
}

/** 1500000 → "1,500,000" (en), "1.500.000" (vi): every digit kept, as the language groups them. */
function groupThousands(value: number): string {
  return formatNumber(getCurrentLanguage(), value, { maximumFractionDigits: 20 });
}

// Excel and Sheets keep 15 significant digits; a longer ID in a number cell has lost the rest.
const LARGEST_EXACT_SHEET_INTEGER = 999_999_999_999_999;
// How Excel shows (and saves to CSV) a number too long for its column: 6.9E+18, 6,90123E+18,
// LibreOffice 6.90123456789012E+018. In a text column the sign must be there, so that a code
// such as 2E10 stays a code; in a number column 1e308 is scientific notation all the same.
const shortenedNumberPattern = /^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$/i;
const shortenedNumberInTextPattern = /^[+-]?\d+(?:[.,]\d+)?E[+-]\d+$/i;
// A Vietnamese mobile number without its leading 0 (0912345678 → 912345678).
const mobileWithoutZeroPattern = /^[35789]\d{8}$/;

/**
 * Text columns hold codes, IDs and phone numbers that a spreadsheet turns into numbers when it
 * can. A number is kept as its exact digits when nothing was lost; otherwise the cell is
 * refused, since the lost digits (or the leading 0) cannot be recovered here.
 */
function readText(column: ColumnDefinition, value: string | number | boolean | Date): CoerceResult {
  if (column.textKind === 'currency') return readCurrencyCode(columnName(column), value);
  if (value instanceof Date) return ok(formatDateTime(value.toISOString()));
  if (typeof value === 'boolean') return ok(value ? 'TRUE' : 'FALSE');
  if (typeof value === 'number') return readNumberAsText(column, value);
  const text = value.trim();
  if (shortenedNumberInTextPattern.test(text)) return refuse('cell.shortenedNumberInText', column, text);
  if (column.textKind === 'phone' && mobileWithoutZeroPattern.test(text)) return refuse('cell.phoneLostZero', column, text);
  return ok(text);
}

function readNumberAsText(column: ColumnDefinition, value: number): CoerceResult {
  if (!Number.isFinite(value)) return refuse('cell.notText', column, value);
  if (Number.isInteger(value) && Math.abs(value) > LARGEST_EXACT_SHEET_INTEGER) return refuse('cell.numberTooLongForSheet', column, value);
  // A number cell can hold neither a leading 0 nor a +: the phone as written is gone.
  if (column.textKind === 'phone') {
    return mobileWithoutZeroPattern.test(String(value)) ? refuse('cell.phoneAsNumberExample', column, value, { example: `0${value}` }) : refuse('cell.phoneAsNumber', column, value);
  }
  return ok(Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toPrecision(15))));
}

/** The value as the problem shows it (the message puts it in quotes): always text, so ICU never regroups a number's digits. */
function shown(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value).trim();
}

/**
 * Numbers as Vietnamese and English sheets write them. VND has no minor unit, so:
 * - both "." and "," present: the last one is the decimal mark ("1.500.000,50", "1,500,000.50");
 * - one kind repeated ("1.500.000", "1,500,000"): thousands separators;
 * - a single separator: for `money`, followed by exactly three digits it groups thousands
 *   ("1.500" and "1,500" are 1500 đồng) unless the integer part is 0 ("0.125"); otherwise it is
 *   the decimal mark ("12,5"). For `decimal` (rates) a single separator is always the decimal mark.
 * Currency marks (₫, đ, VND) and spaces are ignored; a trailing % divides by 100 for `decimal`.
 */
export function parseNumberText(text: string, kind: 'decimal' | 'money'): string | undefined {
  let cleaned = text.replace(/\s|\u00a0/g, '').replace(/(₫|vnđ|vnd|đ|d)$/i, '').replace(/^(₫|vnđ|vnd)/i, '');
  let isPercent = false;
  if (kind === 'decimal' && cleaned.endsWith('%')) {
    isPercent = true;
    cleaned = cleaned.slice(0, -1);
  }
  const sign = cleaned.startsWith('-') ? '-' : '';
  if (sign || cleaned.startsWith('+')) cleaned = cleaned.slice(1);
  if (!/^[0-9][0-9.,]*$/.test(cleaned) || /[.,]$/.test(cleaned)) return undefined;

  const dots = (cleaned.match(/\./g) ?? []).length;
  const commas = (cleaned.match(/,/g) ?? []).length;
  let integerPart = cleaned;
  let fraction = '';
  if (dots && commas) {
    const decimalMark = cleaned.lastIndexOf('.') > cleaned.lastIndexOf(',') ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    const at = cleaned.lastIndexOf(decimalMark);
    if (cleaned.indexOf(decimalMark) !== at) return undefined;
    integerPart = cleaned.slice(0, at);
    fraction = cleaned.slice(at + 1);
    if (!isGrouped(integerPart, groupMark)) return undefined;
    integerPart = integerPart.split(groupMark).join('');
  } else if (dots + commas > 1) {
    const groupMark = dots ? '.' : ',';
    if (!isGrouped(cleaned, groupMark)) return undefined;
    integerPart = cleaned.split(groupMark).join('');
  } else if (dots + commas === 1) {
    const mark = dots ? '.' : ',';
    const [before = '', after = ''] = cleaned.split(mark);
    const isThousands = kind === 'money' && after.length === 3 && before !== '0';
    integerPart = isThousands ? before + after : before;
    fraction = isThousands ? '' : after;
  }
  return canonicalDecimal(sign, integerPart, fraction, isPercent);
}

function isGrouped(text: string, groupMark: string): boolean {
  const groups = text.split(groupMark);
  return groups.every((group, index) => (index === 0 ? /^[0-9]{1,3}$/.test(group) : /^[0-9]{3}$/.test(group)));
}

function canonicalDecimal(sign: string, integerPart: string, fraction: string, isPercent: boolean): string {
  let digits = integerPart.replace(/^0+(?=\d)/, '') || '0';
  let decimals = fraction;
  if (isPercent) {
    const padded = digits.padStart(3, '0');
    decimals = padded.slice(-2) + decimals;
    digits = padded.slice(0, -2).replace(/^0+(?=\d)/, '') || '0';
  }
  decimals = decimals.replace(/0+$/, '');
  const text = decimals ? `${digits}.${decimals}` : digits;
  return sign && text !== '0' ? `-${text}` : text;
}

/** A JS number as a canonical decimal string, without exponent notation or float noise. */
function numberToDecimalText(value: number): string {
  const text = Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  return value.toFixed(10).replace(/\.?0+$/, '');
}

function readDecimal(column: Named, value: string | number | boolean | Date, kind: 'decimal' | 'money'): CoerceResult {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(numberToDecimalText(value)) : refuse('cell.notANumber', column, value);
  if (typeof value !== 'string') return refuse('cell.notANumber', column, value);
  if (shortenedNumberPattern.test(value.trim())) return refuse('cell.scientificNumber', column, value);
  const parsed = parseNumberText(value, kind);
  if (parsed === undefined) return refuse('cell.notANumberHint', column, value);
  return ok(parsed);
}

function readInteger(column: Named, value: string | number | boolean | Date): CoerceResult {
  const decimal = readDecimal(column, value, 'money');
  if (!decimal.ok) return decimal;
  const text = decimal.value as string;
  if (text.includes('.')) return refuse('cell.notAWholeNumber', column, value);
  // The bounds (checkBounds) refuse what is too large; a JS number stays exact up to 2^53.
  return ok(Number(text));
}

// Yes and no in each of our languages (አዎ/አይ in Amharic), as planners type them.
const trueWords = new Set(['true', '1', 'yes', 'y', 'x', 'có', 'co', 'đúng', 'dung', 'on', '✓', '✔', 'አዎ', 'አዎን']);
const falseWords = new Set(['false', '0', 'no', 'n', 'không', 'khong', 'sai', 'off', 'አይ', 'አይደለም']);

function readBoolean(column: Named, value: string | number | boolean | Date): CoerceResult {
  if (typeof value === 'boolean') return ok(value);
  const word = String(value).trim().toLowerCase().normalize('NFC');
  if (trueWords.has(word)) return ok(true);
  if (falseWords.has(word)) return ok(false);
  return refuse('cell.notYesNo', column, value);
}

/**
 * What an enum column accepts, as its refusal lists it. English lists the codes, which are
 * English words already ("draft, planned, running"); the other languages list their labels
 * with the code beside each, since either may be typed: "nháp (draft), đã lên kế hoạch (planned)".
 */
export function describeEnumChoices(enumName: EnumName): string {
  const language = getCurrentLanguage();
  const values: readonly string[] = enumValues[enumName];
  if (language === 'en') return values.join(', ');
  return values
    .map((code) => {
      const label = enumLabel(enumName, code, language);
      // "TikTok (tiktok)" would say the same thing twice.
      const isSameWord = label.toLocaleLowerCase().replace(/[\s-]+/g, '_') === code;
      return isSameWord ? code : t('cell.enumChoice', { label, code });
    })
    .join(t('importReport.separator'));
}

/**
 * Enum values as codes or as their labels in any of our languages, in any case, with spaces or
 * hyphens for underscores: "In Progress" is in_progress, "nữ" female, "Đang Chạy" running.
 */
function readEnum(column: ColumnDefinition, value: string | number | boolean | Date): CoerceResult {
  const code = column.enumName ? enumValueFromText(column.enumName, String(value)) : null;
  if (code !== null) return ok(code);
  return refuse('cell.notOneOf', column, value, { accepted: column.enumName ? describeEnumChoices(column.enumName) : '' });
}

function readJson(column: Named, value: string | number | boolean | Date): CoerceResult {
  if (typeof value !== 'string') return ok(value instanceof Date ? value.toISOString() : value);
  try {
    return ok(JSON.parse(value) as NormalisedValue);
  } catch {
    return refuse('cell.notJson', column);
  }
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

/** Dates read from an XLSX file are wall-clock dates stored as UTC midnight. */
function dateOnlyFromDate(value: Date): string {
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
}

const isoDatePattern = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
// Day first, as Vietnam writes it: 31/12/2025, 31-12-2025, 31.12.2025.
const dayFirstPattern = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function readDate(column: Named, value: string | number | boolean | Date): CoerceResult {
  // Phrased only when refused: dates are read by the hundred thousand.
  const invalid = () => refuse('cell.notADate', column, value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? invalid() : ok(dateOnlyFromDate(value));
  if (typeof value === 'number') return isExcelSerial(value) ? ok(dateOnlyFromDate(excelSerialToDate(Math.floor(value)))) : invalid();
  if (typeof value !== 'string') return invalid();
  const text = value.trim();
  const iso = isoDatePattern.exec(text);
  const dayFirst = iso ? undefined : dayFirstPattern.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : undefined;
  if (parts) {
    const [year, month, day] = parts.map(Number) as [number, number, number];
    return isValidDate(year, month, day) ? ok(`${year}-${pad(month)}-${pad(day)}`) : invalid();
  }
  if (/^\d+(\.\d+)?$/.test(text) && isExcelSerial(Number(text))) return ok(dateOnlyFromDate(excelSerialToDate(Math.floor(Number(text)))));
  return invalid();
}

// 1 is 1900-01-01, 2958465 is 9999-12-31; a plain year such as 2025 is refused as too ambiguous.
function isExcelSerial(value: number): boolean {
  return Number.isFinite(value) && value >= 3000 && value < 2958466;
}

/** A UTC instant as the sheet shows it: Vietnam wall-clock time, "YYYY-MM-DD HH:mm:ss". */
export function formatDateTime(isoInstant: string): string {
  const date = new Date(new Date(isoInstant).getTime() + SHEET_OFFSET_MINUTES * 60_000);
  return `${dateOnlyFromDate(date)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function wallClockToIso(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: string): string {
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
}

const isoDateTimePattern = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function readDateTime(column: Named, value: string | number | boolean | Date): CoerceResult {
  const invalid = () => refuse('cell.notADateTime', column, value);
  // An XLSX date cell holds wall-clock time stored as if it were UTC.
  const fromWallClock = (date: Date) =>
    ok(new Date(wallClockToIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), SHEET_TIME_ZONE_OFFSET)).toISOString());
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? invalid() : fromWallClock(value);
  if (typeof value === 'number') return isExcelSerial(value) ? fromWallClock(excelSerialToDate(value)) : invalid();
  if (typeof value !== 'string') return invalid();
  const text = value.trim();
  const iso = isoDateTimePattern.exec(text);
  if (iso) {
    const [year, month, day, hour, minute, second] = [iso[1], iso[2], iso[3], iso[4] ?? '0', iso[5] ?? '0', iso[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
    if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return invalid();
    const offsetText = iso[8] ? (iso[8].toUpperCase() === 'Z' ? 'Z' : iso[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : SHEET_TIME_ZONE_OFFSET;
    const millis = iso[7] ? `.${iso[7].padEnd(3, '0').slice(0, 3)}` : '';
    const instant = new Date(wallClockToIso(year, month, day, hour, minute, second, '').concat(millis, offsetText));
    return Number.isNaN(instant.getTime()) ? invalid() : ok(instant.toISOString());
  }
  const dayFirst = dayFirstPattern.exec(text);
  if (dayFirst) {
    const [day, month, year, hour, minute, second] = [dayFirst[1], dayFirst[2], dayFirst[3], dayFirst[4] ?? '0', dayFirst[5] ?? '0', dayFirst[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
    if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return invalid();
    return ok(new Date(wallClockToIso(year, month, day, hour, minute, second, SHEET_TIME_ZONE_OFFSET)).toISOString());
  }
  if (/^\d+(\.\d+)?$/.test(text) && isExcelSerial(Number(text))) return fromWallClock(excelSerialToDate(Number(text)));
  return invalid();
}

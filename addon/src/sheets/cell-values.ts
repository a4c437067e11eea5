/**
 * Converting cells between what Sheets holds (numbers, Dates, "TRUE", "1,500,000") and what the
 * sync API carries (string | number | boolean | null, ISO dates). A value that cannot be
 * converted is sent as typed, so the server answers with a message pointing at the cell.
 */
import type { CellValue, ColumnPayload } from '../../../sync-server/src/contract/sync-payloads.js';
import type { Language } from '../../../sync-server/src/contract/i18n/languages.js';
import { enumCodeToLabel, enumTextToCode } from './localized-labels.js';
import type { SheetCell } from './sheet-columns.js';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * Dates read from a sheet are midnight in the script's time zone, which the manifest sets to the
 * spreadsheet's (Asia/Ho_Chi_Minh), so the local getters give the day the planner typed.
 */
export function formatIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function formatIsoDateTime(date: Date): string {
  return date.toISOString();
}

export function isBlankCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const plainNumber = /^[-+]?\d+(\.\d+)?$/;
/** "1,500,000" or "1.500.000" as planners type money in Vietnam; a decimal comma is not guessed. */
const groupedNumber = /^[-+]?\d{1,3}([,.]\d{3})+$/;

function parseNumberText(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0₫đ]|VND/gi, '');
  if (plainNumber.test(compact)) return Number(compact);
  if (groupedNumber.test(compact)) return Number(compact.replace(/[,.]/g, ''));
  return undefined;
}

function parseBooleanText(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'x', 'có', 'co'].includes(lower)) return true;
  if (['false', 'no', 'n', '0', 'không', 'khong'].includes(lower)) return false;
  return undefined;
}

/** A sheet cell → the value sent to the server for a column of this type. Blank → null. */
export function toPayloadValue(cell: SheetCell | undefined, column: ColumnPayload): CellValue {
  if (isBlankCell(cell) || cell === undefined || cell === null) return null;
  switch (column.type) {
    case 'integer':
    case 'decimal':
    case 'money': {
      if (typeof cell === 'number') return cell;
      if (typeof cell === 'string') return parseNumberText(cell) ?? cell.trim();
      return typeof cell === 'boolean' ? String(cell) : formatIsoDate(cell);
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return cell;
      if (typeof cell === 'number') return cell !== 0;
      if (typeof cell === 'string') return parseBooleanText(cell) ?? cell.trim();
      return formatIsoDate(cell);
    }
    case 'date':
      return cell instanceof Date ? formatIsoDate(cell) : String(cell).trim();
    case 'datetime':
      return cell instanceof Date ? formatIsoDateTime(cell) : String(cell).trim();
    case 'enum': {
      // A label in any language travels as its code; anything else as typed, for the server to name.
      const text = cell instanceof Date ? formatIsoDate(cell) : String(cell).trim();
      return enumTextToCode(column, text) ?? text;
    }
    case 'text':
    case 'json':
      return cell instanceof Date ? formatIsoDate(cell) : String(cell).trim();
  }
}

/**
 * A value from the server → what the add-on writes into the cell ("" clears it); an enum code
 * becomes its label in the sheet's language, as its dropdown shows it.
 */
export function toSheetValue(value: CellValue | undefined, column?: Pick<ColumnPayload, 'type' | 'enumValues' | 'enumLabels'>, language?: Language): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (column?.type === 'enum' && language && typeof value === 'string') return enumCodeToLabel(column, value, language);
  return value;
}

/** How a server value reads in a note ("Server value: …"). */
export function describeValue(value: CellValue | undefined, column?: Pick<ColumnPayload, 'type' | 'enumValues' | 'enumLabels'>, language?: Language): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return String(toSheetValue(value, column, language));
}

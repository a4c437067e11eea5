/**
 * The layout of one tab, planned from the table definition and whatever header the tab already
 * has: "Set up sheets" creates a tab or repairs it without moving the planner's columns.
 * The adapter turns this plan into a handful of Sheets calls.
 */
import type { Language } from '../../../sync-server/src/contract/i18n/languages.js';
import { translate } from '../../../sync-server/src/contract/i18n/translate.js';
import type { ColumnPayload, TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';
import { columnLabel, enumCodeToLabel, tabNameCandidates } from './localized-labels.js';
import {
  type SheetCell,
  HIDDEN_SYSTEM_COLUMNS,
  ROW_ACTIONS,
  SYSTEM_COLUMNS,
  columnLetter,
  locateColumns,
} from './sheet-columns.js';

export type ColumnValidation =
  | { kind: 'list'; values: string[]; allowInvalid: boolean }
  /** A dropdown fed by another tab's key column, e.g. Brands!A2:A: it follows every pull. */
  | { kind: 'range'; a1: string; allowInvalid: boolean }
  | { kind: 'checkbox' };

export type ColumnLayout = {
  index: number;
  name: string;
  role: 'editable' | 'computed' | 'system';
  isHidden: boolean;
  isRequired: boolean;
  /** "@" keeps codes like 0012 as text; dates and money get a readable format. */
  numberFormat?: string;
  validation?: ColumnValidation;
  /** Shown as the header cell's note: label, type, accepted values. */
  headerNote: string;
};

export type ConditionalFormat = { formula: string; background: string; fontColor?: string };

export type TabLayout = {
  table: string;
  header: string[];
  /** Number of columns appended to an existing header (0 for a tab already set up). */
  appendedColumns: number;
  frozenRows: 1;
  columns: ColumnLayout[];
  /** 0-based indexes of columns protected with a warning (computed and bookkeeping). */
  protectedColumns: number[];
  conditionalFormats: ConditionalFormat[];
};

export const COLORS = {
  header: '#1f3a5f',
  headerText: '#ffffff',
  computedHeader: '#5f6b7a',
  computed: '#eef1f5',
  error: '#fde2e1',
  conflict: '#fff0d6',
  flag: '#fff8c5',
} as const;

/** Status words written by sync plus the actions a planner may pick. */
export const STATUS_DROPDOWN = [ROW_ACTIONS.delete, ROW_ACTIONS.takeTheirs, ROW_ACTIONS.keepMine];

/** Finds the A1 range of another tab's column, e.g. ("brands", "code") → "'Brands'!A2:A". */
export type ReferenceResolver = (table: string, column: string) => string | undefined;


function numberFormatFor(column: ColumnPayload): string | undefined {
  switch (column.type) {
    case 'text':
    case 'enum':
    case 'json':
      return '@';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'money':
      return '#,##0';
    case 'integer':
      return '0';
    default:
      return undefined;
  }
}

function validationFor(column: ColumnPayload, resolveReference: ReferenceResolver, language: Language): ColumnValidation | undefined {
  if (column.computed) return undefined;
  if (column.type === 'enum' && column.enumValues && column.enumValues.length > 0) {
    // The dropdown speaks the sheet's language. A code or another language's label typed by hand
    // is only marked, not refused: the server reads every one of them, and names the rest.
    const labels = column.enumValues.map((code) => enumCodeToLabel(column, code, language));
    return { kind: 'list', values: labels, allowInvalid: labels.some((label, index) => label !== column.enumValues?.[index]) };
  }
  if (column.references) {
    const a1 = resolveReference(column.references.table, column.references.column);
    // A new key may be typed before its row exists in the other tab: warn, don't refuse.
    if (a1) return { kind: 'range', a1, allowInvalid: true };
  }
  if (column.type === 'boolean') return { kind: 'checkbox' };
  return undefined;
}

function headerNoteFor(column: ColumnPayload, language: Language): string {
  const parts = [columnLabel(column, language), column.type + (column.required ? translate(language, 'layout.requiredSuffix') : '')];
  if (column.enumValues) parts.push(column.enumValues.map((code) => enumCodeToLabel(column, code, language)).join(' | '));
  if (column.references) parts.push(`→ ${column.references.table}.${column.references.column}`);
  if (column.computed) parts.push(translate(language, 'layout.computedNote'));
  return parts.join('\n');
}

/**
 * Plans the header (existing columns kept in place, missing ones appended: editable first, then
 * computed, then bookkeeping, so computed columns land at the right), formats, dropdowns,
 * protection and conditional formatting.
 */
export function planTabLayout(
  table: TablePayload,
  existingHeader: readonly SheetCell[],
  resolveReference: ReferenceResolver,
  language: Language = 'en',
): TabLayout {
  const header = existingHeader.map((cell) => String(cell ?? '').trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const originalLength = header.length;
  const map = locateColumns(table, header);
  const missing = new Set(map.missing);
  for (const column of table.columns) if (!column.computed && missing.has(column.name)) header.push(column.name);
  for (const column of table.columns) if (column.computed && missing.has(column.name)) header.push(column.name);
  const present = new Set(header.map((name) => name.toLowerCase()));
  for (const name of Object.values(SYSTEM_COLUMNS)) if (!present.has(name)) header.push(name);

  const finalMap = locateColumns(table, header);
  const columns: ColumnLayout[] = [];
  for (const column of table.columns) {
    const index = finalMap.byName.get(column.name);
    if (index === undefined) continue;
    const validation = validationFor(column, resolveReference, language);
    const numberFormat = numberFormatFor(column);
    columns.push({
      index,
      name: column.name,
      role: column.computed ? 'computed' : 'editable',
      isHidden: false,
      isRequired: column.required,
      ...(numberFormat ? { numberFormat } : {}),
      ...(validation ? { validation } : {}),
      headerNote: headerNoteFor(column, language),
    });
  }
  for (const [key, name] of Object.entries(SYSTEM_COLUMNS)) {
    const index = finalMap.system[key as keyof typeof SYSTEM_COLUMNS];
    if (index === undefined) continue;
    columns.push({
      index,
      name,
      role: 'system',
      isHidden: HIDDEN_SYSTEM_COLUMNS.includes(name),
      isRequired: false,
      numberFormat: '@',
      ...(name === SYSTEM_COLUMNS.status ? { validation: { kind: 'list', values: [...STATUS_DROPDOWN], allowInvalid: true } as const } : {}),
      headerNote: translate(language, name === SYSTEM_COLUMNS.status ? 'layout.syncStatusNote' : 'layout.bookkeepingNote'),
    });
  }
  columns.sort((left, right) => left.index - right.index);

  const statusColumn = finalMap.system.status;
  const conditionalFormats: ConditionalFormat[] = [];
  if (statusColumn !== undefined) {
    const ref = `$${columnLetter(statusColumn)}2`;
    conditionalFormats.push({ formula: `=REGEXMATCH(${ref}, "error")`, background: COLORS.error });
    conditionalFormats.push({ formula: `=REGEXMATCH(${ref}, "conflict")`, background: COLORS.conflict });
  }
  for (const column of table.columns) {
    const index = finalMap.byName.get(column.name);
    if (column.computed && index !== undefined && /flag/i.test(column.name)) {
      conditionalFormats.push({ formula: `=LEN($${columnLetter(index)}2)>0`, background: COLORS.flag });
    }
  }

  return {
    table: table.name,
    header,
    appendedColumns: header.length - originalLength,
    frozenRows: 1,
    columns,
    protectedColumns: columns.filter((column) => column.role !== 'editable' && column.name !== SYSTEM_COLUMNS.status).map((column) => column.index),
    conditionalFormats,
  };
}

/** The tab a table lives in: its title in any of our languages, or its machine name. */
export function findTabName(table: TablePayload, tabNames: readonly string[]): string | undefined {
  const candidates = tabNameCandidates(table).map((name) => name.toLowerCase());
  return tabNames.find((tab) => candidates.includes(tab.trim().toLowerCase()));
}

/** Tables ordered so that a table comes after the ones it depends on (push order). */
export function orderByDependencies<T extends Pick<TablePayload, 'name' | 'dependsOn'>>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: T): void => {
    const mark = state.get(table.name);
    if (mark === 'done' || mark === 'visiting') return; // a cycle is the server's to report
    state.set(table.name, 'visiting');
    for (const dependency of table.dependsOn) {
      const other = byName.get(dependency);
      if (other) visit(other);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

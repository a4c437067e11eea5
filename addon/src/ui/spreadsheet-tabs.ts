/**
 * The thin adapter between the pure sheet mapping and SpreadsheetApp. Each tab is read with one
 * getValues (plus its notes and formulas) and written with one setValues (plus its notes): the
 * cost of a sync does not grow with the number of rows.
 */
import type { TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';
import { type ColumnMap, type Grid, columnLetter, locateColumns } from '../sheets/sheet-columns.js';
import { type TabLayout, COLORS, findTabName } from '../sheets/tab-layout.js';
import { type TabState, restoreFormulas } from '../sheets/tab-writes.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function findTab(spreadsheet: Spreadsheet, table: TablePayload): Sheet | undefined {
  const name = findTabName(table, spreadsheet.getSheets().map((sheet) => sheet.getName()));
  return name === undefined ? undefined : (spreadsheet.getSheetByName(name) ?? undefined);
}

export type LoadedTab = { sheet: Sheet; state: TabState; map: ColumnMap };

/** One read of the whole tab: values, notes and formulas of the same data range. */
export function readTab(sheet: Sheet, table: TablePayload): LoadedTab {
  const range = sheet.getDataRange();
  const values = range.getValues() as Grid;
  const notes = range.getNotes();
  const formulas = range.getFormulas();
  return { sheet, state: { values, notes, formulas }, map: locateColumns(table, values[0] ?? []) };
}

/** One write of the whole tab. Rows appended by a pull extend the range downwards. */
export function writeTab(sheet: Sheet, state: TabState): void {
  const rows = state.values.length;
  const columns = state.values.reduce((max, row) => Math.max(max, row.length), 0);
  if (rows === 0 || columns === 0) return;
  const square = (grid: readonly (readonly unknown[])[], fill: unknown): unknown[][] =>
    grid.map((row) => {
      const copy = row.slice(0, columns);
      while (copy.length < columns) copy.push(fill);
      return copy;
    });
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(square(restoreFormulas(state.values, state.formulas), ''));
  range.setNotes(square(state.notes, '') as string[][]);
}

function columnRange(sheet: Sheet, index: number): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(`${columnLetter(index)}2:${columnLetter(index)}`);
}

/**
 * Applies a planned layout: header, frozen row, formats, dropdowns, grey computed columns with
 * warning-only protection, hidden bookkeeping columns, conditional formatting. Calls grow with
 * the number of columns, never with rows.
 */
export function applyLayout(sheet: Sheet, layout: TabLayout): void {
  const width = layout.header.length;
  const headerRange = sheet.getRange(1, 1, 1, width);
  headerRange.setValues([layout.header]);
  headerRange.setFontWeight('bold').setFontColor(COLORS.headerText).setBackground(COLORS.header);
  headerRange.setNotes([layout.columns.reduce<string[]>((notes, column) => {
    notes[column.index] = column.headerNote;
    return notes;
  }, new Array<string>(width).fill(''))]);
  sheet.setFrozenRows(layout.frozenRows);

  for (const column of layout.columns) {
    const range = columnRange(sheet, column.index);
    if (column.numberFormat) range.setNumberFormat(column.numberFormat);
    const validation = column.validation;
    if (validation) {
      const builder = SpreadsheetApp.newDataValidation();
      if (validation.kind === 'list') builder.requireValueInList(validation.values, true).setAllowInvalid(validation.allowInvalid);
      else if (validation.kind === 'range') builder.requireValueInRange(sheet.getParent().getRange(validation.a1), true).setAllowInvalid(validation.allowInvalid);
      else builder.requireCheckbox();
      range.setDataValidation(builder.build());
    }
    if (column.role !== 'editable') {
      sheet.getRange(1, column.index + 1).setBackground(COLORS.computedHeader);
      range.setBackground(COLORS.computed).setFontColor('#4a5565');
    }
    if (column.isHidden) sheet.hideColumns(column.index + 1);
  }

  // Replace our protections rather than stacking a new one per Set up.
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (protection.getDescription().startsWith('Booking Center')) protection.remove();
  }
  for (const index of layout.protectedColumns) {
    columnRange(sheet, index).protect().setDescription('Booking Center: computed by the server').setWarningOnly(true);
  }

  const dataRange = sheet.getRange(`A2:${columnLetter(width - 1)}`);
  const rules = layout.conditionalFormats.map((format) => {
    const builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(format.formula).setBackground(format.background).setRanges([dataRange]);
    return (format.fontColor ? builder.setFontColor(format.fontColor) : builder).build();
  });
  sheet.setConditionalFormatRules(rules);
}

/** "'Brands'!A2:A" for the column that holds a table's key, when that tab exists. */
export function referenceRange(spreadsheet: Spreadsheet, tables: readonly TablePayload[], tableName: string, columnName: string): string | undefined {
  const table = tables.find((candidate) => candidate.name === tableName);
  if (!table) return undefined;
  const sheet = findTab(spreadsheet, table);
  if (!sheet) return undefined;
  const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] ?? [];
  const index = locateColumns(table, header).byName.get(columnName);
  if (index === undefined) return undefined;
  const letter = columnLetter(index);
  return `'${sheet.getName().replace(/'/g, "''")}'!${letter}2:${letter}`;
}

/** Reading and typing cells of a fake tab by column name, as a planner finds them by header. */
import type { FakeSheet } from '../fakes/spreadsheet-fake.js';

export function column(sheet: FakeSheet, name: string): number {
  const index = (sheet.values[0] ?? []).indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${sheet.name}`);
  return index;
}

export function cell(sheet: FakeSheet, row: number, name: string): unknown {
  return sheet.values[row - 1]?.[column(sheet, name)];
}

export function setCell(sheet: FakeSheet, row: number, name: string, value: string | number): void {
  (sheet.values[row - 1] ??= [])[column(sheet, name)] = value;
}

export function findRow(sheet: FakeSheet, name: string, value: string): number {
  const index = sheet.values.findIndex((row) => row[column(sheet, name)] === value);
  if (index < 0) throw new Error(`no row with ${name}=${value} in ${sheet.name}`);
  return index + 1;
}

/**
 * What the planner reads in their language: tab titles, column labels and enum values. The
 * sheet shows enum labels ("đang chạy"); what travels to the server is the code (`running`), so
 * the row's hash, the push and every export stay the same whatever language the sheet speaks.
 */
import type { ColumnPayload, TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';
import { LabelIndex } from '../../../sync-server/src/contract/i18n/comparable-text.js';
import { type Language, LANGUAGES } from '../../../sync-server/src/contract/i18n/languages.js';

export function tableTitle(table: Pick<TablePayload, 'title' | 'titles'>, language: Language): string {
  return table.titles?.[language] || table.title;
}

/** Every name the table's tab may have: its title in any language, or its machine name. */
export function tabNameCandidates(table: Pick<TablePayload, 'name' | 'title' | 'titles'>): string[] {
  return [table.title, ...LANGUAGES.map((language) => table.titles?.[language]), table.name].filter((name): name is string => Boolean(name));
}

export function columnLabel(column: Pick<ColumnPayload, 'name' | 'label' | 'labels'>, language: Language): string {
  return column.labels?.[language] || column.label || column.name;
}

/** The label of an enum code in the sheet's language; the code when the column has no labels. */
export function enumCodeToLabel(column: Pick<ColumnPayload, 'enumValues' | 'enumLabels'>, code: string, language: Language): string {
  const index = column.enumValues?.indexOf(code) ?? -1;
  return (index >= 0 ? column.enumLabels?.[language]?.[index] : undefined) || code;
}

const indexes = new WeakMap<object, LabelIndex>();

/** The code a cell's text stands for: a code, or a label in any language; null when none. */
export function enumTextToCode(column: Pick<ColumnPayload, 'enumValues' | 'enumLabels'>, text: string): string | null {
  let index = indexes.get(column);
  if (!index) {
    index = new LabelIndex();
    const values = column.enumValues ?? [];
    for (const value of values) index.add(value, value);
    for (const language of LANGUAGES) column.enumLabels?.[language]?.forEach((label, position) => values[position] !== undefined && index!.add(label, values[position]!));
    indexes.set(column, index);
  }
  return index.find(text);
}

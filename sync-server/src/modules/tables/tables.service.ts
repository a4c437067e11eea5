import { enumValues, tableDefinitions, type TableDefinition } from '../../contract/index.js';
import { enumLabels } from '../../contract/i18n/enum-labels.js';
import { LANGUAGES } from '../../contract/i18n/languages.js';
import type { TablePayload, TablesResponse } from '../../contract/sync-payloads.js';

/**
 * The tab definitions the add-on builds its sheets from, read from the one table-definition
 * module: template columns first, then the read-only computed columns at the right.
 */
export function listTablePayloads(): TablesResponse {
  return { tables: tableDefinitions.map(toTablePayload) };
}

function toTablePayload(definition: TableDefinition): TablePayload {
  const referenceByColumn = new Map<string, { table: string; column: string }>();
  for (const reference of definition.references) {
    for (const match of reference.match) referenceByColumn.set(match.column, { table: reference.table, column: match.targetColumn });
  }
  return {
    name: definition.name,
    title: definition.label.en,
    titles: { ...definition.label },
    naturalKey: [...(definition.naturalKeys[0]?.columns ?? [])],
    dependsOn: [...new Set(definition.references.map((reference) => reference.table).filter((table) => table !== 'users' && table !== definition.name))],
    columns: [
      ...definition.columns
        .filter((column) => !column.isExtra)
        .map((column) => ({
          name: column.name,
          type: column.type,
          required: column.isRequired,
          ...(column.enumName ? { enumValues: [...enumValues[column.enumName]], enumLabels: labelsOfEnum(column.enumName) } : {}),
          ...(referenceByColumn.has(column.name) ? { references: referenceByColumn.get(column.name) } : {}),
          computed: false,
          label: column.label.en,
          labels: { ...column.label },
        })),
      ...definition.computedColumns.map((column) => ({
        name: column.name,
        type: column.type,
        required: false,
        computed: true,
        label: column.label.en,
        labels: { ...column.label },
      })),
    ],
  };
}

function labelsOfEnum(enumName: keyof typeof enumValues) {
  return Object.fromEntries(LANGUAGES.map((language) => [language, enumLabels(enumName, language)])) as Record<(typeof LANGUAGES)[number], string[]>;
}

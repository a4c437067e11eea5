import { enumValues, tableDefinitions, type TableDefinition } from '../../contract/index.js';
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
    titleVi: definition.label.vi,
    naturalKey: [...(definition.naturalKeys[0]?.columns ?? [])],
    dependsOn: [...new Set(definition.references.map((reference) => reference.table).filter((table) => table !== 'users' && table !== definition.name))],
    columns: [
      ...definition.columns
        .filter((column) => !column.isExtra)
        .map((column) => ({
          name: column.name,
          type: column.type,
          required: column.isRequired,
          ...(column.enumName ? { enumValues: [...enumValues[column.enumName]] } : {}),
          ...(referenceByColumn.has(column.name) ? { references: referenceByColumn.get(column.name) } : {}),
          computed: false,
          label: column.label.en,
          labelVi: column.label.vi,
        })),
      ...definition.computedColumns.map((column) => ({
        name: column.name,
        type: column.type,
        required: false,
        computed: true,
        label: column.label.en,
        labelVi: column.label.vi,
      })),
    ],
  };
}

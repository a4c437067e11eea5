import { templateColumns, type TableDefinition } from '../../contract/index.js';
import type { CellRecord, CellValue } from '../../contract/sync-payloads.js';

/**
 * Template values read back as canonical text, typed for a sheet: numbers as numbers,
 * booleans as booleans, dates as ISO text (the sheet formats them), empty as null.
 */
export function toSheetValues(definition: TableDefinition, values: Record<string, string | null>): CellRecord {
  const typed: CellRecord = {};
  for (const column of templateColumns(definition)) {
    typed[column.name] = toSheetValue(column.type, values[column.name] ?? null);
  }
  return typed;
}

function toSheetValue(type: string, text: string | null): CellValue {
  if (text === null) return null;
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return Number(text);
    case 'boolean':
      return text === 'TRUE';
    default:
      return text;
  }
}

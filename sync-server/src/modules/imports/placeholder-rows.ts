import type { CellValue, NormalisedValue, ReferenceDefinition, TableName } from '../../contract/index.js';

/** The note every placeholder carries, so that a planner can find and complete them. */
export const AUTO_CREATED_NOTE = 'AUTO-CREATED BY IMPORT';

/** The brand a placeholder campaign belongs to when the row names none. */
export const PLACEHOLDER_BRAND_CODE = 'AUTO-CREATED';

type PlaceholderBuilder = (key: Record<string, NormalisedValue>, source: Record<string, NormalisedValue>) => Record<string, CellValue> | undefined;

const text = (value: NormalisedValue | undefined): string | null => (value === null || value === undefined ? null : String(value));

/**
 * The minimal row --create-missing writes for a missing reference, in the referenced
 * table's template format (so it goes through the same import path). Tables whose rows
 * cannot be made up from a reference (bookings, videos, tracking codes, users) have none:
 * the row is refused instead.
 */
const builders: Partial<Record<TableName, PlaceholderBuilder>> = {
  brands: (key) => ({ code: text(key.code), name: text(key.code), description: AUTO_CREATED_NOTE }),
  products: (key) => ({ brand_code: text(key.brand_code), code: text(key.code), name: `${text(key.code)} (${AUTO_CREATED_NOTE})` }),
  creators: (key) => ({ creator_key: text(key.creator_key), name: text(key.creator_key), note_internal: AUTO_CREATED_NOTE }),
  campaigns: (key, source) => ({
    code: text(key.code),
    name: text(key.code),
    brand_code: text(source.brand_code) ?? PLACEHOLDER_BRAND_CODE,
    objective: 'awareness',
    status: 'draft',
    description: AUTO_CREATED_NOTE,
  }),
  creator_channels: (key, source) =>
    source.creator_key ? { creator_key: text(source.creator_key), platform: text(key.platform), handle: text(key.handle) } : undefined,
  booking_deliverables: (key) => ({ booking_code: text(key.booking_code), deliverable_type: 'other', title: text(key.title), requirements: AUTO_CREATED_NOTE }),
};

export function canCreatePlaceholder(reference: ReferenceDefinition): boolean {
  return reference.table !== 'users' && builders[reference.table] !== undefined;
}

/** The placeholder row for one missing reference of one source row, or undefined when none can be made. */
export function buildPlaceholderRow(reference: ReferenceDefinition, source: Record<string, NormalisedValue>): Record<string, CellValue> | undefined {
  if (reference.table === 'users') return undefined;
  const builder = builders[reference.table];
  if (!builder) return undefined;
  const key: Record<string, NormalisedValue> = {};
  for (const match of reference.match) key[match.targetColumn] = source[match.column] ?? null;
  return builder(key, source);
}

/**
 * The contract shared by the sync server and the Google Sheets add-on. Nothing in this
 * folder imports Node, Express or Prisma: esbuild bundles it into Apps Script as it is.
 *
 * - `tableDefinitions`: the import templates (spec 001's 15 and issue 13's exchange rates: columns, types, enums, natural
 *   keys, references, read-only computed columns), in dependency order.
 * - `enumValues`: every enum a column accepts; equal to the Prisma enums (tested).
 * - `coerceCell` and friends: how a cell is read (dates, money, booleans, enums).
 */
export * from './enums.js';
export * from './table-definition.js';
export * from './tables.js';
export * from './coerce-value.js';

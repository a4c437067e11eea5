/**
 * The one way exports write CSV: the table export, the campaign list and the campaign detail,
 * from the CLI and over HTTP alike. csv-stringify does the quoting (RFC 4180) and the BOM.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { ColumnType } from '../../contract/index.js';

/** A CSV cell as it is handed to csv-stringify: a number only where the column holds numbers. */
export type CsvCell = string | number | null;

/**
 * CSV injection (OWASP): a text cell starting with =, +, -, @, a tab or a carriage return (or
 * their full-width forms) is written with a leading apostrophe, so that Excel, LibreOffice and
 * Google Sheets show it as text instead of running it (`=HYPERLINK(...)` stays a text).
 * csv-stringify's `escape_formulas` leaves a cell alone when it is given a number, which is why
 * `csvCell` hands numbers over as numbers. Cells with spaces at either end are quoted, so that
 * what a spreadsheet shows is what was stored. The BOM makes Excel read UTF-8 (Vietnamese).
 */
const CSV_OPTIONS = { bom: true, escape_formulas: true, quoted_match: [/^\s/, /\s$/] } satisfies Options;

const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set(['integer', 'decimal', 'money']);

/**
 * A template value (text, null when empty) as a CSV cell. In a numeric column a plain number
 * stays a number: `-5` is a value a sheet must sum, not a formula. Anything else, a negative
 * number in a text column included (`-1+2`), is text and neutralised.
 */
export function csvCell(value: string | null | undefined, type: ColumnType | undefined): CsvCell {
  if (value === null || value === undefined) return null;
  if (type && NUMERIC_TYPES.has(type)) {
    const number = Number(value);
    if (value.trim() !== '' && Number.isFinite(number) && String(number) === value) return number;
  }
  return value;
}

/** Records (the first is the header) streamed to a UTF-8 CSV file with a BOM. */
export async function writeCsvFile(path: string, records: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>): Promise<void> {
  await pipeline(Readable.from(records), stringify(CSV_OPTIONS), createWriteStream(path));
}

/** Records as CSV text with a BOM, for a small file built in memory (the campaign detail). */
export function formatCsv(records: ReadonlyArray<readonly CsvCell[]>): string {
  return stringifySync(records.map((record) => [...record]), CSV_OPTIONS);
}

import type JSZip from 'jszip';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { CellValue } from '../../contract/index.js';
import { FILE_LIMITS, type FileBudget } from './file-limits.js';
import type { SheetRow, SheetWidth } from './tabular-rows.js';
import { parseZipEntry, streamZipEntry } from './xlsx-reader.js';

/**
 * OpenDocument spreadsheets (.ods, what LibreOffice saves): every tab lives in content.xml as
 * `table:table` → `table:table-row` → `table:table-cell`, streamed with a SAX parser. Runs of
 * equal rows and cells are written once with a repeat count (LibreOffice ends every row with
 * hundreds of repeated empty cells and every sheet with a million repeated empty rows), so
 * empty runs are skipped by count and only runs holding a value are expanded, within limits.
 */
export type OdsIndex = {
  kind: 'ods';
  zip: JSZip;
  sizeBytes: number;
  tabs: Array<{ name: string }>;
};

const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const DRAWING = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';

export const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function attribute(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const candidate of Object.values(tag.attributes)) {
    if (candidate.uri === uri && candidate.local === local) return candidate.value;
  }
  return undefined;
}

function repeatCount(tag: SaxesTagNS, local: string): number {
  const count = Number(attribute(tag, TABLE, local) ?? 1);
  return Number.isSafeInteger(count) && count > 0 ? count : 1;
}

function contentFile(zip: JSZip): JSZip.JSZipObject {
  const file = zip.file('content.xml');
  if (!file) throw new Error('content.xml is missing');
  return file;
}

/** The tab names, in workbook order (a pass over content.xml that keeps nothing else). */
export async function readOdsIndex(zip: JSZip, sizeBytes: number): Promise<OdsIndex> {
  const parser = new SaxesParser({ xmlns: true });
  const tabs: OdsIndex['tabs'] = [];
  let tableDepth = 0;
  parser.on('opentag', (tag) => {
    if (tag.uri !== TABLE || tag.local !== 'table') return;
    if (tableDepth === 0) tabs.push({ name: attribute(tag, TABLE, 'name') ?? `Sheet${tabs.length + 1}` });
    tableDepth += 1;
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === TABLE && tag.local === 'table') tableDepth -= 1;
  });
  for await (const _ of parseZipEntry(streamZipEntry(contentFile(zip)), parser, [] as never[]));
  return { kind: 'ods', zip, sizeBytes, tabs };
}

type OpenCell = { repeat: number; valueType?: string; value?: string; dateValue?: string; booleanValue?: string; paragraphs: string[]; paragraph?: string };

/** A cell's value: numbers (float, percentage, currency) as numbers, dates as ISO text, booleans, else its text. */
function cellValue(cell: OpenCell): CellValue {
  switch (cell.valueType) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const number = Number(cell.value);
      return cell.value !== undefined && Number.isFinite(number) ? number : cell.paragraphs.join('\n');
    }
    case 'date':
      return cell.dateValue ?? cell.paragraphs.join('\n');
    case 'boolean':
      return cell.booleanValue === 'true';
    default: {
      const text = cell.paragraphs.join('\n');
      return text === '' ? null : text;
    }
  }
}

/** One tab's rows with data, streamed from content.xml. */
export async function* streamOdsRows(
  index: OdsIndex,
  tabName: string,
  context: { budget: FileBudget; width: SheetWidth; onBytesRead?: (bytes: number) => void },
): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser({ xmlns: true });
  const ready: SheetRow[] = [];
  let tableDepth = 0;
  let isInTab = false;
  let isTabDone = false;
  let rowNumber = 0;
  let rowsWithData = 0;
  let row: { repeat: number; cells: CellValue[]; column: number; hasValue: boolean } | undefined;
  let cell: OpenCell | undefined;
  // Comments (office:annotation) and drawings inside a cell hold text:p that is not the cell's.
  let ignoredDepth = 0;

  parser.on('opentag', (tag) => {
    if (tag.uri === TABLE && tag.local === 'table') {
      tableDepth += 1;
      if (tableDepth === 1 && !isTabDone && attribute(tag, TABLE, 'name') === tabName) isInTab = true;
      return;
    }
    if (!isInTab || tableDepth !== 1) return;
    if (ignoredDepth > 0 || (tag.uri === OFFICE && tag.local === 'annotation') || tag.uri === DRAWING) {
      ignoredDepth += 1;
      return;
    }
    if (tag.uri === TABLE && tag.local === 'table-row') {
      row = { repeat: repeatCount(tag, 'number-rows-repeated'), cells: [], column: 0, hasValue: false };
    } else if (tag.uri === TABLE && (tag.local === 'table-cell' || tag.local === 'covered-table-cell') && row) {
      context.budget.countCells(1);
      cell = {
        repeat: repeatCount(tag, 'number-columns-repeated'),
        valueType: attribute(tag, OFFICE, 'value-type'),
        value: attribute(tag, OFFICE, 'value'),
        dateValue: attribute(tag, OFFICE, 'date-value'),
        booleanValue: attribute(tag, OFFICE, 'boolean-value'),
        paragraphs: [],
      };
    } else if (cell && tag.uri === TEXT) {
      if (tag.local === 'p' || tag.local === 'h') cell.paragraph = '';
      else if (cell.paragraph !== undefined && tag.local === 's') cell.paragraph += ' '.repeat(Math.min(Number(attribute(tag, TEXT, 'c') ?? 1) || 1, FILE_LIMITS.cellCharacters));
      else if (cell.paragraph !== undefined && tag.local === 'tab') cell.paragraph += '\t';
      else if (cell.paragraph !== undefined && tag.local === 'line-break') cell.paragraph += '\n';
    }
  });
  parser.on('text', (text) => {
    if (cell?.paragraph !== undefined && ignoredDepth === 0) cell.paragraph += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === TABLE && tag.local === 'table') {
      tableDepth -= 1;
      if (tableDepth === 0 && isInTab) {
        isInTab = false;
        isTabDone = true;
      }
      return;
    }
    if (!isInTab || tableDepth !== 1) return;
    if (ignoredDepth > 0) {
      ignoredDepth -= 1;
      return;
    }
    if (cell && tag.uri === TEXT && (tag.local === 'p' || tag.local === 'h') && cell.paragraph !== undefined) {
      cell.paragraphs.push(cell.paragraph);
      cell.paragraph = undefined;
    } else if (cell && row && tag.uri === TABLE && (tag.local === 'table-cell' || tag.local === 'covered-table-cell')) {
      const value = cellValue(cell);
      if (value !== null && value !== '') {
        if (rowsWithData === 0) context.budget.checkHeaderWidth(headerReach(row.column, cell.repeat));
        const end = Math.min(row.column + cell.repeat, context.width.columns);
        // The cell element is counted already; its repeats that are kept count too.
        if (end - row.column > 1) context.budget.countCells(end - row.column - 1);
        for (let column = row.column; column < end; column += 1) row.cells[column] = value;
        if (end > row.column) row.hasValue = true;
      }
      row.column += cell.repeat;
      cell = undefined;
    } else if (row && tag.uri === TABLE && tag.local === 'table-row') {
      if (row.hasValue) {
        // A run of equal rows with data is expanded row by row, within the row limit.
        context.budget.countRows(row.repeat);
        for (let copy = 0; copy < row.repeat; copy += 1) ready.push({ rowNumber: rowNumber + copy + 1, cells: row.cells });
        rowsWithData += row.repeat;
      }
      rowNumber += row.repeat;
      row = undefined;
    }
  });
  const stream = streamZipEntry(contentFile(index.zip), (percent) => context.onBytesRead?.(Math.round((percent / 100) * index.sizeBytes)));
  yield* parseZipEntry(stream, parser, ready, () => isTabDone);
}

/** How far right a run of cells in the header reaches (the last column it fills, counted from 1). */
function headerReach(column: number, repeat: number): number {
  return column + Math.min(repeat, FILE_LIMITS.columns + 1);
}

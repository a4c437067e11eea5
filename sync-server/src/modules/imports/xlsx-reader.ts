import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { CellValue } from '../../contract/index.js';
import { FILE_LIMITS, fileLimitError, moreThan, type FileBudget } from './file-limits.js';
import type { SheetRow, SheetWidth } from './tabular-rows.js';

/**
 * XLSX (Office Open XML): tabs and shared strings are read from the zip, then a tab's rows are
 * streamed from its sheet XML with a SAX parser. ExcelJS's own streaming reader loses tabs and
 * shared strings when a workbook's zip entries come in ExcelJS's (or Google Sheets') order, and
 * its full reader builds the whole workbook in memory.
 */
export type XlsxIndex = {
  kind: 'xlsx';
  zip: JSZip;
  sizeBytes: number;
  tabs: Array<{ name: string; entry: string }>;
  sharedStringsEntry: string;
};

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

export async function readXlsxIndex(zip: JSZip, sizeBytes: number): Promise<XlsxIndex> {
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  let sharedStringsEntry = 'xl/sharedStrings.xml';
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (!id || !target) continue;
    const entry = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, entry);
    if (/\bType="[^"]*\/sharedStrings"/.test(match[0])) sharedStringsEntry = entry;
  }
  const tabs: XlsxIndex['tabs'] = [];
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const relationId = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const entry = relationId ? targets.get(relationId) : undefined;
    if (name !== undefined && entry) tabs.push({ name: decodeXml(name), entry });
  }
  return { kind: 'xlsx', zip, sizeBytes, tabs, sharedStringsEntry };
}

/** A zip entry as an async-iterable stream of text (JSZip's own stream is an old-style stream). */
export function streamZipEntry(file: JSZip.JSZipObject, onPercent?: (percent: number) => void): AsyncIterable<Buffer> {
  return file.nodeStream('nodebuffer', (metadata) => onPercent?.(metadata.percent)).pipe(new PassThrough());
}

/** Feeds a zip entry to a SAX parser and yields what its handlers put in `ready`; stops early once `isDone` says so. */
export async function* parseZipEntry<T>(stream: AsyncIterable<Buffer>, parser: { write(chunk: string): unknown; close(): unknown }, ready: T[], isDone: () => boolean = () => false): AsyncGenerator<T> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(decoder.write(chunk));
    while (ready.length) yield ready.shift() as T;
    if (isDone()) return;
  }
  parser.write(decoder.end());
  parser.close();
  while (ready.length) yield ready.shift() as T;
}

/**
 * The workbook's distinct texts. Its declared count is checked before anything is read, and
 * the texts are counted as they are read (the count may be missing or lie), so a workbook of
 * millions of texts is refused in a moment and never held.
 */
export async function readSharedStrings(index: XlsxIndex, fileLabel: string): Promise<string[]> {
  const file = index.zip.file(index.sharedStringsEntry);
  if (!file) return [];
  const parser = new SaxesParser();
  const strings: string[] = [];
  let characters = 0;
  let current: string | undefined;
  let phoneticDepth = 0;
  let isReadingText = false;
  const refuseCount = (count: number | { moreThan: number }) => fileLimitError(fileLabel, 'distinctTexts', count, 'sharedStrings', 'splitWorkbook');
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'sst') {
      const declared = Number(attributes.uniqueCount ?? attributes.count ?? 0);
      if (declared > FILE_LIMITS.sharedStrings) throw refuseCount(declared);
    } else if (tag.name === 'si') current = '';
    else if (tag.name === 'rPh') phoneticDepth += 1;
    else if (tag.name === 't' && current !== undefined && phoneticDepth === 0) isReadingText = true;
  });
  parser.on('text', (text) => {
    if (!isReadingText || current === undefined) return;
    current += text;
    characters += text.length;
    if (characters > FILE_LIMITS.sharedStringCharacters) throw fileLimitError(fileLabel, 'distinctTextCharacters', moreThan(FILE_LIMITS.sharedStringCharacters), 'sharedStringCharacters');
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 't') isReadingText = false;
    else if (tag.name === 'rPh') phoneticDepth -= 1;
    else if (tag.name === 'si' && current !== undefined) {
      strings.push(current);
      current = undefined;
      if (strings.length > FILE_LIMITS.sharedStrings) throw refuseCount(moreThan(FILE_LIMITS.sharedStrings));
    }
  });
  const ready: never[] = [];
  for await (const _ of parseZipEntry(streamZipEntry(file), parser, ready));
  return strings;
}

function columnIndex(reference: string | undefined): number | undefined {
  const letters = reference ? /^\$?([A-Z]+)/i.exec(reference)?.[1]?.toUpperCase() : undefined;
  if (!letters) return undefined;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** A cell as the XML stores it: shared string, inline string, boolean, error or number. */
function cellValue(type: string | undefined, text: string, sharedStrings: readonly string[]): CellValue {
  switch (type) {
    case 's':
      return sharedStrings[Number(text)] ?? null;
    case 'str':
    case 'inlineStr':
    case 'e':
    case 'd':
      return text;
    case 'b':
      return text === '1';
    default:
      return text === '' ? null : Number(text);
  }
}

/**
 * A sheet's rows with data, streamed. The sheet's declared size (`<dimension ref="A1:J500">`) is
 * checked before its first row; rows and cells are counted as they come.
 */
export async function* streamXlsxRows(
  index: XlsxIndex,
  entry: string,
  sharedStrings: readonly string[],
  context: { fileLabel: string; budget: FileBudget; width: SheetWidth; onBytesRead?: (bytes: number) => void },
): AsyncGenerator<SheetRow> {
  const file = index.zip.file(entry);
  if (!file) return;
  const parser = new SaxesParser();
  const ready: SheetRow[] = [];
  let row: (SheetRow & { hasValue: boolean }) | undefined;
  let cell: { column: number; type?: string } | undefined;
  let isReadingText = false;
  let text = '';
  let lastRowNumber = 0;
  let rowsWithData = 0;
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'row') {
      lastRowNumber = attributes.r ? Number(attributes.r) : lastRowNumber + 1;
      row = { rowNumber: lastRowNumber, cells: [], hasValue: false };
    } else if (tag.name === 'c' && row) {
      context.budget.countCells(1);
      cell = { column: columnIndex(attributes.r) ?? row.cells.length, type: attributes.t };
      text = '';
    } else if ((tag.name === 'v' || tag.name === 't') && cell) isReadingText = true;
    else if (tag.name === 'dimension') {
      const lastRow = Number(/(\d+)$/.exec(attributes.ref ?? '')?.[1] ?? 0);
      if (lastRow > FILE_LIMITS.rows) throw fileLimitError(context.fileLabel, 'lastUsedRow', lastRow, 'rows', 'deleteEmptyRows');
    }
  });
  parser.on('text', (chunk) => {
    if (isReadingText) text += chunk;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'v' || tag.name === 't') isReadingText = false;
    else if (tag.name === 'c' && cell && row) {
      const value = cellValue(cell.type, text, sharedStrings);
      if (value !== null && value !== '') {
        if (cell.column < context.width.columns) {
          row.cells[cell.column] = value;
          row.hasValue = true;
        } else if (rowsWithData === 0) {
          // Still reading the header: a name past the limit makes the header too wide.
          context.budget.checkHeaderWidth(cell.column + 1);
        }
      }
      cell = undefined;
    } else if (tag.name === 'row' && row) {
      if (row.hasValue) {
        rowsWithData += 1;
        context.budget.countRows();
        ready.push({ rowNumber: row.rowNumber, cells: row.cells });
      }
      row = undefined;
    }
  });
  const stream = streamZipEntry(file, (percent) => context.onBytesRead?.(Math.round((percent / 100) * index.sizeBytes)));
  yield* parseZipEntry(stream, parser, ready);
}

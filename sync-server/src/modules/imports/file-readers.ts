import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { parse } from 'csv-parse';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { CellValue } from '../../contract/index.js';
import type { ImportRow } from './import.types.js';

/**
 * Streaming readers: a file is read as it goes, one parsed record at a time, so a
 * 100,000-row file is never held in memory. Both yield the header first (row 1), then rows.
 */
export type TabularRows = {
  header: string[];
  rows: AsyncIterable<ImportRow>;
};

export type ReadOptions = { onBytesRead?: (bytes: number) => void };

/** Semicolon-separated files come from Excel set to a Vietnamese locale; sniff the header line. */
async function detectDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const firstLine = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    const count = (mark: string) => firstLine.split(mark).length - 1;
    if (count(';') > count(',') && count(';') >= count('\t')) return ';';
    if (count('\t') > count(',')) return '\t';
    return ',';
  } finally {
    await handle.close();
  }
}

/** A UTF-8 CSV, with or without BOM; the header is its first record. */
export async function readCsvFile(path: string, options: ReadOptions = {}): Promise<TabularRows> {
  const delimiter = await detectDelimiter(path);
  const source = createReadStream(path);
  if (options.onBytesRead) {
    let bytes = 0;
    source.on('data', (chunk) => {
      bytes += chunk.length;
      options.onBytesRead?.(bytes);
    });
  }
  const parser = source.pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: false }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next();
  const header = first.done ? [] : first.value;
  async function* rows(): AsyncGenerator<ImportRow> {
    // Rows as a spreadsheet numbers them: the header is row 1.
    let rowNumber = 1;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      rowNumber += 1;
      const values: Record<string, CellValue> = {};
      header.forEach((name, index) => {
        values[name] = next.value[index] ?? null;
      });
      yield { rowNumber, values };
    }
  }
  return { header, rows: rows() };
}


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

type WorkbookIndex = {
  zip: JSZip;
  sizeBytes: number;
  tabs: Array<{ name: string; entry: string }>;
  sharedStrings: string[];
};

/**
 * The workbook's tabs and shared strings, read from the zip. Rows are then streamed from each
 * sheet's XML with a SAX parser: ExcelJS's own streaming reader loses tabs and shared strings
 * when a workbook's zip entries come in ExcelJS's (or Google Sheets') order.
 */
async function readWorkbookIndex(path: string): Promise<WorkbookIndex> {
  const bytes = await readFile(path);
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const tabs: WorkbookIndex['tabs'] = [];
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const relationId = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const entry = relationId ? targets.get(relationId) : undefined;
    if (name !== undefined && entry) tabs.push({ name: decodeXml(name), entry });
  }
  const sharedXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const sharedStrings = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((item) =>
    [...(item[1] ?? '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((text) => decodeXml(text[1] ?? '')).join(''),
  );
  return { zip, sizeBytes: bytes.length, tabs, sharedStrings };
}

/** The tab names of a workbook, in workbook order. */
export async function listWorkbookTabs(path: string): Promise<string[]> {
  return (await readWorkbookIndex(path)).tabs.map((tab) => tab.name);
}

function columnIndex(reference: string | undefined): number | undefined {
  const letters = reference ? /^([A-Z]+)/.exec(reference)?.[1] : undefined;
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

type SheetRow = { rowNumber: number; cells: CellValue[] };

async function* streamSheetRows(index: WorkbookIndex, entry: string, sizeBytes: number, options: ReadOptions): AsyncGenerator<SheetRow> {
  const file = index.zip.file(entry);
  if (!file) return;
  // JSZip's stream is an old-style stream; piping it through a PassThrough makes it async-iterable.
  const stream = file.nodeStream('nodebuffer', (metadata) => options.onBytesRead?.(Math.round((metadata.percent / 100) * sizeBytes))).pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  const ready: SheetRow[] = [];
  let row: SheetRow | undefined;
  let cell: { column: number; type?: string } | undefined;
  let isReadingText = false;
  let text = '';
  let lastRowNumber = 0;
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'row') {
      lastRowNumber = attributes.r ? Number(attributes.r) : lastRowNumber + 1;
      row = { rowNumber: lastRowNumber, cells: [] };
    } else if (tag.name === 'c' && row) {
      cell = { column: columnIndex(attributes.r) ?? row.cells.length, type: attributes.t };
      text = '';
    } else if ((tag.name === 'v' || tag.name === 't') && cell) isReadingText = true;
  });
  parser.on('text', (chunk) => {
    if (isReadingText) text += chunk;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'v' || tag.name === 't') isReadingText = false;
    else if (tag.name === 'c' && cell && row) {
      row.cells[cell.column] = cellValue(cell.type, text, index.sharedStrings);
      cell = undefined;
    } else if (tag.name === 'row' && row) {
      ready.push(row);
      row = undefined;
    }
  });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(decoder.write(chunk));
    while (ready.length) yield ready.shift() as SheetRow;
  }
  parser.write(decoder.end());
  parser.close();
  while (ready.length) yield ready.shift() as SheetRow;
}

/** One tab of a workbook; the header is its first row. Empty when the tab does not exist. */
export async function readXlsxTab(path: string, tabName: string, options: ReadOptions = {}): Promise<TabularRows> {
  const index = await readWorkbookIndex(path);
  const tab = index.tabs.find((candidate) => candidate.name === tabName);
  if (!tab) return { header: [], rows: (async function* () {})() };
  const sheetRows = streamSheetRows(index, tab.entry, index.sizeBytes, options);
  const first = await sheetRows.next();
  const header = first.done ? [] : Array.from(first.value.cells, (cell) => (cell === null || cell === undefined ? '' : String(cell)));
  async function* rows(): AsyncGenerator<ImportRow> {
    for await (const row of sheetRows) {
      const values: Record<string, CellValue> = {};
      header.forEach((name, column) => {
        if (name !== '') values[name] = row.cells[column] ?? null;
      });
      yield { rowNumber: row.rowNumber, values };
    }
  }
  return { header, rows: rows() };
}

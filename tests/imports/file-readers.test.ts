import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWorkbookTabs, readCsvFile, readXlsxTab, spreadsheetKindOf, type TabularRows } from '../../sync-server/src/modules/imports/file-readers.js';
import { FILE_LIMITS } from '../../sync-server/src/modules/imports/file-limits.js';
import { repairDoubleEncodedText } from '../../sync-server/src/modules/imports/cell-text.js';
import { AppError } from '../../sync-server/src/platform/errors/app-error.js';
import { tableDefinitions, templateColumns } from '../../sync-server/src/contract/index.js';
import { importTemplatesDir } from '../../sync-server/src/platform/project-paths.js';

const fixtures = join(import.meta.dirname, '../fixtures/imports');
const fixture = (name: string) => join(fixtures, name);

/** The exact names the fixtures hold, as NFC strings. */
const VIETNAMESE_NAMES = ['Nguyễn Thảo Vy', 'Đặng Minh Khôi', 'Trần Ngọc Ánh Uyên', 'Phạm Thị Hường'];

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'bc-readers-'));
});
afterAll(async () => rm(workDir, { recursive: true, force: true }));

async function allRows(tabular: TabularRows) {
  const rows = [];
  for await (const row of tabular.rows) rows.push(row);
  return rows;
}

async function readCsvText(name: string, content: string | Buffer) {
  const path = join(workDir, name);
  await writeFile(path, content);
  const tabular = await readCsvFile(path);
  return { header: tabular.header, rows: await allRows(tabular) };
}

/** The AppError a promise rejects with (the test fails when it resolves). */
async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('CSV and text files in the encodings real tools write', () => {
  it.each([
    ['creators-excel-windows-1258.csv', 'Excel on Vietnamese Windows: Windows-1258, ";", combining tone marks'],
    ['creators-excel-unicode-text.txt', 'Excel "Unicode Text": UTF-16 LE with BOM, tabs'],
    ['creators-utf-16-be.txt', 'UTF-16 BE with BOM, tabs'],
    ['creators-excel-utf-8-bom.csv', 'Excel "CSV UTF-8": UTF-8 with BOM'],
    ['creators-google-sheets.csv', 'a Google Sheets download: UTF-8 without BOM, CRLF'],
    ['creators-utf-8-nfd.csv', 'UTF-8 with decomposed (NFD) tone marks'],
  ])('%s (%s) reads the Vietnamese names exactly, in NFC', async (name) => {
    const tabular = await readCsvFile(fixture(name));
    expect(tabular.header[0]).toBe('creator_key');
    expect(tabular.header).toHaveLength(10);
    const rows = await allRows(tabular);
    expect(rows.map((row) => row.values.name)).toEqual(VIETNAMESE_NAMES);
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(rows[0]!.values.location).toBe('Hồ Chí Minh');
    // A separator inside a quoted cell stays in the cell.
    expect(rows[0]!.values.note_internal).toBe('Chốt đơn tốt; hay livestream');
    expect(rows[1]!.values.note_internal).toBe('Giá ổn, phản hồi nhanh');
  });

  it('reads a Windows-1258 file whose first 300 KB are plain ASCII (the encoding is judged where the first non-UTF-8 byte is)', async () => {
    const bytes = await readFile(fixture('creators-excel-windows-1258.csv'));
    const headerEnd = bytes.indexOf('\r\n') + 2;
    const ascii = Array.from({ length: 5000 }, (_, index) => `plain.${index};Plain Name ${index};;;;;;active;1;padding padding padding\r\n`).join('');
    const { rows } = await readCsvText('creators.csv', Buffer.concat([bytes.subarray(0, headerEnd), Buffer.from(ascii), bytes.subarray(headerEnd)]));
    expect(rows.slice(-4).map((row) => row.values.name)).toEqual(VIETNAMESE_NAMES);
    expect(rows.at(-1)!.rowNumber).toBe(5005);
  });

  it('reads Excel on Western Windows (Windows-1252) with its accents and curly quotes', async () => {
    const rows = await allRows(await readCsvFile(fixture('creators-excel-windows-1252.csv')));
    expect(rows.map((row) => row.values.name)).toEqual(['François Müller', 'Zoë Peña']);
    expect(rows[0]!.values.note_internal).toBe('Café crème, señor – “best” rate');
  });

  it('reads a CSV LibreOffice saved (UTF-8, LF, runs of spaces kept)', async () => {
    const rows = await allRows(await readCsvFile(fixture('creators-libreoffice.csv')));
    expect(rows.map((row) => row.values.name)).toEqual(VIETNAMESE_NAMES.slice(0, 3));
    expect(rows[0]!.values.note_internal).toBe('Chốt đơn tốt;   ba dấu cách');
  });

  it('refuses Shift_JIS, naming the encoding it saw and how to save as UTF-8', async () => {
    const error = await refusalOf(readCsvFile(fixture('creators-shift-jis.csv')));
    expect(error.reason).toBe('UNSUPPORTED_ENCODING');
    expect(error.userMessage).toContain('Shift_JIS');
    expect(error.userMessage).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
  });

  it('refuses text garbled by an earlier wrong encoding ("Nguyá»…n"), naming the row, the column and the repaired text', async () => {
    const error = await refusalOf(readCsvFile(fixture('creators-double-encoded.csv')).then(allRows));
    expect(error.reason).toBe('DAMAGED_TEXT');
    expect(error.problems).toEqual([expect.objectContaining({ row: 2, column: 'name', value: 'Nguyá»…n Tháº£o Vy' })]);
    expect(error.userMessage).toContain("'Nguyễn Thảo Vy'");
  });

  it('refuses a cell holding �, saying which encoding the file was read as', async () => {
    const path = join(workDir, 'creators.csv');
    await writeFile(path, Buffer.concat([Buffer.from('\uFEFFcreator_key,name\nvy,Nguy', 'utf8'), Buffer.from([0xff]), Buffer.from('n\n')]));
    const error = await refusalOf(readCsvFile(path).then(allRows));
    expect(error.reason).toBe('DAMAGED_TEXT');
    expect(error.problems[0]).toMatchObject({ row: 2, column: 'name' });
    expect(error.userMessage).toContain('read as UTF-8 with BOM');
  });

  it('keeps real Vietnamese and French text that only looks like garbled text', () => {
    expect(repairDoubleEncodedText('Café “Ân” — Hà Nội')).toBeUndefined();
    expect(repairDoubleEncodedText('Â©')).toBe('©');
    expect(repairDoubleEncodedText('Ä\u0090áº·ng')).toBe('Đặng');
  });

  it('drops the BOM and never leaves it in the first header name', async () => {
    const { header } = await readCsvText('brands.csv', '\uFEFFcode,name\nLUMI,Lumi\n');
    expect(header).toEqual(['code', 'name']);
  });

  it('sniffs ";" and tab separators and counts empty lines as rows, as the sheet numbers them', async () => {
    const semicolons = await readCsvText('a.csv', 'code;name\nLUMI;Lumi, Beauty\n');
    expect(semicolons.rows[0]!.values).toEqual({ code: 'LUMI', name: 'Lumi, Beauty' });
    const tabs = await readCsvText('b.txt', 'code\tname\r\n\r\nLUMI\tLumi\r\n');
    expect(tabs.rows).toEqual([{ rowNumber: 3, values: { code: 'LUMI', name: 'Lumi' } }]);
  });
});

describe('CSV files that are not well formed', () => {
  it('a stray quote in an unquoted cell (=HYPERLINK("…")) names row 2 and column B (name), not csv-parse\'s "field 1 at line 2"', async () => {
    const error = await refusalOf(readCsvFile(fixture('creators-stray-quote.csv')).then(allRows));
    expect(error.reason).toBe('MALFORMED_CSV');
    expect(error.httpStatus).toBe(422);
    expect(error.problems).toEqual([expect.objectContaining({ table: 'creators-stray-quote.csv', row: 2, column: 'name' })]);
    expect(error.userMessage).toMatch(/^creators-stray-quote\.csv, row 2, column B \(name\): this cell has a quote/);
    expect(error.userMessage).not.toMatch(/Invalid Opening Quote|field 1|line 2/);
  });

  it.each([
    ['a quote never closed', 'code,name\nLUMI,Lumi\nBEP,"Bếp Việt\nMORE,x\n', 3, 'name', 'a quote opened in this cell is never closed'],
    ['text after a closing quote', 'code,name\nLUMI,"Lumi"Beauty\n', 2, 'name', 'goes on after its closing quote'],
    ['a value past the last header column', 'code,name\nLUMI,Lumi,Beauty\n', 2, 'C', 'has a value past the last column of the header'],
  ])('%s is refused in plain words with the row and column', async (_case, text, row, column, message) => {
    const path = join(workDir, 'brands.csv');
    await writeFile(path, text);
    const error = await refusalOf(readCsvFile(path).then(allRows));
    expect(error.reason).toBe('MALFORMED_CSV');
    expect(error.problems[0]).toMatchObject({ row, column });
    expect(error.userMessage).toContain(message);
    expect(error.userMessage).not.toMatch(/Quote Not Closed|Invalid Closing Quote|Invalid Record Length/);
  });

  it('a row longer than the record limit (an unclosed quote swallowing the file) is refused', async () => {
    const path = join(workDir, 'brands.csv');
    await writeFile(path, `code,name\nLUMI,"${'x'.repeat(FILE_LIMITS.csvRecordCharacters + 10)}\n`);
    const error = await refusalOf(readCsvFile(path).then(allRows));
    expect(error.userMessage).toContain('longer than 1,000,000 characters');
  });
});

describe('OpenDocument workbooks (.ods) saved by LibreOffice', () => {
  const ods = fixture('workbook-libreoffice.ods');

  it('lists the tabs in order', async () => {
    expect(await listWorkbookTabs(ods)).toEqual(['Hướng dẫn', 'brands', 'creators']);
  });

  it('reads text (runs of spaces, two paragraphs), numbers and dates, skips comments and the million empty rows LibreOffice writes', async () => {
    const brands = await readXlsxTab(ods, 'brands');
    expect(brands.header).toEqual(['code', 'name', 'description']);
    expect(await allRows(brands)).toEqual([
      { rowNumber: 2, values: { code: 'LUMI', name: 'Lumi Beauty', description: 'Mỹ phẩm  thuần chay\ncho da nhạy cảm' } },
      { rowNumber: 3, values: { code: 'BEPVIET', name: 'Bếp Việt', description: 'Đồ gia dụng nhà bếp' } },
    ]);
    const creators = await allRows(await readXlsxTab(ods, 'creators'));
    expect(creators.map((row) => row.values.name)).toEqual(VIETNAMESE_NAMES.slice(0, 3));
    expect(creators[0]!.values).toMatchObject({ dob: '1999-03-08', priority_score: 8, note_internal: 'Chốt đơn tốt;   ba dấu cách' });
    expect(creators[1]!.values.note_internal).toBeNull();
  });

  it('expands a repeated run of cells that holds a value, and rows repeated with data', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="brands"><table:table-row><table:table-cell office:value-type="string"><text:p>code</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>SAME</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', content);
    const path = join(workDir, 'repeats.ods');
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await allRows(await readXlsxTab(path, 'brands'))).toEqual([
      { rowNumber: 2, values: { code: 'SAME', name: 'SAME' } },
      { rowNumber: 3, values: { code: 'SAME', name: 'SAME' } },
    ]);
  });

  it('refuses a file named .ods that is not a workbook, in plain words', async () => {
    const path = join(workDir, 'broken.ods');
    await writeFile(path, 'not a zip');
    const error = await refusalOf(listWorkbookTabs(path));
    expect(error.reason).toBe('UNREADABLE_FILE');
    expect(error.userMessage).toContain('broken.ods');
  });
});

describe('the CSV templates', () => {
  it('start with a UTF-8 BOM, so Excel opens them without garbling, and read back with the first header name intact (npm run templates:build)', async () => {
    for (const definition of tableDefinitions) {
      const path = join(importTemplatesDir, `${definition.name}.csv`);
      expect([...(await readFile(path)).subarray(0, 3)], definition.name).toEqual([0xef, 0xbb, 0xbf]);
      const tabular = await readCsvFile(path);
      expect(tabular.header, definition.name).toEqual(templateColumns(definition).map((column) => column.name));
      await allRows(tabular);
    }
  });
});

describe('which files are read', () => {
  it('reads .csv, .txt and .tsv as CSV, .xlsx and .ods as workbooks, and nothing else', () => {
    expect(['a.csv', 'a.TXT', 'a.tsv', 'a.xlsx', 'a.ODS', 'a.xls', 'a.pdf'].map((name) => spreadsheetKindOf(name))).toEqual(['csv', 'csv', 'csv', 'xlsx', 'xlsx', undefined, undefined]);
  });
});

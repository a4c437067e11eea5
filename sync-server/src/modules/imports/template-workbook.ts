import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { enumValues, tableDefinitions, templateColumns } from '../../contract/index.js';

/** A workbook as plain content (tab name, rows of text cells), to write it and to compare it. */
export type WorkbookContent = Array<{ tab: string; rows: string[][] }>;

export const GUIDE_TAB = 'Hướng dẫn (guide)';

/**
 * booking_center_template.xlsx, from the table definitions and the sample CSV files: a guide
 * tab (every column with its Vietnamese and English label, type and accepted values), then
 * one tab per table with 001's header and the sample rows.
 */
export async function buildTemplateWorkbookContent(templatesDir: string): Promise<WorkbookContent> {
  const guide: string[][] = [['table', 'column', 'nhãn (vi)', 'label (en)', 'type', 'required', 'accepted values']];
  const tabs: WorkbookContent = [];
  for (const definition of tableDefinitions) {
    const columns = templateColumns(definition);
    for (const column of columns) {
      const accepted = column.enumName ? enumValues[column.enumName].join(', ') : '';
      guide.push([definition.name, column.name, column.label.vi, column.label.en, column.type, column.isRequired ? 'yes' : '', accepted]);
    }
    const records = parse(await readFile(join(templatesDir, `${definition.name}.csv`), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    const header = columns.map((column) => column.name);
    tabs.push({ tab: definition.name, rows: [header, ...records.slice(1)] });
  }
  return [{ tab: GUIDE_TAB, rows: guide }, ...tabs];
}

/** The byte-order mark that makes Excel open a CSV as UTF-8 (without it, Excel reads Vietnamese as Windows-1258 or 1252). */
export const UTF8_BOM = '\uFEFF';

/**
 * Gives every template CSV a UTF-8 BOM (once: a BOM already there is kept, not doubled). Our
 * readers drop it, so it never reaches the first header name. Returns the files it changed.
 */
export async function addBomToTemplateCsvFiles(templatesDir: string): Promise<string[]> {
  const changed: string[] = [];
  for (const definition of tableDefinitions) {
    const path = join(templatesDir, `${definition.name}.csv`);
    const text = await readFile(path, 'utf8');
    if (text.startsWith(UTF8_BOM)) continue;
    await writeFile(path, UTF8_BOM + text, 'utf8');
    changed.push(path);
  }
  return changed;
}

export async function writeWorkbook(content: WorkbookContent, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const { tab, rows } of content) {
    const sheet = workbook.addWorksheet(tab, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  await workbook.xlsx.writeFile(path);
}

/** What a workbook holds, as text, whatever the bytes of the file. */
export async function readWorkbookContent(path: string): Promise<WorkbookContent> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.map((value) => (value === null || value === undefined ? '' : String(value))));
    });
    return { tab: sheet.name, rows };
  });
}

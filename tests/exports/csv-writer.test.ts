import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from '../../sync-server/src/modules/exports/csv-writer.js';

const readBack = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

describe('CSV export cells', () => {
  it('a text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it', () => {
    const hostile = ['=HYPERLINK("http://evil.example","Bấm vào đây")', '+84912345678', '-1+2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1'];
    const [row] = readBack(formatCsv([hostile.map((text) => csvCell(text, 'text'))]));
    expect(row).toEqual(["'=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")", "'+84912345678", "'-1+2", "'@SUM(A1:A9)", "'\t=1+1", "'\r=1+1", "'＝1+1"]);
  });

  it('a negative number in a numeric column stays a number a sheet can sum; the same text in a text column is neutralised', () => {
    const text = formatCsv([
      ['kpi_order', 'revenue', 'rate', 'note'],
      [csvCell('-5', 'integer'), csvCell('-1500000', 'money'), csvCell('-0.065', 'decimal'), csvCell('-5', 'text')],
    ]);
    expect(text).toBe('\uFEFFkpi_order,revenue,rate,note\n-5,-1500000,-0.065,\'-5\n');
  });

  it('a numeric column holding something that is not a plain number is written as neutralised text, not trusted', () => {
    expect(readBack(formatCsv([[csvCell('-1+2', 'integer'), csvCell('=1', 'money')]]))[0]).toEqual(["'-1+2", "'=1"]);
  });

  it('keeps ordinary cells as they were: quotes, commas, line breaks, spaces at the ends, empty cells, Vietnamese', () => {
    const text = formatCsv([[csvCell('Sữa rửa mặt, 100ml', 'text'), csvCell('say "hi"', 'text'), csvCell('two\nlines', 'text'), csvCell(' padded ', 'text'), csvCell(null, 'text'), csvCell('2026-01-31', 'date')]]);
    expect(text).toBe('\uFEFF"Sữa rửa mặt, 100ml","say ""hi""","two\nlines"," padded ",,2026-01-31\n');
  });
});

import iconv from 'iconv-lite';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { FILE_LIMITS, formatCount } from './file-limits.js';

/** 0 → "A", 25 → "Z", 26 → "AA": columns as a spreadsheet letters them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** "row 2, column B (name)": where a cell is, as the sheet shows it (the row number as the sheet writes it, ungrouped). */
export function describeCellPlace(row: number, column: number, header?: string): string {
  const place = { row: String(row), letter: columnLetter(column) };
  return header?.trim() ? t('importFile.cellPlaceNamed', { ...place, header: header.trim() }) : t('importFile.cellPlace', place);
}

/** A refusal about one cell, naming the file, the row, the column and the value. */
export function cellError(reason: string, fileLabel: string, row: number, column: number, header: string | undefined, value: unknown, message: string): AppError {
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason,
    userMessage: t('importFile.cellProblem', { file: fileLabel, place: describeCellPlace(row, column, header), message }),
    problems: [{ table: fileLabel, row, column: header?.trim() || columnLetter(column), value, message }],
  });
}

// Characters that Windows-1252 turns the bytes of a UTF-8 character into: a lead byte read as
// Â…ô, then a continuation byte read as one of these.
const mojibakeCandidate = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;
// iconv-lite, not TextDecoder: Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1.
const windows1252Bytes = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte += 1) {
  const character = iconv.decode(Buffer.of(byte), 'windows1252');
  if (character !== '\ufffd') windows1252Bytes.set(character, byte);
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * "Nguyá»…n" → "Nguyễn": the text a UTF-8 file shows after it was once read as Windows-1252
 * and saved again, or undefined when the text is not that. Only a text whose every non-ASCII
 * character is a Windows-1252 character and whose bytes then form UTF-8 is taken for one, so
 * real Vietnamese (ễ is not in Windows-1252) and real French ("é" alone is no UTF-8) never are.
 */
export function repairDoubleEncodedText(text: string): string | undefined {
  if (!mojibakeCandidate.test(text)) return undefined;
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const byte = windows1252Bytes.get(character) ?? (code <= 0xff ? code : undefined);
      if (byte === undefined) return undefined;
      bytes.push(byte);
    }
  }
  try {
    const repaired = strictUtf8.decode(Uint8Array.from(bytes));
    return repaired !== text ? repaired.normalize('NFC') : undefined;
  } catch {
    return undefined;
  }
}

const asciiOnly = /^[\x00-\x7f]*$/;

export type CellTextContext = {
  fileLabel: string;
  /** How the file's bytes were read ("Windows-1258"), for CSV and text files. */
  encodingLabel?: string;
};

/**
 * A text cell as it is stored: in NFC (Windows-1258 and macOS write tone marks as separate
 * combining characters; "ễ" must be one character to match and sort), and refused when it
 * can't be stored faithfully: too long, holding "�", or garbled by an earlier wrong encoding.
 */
export function readCellText(text: string, context: CellTextContext, row: number, column: number, header: string | undefined): string {
  if (text.length > FILE_LIMITS.cellCharacters) {
    throw cellError('CELL_TOO_LONG', context.fileLabel, row, column, header, `${text.slice(0, 40)}…`, t('importFile.cellTooLong', { length: formatCount(text.length), limit: formatCount(FILE_LIMITS.cellCharacters) }));
  }
  if (asciiOnly.test(text)) return text;
  const normalised = text.normalize('NFC');
  if (normalised.includes('\ufffd')) {
    const message = context.encodingLabel
      ? t('importFile.replacementCharInFile', { text: normalised, encoding: context.encodingLabel, steps: t('importFile.resaveAsUtf8') })
      : t('importFile.replacementCharInWorkbook', { text: normalised });
    throw cellError('DAMAGED_TEXT', context.fileLabel, row, column, header, normalised, message);
  }
  const repaired = repairDoubleEncodedText(normalised);
  if (repaired !== undefined) {
    throw cellError('DAMAGED_TEXT', context.fileLabel, row, column, header, normalised, t('importFile.garbledText', { text: normalised, repaired, steps: t('importFile.resaveAsUtf8') }));
  }
  return normalised;
}

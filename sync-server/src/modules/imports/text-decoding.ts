import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * The encodings a CSV or text file reaches us in: what Excel, Google Sheets and LibreOffice
 * write. Excel on Vietnamese Windows saves "CSV (Comma delimited)" in Windows-1258 and
 * "Unicode Text" (.txt) in UTF-16 LE with a BOM; Western Windows saves Windows-1252.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export type DetectedEncoding = {
  name: TextEncodingName;
  /** How messages name it: "UTF-8 with BOM", "Windows-1258 (Vietnamese)". */
  label: string;
};

const iconvNames: Record<TextEncodingName, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1258': 'windows1258',
  'windows-1252': 'windows1252',
};

const HEAD_BYTES = 256 * 1024;

function encodingRefusal(fileLabel: string, seen: string, why: string): AppError {
  return new AppError({
    code: 'VALIDATION_FAILED',
    reason: 'UNSUPPORTED_ENCODING',
    userMessage: t('importFile.encodingRefused', { file: fileLabel, why, seen, steps: t('importFile.saveAsUtf8Steps') }),
    problems: [{ table: fileLabel, value: seen, message: t('importFile.encodingRefusedShort', { seen }) }],
  });
}

/** The first bytes of a file, to sniff its encoding and separator. */
export async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

type FileScan = {
  /** About where the first byte that is not UTF-8 is; undefined when every byte is UTF-8 (or it was not asked). */
  invalidUtf8At?: number;
  /** Line breaks in the file: at least the rows it holds, less one. */
  lineBreaks: number;
};

/** One pass over the file: are its bytes UTF-8, and how many lines does it have. */
async function scanFile(path: string, options: { isCheckingUtf8: boolean; isUtf16?: 'le' | 'be' }): Promise<FileScan> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let isValidating = options.isCheckingUtf8;
  let invalidUtf8At: number | undefined;
  let lineBreaks = 0;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (isValidating) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        invalidUtf8At = offset + firstInvalidUtf8Index(chunk);
        isValidating = false;
      }
    }
    lineBreaks += countLineBreaks(chunk, offset, options.isUtf16);
    offset += chunk.length;
  }
  if (isValidating) {
    try {
      decoder.decode();
    } catch {
      invalidUtf8At = offset;
    }
  }
  return { invalidUtf8At, lineBreaks };
}

function countLineBreaks(chunk: Buffer, offset: number, utf16?: 'le' | 'be'): number {
  let count = 0;
  for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, index + 1)) {
    if (!utf16) count += 1;
    else {
      // In UTF-16 a line feed is 0A 00 (LE) or 00 0A (BE), on a character boundary.
      const isEven = (offset + index) % 2 === 0;
      if (utf16 === 'le' ? isEven && chunk[index + 1] !== undefined && chunk[index + 1] === 0 : !isEven && chunk[index - 1] === 0) count += 1;
    }
  }
  return count;
}

/** The index of the first byte of a chunk that starts no valid UTF-8 sequence (continuation bytes at its start belong to the chunk before). */
function firstInvalidUtf8Index(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length && (bytes[index]! & 0xc0) === 0x80) index += 1;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      if (index + next >= bytes.length) return index;
      if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return index;
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. */
function sniffUtf16WithoutBom(head: Buffer): TextEncodingName | undefined {
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  if (sample.length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/;
const combiningMarks = /\p{M}/u;
const vietnameseOnlyLetters = /[ăĂđĐơƠưƯ]/;

/**
 * Which single-byte encoding a file that is not UTF-8 is in: Windows-1258 when its tone marks
 * (written as combining characters) all land on a letter, Windows-1252 when it reads as
 * Western text; undefined when neither is believable.
 */
export function chooseSingleByteEncoding(sample: Buffer): { name?: 'windows-1258' | 'windows-1252'; seen: string } {
  const ranked = chardet.analyse(sample);
  const rank = (names: string[]) => {
    const index = ranked.findIndex((match) => names.includes(match.name));
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  const vietnameseRank = rank(['windows-1258']);
  const westernRank = rank(['windows-1252', 'ISO-8859-1', 'ISO-8859-15']);
  const best = ranked[0]?.name;
  const seen = best ? describeChardetName(best) : t('importFile.unknownEncoding');

  const asVietnamese = iconv.decode(sample, iconvNames['windows-1258']);
  const composed = asVietnamese.normalize('NFC');
  const isVietnamesePlausible = !composed.includes('\ufffd') && !combiningMarks.test(composed);
  if (isVietnamesePlausible && toneMarks.test(asVietnamese)) return { name: 'windows-1258', seen: 'Windows-1258 (Vietnamese)' };

  const asWestern = iconv.decode(sample, iconvNames['windows-1252']);
  const isWesternPlausible = !asWestern.includes('\ufffd') && readsAsWesternText(asWestern);
  if (isWesternPlausible && (!vietnameseOnlyLetters.test(composed) || westernRank < vietnameseRank)) return { name: 'windows-1252', seen: 'Windows-1252 (Western European)' };
  if (isVietnamesePlausible && vietnameseOnlyLetters.test(composed) && vietnameseRank < westernRank) return { name: 'windows-1258', seen: 'Windows-1258 (Vietnamese)' };
  return { seen };
}

/**
 * Western words carry an accent or two among plain letters ("François", "Müller"); text of
 * another code page read as Windows-1252 gives words made only of accented letters
 * ("Èâàí" for Cyrillic) or symbols inside words ("NguyÔn" from an old Vietnamese font code).
 */
function readsAsWesternText(text: string): boolean {
  let words = 0;
  let heavyWords = 0;
  for (const word of text.match(/[^\s,;\t"'()[\]{}.:!?/\\|=+*&%$#@<>0-9_-]+/g) ?? []) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    words += 1;
    if (/[\p{L}][\u00a1-\u00bf\u2013-\u203a][\p{L}]/u.test(word)) return false;
    const nonAscii = [...word].filter((character) => character > '\x7f').length;
    if (nonAscii / [...word].length > 0.5 && [...word].length > 2) heavyWords += 1;
  }
  return words === 0 || heavyWords / words < 0.3;
}

function describeChardetName(name: string): string {
  const known: Record<string, string> = {
    'windows-1258': 'Windows-1258 (Vietnamese)',
    'windows-1252': 'Windows-1252 (Western European)',
    'ISO-8859-1': 'ISO-8859-1 (Western European)',
    'windows-1251': 'Windows-1251 (Cyrillic)',
    'windows-1250': 'Windows-1250 (Central European)',
    Shift_JIS: 'Shift_JIS (Japanese)',
    GB18030: 'GB18030 (Chinese)',
    Big5: 'Big5 (Chinese)',
  };
  return known[name] ?? name;
}

/**
 * The encoding of a CSV or text file: its BOM when it has one; UTF-8 when every byte is UTF-8;
 * else Windows-1258 or Windows-1252 when the text reads as such. Anything else is refused
 * with the encoding seen and how to save the file as UTF-8: a guess would store garbled names.
 */
export async function detectFileEncoding(path: string, fileLabel: string): Promise<DetectedEncoding & { lineBreaks: number }> {
  const head = await readHead(path);
  const known = encodingFromBom(head, fileLabel) ?? encodingFromZeros(head);
  if (known) {
    const isUtf16 = known.name === 'utf-16le' ? 'le' : known.name === 'utf-16be' ? 'be' : undefined;
    return { ...known, ...(await scanFile(path, { isCheckingUtf8: false, isUtf16 })) };
  }
  const { invalidUtf8At, lineBreaks } = await scanFile(path, { isCheckingUtf8: true });
  if (invalidUtf8At === undefined) return { name: 'utf-8', label: 'UTF-8', lineBreaks };
  // Judge by the start of the file and by the text around the first byte that is not UTF-8.
  const sample = invalidUtf8At < head.length ? head : Buffer.concat([head.subarray(0, 64 * 1024), await readLinesAround(path, invalidUtf8At)]);
  const choice = chooseSingleByteEncoding(sample);
  if (choice.name) return { name: choice.name, label: choice.seen, lineBreaks };
  throw encodingRefusal(fileLabel, choice.seen, t('importFile.encodingNotSure'));
}

function encodingFromBom(head: Buffer, fileLabel: string): DetectedEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', label: 'UTF-8 with BOM' };
  if (head[0] === 0xff && head[1] === 0xfe) {
    if (head[2] === 0 && head[3] === 0) throw encodingRefusal(fileLabel, 'UTF-32', t('importFile.encodingUtf32'));
    return { name: 'utf-16le', label: 'UTF-16 LE (Unicode Text)' };
  }
  if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', label: 'UTF-16 BE' };
  return undefined;
}

function encodingFromZeros(head: Buffer): DetectedEncoding | undefined {
  const utf16 = sniffUtf16WithoutBom(head);
  return utf16 ? { name: utf16, label: utf16 === 'utf-16le' ? 'UTF-16 LE without BOM' : 'UTF-16 BE without BOM' } : undefined;
}

/** Whole lines around a byte: a window cut mid-line could start with a tone mark that has lost its letter. */
async function readLinesAround(path: string, offset: number): Promise<Buffer> {
  const window = await readRange(path, Math.max(0, offset - 16 * 1024), 128 * 1024);
  const lineStart = window.indexOf(0x0a);
  return lineStart === -1 ? window : window.subarray(lineStart + 1);
}

async function readRange(path: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A stream that turns the file's bytes into text (the BOM dropped). */
export function createDecodeStream(encoding: TextEncodingName): NodeJS.ReadWriteStream {
  return iconv.decodeStream(iconvNames[encoding], { stripBOM: true });
}

/** The first bytes of a file as text, to sniff its separator. */
export function decodeHead(head: Buffer, encoding: TextEncodingName): string {
  return iconv.decode(head, iconvNames[encoding], { stripBOM: true });
}

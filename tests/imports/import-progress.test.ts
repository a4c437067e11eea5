import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createImportProgress, estimateProgress, formatDuration, formatProgressLine } from '../../sync-server/src/modules/imports/import-progress.js';
import type { ImportSourceFile } from '../../sync-server/src/modules/imports/import-files.service.js';

const source: ImportSourceFile = { table: 'creators', path: '/data/creators.csv', kind: 'csv', label: 'creators.csv', sizeBytes: 10_000_000 };

/** A stream that keeps what was written, as a terminal or a log file would show it. */
function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 160 });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('import progress a person reads', () => {
  it('estimates the rows of a CSV from the share of its bytes read, with rows/s and the time left', () => {
    const estimate = estimateProgress({ bytesRead: 2_500_000, totalBytes: 10_000_000, rowsRead: 25_000, elapsedMs: 2_000 });
    expect(estimate).toMatchObject({ fraction: 0.25, rowsPerSecond: 12_500, estimatedRows: 100_000, secondsLeft: 6 });
    expect(formatProgressLine('creators.csv', estimate)).toBe('creators.csv: 25,000 of about 100,000 rows (25 % of the file), 12,500 rows/s, ETA 6 s');
  });

  it('makes no estimate from a first chunk, nor once the whole file is read', () => {
    expect(estimateProgress({ bytesRead: 65_536, totalBytes: 10_000_000, rowsRead: 600, elapsedMs: 100 })).toEqual({ rowsRead: 600, fraction: 0.0065536 });
    expect(estimateProgress({ bytesRead: 2_000, totalBytes: 2_000, rowsRead: 40, elapsedMs: 800 }).estimatedRows).toBeUndefined();
  });

  it('writes durations as people say them', () => {
    expect([formatDuration(4.6), formatDuration(125), formatDuration(3_900)]).toEqual(['5 s', '2 min 5 s', '1 h 5 min']);
  });

  it('without a terminal (CI, a pipe), prints a plain line every 5 seconds, not one per row', () => {
    let clock = 0;
    const output = capture(false);
    const progress = createImportProgress({ output: output.stream, isTerminal: false, now: () => clock });
    progress.onSourceStart(source);
    for (let second = 1; second <= 12; second += 1) {
      clock = second * 1000;
      progress.onBytesRead(source, second * 500_000);
      progress.onRowsRead(source, second * 5_000);
    }
    progress.onSourceRead(source);
    expect(output.text().split('\n').filter(Boolean)).toEqual([
      'creators.csv: reading…',
      'creators.csv: 25,000 of about 100,000 rows (25 % of the file), 5,000 rows/s, ETA 15 s',
      'creators.csv: 50,000 of about 100,000 rows (50 % of the file), 5,000 rows/s, ETA 10 s',
      'creators.csv: 60,000 rows read and checked in 12.0 s (5,000 rows/s)',
    ]);
  });

  it('on a terminal, the bar shows rows, rows/s and the time left, not only bytes', () => {
    let clock = 0;
    const output = capture(true);
    const progress = createImportProgress({ output: output.stream, isTerminal: true, now: () => clock });
    progress.onSourceStart(source);
    clock = 3_000;
    progress.onBytesRead(source, 3_000_000);
    progress.onRowsRead(source, 30_000);
    progress.stop();
    // eslint-disable-next-line no-control-regex
    const screen = output.text().replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(screen).toContain('creators.csv');
    expect(screen).toContain('30,000 of about 100,000 rows');
    expect(screen).toContain('10,000 rows/s');
    expect(screen).toContain('ETA 7 s');
  });
});

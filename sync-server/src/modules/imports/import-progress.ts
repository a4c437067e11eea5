/**
 * The progress of `npm run import` as a person reads it: rows read, rows per second and the
 * time left, per file. A CSV's row count is unknown until its end, so it is estimated from the
 * bytes read against the file's size (for a workbook tab, the share of the tab read). On a
 * terminal a bar; otherwise (CI, a pipe, a log file) a plain line every few seconds.
 */
import cliProgress from 'cli-progress';
import { formatNumber, getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import { formatCount } from './file-limits.js';
import type { ImportFileHooks, ImportSourceFile } from './import-files.service.js';

export type ProgressReading = {
  bytesRead: number;
  /** The file's size; 0 when unknown. */
  totalBytes: number;
  rowsRead: number;
  elapsedMs: number;
};

export type ProgressEstimate = {
  rowsRead: number;
  /** Share of the file read, 0–1; undefined when the size is unknown. */
  fraction?: number;
  rowsPerSecond?: number;
  /** The file's rows, extrapolated from the share read; undefined until it means something. */
  estimatedRows?: number;
  secondsLeft?: number;
};

// Below these the extrapolation is noise: the first chunk of a file says little about the rest.
const MIN_FRACTION_FOR_ESTIMATE = 0.02;
const MIN_MS_FOR_SPEED = 500;

export function estimateProgress(reading: ProgressReading): ProgressEstimate {
  const { bytesRead, totalBytes, rowsRead, elapsedMs } = reading;
  const fraction = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : undefined;
  const estimate: ProgressEstimate = { rowsRead, fraction };
  if (elapsedMs >= MIN_MS_FOR_SPEED) estimate.rowsPerSecond = (rowsRead * 1000) / elapsedMs;
  // Once every byte is read (a small file is read in one go) the rows still to come are unknown.
  if (fraction !== undefined && fraction >= MIN_FRACTION_FOR_ESTIMATE && fraction < 1 && rowsRead > 0) {
    estimate.estimatedRows = Math.max(rowsRead, Math.round(rowsRead / fraction));
    if (elapsedMs >= MIN_MS_FOR_SPEED) estimate.secondsLeft = ((elapsedMs / 1000) * (1 - fraction)) / fraction;
  }
  return estimate;
}

/** 5 → "5 s", 125 → "2 min 5 s", 3900 → "1 h 5 min" (in the current language's units). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return t('progress.seconds', { seconds: String(whole) });
  if (whole < 3600) return t('progress.minutes', { minutes: String(Math.floor(whole / 60)), seconds: String(whole % 60) });
  return t('progress.hours', { hours: String(Math.floor(whole / 3600)), minutes: String(Math.floor((whole % 3600) / 60)) });
}

/** "42,000 of about 100,000 rows" or "42,000 rows". */
export function describeRows(estimate: ProgressEstimate): string {
  if (estimate.estimatedRows === undefined) return t('progress.rows', { count: estimate.rowsRead });
  return t('progress.rowsOfAbout', { rows: formatCount(estimate.rowsRead), total: formatCount(estimate.estimatedRows) });
}

export function describeSpeed(estimate: ProgressEstimate): string {
  return estimate.rowsPerSecond !== undefined ? t('progress.speed', { speed: formatCount(Math.round(estimate.rowsPerSecond)) }) : t('progress.speedUnknown');
}

export function describeTimeLeft(estimate: ProgressEstimate): string {
  return estimate.secondsLeft !== undefined ? t('progress.eta', { duration: formatDuration(estimate.secondsLeft) }) : t('progress.etaUnknown');
}

/** A line for a log: "creators.csv: 42,000 of about 100,000 rows (42 %), 11,900 rows/s, ETA 5 s". */
export function formatProgressLine(label: string, estimate: ProgressEstimate): string {
  const share = estimate.fraction !== undefined && estimate.fraction < 1 ? t('progress.shareOfFile', { percent: String(Math.floor(estimate.fraction * 100)) }) : '';
  return t('progress.line', { label, rows: describeRows(estimate), share, speed: describeSpeed(estimate), left: describeTimeLeft(estimate) });
}

/** The line once a file's rows are all read and checked: "creators.csv: 100,000 rows read and checked in 8.1 s (12,300 rows/s)". */
export function formatSourceReadLine(label: string, rowsRead: number, elapsedMs: number): string {
  const speed = elapsedMs >= MIN_MS_FOR_SPEED ? t('progress.readSpeed', { speed: formatCount(Math.round((rowsRead * 1000) / elapsedMs)) }) : '';
  const seconds = formatNumber(getCurrentLanguage(), elapsedMs / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('progress.readLine', { label, count: rowsRead, seconds, speed });
}

export type ProgressOutput = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export type ImportProgressOptions = {
  /** Where the bar or the lines go (process.stdout). */
  output: ProgressOutput;
  /** A bar that redraws itself (a terminal), or plain lines (anything else). */
  isTerminal: boolean;
  /** How often a plain line is written, at most (default every 5 s). */
  lineIntervalMs?: number;
  now?: () => number;
};

export type ImportProgress = Required<Pick<ImportFileHooks, 'onSourceStart' | 'onBytesRead' | 'onRowsRead' | 'onSourceRead'>> & {
  /** Takes the bar off the screen (on an error, before the message). */
  stop(): void;
};

const DEFAULT_LINE_INTERVAL_MS = 5_000;

/** Import hooks that show the progress of each file. */
export function createImportProgress(options: ImportProgressOptions): ImportProgress {
  const { output, isTerminal, lineIntervalMs = DEFAULT_LINE_INTERVAL_MS, now = Date.now } = options;
  const print = (line: string) => output.write(`${line}\n`);
  const bar = isTerminal
    ? new cliProgress.SingleBar(
        { format: '{file} [{bar}] {percentage}% | {rows} | {speed} | {left}', stream: output, hideCursor: true, clearOnComplete: true, barsize: 24 },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let current: { source: ImportSourceFile; startedAt: number; bytesRead: number; rowsRead: number; lastLineAt: number } | undefined;

  const estimate = () => (current ? estimateProgress({ bytesRead: current.bytesRead, totalBytes: current.source.sizeBytes, rowsRead: current.rowsRead, elapsedMs: now() - current.startedAt }) : undefined);
  const show = () => {
    const reading = estimate();
    if (!current || !reading) return;
    if (bar) {
      bar.update(Math.min(current.bytesRead, current.source.sizeBytes), { rows: describeRows(reading), speed: describeSpeed(reading), left: describeTimeLeft(reading) });
    } else if (now() - current.lastLineAt >= lineIntervalMs) {
      current.lastLineAt = now();
      print(formatProgressLine(current.source.label, reading));
    }
  };

  return {
    onSourceStart(source) {
      current = { source, startedAt: now(), bytesRead: 0, rowsRead: 0, lastLineAt: now() };
      if (bar) bar.start(Math.max(source.sizeBytes, 1), 0, { file: source.label, rows: t('progress.rows', { count: 0 }), speed: t('progress.speedUnknown'), left: t('progress.etaUnknown') });
      else print(t('progress.reading', { label: source.label }));
    },
    // Bytes are only noted: the rows checked after them redraw (a chunk of bytes is read long before its rows are checked).
    onBytesRead(source, bytes) {
      if (current?.source === source) current.bytesRead = bytes;
    },
    onRowsRead(source, rows) {
      if (current?.source !== source) return;
      current.rowsRead = rows;
      show();
    },
    onSourceRead(source) {
      if (current?.source !== source) return;
      bar?.stop();
      print(formatSourceReadLine(source.label, current.rowsRead, now() - current.startedAt));
      current = undefined;
    },
    stop() {
      bar?.stop();
      current = undefined;
    },
  };
}

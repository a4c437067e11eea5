/**
 * In-memory PropertiesService, LockService, CacheService, HtmlService, Session, ScriptApp,
 * Utilities, and a UrlFetchApp that makes real HTTP calls, synchronously like Apps Script:
 * a worker thread (fetch-worker.mjs) makes the request while the test thread waits on an
 * Atomics flag. The server it talks to must therefore live in another process or thread (a
 * child process here), never in the blocked test thread.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));

export class FakeProperties {
  readonly store = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.store.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
}

export class FakeLock {
  isHeldElsewhere = false;
  isHeld = false;
  acquisitions = 0;
  tryLock(): boolean {
    if (this.isHeldElsewhere) return false;
    this.isHeld = true;
    this.acquisitions += 1;
    return true;
  }
  waitLock(): void {
    if (!this.tryLock()) throw new Error('Lock timeout');
  }
  hasLock(): boolean {
    return this.isHeld;
  }
  releaseLock(): void {
    this.isHeld = false;
  }
}

export class FakeCache {
  readonly store = new Map<string, string>();
  get(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  put(key: string, value: string): void {
    if (value.length > 100_000) throw new Error('Argument too large');
    this.store.set(key, value);
  }
  remove(key: string): void {
    this.store.delete(key);
  }
}

export class FakeHtmlOutput {
  title = '';
  width = 0;
  height = 0;
  constructor(private content: string) {}
  append(html: string): this {
    this.content += html;
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
}

export type FetchRecord = { url: string; method: string; headers: Record<string, string>; body?: string; status: number };

export type FetchOptions = {
  method?: string;
  headers?: Record<string, string>;
  /** Text, or a byte array (signed, as Apps Script's) for a multipart upload. */
  payload?: string | number[];
  contentType?: string;
  muteHttpExceptions?: boolean;
};

type FetchAnswer = { status: number; headers: Record<string, string>; base64: string } | { error: string };

let fetchWorker: { flag: Int32Array; port: MessagePort } | undefined;

/** One worker per test file, unref'd so it never keeps the test process alive. */
function syncFetcher(): { flag: Int32Array; port: MessagePort } {
  if (fetchWorker) return fetchWorker;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(here, 'fetch-worker.mjs'), { workerData: { flag: flag.buffer, port: port2 }, transferList: [port2] });
  worker.unref();
  fetchWorker = { flag, port: port1 };
  return fetchWorker;
}

function fetchSynchronously(request: { url: string; method: string; headers: Record<string, string>; body: string | undefined; bodyBase64: string | undefined }): FetchAnswer {
  const { flag, port } = syncFetcher();
  Atomics.store(flag, 0, 0);
  port.postMessage(request);
  if (Atomics.wait(flag, 0, 0, 60_000) === 'timed-out') return { error: 'timeout' };
  const message = receiveMessageOnPort(port);
  return message ? (message.message as FetchAnswer) : { error: 'no answer' };
}

function describedBody(payload: FetchOptions['payload']): { body?: string } {
  if (payload === undefined) return {};
  return { body: typeof payload === 'string' ? payload : `<${payload.length} bytes>` };
}

export function createUrlFetchApp(records: FetchRecord[]) {
  return {
    fetch(url: string, options: FetchOptions = {}) {
      const method = (options.method ?? 'get').toUpperCase();
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.payload !== undefined) headers['Content-Type'] = options.contentType ?? 'application/x-www-form-urlencoded';
      const isBytes = Array.isArray(options.payload);
      const answer = fetchSynchronously({
        url,
        method,
        headers,
        body: typeof options.payload === 'string' ? options.payload : undefined,
        bodyBase64: isBytes ? Buffer.from(Uint8Array.from((options.payload as number[]).map((byte) => byte & 0xff))).toString('base64') : undefined,
      });
      if ('error' in answer) {
        records.push({ url, method, headers, ...describedBody(options.payload), status: 0 });
        throw new Error(`Address unavailable: ${url} (${answer.error})`);
      }
      records.push({ url, method, headers, ...describedBody(options.payload), status: answer.status });
      const bytes = Buffer.from(answer.base64, 'base64');
      if (!options.muteHttpExceptions && answer.status >= 400) {
        throw new Error(`Request failed for ${url} returned code ${answer.status}. Truncated server response: ${bytes.toString('utf8').slice(0, 200)}`);
      }
      return {
        getResponseCode: () => answer.status,
        getContentText: () => bytes.toString('utf8'),
        getContent: () => Array.from(bytes.values()).map((byte) => (byte > 127 ? byte - 256 : byte)),
        getAllHeaders: () => answer.headers,
        getHeaders: () => answer.headers,
      };
    },
  };
}

export type ServicesOptions = { distDir: string; email?: string; idToken?: string };

export function createServices(options: ServicesOptions) {
  const documentProperties = new FakeProperties();
  const userProperties = new FakeProperties();
  const scriptProperties = new FakeProperties();
  const documentLock = new FakeLock();
  const documentCache = new FakeCache();
  const fetches: FetchRecord[] = [];
  const sleeps: number[] = [];
  return {
    documentProperties,
    userProperties,
    documentLock,
    documentCache,
    fetches,
    sleeps,
    globals: {
      PropertiesService: {
        getDocumentProperties: () => documentProperties,
        getUserProperties: () => userProperties,
        getScriptProperties: () => scriptProperties,
      },
      LockService: { getDocumentLock: () => documentLock, getScriptLock: () => documentLock, getUserLock: () => documentLock },
      CacheService: { getDocumentCache: () => documentCache, getScriptCache: () => documentCache, getUserCache: () => documentCache },
      HtmlService: {
        createHtmlOutputFromFile: (name: string) => new FakeHtmlOutput(readFileSync(path.join(options.distDir, `${name}.html`), 'utf8')),
        createHtmlOutput: (html = '') => new FakeHtmlOutput(html),
      },
      Session: {
        getActiveUser: () => ({ getEmail: () => options.email ?? 'planner@example.com' }),
        getEffectiveUser: () => ({ getEmail: () => options.email ?? 'planner@example.com' }),
        getScriptTimeZone: () => 'Asia/Ho_Chi_Minh',
      },
      ScriptApp: { getIdentityToken: () => options.idToken ?? 'test-id-token', getOAuthToken: () => 'test-oauth-token' },
      Utilities: {
        getUuid: () => randomUUID(),
        sleep: (milliseconds: number) => {
          sleeps.push(milliseconds);
        },
        base64Encode: (data: string | number[]) => Buffer.from(typeof data === 'string' ? data : Uint8Array.from(data.map((byte) => byte & 0xff))).toString('base64'),
        base64Decode: (text: string) => Array.from(Buffer.from(text, 'base64').values()).map((byte) => (byte > 127 ? byte - 256 : byte)),
        formatDate: (date: Date) => date.toISOString(),
      },
      UrlFetchApp: createUrlFetchApp(fetches),
      Logger: { log: () => undefined },
    },
  };
}

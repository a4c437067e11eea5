/**
 * The sync client's retries and error mapping, with a scripted transport: the real server
 * cannot be made to answer 503 or drop a connection on cue.
 */
import { describe, expect, it } from 'vitest';
import { type HttpRequest, type HttpResponse, SyncError, createSyncApi } from '../../../addon/src/sync-client/sync-api.js';
import { useCurrentLanguage } from '../../../sync-server/src/contract/i18n/translate.js';

const pushed = { dryRun: false, applied: true, tables: [{ table: 'brands', results: [{ rowNumber: 2, status: 'created' }] }], summary: { created: 1 } };

function scripted(answers: Array<HttpResponse | 'network'>) {
  const requests: HttpRequest[] = [];
  const sleeps: number[] = [];
  const api = createSyncApi({
    baseUrl: 'https://booking.example.com/',
    getToken: () => 'id-token',
    transport: (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (answer === undefined || answer === 'network') throw new Error('ECONNRESET');
      return answer;
    },
    sleep: (milliseconds) => sleeps.push(milliseconds),
  });
  return { api, requests, sleeps };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({ status, body: JSON.stringify(body), headers });
const request = { idempotencyKey: 'push-0001-1of1', tables: [{ table: 'brands', rows: [{ rowNumber: 2, rowVersion: null, values: { code: 'X', name: 'X' } }] }] };

describe('the sync client', () => {
  it('retries a busy server and a dropped connection under the same idempotency key, then succeeds', () => {
    const { api, requests, sleeps } = scripted([json(503, { detail: 'busy', code: 'UNAVAILABLE' }), 'network', json(200, pushed)]);
    expect(api.push(request).summary).toEqual({ created: 1 });
    expect(sleeps).toEqual([1000, 2000]);
    expect(new Set(requests.map((sent) => JSON.parse(String(sent.payload ?? '{}')).idempotencyKey))).toEqual(new Set(['push-0001-1of1']));
    expect(requests[0]?.headers['Authorization']).toBe('Bearer id-token');
    expect(requests[0]?.url).toBe('https://booking.example.com/api/v1/sync/push');
  });

  it('waits as long as Retry-After asks on a 429, within the bound', () => {
    const { api, sleeps } = scripted([json(429, { detail: 'slow down', code: 'RATE_LIMITED' }, { 'Retry-After': '5' }), json(200, pushed)]);
    api.push(request);
    expect(sleeps).toEqual([5000]);
  });

  it('stops at once on a permanent failure and shows the server’s message', () => {
    const { api, requests } = scripted([json(403, { detail: "Your role (finance) can't change the campaigns tab.", code: 'FORBIDDEN' })]);
    expect(() => api.push(request)).toThrow(new SyncError({ kind: 'permanent', status: 403, code: 'FORBIDDEN', message: "Your role (finance) can't change the campaigns tab." }));
    expect(requests).toHaveLength(1);
  });

  it('gives up after three attempts and says the server could not be reached', () => {
    const { api, requests } = scripted(['network', 'network', 'network']);
    expect(() => api.getTables()).toThrow(/could not be reached/);
    expect(requests).toHaveLength(3);
  });

  it('says so in the planner’s language, and sends that language to the server', () => {
    useCurrentLanguage(() => 'vi');
    try {
      const { api } = scripted(['network', 'network', 'network']);
      expect(() => api.getTables()).toThrow('Không kết nối được máy chủ đồng bộ.');
    } finally {
      useCurrentLanguage(() => 'en');
    }
    const requests: HttpRequest[] = [];
    const api = createSyncApi({ baseUrl: 'https://booking.example.com', getToken: () => 'id-token', getLanguage: () => 'am', sleep: () => {}, transport: (request) => {
      requests.push(request);
      return { status: 200, body: JSON.stringify({ tables: [] }), headers: {} };
    } });
    api.getTables();
    expect(requests[0]?.headers['Accept-Language']).toBe('am');
  });

  it('names the field when an answer does not have the contract’s shape', () => {
    const { api } = scripted([json(200, { tables: [{ name: 'brands' }] })]);
    expect(() => api.getTables()).toThrow(/GET \/api\/v1\/tables has an unexpected shape \(tables\.0\.title/);
  });
});

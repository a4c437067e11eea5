/**
 * The sync server's HTTP API as typed calls. The transport is injected (UrlFetchApp in Apps
 * Script, a fake in tests), so retries, error mapping and response parsing are tested in Node.
 */
import { z } from 'zod';
import { t } from '../../../sync-server/src/contract/i18n/translate.js';
import {
  type CampaignDetail,
  type CampaignTransitions,
  type CreatorSearchQuery,
  type CreatorSearchResponse,
  type DuplicateResponse,
  type ProductSearchQuery,
  type ProductSearchResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type TablePayload,
  type TransitionRequest,
  type TransitionResponse,
  type ImportReport,
  apiErrorSchema,
  importReportSchema,
  campaignDetailSchema,
  campaignTransitionsSchema,
  creatorSearchResponseSchema,
  duplicateResponseSchema,
  productSearchResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  tablesResponseSchema,
  transitionResponseSchema,
} from '../../../sync-server/src/contract/sync-payloads.js';
import {
  type AdminUser,
  type ApiTokenSummary,
  type CreatedToken,
  type NewTokenRequest,
  type NewUserRequest,
  type RevokedToken,
  type UserChangeRequest,
  adminUserSchema,
  createdTokenSchema,
  revokedTokenSchema,
  tokenListResponseSchema,
  userListResponseSchema,
} from '../../../sync-server/src/contract/admin-payloads.js';
import {
  type RetryPolicy,
  type SyncFailure,
  DEFAULT_RETRY_POLICY,
  classifyHttpStatus,
  describeHttpFailure,
  nextRetryDelay,
} from '../sheets/sync-failures.js';
import { type MeChangeRequest, type MeResponse, meResponseSchema } from '../../../sync-server/src/contract/me-payloads.js';
import {
  type BookingDetail,
  type BookingTransitionRequest,
  type BookingTransitionResponse,
  type DeliverableTransitionRequest,
  type DeliverableTransitionResponse,
  type PaymentTransitionRequest,
  type PaymentTransitionResponse,
  bookingDetailSchema,
  bookingTransitionResponseSchema,
  deliverableTransitionResponseSchema,
  paymentTransitionResponseSchema,
} from '../../../sync-server/src/contract/bookings/booking-payloads.js';
import { buildMultipart, encodeUtf8, fileNameFromDisposition } from './multipart.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The server adds `hasMore` to the contract's pull answer when a table had more than one page.
const pullPageSchema = pullResponseSchema.extend({ hasMore: z.boolean().optional() });
export type PullPage = PullResponse & { hasMore: boolean };

type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

export type HttpRequest = {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** JSON text for a post, or the bytes of a multipart upload. */
  payload?: string | number[];
  /** Defaults to application/json. */
  contentType?: string;
};

export type HttpResponse = {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** The body as bytes (a downloaded XLSX is not text). */
  readBytes?: () => number[];
};

export type DownloadedFile = { fileName: string; contentType: string; bytes: number[]; rows: number | null };

export type ImportUpload = { fileName: string; bytes: number[]; dryRun: boolean; createMissing: boolean; table?: string };

/** Performs one request; throws only when no answer came back at all (DNS, refused, timeout). */
export type HttpTransport = (request: HttpRequest) => HttpResponse;

export class SyncError extends Error {
  readonly failure: SyncFailure;
  constructor(failure: SyncFailure) {
    super(failure.message);
    this.name = 'SyncError';
    this.failure = failure;
  }
}

export type SyncApiOptions = {
  baseUrl: string;
  /** A Google-signed ID token (ScriptApp.getIdentityToken()). */
  getToken: () => string;
  /** The planner's language: the server phrases its refusals and problems in it (Accept-Language). */
  getLanguage?: () => string;
  transport: HttpTransport;
  sleep: (milliseconds: number) => void;
  retryPolicy?: RetryPolicy;
};

type Query = Record<string, string | number | undefined>;

function buildQuery(query: Query): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function failureFromResponse(response: HttpResponse): SyncFailure {
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(response.body);
  } catch {
    parsedBody = undefined;
  }
  const error = apiErrorSchema.safeParse(parsedBody);
  const kind = classifyHttpStatus(response.status);
  if (error.success) {
    return {
      kind,
      status: response.status,
      code: error.data.code,
      message: error.data.detail,
      ...(error.data.errors ? { fieldErrors: error.data.errors } : {}),
    };
  }
  return { kind, status: response.status, code: `HTTP_${response.status}`, message: describeHttpFailure(response.status) };
}

export type SyncApi = ReturnType<typeof createSyncApi>;

export function createSyncApi(options: SyncApiOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;

  type Body = { json: unknown } | { raw: number[]; contentType: string };

  function call<Schema extends z.ZodType>(method: HttpMethod, path: string, schema: Schema, body?: Body): z.infer<Schema> {
    const response = send(method, path, body);
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new SyncError({ kind: 'permanent', status: response.status, code: 'BAD_RESPONSE', message: t('client.notJson') });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncError({
        kind: 'permanent',
        status: response.status,
        code: 'BAD_RESPONSE',
        message: t('client.unexpectedShape', { request: `${method.toUpperCase()} ${path.split('?')[0]}`, detail: `${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}` }),
      });
    }
    return parsed.data;
  }

  /** One request with bounded retries on temporary failures; answers the 2xx response. */
  function send(method: HttpMethod, path: string, body?: Body): HttpResponse {
    for (let attempt = 1; ; attempt += 1) {
      const request: HttpRequest = {
        method,
        url: baseUrl + path,
        headers: {
          Authorization: `Bearer ${options.getToken()}`,
          Accept: 'application/json',
          ...(options.getLanguage ? { 'Accept-Language': options.getLanguage() } : {}),
        },
        ...(body === undefined ? {} : 'json' in body ? { payload: JSON.stringify(body.json) } : { payload: body.raw, contentType: body.contentType }),
      };
      let response: HttpResponse;
      let failure: SyncFailure;
      let retryAfter: number | undefined;
      try {
        response = options.transport(request);
      } catch (error) {
        failure = { kind: 'temporary', status: 0, code: 'NETWORK', message: describeHttpFailure(0) };
        const delay = nextRetryDelay(failure, attempt, policy);
        if (delay === undefined) throw new SyncError({ ...failure, message: `${failure.message} (${error instanceof Error ? error.message : String(error)})` });
        options.sleep(delay);
        continue;
      }
      if (response.status >= 200 && response.status < 300) return response;
      failure = failureFromResponse(response);
      const retryAfterHeader = headerValue(response.headers, 'retry-after');
      if (retryAfterHeader !== undefined && /^\d+$/.test(retryAfterHeader)) retryAfter = Number(retryAfterHeader);
      const delay = nextRetryDelay(failure, attempt, policy, retryAfter);
      if (delay === undefined) throw new SyncError(failure);
      options.sleep(delay);
    }
  }

  return {
    getTables(): TablePayload[] {
      return call('get', '/api/v1/tables', tablesResponseSchema).tables;
    },
    /** Safe to retry: the idempotency key makes the server apply a push once. */
    push(request: PushRequest): PushResponse {
      return call('post', '/api/v1/sync/push', pushResponseSchema, { json: request });
    },
    /** One page of changes; `hasMore` says a table had more than a page and the cursor stopped early. */
    pull(tables: readonly string[], since?: string): PullPage {
      const page = call('get', `/api/v1/sync/pull${buildQuery({ tables: tables.join(','), since })}`, pullPageSchema);
      return { cursor: page.cursor, tables: page.tables, hasMore: page.hasMore ?? false };
    },
    getCampaign(code: string): CampaignDetail {
      return call('get', `/api/v1/campaigns/${encodeURIComponent(code)}`, campaignDetailSchema);
    },
    getTransitions(code: string): CampaignTransitions {
      return call('get', `/api/v1/campaigns/${encodeURIComponent(code)}/transitions`, campaignTransitionsSchema);
    },
    transition(code: string, body: TransitionRequest): TransitionResponse {
      return call('post', `/api/v1/campaigns/${encodeURIComponent(code)}/transition`, transitionResponseSchema, { json: body });
    },
    getBooking(code: string): BookingDetail {
      return call('get', `/api/v1/bookings/${encodeURIComponent(code)}`, bookingDetailSchema);
    },
    transitionBooking(code: string, body: BookingTransitionRequest): BookingTransitionResponse {
      return call('post', `/api/v1/bookings/${encodeURIComponent(code)}/transition`, bookingTransitionResponseSchema, { json: body });
    },
    transitionDeliverable(bookingCode: string, title: string, body: DeliverableTransitionRequest): DeliverableTransitionResponse {
      return call('post', `/api/v1/bookings/${encodeURIComponent(bookingCode)}/deliverables/${encodeURIComponent(title)}/transition`, deliverableTransitionResponseSchema, { json: body });
    },
    transitionPayment(key: string, body: PaymentTransitionRequest): PaymentTransitionResponse {
      return call('post', `/api/v1/payments/${encodeURIComponent(key)}/transition`, paymentTransitionResponseSchema, { json: body });
    },
    duplicate(code: string): DuplicateResponse {
      return call('post', `/api/v1/campaigns/${encodeURIComponent(code)}/duplicate`, duplicateResponseSchema, { json: {} });
    },
    searchCreators(query: CreatorSearchQuery): CreatorSearchResponse {
      return call('get', `/api/v1/creators${buildQuery(query)}`, creatorSearchResponseSchema);
    },
    searchProducts(query: ProductSearchQuery): ProductSearchResponse {
      return call('get', `/api/v1/products${buildQuery(query)}`, productSearchResponseSchema);
    },
    // The signed-in planner's own settings (their language).
    getMe(): MeResponse {
      return call('get', '/api/v1/me', meResponseSchema);
    },
    updateMe(change: MeChangeRequest): MeResponse {
      return call('patch', '/api/v1/me', meResponseSchema, { json: change });
    },
    // The admin panel (admins only; anyone else is answered 403).
    listUsers(): AdminUser[] {
      return call('get', '/api/v1/admin/users', userListResponseSchema).users;
    },
    addUser(request: NewUserRequest): AdminUser {
      return call('post', '/api/v1/admin/users', adminUserSchema, { json: request });
    },
    changeUser(email: string, change: UserChangeRequest): AdminUser {
      return call('patch', `/api/v1/admin/users/${encodeURIComponent(email)}`, adminUserSchema, { json: change });
    },
    listTokens(): ApiTokenSummary[] {
      return call('get', '/api/v1/admin/tokens', tokenListResponseSchema).tokens;
    },
    createToken(request: NewTokenRequest): CreatedToken {
      return call('post', '/api/v1/admin/tokens', createdTokenSchema, { json: request });
    },
    revokeToken(prefix: string): RevokedToken {
      return call('delete', `/api/v1/admin/tokens/${encodeURIComponent(prefix)}`, revokedTokenSchema);
    },
    /** POST /api/v1/imports (multipart): the import report of the CLI. */
    importFile(upload: ImportUpload): ImportReport {
      const fields: Record<string, string> = { dryRun: String(upload.dryRun), createMissing: String(upload.createMissing) };
      if (upload.table) fields['table'] = upload.table;
      const isXlsx = /\.xlsx$/i.test(upload.fileName);
      const boundary = `----BookingCenter${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
      const body = buildMultipart(fields, { fieldName: 'file', fileName: upload.fileName, contentType: isXlsx ? XLSX_TYPE : 'text/csv', bytes: upload.bytes }, boundary);
      // Retrying is safe: an import upserts by natural key, so a second run leaves rows unchanged.
      return call('post', '/api/v1/imports', importReportSchema, { raw: body.bytes, contentType: body.contentType });
    },
    /** A file endpoint (exports): the bytes, the name from Content-Disposition, the row count. */
    download(path: string, fallbackName: string): DownloadedFile {
      const response = send('get', path);
      const rows = headerValue(response.headers, 'x-export-rows');
      return {
        fileName: fileNameFromDisposition(headerValue(response.headers, 'content-disposition'), fallbackName),
        contentType: headerValue(response.headers, 'content-type') ?? 'application/octet-stream',
        bytes: response.readBytes ? response.readBytes() : encodeUtf8(response.body),
        rows: rows !== undefined && /^\d+$/.test(rows) ? Number(rows) : null,
      };
    },
  };
}

/**
 * The Apps Script side of the sync client: UrlFetchApp as the transport, the server URL from
 * document properties, the caller's Google ID token, and a document lock around a push.
 */
import { SyncError, type HttpTransport, type SyncApi, createSyncApi } from './sync-api.js';
import { t } from '../../../sync-server/src/contract/i18n/translate.js';
import { currentLanguage } from '../ui/language.js';
import { PROPERTY_KEYS, checkServerUrl } from './server-settings.js';

export const urlFetchTransport: HttpTransport = (request) => {
  const response = UrlFetchApp.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    contentType: request.contentType ?? 'application/json',
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    muteHttpExceptions: true,
    followRedirects: false,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getAllHeaders() as Record<string, unknown>)) headers[name] = String(value);
  return { status: response.getResponseCode(), body: response.getContentText(), headers, readBytes: () => response.getContent() };
};

export function readServerUrl(): string | undefined {
  const stored = PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.serverUrl);
  return stored === null || stored === '' ? undefined : stored;
}

export function openSyncApi(): SyncApi {
  const url = readServerUrl();
  const check = checkServerUrl(url ?? '');
  if (!check.isValid) {
    throw new SyncError({
      kind: 'permanent',
      status: 0,
      code: 'NOT_CONFIGURED',
      message: t('client.notConfigured'),
    });
  }
  return createSyncApi({
    baseUrl: check.url,
    getToken: () => ScriptApp.getIdentityToken(),
    getLanguage: currentLanguage,
    transport: urlFetchTransport,
    sleep: (milliseconds) => Utilities.sleep(milliseconds),
  });
}

/**
 * Two pushes of one spreadsheet must not interleave (both would send the same changed rows and
 * write results over each other), so a push holds the document lock.
 */
export function withDocumentLock<T>(action: () => T, busyMessage: string): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(10_000)) throw new Error(busyMessage);
  try {
    return action();
  } finally {
    lock.releaseLock();
  }
}

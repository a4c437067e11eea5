/**
 * Where the sync server is. Kept in document properties (per spreadsheet, invisible to cells):
 * no secret ever sits in the sheet, and the caller proves who they are with a Google ID token.
 */

export const PROPERTY_KEYS = {
  serverUrl: 'BOOKING_CENTER_SERVER_URL',
  pullCursor: 'BOOKING_CENTER_PULL_CURSOR',
  /** User property: the language the planner chose in the sidebar (vi, en, am); absent: follow the sheet. */
  language: 'BOOKING_CENTER_LANGUAGE',
  /** Document property: the tenant's language, as the server last said, for sheets in a locale we don't speak. */
  tenantLanguage: 'BOOKING_CENTER_TENANT_LANGUAGE',
  /** Document property: the tenant's base currency (VND, USD, ETB), in which every total is. */
  baseCurrency: 'BOOKING_CENTER_BASE_CURRENCY',
} as const;

export type UrlCheck = { isValid: true; url: string } | { isValid: false; reason: 'empty' | 'not-https' | 'malformed' };

/** https only; plain http is accepted for localhost, where the tests and a developer's server run. */
export function checkServerUrl(input: string): UrlCheck {
  const url = input.trim().replace(/\/+$/, '');
  if (url === '') return { isValid: false, reason: 'empty' };
  const match = /^(https?):\/\/([^/:?#]+)(:\d+)?(\/[^?#]*)?$/i.exec(url);
  if (!match) return { isValid: false, reason: 'malformed' };
  const scheme = (match[1] ?? '').toLowerCase();
  const host = (match[2] ?? '').toLowerCase();
  const isLocal = host === 'localhost' || host === '127.0.0.1';
  if (scheme !== 'https' && !isLocal) return { isValid: false, reason: 'not-https' };
  return { isValid: true, url };
}

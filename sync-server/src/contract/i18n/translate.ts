/**
 * The one message catalogue of the server and the add-on, and the functions that speak it.
 *
 * Messages are ICU MessageFormat (intl-messageformat, FormatJS): `{count, plural, one {…} other
 * {…}}` uses the language's own plural rules (Intl.PluralRules), `{amount, number}` and
 * `{day, date, medium}` its own formats. Codes such as MISSING_CREATOR stay English and stable
 * for programs; only the words change.
 *
 * `t()` speaks the current language, which its host decides: on the server, the request's
 * (platform/i18n/request-language.ts); in the add-on, the planner's. This is what lets the pure
 * contract rules (campaign-lifecycle, coerce-value) phrase their reasons without being handed a
 * language through every call.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { type Language, LANGUAGES, LOCALE_TAG } from './languages.js';
import { addonMessages } from './messages/addon.messages.js';
import { campaignMessages } from './messages/campaigns.messages.js';
import { writeMessages } from './messages/write.messages.js';
import { importMessages } from './messages/imports.messages.js';
import { accountMessages } from './messages/accounts.messages.js';
import { platformMessages } from './messages/platform.messages.js';
import { enumMessages } from './messages/enums.messages.js';
import { tableMessages } from './messages/tables.messages.js';
import { currencyMessages } from './messages/currencies.messages.js';
import { sheetMessages } from './messages/sheet.messages.js';
import { bookingMessages } from './messages/bookings.messages.js';
import { bookingApiMessages } from './messages/booking-api.messages.js';

/** Every group, for the test that no two define the same key (a later one would win silently). */
export const MESSAGE_GROUPS = [addonMessages, campaignMessages, writeMessages, importMessages, accountMessages, platformMessages, enumMessages, tableMessages, currencyMessages, sheetMessages, bookingMessages, bookingApiMessages] as const;
const groups = MESSAGE_GROUPS;

type KeysOf<Group> = Group extends Record<Language, Record<infer Key, string>> ? Key : never;
export type MessageKey = KeysOf<(typeof groups)[number]>;
export type MessageParams = Record<string, string | number | Date | null | undefined>;

/** Every language's messages, one flat record per language. */
export const CATALOGUE: Record<Language, Record<MessageKey, string>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, Object.assign({}, ...groups.map((group) => group[language]))]),
) as Record<Language, Record<MessageKey, string>>;

const compiled = new Map<string, IntlMessageFormat>();

function formatterFor(language: Language, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${language}\u0000${key}`;
  let formatter = compiled.get(cacheKey);
  if (!formatter) {
    // A key a language lacks falls back to English rather than showing the key.
    const template = CATALOGUE[language][key] ?? CATALOGUE.en[key] ?? key;
    formatter = new IntlMessageFormat(template, LOCALE_TAG[language], undefined, { ignoreTag: true });
    compiled.set(cacheKey, formatter);
  }
  return formatter;
}

/** The message `key` in `language`, its placeholders filled from `params`. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  // A missing parameter shows as its name in braces rather than throwing at a user.
  const filled: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params)) filled[name] = value ?? '';
  try {
    return String(formatterFor(language, key).format(filled));
  } catch {
    return CATALOGUE[language][key] ?? key;
  }
}

let currentLanguage: () => Language = () => 'en';

/** Called once by the host: the server reads the request's language, the add-on the planner's. */
export function useCurrentLanguage(read: () => Language): void {
  currentLanguage = read;
}

export function getCurrentLanguage(): Language {
  return currentLanguage();
}

/** The message `key` in the current language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(currentLanguage(), key, params);
}

/** 25 000 000 as the language writes it: "25.000.000" (vi), "25,000,000" (en, am). */
export function formatNumber(language: Language, value: number, options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  return new Intl.NumberFormat(LOCALE_TAG[language], options).format(value);
}

/** An amount with its currency as the language writes it: "25.000.000 ₫", "US$100.00". */
export function formatMoney(language: Language, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(LOCALE_TAG[language], { style: 'currency', currency, maximumFractionDigits: currency === 'VND' ? 0 : 2 }).format(amount);
  } catch {
    return `${formatNumber(language, amount)} ${currency}`;
  }
}

/**
 * A calendar date ("2026-12-02", or a Date at UTC midnight) as the language writes it:
 * 02/12/2026 (vi, en), 02/12/2026 (am, Gregorian as Ethiopian offices use with foreign partners).
 */
export function formatDate(language: Language, date: string | Date): string {
  const value = typeof date === 'string' ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  if (Number.isNaN(value.getTime())) return String(date);
  return new Intl.DateTimeFormat(LOCALE_TAG[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(value);
}

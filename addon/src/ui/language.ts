/**
 * Which language the add-on speaks, in the order issue 13 gives: the planner's own choice (a user
 * property, so it follows them to every spreadsheet), else the spreadsheet's locale, else the
 * tenant's language (as the server last told this spreadsheet), else English. Every message —
 * the add-on's own and, through Accept-Language, the server's — is in that language.
 */
import { PROPERTY_KEYS } from '../sync-client/server-settings.js';
import { type Language, isLanguage, languageFromLocale, pickLanguage, useCurrentLanguage } from './i18n.js';

let resolved: Language | undefined;

export function chosenLanguage(): Language | null {
  const stored = PropertiesService.getUserProperties().getProperty(PROPERTY_KEYS.language);
  return isLanguage(stored) ? stored : null;
}

function spreadsheetLanguage(): Language | null {
  try {
    return languageFromLocale(SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetLocale());
  } catch {
    // No spreadsheet in this execution (a trigger, a test of the client alone).
    return null;
  }
}

function tenantLanguage(): Language | null {
  const stored = PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.tenantLanguage);
  return isLanguage(stored) ? stored : null;
}

/** Read once per execution: Apps Script runs one call at a time, and properties cost a round trip. */
export function currentLanguage(): Language {
  resolved ??= pickLanguage(chosenLanguage(), spreadsheetLanguage(), tenantLanguage());
  return resolved;
}

/** Stores the planner's choice (null: follow the spreadsheet again) and speaks it from now on. */
export function storeChosenLanguage(language: Language | null): Language {
  const properties = PropertiesService.getUserProperties();
  if (language) properties.setProperty(PROPERTY_KEYS.language, language);
  else properties.deleteProperty(PROPERTY_KEYS.language);
  resolved = undefined;
  return currentLanguage();
}

/** What the server says of the planner's tenant, kept with the spreadsheet for the next executions. */
export function rememberTenantSettings(me: { tenantLanguage?: string | null; baseCurrency?: string | null }): void {
  const properties = PropertiesService.getDocumentProperties();
  if (isLanguage(me.tenantLanguage) && properties.getProperty(PROPERTY_KEYS.tenantLanguage) !== me.tenantLanguage) {
    properties.setProperty(PROPERTY_KEYS.tenantLanguage, me.tenantLanguage);
    resolved = undefined;
  }
  if (me.baseCurrency && properties.getProperty(PROPERTY_KEYS.baseCurrency) !== me.baseCurrency) properties.setProperty(PROPERTY_KEYS.baseCurrency, me.baseCurrency);
}

/** The currency the tenant's totals are in, as the server last said; VND until then. */
export function baseCurrency(): string {
  return PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.baseCurrency) ?? 'VND';
}

// The contract's t() (rules and cell readers shared with the server) speaks the planner's language here.
useCurrentLanguage(currentLanguage);

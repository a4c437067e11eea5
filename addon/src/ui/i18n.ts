/**
 * The add-on speaks the shared catalogue (sync-server/src/contract/i18n): the same words the
 * server uses for its refusals, flags and import problems, in Vietnamese, English and Amharic.
 */
export { type Language, LANGUAGES, LANGUAGE_NAMES, LOCALE_TAG, isLanguage, languageFromLocale, pickLanguage } from '../../../sync-server/src/contract/i18n/languages.js';
export {
  type MessageKey,
  type MessageParams,
  CATALOGUE,
  formatDate,
  formatMoney,
  formatNumber,
  t,
  translate,
  useCurrentLanguage,
} from '../../../sync-server/src/contract/i18n/translate.js';

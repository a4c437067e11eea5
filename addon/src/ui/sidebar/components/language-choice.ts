/**
 * The planner's language menu, kept per user: it follows them to every spreadsheet. The entry
 * point handles its change (`#language-select`), whichever view draws it.
 */
import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n.js';
import { escapeHtml } from '../core/format.js';
import { shared, t } from '../core/store.js';

export function renderLanguageChoice(): string {
  const options = [
    `<option value=""${shared.chosenLanguage === null ? ' selected' : ''}>${escapeHtml(t('language.followSheet'))}</option>`,
    ...LANGUAGES.map((language) => `<option value="${language}" lang="${language}"${shared.chosenLanguage === language ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[language])}</option>`),
  ];
  return `<label class="language-choice">${escapeHtml(t('language.label'))} <select id="language-select" data-test="language-select">${options.join('')}</select></label>`;
}

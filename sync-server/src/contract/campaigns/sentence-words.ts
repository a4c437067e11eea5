/**
 * Enum values as words inside a sentence, in the current language: "A planned campaign needs a
 * start date", "Chiến dịch ở trạng thái “đã lên kế hoạch” …". A label is written for a menu or a
 * cell ("Planned"); running text writes it as a common word, lowercased, whatever the language
 * (Amharic has no case, so nothing changes there).
 */
import type { EnumName } from '../enums.js';
import { enumLabel } from '../i18n/enum-labels.js';
import { LOCALE_TAG } from '../i18n/languages.js';
import { getCurrentLanguage, t } from '../i18n/translate.js';
import type { CampaignStatus } from './campaign-lifecycle.js';

/** An enum value's label in the current language, as a word in running text. */
export function enumWord(enumName: EnumName, value: string): string {
  const language = getCurrentLanguage();
  return enumLabel(enumName, value, language).toLocaleLowerCase(LOCALE_TAG[language]);
}

export function statusWord(status: CampaignStatus | string): string {
  return enumWord('campaign_status', status);
}

/** Words joined as the language lists them ("planned, paused, canceled"; Amharic with ፣). */
export function joinWords(words: readonly string[]): string {
  return words.join(t('campaign.listSeparator'));
}

import type { Language } from './languages.js';

/**
 * One group of messages in every language, side by side so a translator sees them together.
 * English is the source: its keys are the keys, and the other languages must give each of them
 * (tests/contract/message-catalogue.test.ts also checks they keep the same placeholders).
 */
export function defineMessages<const English extends Record<string, string>>(messages: {
  en: English;
  vi: { [Key in keyof English]: string };
  am: { [Key in keyof English]: string };
}): Record<Language, Record<keyof English & string, string>> {
  return messages;
}

/**
 * Enum values as people read and type them. A planner writes "nữ" or "đang chạy"; the database
 * and every export keep the code (`female`, `running`). The labels live in the catalogue
 * (messages/enums.messages.ts, key `enum.<enum>.<value>`).
 */
import { type EnumName, enumValues } from '../enums.js';
import { LabelIndex } from './comparable-text.js';
import { type Language, LANGUAGES } from './languages.js';
import { CATALOGUE, getCurrentLanguage, type MessageKey } from './translate.js';

function labelKey(enumName: EnumName, value: string): MessageKey {
  return `enum.${enumName}.${value}` as MessageKey;
}

/** The label of `value` in `language` (the current one by default); the code itself if it has none. */
export function enumLabel(enumName: EnumName, value: string, language: Language = getCurrentLanguage()): string {
  return CATALOGUE[language][labelKey(enumName, value)] ?? value;
}

/** The labels of an enum's values in one language, in the enum's order: a dropdown's list. */
export function enumLabels(enumName: EnumName, language: Language): string[] {
  return enumValues[enumName].map((value) => enumLabel(enumName, value, language));
}

const indexes = new Map<EnumName, LabelIndex>();

function textIndex(enumName: EnumName): LabelIndex {
  let index = indexes.get(enumName);
  if (!index) {
    index = new LabelIndex();
    for (const value of enumValues[enumName]) index.add(value, value);
    for (const value of enumValues[enumName]) {
      for (const language of LANGUAGES) {
        const label = CATALOGUE[language][labelKey(enumName, value)];
        if (label) index.add(label, value);
      }
    }
    indexes.set(enumName, index);
  }
  return index;
}

/** The code a typed code or label (in any of our languages) stands for, or null. */
export function enumValueFromText(enumName: EnumName, text: string): string | null {
  return textIndex(enumName).find(text);
}

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { enumLabel, enumValueFromText } from '../../sync-server/src/contract/i18n/enum-labels.js';
import { LANGUAGES } from '../../sync-server/src/contract/i18n/languages.js';
import { CATALOGUE, MESSAGE_GROUPS, translate, type MessageKey } from '../../sync-server/src/contract/i18n/translate.js';
import { enumValues, type EnumName } from '../../sync-server/src/contract/enums.js';

/** The argument names a message uses, plural and select branches included. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

const ETHIOPIC = /[\u1200-\u137F]/;

/** Names that stay as they are in every language: the product and the platforms' brands. */
const PROPER_NAMES = new Set(['Booking Center', 'TikTok', 'TikTok Shop', 'YouTube', 'Instagram', 'Shopee', 'Shopee Live']);

describe('the message catalogue', () => {
  const englishKeys = Object.keys(CATALOGUE.en) as MessageKey[];

  it('never defines one key in two groups, where the later would silently replace the other', () => {
    const seen = new Map<string, number>();
    for (const group of MESSAGE_GROUPS) for (const key of Object.keys(group.en)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1).map(([key]) => key)).toEqual([]);
  });

  it('gives every English message in Vietnamese and Amharic too', () => {
    for (const language of LANGUAGES) {
      const missing = englishKeys.filter((key) => !CATALOGUE[language][key]?.trim());
      expect(missing, `${language} lacks these messages`).toEqual([]);
    }
  });

  it('keeps the same placeholders in every language, so no translation drops a number or a name', () => {
    const mismatched: string[] = [];
    for (const key of englishKeys) {
      const english = [...argumentsOf(parse(CATALOGUE.en[key], { ignoreTag: true }))].sort();
      for (const language of LANGUAGES) {
        const translated = [...argumentsOf(parse(CATALOGUE[language][key], { ignoreTag: true }))].sort();
        if (translated.join() !== english.join()) mismatched.push(`${language} ${key}: ${translated.join()} ≠ ${english.join()}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('writes Amharic in Ethiopic script, not copied English', () => {
    const notEthiopic = englishKeys.filter((key) => {
      const amharic = CATALOGUE.am[key];
      // Messages that are only a placeholder, a code or a symbol have nothing to translate.
      const words = CATALOGUE.en[key].replace(/\{[^}]*\}/g, '').replace(/[^A-Za-z]/g, '');
      if (PROPER_NAMES.has(CATALOGUE.en[key]) && amharic === CATALOGUE.en[key]) return false;
      return words.length > 3 && !ETHIOPIC.test(amharic);
    });
    expect(notEthiopic).toEqual([]);
  });

  it('counts with each language’s plural rules', () => {
    const pluralKeys = englishKeys.filter((key) => /plural,/.test(CATALOGUE.en[key]));
    for (const key of pluralKeys) {
      const names = [...argumentsOf(parse(CATALOGUE.en[key], { ignoreTag: true }))];
      const [argument] = names.filter((name) => new RegExp(`\\{${name}, plural`).test(CATALOGUE.en[key]));
      // The message's other arguments get a value too ("{count, plural, …}: {bookings}"): a missing one would leave it unrendered.
      const others = Object.fromEntries(names.map((name) => [name, 2]));
      const one = translate('en', key, { ...others, [argument!]: 1 });
      const many = translate('en', key, { ...others, [argument!]: 3 });
      expect(one, key).not.toEqual(many.replace('3', '1'));
    }
  });
});

describe('enum labels', () => {
  it('label every enum value in every language', () => {
    const unlabelled: string[] = [];
    for (const [enumName, values] of Object.entries(enumValues) as Array<[EnumName, readonly string[]]>) {
      for (const value of values) {
        for (const language of LANGUAGES) if (!CATALOGUE[language][`enum.${enumName}.${value}` as MessageKey]) unlabelled.push(`${language} ${enumName}.${value}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('reads a label typed in any language back to its code, whatever its case or accents', () => {
    for (const [enumName, values] of Object.entries(enumValues) as Array<[EnumName, readonly string[]]>) {
      for (const value of values) {
        for (const language of LANGUAGES) {
          const label = enumLabel(enumName, value, language);
          expect(enumValueFromText(enumName, label), `${language} "${label}"`).toBe(value);
          expect(enumValueFromText(enumName, label.toLocaleUpperCase().normalize('NFD'))).toBe(value);
        }
        expect(enumValueFromText(enumName, value)).toBe(value);
      }
    }
  });

  it('reads both Vietnamese spellings keyboards produce ("đã hủy" and "đã huỷ"), and no stranger', () => {
    expect(enumValueFromText('campaign_status', 'đã huỷ')).toBe('canceled');
    expect(enumValueFromText('campaign_status', 'đã hủy')).toBe('canceled');
    expect(enumValueFromText('campaign_status', 'Da huy')).toBe('canceled');
    expect(enumValueFromText('campaign_status', 'robot')).toBeNull();
  });
});

/**
 * The languages Booking Center speaks, and how a locale or an Accept-Language header picks one.
 * Vietnamese first: it is the planners' language; English for agencies and programs; Amharic
 * for the Ethiopian media planners of seed 003.
 */
export const LANGUAGES = ['vi', 'en', 'am'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The BCP 47 tag each language formats dates and numbers with (Intl). */
export const LOCALE_TAG: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', am: 'am-ET' };

/** The language's own name, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', am: 'አማርኛ' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "vi", "vi_VN", "am-ET", "en_US" → the language; a locale we don't speak (fr_FR) → null. */
export function languageFromLocale(locale: string | null | undefined): Language | null {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  return isLanguage(primary) ? primary : null;
}

/**
 * The caller's preferred language we speak from an Accept-Language header ("am, en;q=0.8"),
 * weights respected; null when it names none of ours (or is absent, or is "*").
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const weight = parameters.map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(parameter)?.[1]).find(Boolean);
      return { language: languageFromLocale(tag), weight: weight === undefined ? 1 : Number(weight), index };
    })
    .filter((entry): entry is { language: Language; weight: number; index: number } => entry.language !== null && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.language ?? null;
}

/** The first language that is set: the user's choice, then the spreadsheet's locale, then the tenant's. */
export function pickLanguage(...candidates: Array<Language | null | undefined>): Language {
  return candidates.find((candidate): candidate is Language => isLanguage(candidate)) ?? 'en';
}

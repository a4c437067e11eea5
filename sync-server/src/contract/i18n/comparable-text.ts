/**
 * How a typed label is compared with the catalogue's: case, composed or decomposed accents and
 * spaces, hyphens or underscores don't matter ("Đang Chạy", "đang_chạy"). The loose form also
 * drops the accents, for the spellings Vietnamese keyboards disagree on ("đã hủy" and "đã huỷ"),
 * and is used only when it points at one value alone.
 */
export function comparableText(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase().replace(/[\s_-]+/g, ' ');
}

export function looselyComparableText(text: string): string {
  return comparableText(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

/** An index from typed text to a value: exact (accents kept) first, then loose where unambiguous. */
export class LabelIndex {
  private readonly exact = new Map<string, string>();
  private readonly loose = new Map<string, string | null>();

  add(text: string, value: string): void {
    const exactKey = comparableText(text);
    // A text two values share is ambiguous: the first (the code itself) wins.
    if (!this.exact.has(exactKey)) this.exact.set(exactKey, value);
    const looseKey = looselyComparableText(text);
    const known = this.loose.get(looseKey);
    if (known === undefined) this.loose.set(looseKey, value);
    else if (known !== value) this.loose.set(looseKey, null);
  }

  find(text: string): string | null {
    return this.exact.get(comparableText(text)) ?? this.loose.get(looselyComparableText(text)) ?? null;
  }
}

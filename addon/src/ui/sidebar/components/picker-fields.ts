/**
 * What both pickers keep across redraws: the filters typed (`data-query`), the bulk role,
 * priority and note (`data-bulk`), and which results are ticked (`data-pick`).
 */
import type { CreatorRole } from '../../../../../sync-server/src/contract/sync-payloads.js';
import type { CreatorPicker } from './creator-picker.js';
import type { ProductPicker } from './product-picker.js';

export type Picker = CreatorPicker | ProductPicker;

export function readPickerFields(picker: Picker, root: HTMLElement): void {
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-query]').forEach((field) => {
    const name = field.dataset['query'] ?? '';
    const value = field.value.trim();
    const query = picker.query as Record<string, string | number | undefined>;
    if (value === '') delete query[name];
    else query[name] = field.type === 'number' ? Number(value) : value;
  });
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-bulk]').forEach((field) => {
    const name = field.dataset['bulk'];
    if (name === 'note') picker.note = field.value;
    else if (name === 'role' && picker.kind === 'creators') picker.role = field.value as CreatorRole;
    else if (name === 'priority' && picker.kind === 'products') picker.priority = Math.max(1, Number(field.value) || 1);
  });
}

/** A result ticked or unticked. */
export function togglePick(picker: Picker, id: string, isChecked: boolean): void {
  picker.selected = isChecked ? [...picker.selected, id] : picker.selected.filter((selected) => selected !== id);
}

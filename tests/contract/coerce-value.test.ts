import { describe, expect, it } from 'vitest';
import { coerceCell, parseNumberText, type CellValue, type ColumnDefinition } from '../../sync-server/src/contract/index.js';

const label = { en: '', vi: '', am: '' };
const column = (type: ColumnDefinition['type'], extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name: 'value', type, isRequired: false, label, ...extra });
const read = (definition: ColumnDefinition, value: CellValue) => coerceCell(definition, value);
const valueOf = (definition: ColumnDefinition, value: CellValue) => {
  const result = read(definition, value);
  return result.ok ? result.value : `ERROR: ${result.message}`;
};

describe('reading money as Vietnamese and English sheets write it', () => {
  it.each([
    ['1500000', '1500000'],
    ['1.500.000', '1500000'],
    ['1,500,000', '1500000'],
    ['1 500 000 ₫', '1500000'],
    ['1.500.000đ', '1500000'],
    ['1.500', '1500'],
    ['1,500', '1500'],
    ['1.500.000,50', '1500000.5'],
    ['1,500,000.50', '1500000.5'],
    ['12,5', '12.5'],
    ['0.125', '0.125'],
  ])('%s is %s', (text, expected) => {
    expect(parseNumberText(text, 'money')).toBe(expected);
  });

  it('refuses text that is not a number with the ways to write one', () => {
    expect(valueOf(column('money', { name: 'budget_planned' }), 'một triệu')).toBe(
      "ERROR: budget_planned 'một triệu' is not a number (write 1500000, 1.500.000 or 1,500,000)",
    );
    expect(parseNumberText('1.50.000', 'money')).toBeUndefined();
  });

  it('reads a single separator in a rate as the decimal mark, and a percent sign', () => {
    expect(parseNumberText('0,065', 'decimal')).toBe('0.065');
    expect(parseNumberText('6.5%', 'decimal')).toBe('0.065');
  });

  it('takes Excel numbers as they are', () => {
    expect(valueOf(column('money'), 1500000)).toBe('1500000');
    expect(valueOf(column('integer'), '1.000')).toBe(1000);
    expect(valueOf(column('integer', { name: 'quantity' }), '2,5')).toBe("ERROR: quantity '2,5' is not a whole number");
  });
});

describe('reading dates', () => {
  it.each<[CellValue, string]>([
    ['2026-01-31', '2026-01-31'],
    ['31/01/2026', '2026-01-31'],
    ['1/2/2026', '2026-02-01'],
    ['31-01-2026', '2026-01-31'],
    [46053, '2026-01-31'],
    ['46053', '2026-01-31'],
    [new Date(Date.UTC(2026, 0, 31)), '2026-01-31'],
  ])('%s is %s', (value, expected) => {
    expect(valueOf(column('date'), value)).toBe(expected);
  });

  it('refuses an impossible date', () => {
    expect(valueOf(column('date', { name: 'start_date' }), '31/02/2026')).toBe("ERROR: start_date '31/02/2026' is not a date (write 2025-12-31 or 31/12/2025)");
  });

  it('reads times without an offset as Vietnam time', () => {
    expect(valueOf(column('datetime'), '2026-01-13 09:00')).toBe('2026-01-13T02:00:00.000Z');
    expect(valueOf(column('datetime'), '13/01/2026 09:00:00')).toBe('2026-01-13T02:00:00.000Z');
    expect(valueOf(column('datetime'), '2026-01-13T09:00:00Z')).toBe('2026-01-13T09:00:00.000Z');
  });
});

describe('reading yes/no, enums, text and empty cells', () => {
  it.each<[CellValue, boolean]>([
    ['TRUE', true], ['false', false], ['1', true], ['0', false], ['yes', true], ['No', false], ['x', true], ['có', true], ['Không', false], [true, true],
  ])('%s is %s', (value, expected) => {
    expect(valueOf(column('boolean'), value)).toBe(expected);
  });

  it('accepts enum values in any case with spaces, and names the accepted ones otherwise', () => {
    const objective = column('enum', { name: 'objective', enumName: 'campaign_objective' });
    expect(valueOf(objective, '  Sale ')).toBe('sale');
    expect(valueOf(column('enum', { enumName: 'booking_status' }), 'In Progress')).toBe('in_progress');
    expect(valueOf(objective, 'world-domination')).toBe("ERROR: objective 'world-domination' is not one of awareness, traffic, sale, launch, clearance");
  });

  it('trims text, keeps Vietnamese as it is, and reads an empty cell as null or the default', () => {
    expect(valueOf(column('text'), '  Nguyễn Thuỳ Linh ')).toBe('Nguyễn Thuỳ Linh');
    expect(valueOf(column('text'), '   ')).toBeNull();
    expect(valueOf(column('enum', { enumName: 'campaign_status', defaultValue: 'draft', isRequired: true }), '')).toBe('draft');
    expect(valueOf(column('text', { name: 'code', isRequired: true }), '')).toBe('ERROR: code is required');
  });

  it('enforces bounds', () => {
    expect(valueOf(column('integer', { name: 'priority_score', min: 1, max: 10 }), '11')).toBe('ERROR: priority_score must be at most 10');
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL in any cell, saying where it is and what to do', () => {
    expect(valueOf(column('text', { name: 'name' }), 'Cocoon\u0000 Việt')).toBe(
      "ERROR: name contains an invisible NUL character (at character 7), which can't be stored: remove it, or paste the text again as plain text",
    );
    expect(valueOf(column('enum', { name: 'status', enumName: 'campaign_status' }), 'draft\u0000')).toMatch(/^ERROR: status contains an invisible NUL character/);
  });

  it('refuses half of a surrogate pair, counting an emoji before it as one character, and keeps a whole emoji', () => {
    expect(valueOf(column('text', { name: 'note' }), '🎉 a\ud83d')).toBe(
      "ERROR: note contains a broken character (at character 4: half of an emoji or symbol), which can't be stored: type that character again",
    );
    expect(valueOf(column('text', { name: 'note' }), 'a\udc00')).toMatch(/^ERROR: note contains a broken character \(at character 2/);
    expect(valueOf(column('text', { name: 'note' }), 'Chúc mừng 🎉')).toBe('Chúc mừng 🎉');
  });

  it('refuses text longer than its kind of column accepts', () => {
    expect(valueOf(column('text', { name: 'code' }), 'x'.repeat(501))).toBe('ERROR: code is 501 characters long; at most 500 are accepted');
    expect(valueOf(column('text', { name: 'note', textKind: 'long' }), 'x'.repeat(20_000))).toHaveLength(20_000);
    expect(valueOf(column('text', { name: 'url', textKind: 'link' }), `https://x.vn/${'a'.repeat(2_000)}`)).toMatch(/^ERROR: url is 2,013 characters long; at most 2,000 are accepted$/);
  });
});

describe('numbers beyond what the database column holds', () => {
  const money = (extra: Partial<ColumnDefinition> = {}) => column('money', { name: 'budget_planned', min: 0, ...extra });

  it.each<[string, CellValue]>([
    ['a JS number of 1e308', 1e308],
    ['2^63 as text', '9223372036854775808'],
    ['2^63 as a JS number', 2 ** 63],
    ['one more than the bound', '1000000000000000'],
  ])('refuses %s in a money column with the accepted range', (_label, value) => {
    expect(valueOf(money(), value)).toMatch(/^ERROR: budget_planned '.+' is too large to store: write a number from 0 to 999,999,999,999,999$/);
  });

  it('keeps the largest amount it can hold, and says the negative bound where the column has no minimum', () => {
    expect(valueOf(money(), '999.999.999.999.999')).toBe('999999999999999');
    expect(valueOf(money({ min: undefined }), '-1000000000000000')).toMatch(/write a number from -999,999,999,999,999 to 999,999,999,999,999$/);
  });

  it('refuses an integer beyond int4, a rate beyond Decimal(7,4), and a bigint column beyond 2^53', () => {
    expect(valueOf(column('integer', { name: 'kpi_order', min: 0 }), 2 ** 31)).toBe("ERROR: kpi_order '2147483648' is too large to store: write a number from 0 to 2,147,483,647");
    expect(valueOf(column('decimal', { name: 'engagement_rate', min: 0 }), '1000')).toBe("ERROR: engagement_rate '1000' is too large to store: write a number from 0 to 999.9999");
    expect(valueOf(column('integer', { name: 'kpi_view', min: 0, max: Number.MAX_SAFE_INTEGER }), 2 ** 62)).toBe('ERROR: kpi_view must be at most 9,007,199,254,740,991');
    expect(valueOf(column('integer', { name: 'kpi_view', min: 0, max: Number.MAX_SAFE_INTEGER }), 3_000_000_000)).toBe(3_000_000_000);
  });

  it('refuses scientific notation in a number column, whose digits may be lost', () => {
    expect(valueOf(money(), '1.5E+08')).toBe("ERROR: budget_planned '1.5E+08' is a shortened number (scientific notation) whose digits may be lost: write the number in full, e.g. 1500000");
    expect(valueOf(money(), '-1e300')).toMatch(/is a shortened number/);
  });
});

describe('numbers that must stay text', () => {
  const externalId = column('text', { name: 'external_id' });
  const phone = column('text', { name: 'phone', textKind: 'phone' });

  it('keeps an exact integer from a number cell as its digits, never as 1.23e+11', () => {
    expect(valueOf(externalId, 123456789012)).toBe('123456789012');
    expect(valueOf(externalId, 999_999_999_999_999)).toBe('999999999999999');
    expect(valueOf(externalId, 12.5)).toBe('12.5');
  });

  it('refuses a number cell longer than the 15 digits a spreadsheet keeps', () => {
    expect(valueOf(externalId, 6.9e18)).toBe(
      "ERROR: external_id '6900000000000000000' arrived as a number longer than the 15 digits a spreadsheet keeps, so its last digits are lost; format the column as Text in the spreadsheet and type it again",
    );
    expect(valueOf(externalId, 1_000_000_000_000_000)).toMatch(/longer than the 15 digits/);
  });

  it.each(['6.9E+18', '6.90123E+18', '6,90123E+18', '6.90123456789012E+018'])('refuses %s, a number Excel or LibreOffice shortened, in a text column', (text) => {
    expect(valueOf(externalId, text)).toBe(`ERROR: external_id '${text}' looks like a number Excel shortened: its last digits are lost and can't be recovered; format the column as Text in the spreadsheet and type it again`);
  });

  it('keeps a code that only resembles scientific notation', () => {
    expect(valueOf(externalId, '2E10')).toBe('2E10');
  });

  it('refuses a phone that lost its leading 0, as a number cell or as digits, and keeps phones written in full', () => {
    expect(valueOf(phone, 912345678)).toBe(
      "ERROR: phone '912345678' arrived as a number, so its leading 0 (or +) is lost; format the column as Text in the spreadsheet and type it again, e.g. 0912345678",
    );
    expect(valueOf(phone, 84912345678)).toMatch(/arrived as a number, so its leading 0 \(or \+\) is lost/);
    expect(valueOf(phone, '912345678')).toBe(
      "ERROR: phone '912345678' looks like a phone number that lost its leading 0 (0912345678); format the column as Text in the spreadsheet and type it again, or write it as +84912345678",
    );
    expect(valueOf(phone, '0912345678')).toBe('0912345678');
    expect(valueOf(phone, '+84 912 345 678')).toBe('+84 912 345 678');
    expect(valueOf(phone, '84912345678')).toBe('84912345678');
  });
});

import { describe, expect, it } from 'vitest';
import { coerceCell, parseNumberText, type CellValue, type ColumnDefinition } from '../../sync-server/src/contract/index.js';

const label = { en: '', vi: '' };
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

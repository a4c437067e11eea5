import { describe, expect, it } from 'vitest';
import { coerceCell, getTableDefinition, type TableName } from '../../sync-server/src/contract/index.js';

const columnOf = (table: TableName, name: string) => getTableDefinition(table).columns.find((column) => column.name === name)!;

describe('currency cells', () => {
  it('read a code typed in any case as its upper-case code, in every table that holds money', () => {
    for (const table of ['payments', 'bookings', 'conversions', 'exchange_rates'] as const) {
      expect(coerceCell(columnOf(table, 'currency'), ' usd '), table).toEqual({ ok: true, value: 'USD' });
      expect(coerceCell(columnOf(table, 'currency'), 'Etb'), table).toEqual({ ok: true, value: 'ETB' });
    }
  });

  it('leave an empty currency of an amount as VND, and require one for a rate', () => {
    expect(coerceCell(columnOf('payments', 'currency'), '')).toEqual({ ok: true, value: 'VND' });
    expect(coerceCell(columnOf('exchange_rates', 'currency'), '').ok).toBe(false);
  });

  it('refuse what is no three-letter code, saying what to write', () => {
    for (const typed of ['US', 'US$', 'đồng', 'EURO', 840]) {
      expect(coerceCell(columnOf('payments', 'currency'), typed), String(typed)).toEqual({
        ok: false,
        message: `currency “${typed}” is not a currency code: write its three letters, such as VND or USD`,
      });
    }
  });

  it('read a rate as Vietnamese sheets write it: 25.450 is twenty-five thousand four hundred and fifty đồng', () => {
    expect(coerceCell(columnOf('exchange_rates', 'rate_to_base'), '25.450')).toEqual({ ok: true, value: '25450' });
    expect(coerceCell(columnOf('payments', 'exchange_rate'), '25,450.5')).toEqual({ ok: true, value: '25450.5' });
    expect(coerceCell(columnOf('exchange_rates', 'rate_to_base'), '0,000039')).toEqual({ ok: true, value: '0.000039' });
  });
});

import { describe, expect, it } from 'vitest';
import { currencyOf, formatAmount, formatMoney, minorToInput } from './money';

const KES = { code: 'KES', minorUnitDigits: 2 };

describe('formatting minor units', () => {
  it('formats with the currency code, grouping and its digits', () => {
    expect(formatMoney(125_050, KES)).toBe('KES 1,250.50');
    expect(formatMoney(5, KES)).toBe('KES 0.05');
    expect(formatMoney(0, KES)).toBe('KES 0.00');
    expect(formatMoney(-500, KES)).toBe('-KES 5.00');
    expect(formatMoney(123_456, { code: 'USD', minorUnitDigits: 2 })).toBe('USD 1,234.56');
    expect(formatMoney(1_500_000, { code: 'UGX', minorUnitDigits: 0 })).toBe('UGX 1,500,000');
    expect(formatMoney(1234, { code: 'KWD', minorUnitDigits: 3 })).toBe('KWD 1.234');
    expect(formatMoney(999_999_999_999, KES)).toBe('KES 9,999,999,999.99');
  });

  it('writes the number alone for tables and input boxes', () => {
    expect(formatAmount(-123_456_789, 2)).toBe('-1,234,567.89');
    expect(formatAmount(7, 2)).toBe('0.07');
    expect(formatAmount(1_500_000, 0)).toBe('1,500,000');
    expect(minorToInput(125_050, 2)).toBe('1250.50');
    expect(minorToInput(-525, 2)).toBe('-5.25');
    expect(minorToInput(1_500_000, 0)).toBe('1500000');
  });

  it('takes the currency from the office settings', () => {
    const settings = { currencyCode: 'UGX', minorUnitDigits: 0, timeZone: 'Africa/Kampala' };
    expect(currencyOf(settings)).toEqual({ code: 'UGX', minorUnitDigits: 0 });
    expect(formatMoney(250_000, currencyOf(settings))).toBe('UGX 250,000');
  });
});

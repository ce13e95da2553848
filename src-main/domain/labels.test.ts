import { describe, expect, it } from 'vitest';
import { changeText, fieldLabel, isNegativeMoney, valueText } from './labels';
import { formatMoney } from './money';

const KES = { code: 'KES', minorUnitDigits: 2 };
const words = { money: (n: number) => formatMoney(n, KES), dateTime: () => '2027-01-06 15:00 EAT' };

describe('values in words', () => {
  it('names fields as words', () => {
    expect(fieldLabel('currencyCode')).toBe('Currency');
    expect(fieldLabel('price')).toBe('Price');
    expect(fieldLabel('pollIntervalSec')).toBe('Poll interval (seconds)');
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });

  it('shows money with its currency, enum values as labels, times in the office zone', () => {
    expect(valueText('price', 800_000, words)).toBe(formatMoney(800_000, KES));
    expect(valueText('method', 'mobile_money', words)).toBe('Mobile money');
    expect(valueText('expiresAt', 1, words)).toBe('2027-01-06 15:00 EAT');
    expect(valueText('disabled', true)).toBe('Yes');
    expect(valueText('plan', null)).toBe('(none)');
  });

  it('sums up a change as a sentence', () => {
    expect(
      changeText(
        ['currencyCode', 'price'],
        { currencyCode: 'USD', price: 8050 },
        {
          currencyCode: 'KES',
          price: 800_000,
        },
        words,
      ),
    ).toBe(`Currency USD → KES, Price ${formatMoney(8050, KES)} → ${formatMoney(800_000, KES)}`);
    expect(isNegativeMoney('balance', -50_000)).toBe(true);
    expect(isNegativeMoney('balance', 0)).toBe(false);
  });
});

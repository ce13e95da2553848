import { describe, expect, it } from 'vitest';
import { minorToInput } from '@domain/money';
import { parseMoney } from './money';

const ok = (value: number) => ({ ok: true, value });

describe('parseMoney', () => {
  it('reads amounts into exact integer minor units', () => {
    expect(parseMoney('1250.50', 2)).toEqual(ok(125_050));
    expect(parseMoney('1250.5', 2)).toEqual(ok(125_050));
    expect(parseMoney('1250', 2)).toEqual(ok(125_000));
    expect(parseMoney('.5', 2)).toEqual(ok(50));
    expect(parseMoney(' 1,250.50 ', 2)).toEqual(ok(125_050));
    expect(parseMoney('1,000,000', 0)).toEqual(ok(1_000_000));
  });

  it('never goes through floating point', () => {
    // As floats, 0.1 + 0.2 and 19.99 * 100 are not what they look like.
    expect(parseMoney('19.99', 2)).toEqual(ok(1999));
    expect(parseMoney('0.29', 2)).toEqual(ok(29));
    expect(parseMoney('1.005', 3)).toEqual(ok(1005));
    expect(parseMoney('9999999999.99', 2)).toEqual(ok(999_999_999_999));
  });

  it('refuses negatives unless asked for, and zero unless allowed', () => {
    expect(parseMoney('-5', 2)).toEqual({ ok: false, error: 'Amount must not be negative' });
    expect(parseMoney('-5.25', 2, { allowNegative: true })).toEqual(ok(-525));
    expect(parseMoney('+5', 2)).toEqual(ok(500));
    expect(parseMoney('0.00', 2)).toEqual({ ok: false, error: 'Amount must be greater than zero' });
    expect(parseMoney('0', 2, { allowZero: true })).toEqual(ok(0));
  });

  it('refuses more fraction digits than the currency has', () => {
    expect(parseMoney('10.005', 2)).toEqual({
      ok: false,
      error: 'At most 2 digits after the decimal point',
    });
    expect(parseMoney('10.5', 1)).toEqual(ok(105));
    expect(parseMoney('10.55', 1)).toEqual({
      ok: false,
      error: 'At most 1 digit after the decimal point',
    });
    expect(parseMoney('1500.5', 0)).toEqual({
      ok: false,
      error: 'This currency has no fractional units: enter a whole amount',
    });
    expect(parseMoney('1500', 0)).toEqual(ok(1500));
  });

  it('refuses what is not a plain amount', () => {
    for (const text of ['', '   ', 'abc', '1e3', '12.3.4', '1,5', '12,34.00', '--1', '.', '0x10']) {
      expect(parseMoney(text, 2).ok, text).toBe(false);
    }
    expect(parseMoney('1,5', 2)).toEqual({
      ok: false,
      error: 'Use a point (.) for decimals; commas only group thousands',
    });
    expect(parseMoney('', 2)).toEqual({ ok: false, error: 'Enter an amount' });
  });

  it('refuses amounts beyond the contract maximum without losing precision', () => {
    expect(parseMoney('10000000000.00', 2)).toEqual(ok(1_000_000_000_000));
    expect(parseMoney('10000000000.01', 2)).toEqual({ ok: false, error: 'Amount is too large' });
    expect(parseMoney('99999999999999999999', 0)).toEqual({
      ok: false,
      error: 'Amount is too large',
    });
  });
});

describe('typed amounts and input values', () => {
  it('writes input values that parse back to the same amount', () => {
    for (const [amount, digits] of [
      [125_050, 2],
      [7, 2],
      [1_500_000, 0],
      [1005, 3],
      [999_999_999_999, 2],
    ] as const) {
      const text = minorToInput(amount, digits);
      expect(parseMoney(text, digits)).toEqual(ok(amount));
    }
    expect(minorToInput(125_050, 2)).toBe('1250.50');
    expect(minorToInput(-525, 2)).toBe('-5.25');
  });
});

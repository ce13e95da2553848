import { MAX_AMOUNT } from '@contract/schemas/money';

export type MoneyParse = { ok: true; value: number } | { ok: false; error: string };

export type ParseMoneyOptions = {
  /** Accept a leading minus sign (signed adjustments); otherwise negatives are refused. */
  allowNegative?: boolean;
  /** Accept zero (limits); otherwise the amount must be greater than zero. */
  allowZero?: boolean;
};

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN = /^(\d*)(?:\.(\d*))?$/;

/**
 * Reads what staff type ("1,250.50", "1250.5", "1250") into integer minor units, exactly: the
 * text is split into whole and fraction digits and joined as a string, never through a float.
 * Commas are accepted only as thousands separators; the decimal separator is a point.
 */
export function parseMoney(
  text: string,
  digits: number,
  options: ParseMoneyOptions = {},
): MoneyParse {
  let s = text.trim().replace(/[\s\u00a0_]/g, '');
  if (s === '') return { ok: false, error: 'Enter an amount' };

  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (negative && !options.allowNegative) {
    return { ok: false, error: 'Amount must not be negative' };
  }
  if (s.includes(',')) {
    if (!GROUPED.test(s)) {
      return { ok: false, error: 'Use a point (.) for decimals; commas only group thousands' };
    }
    s = s.replace(/,/g, '');
  }
  const match = PLAIN.exec(s);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) {
    return { ok: false, error: 'Amount must be a number, e.g. 1250.50' };
  }
  if (fraction.length > digits) {
    return {
      ok: false,
      error:
        digits === 0
          ? 'This currency has no fractional units: enter a whole amount'
          : `At most ${String(digits)} digit${digits === 1 ? '' : 's'} after the decimal point`,
    };
  }
  const minorDigits = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  // 13 digits already exceed MAX_AMOUNT (10^12); longer strings would lose precision as numbers.
  if (minorDigits.length > 13) return { ok: false, error: 'Amount is too large' };
  const magnitude = Number(minorDigits);
  if (magnitude > MAX_AMOUNT) return { ok: false, error: 'Amount is too large' };
  if (magnitude === 0 && !options.allowZero) {
    return { ok: false, error: 'Amount must be greater than zero' };
  }
  return { ok: true, value: negative && magnitude !== 0 ? -magnitude : magnitude };
}

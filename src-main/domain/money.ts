/**
 * Integer minor units as people read them, without floating point. The office's settings name the
 * currency; `currencyOf` turns them into the `Currency` that reports and receipts carry.
 */

/** The currency amounts are counted in: an ISO code and its digits after the decimal point. */
export type Currency = { code: string; minorUnitDigits: number };

export const currencyOf = (settings: {
  currencyCode: string;
  minorUnitDigits: number;
}): Currency => ({
  code: settings.currencyCode,
  minorUnitDigits: settings.minorUnitDigits,
});

/** The whole and fraction digits of |amount|: 125050 with 2 digits → ["1250", "50"]. */
const split = (amount: number, digits: number): [string, string] => {
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  return [abs.slice(0, abs.length - digits), abs.slice(abs.length - digits)];
};

const join = (amount: number, whole: string, fraction: string): string =>
  `${amount < 0 ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The number alone, for table cells under a currency heading: 125050 → "1,250.50". */
export const formatAmount = (amount: number, digits: number): string => {
  const [whole, fraction] = split(amount, digits);
  return join(amount, group(whole), fraction);
};

/** Integer minor units for people: 125050 in USD → "USD 1,250.50"; -500 → "-USD 5.00". */
export const formatMoney = (amount: number, currency: Currency): string => {
  const text = formatAmount(Math.abs(amount), currency.minorUnitDigits);
  return `${amount < 0 ? '-' : ''}${currency.code} ${text}`;
};

/** The plain number for an input box: 125050 with 2 digits → "1250.50" (no grouping, no code). */
export const minorToInput = (amount: number, digits: number): string => {
  const [whole, fraction] = split(amount, digits);
  return join(amount, whole, fraction);
};

/** Formats integer minor units without floating point: 123456 with 2 digits → "USD 1,234.56". */
export const formatMoney = (
  amount: number,
  currency: { currencyCode: string; minorUnitDigits: number },
): string => {
  const digits = currency.minorUnitDigits;
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${abs.slice(abs.length - digits)}` : '';
  return `${amount < 0 ? '-' : ''}${currency.currencyCode} ${whole}${fraction}`;
};

export type RateParse = { ok: true; kbps: number } | { ok: false; error: string };

const UNITS = { k: 1, m: 1000, g: 1_000_000 } as const;
const RATE = /^(\d+)(?:\.(\d+))?\s*([kmg])?(?:bps|bit\/s|b\/s|b)?$/i;

/**
 * A rate as staff write it, RouterOS style: "10M", "1.5M", "512k", "1G", or a bare number of
 * kbit/s. Exact: "1.5M" is 1500 kbit/s by digit arithmetic, never through a float.
 */
export function parseRate(text: string): RateParse {
  const m = RATE.exec(text.trim());
  if (!m) return { ok: false, error: 'Write a rate such as 512k, 10M or 1G' };
  const [, whole = '', fraction = '', unit = 'k'] = m;
  const factor = UNITS[unit.toLowerCase() as keyof typeof UNITS];
  const places = String(factor).length - 1;
  if (fraction.replace(/0+$/, '').length > places) {
    return { ok: false, error: 'Rates are whole kbit/s' };
  }
  const digits = `${whole}${fraction.padEnd(places, '0').slice(0, places)}`;
  if (digits.length > 12) return { ok: false, error: 'Rate is too large' };
  return { ok: true, kbps: Number(digits) };
}

const scaled = (kbps: number, factor: number): string => {
  const places = String(factor).length - 1;
  const s = String(kbps).padStart(places + 1, '0');
  const whole = s.slice(0, s.length - places);
  const fraction = s.slice(s.length - places).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
};

/** For an input box: 10000 → "10M", 1500 → "1.5M", 512 → "512k", 2000000 → "2G". */
export function rateToInput(kbps: number): string {
  if (kbps >= 1_000_000 && kbps % 1000 === 0) return `${scaled(kbps, 1_000_000)}G`;
  if (kbps >= 1000) return `${scaled(kbps, 1000)}M`;
  return `${String(kbps)}k`;
}

/** For people: 10000 → "10 Mbit/s", 512 → "512 kbit/s". */
export function formatRate(kbps: number): string {
  if (kbps >= 1_000_000 && kbps % 1000 === 0) return `${scaled(kbps, 1_000_000)} Gbit/s`;
  if (kbps >= 1000) return `${scaled(kbps, 1000)} Mbit/s`;
  return `${String(kbps)} kbit/s`;
}

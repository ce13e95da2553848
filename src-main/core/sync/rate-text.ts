const UNIT: Record<string, number> = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };

/** One token of a rate-limit: `10M` → 10000000, `8s` → "8s", `2/3` pairs split by the caller. */
const norm = (token: string): string => {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(token);
  if (!m) return token;
  return String(Math.round(Number(m[1]) * (UNIT[m[2] ?? ''] ?? 1)));
};

/** A rate-limit in a comparable form: `5M/10M` and `5000k/10000000` read the same. */
export const normalRate = (text: string | null | undefined): string =>
  (text ?? '')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((pair) => pair.split('/').map(norm).join('/'))
    .join(' ');

export const sameRate = (a: string | null | undefined, b: string | null | undefined): boolean =>
  normalRate(a) === normalRate(b);

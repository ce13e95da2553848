/**
 * Seeded randomness (mulberry32): the same seed gives the same sequence on every machine, so
 * benchmarks, the demo office, the router simulator and randomized tests can be replayed.
 */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  /** Uniform in [0, 1). */
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [0, n). */
  const int = (n: number): number => Math.floor(next() * n);
  /** An integer in [min, max]. */
  const between = (min: number, max: number): number => min + int(max - min + 1);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[int(list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  /** One of `items` with probability proportional to its weight. */
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((s, i) => s + weight(i), 0);
    let r = next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return pick(items);
  };
  /** True with probability p. */
  const chance = (p: number): boolean => next() < p;
  /** `n` characters drawn from `alphabet`. */
  const chars = (n: number, alphabet: string): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[int(alphabet.length)] ?? '';
    return out;
  };
  /** `bytes` random bytes as lower-case hex. */
  const hex = (bytes: number): string => {
    let out = '';
    for (let i = 0; i < bytes; i++) out += int(256).toString(16).padStart(2, '0');
    return out;
  };
  return { next, int, between, pick, weighted, chance, chars, hex };
};
export type SeededRandom = ReturnType<typeof seededRandom>;

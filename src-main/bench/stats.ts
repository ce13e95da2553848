export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? NaN;
};

/** Runs `fn` `runs` times after one warm-up; returns the timings in ms. */
export const timeRuns = async (runs: number, fn: () => unknown): Promise<number[]> => {
  fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
    // Yield, so that the event-loop monitor sees each call as its own block.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
};

export const fmt = (ms: number | undefined): string =>
  ms === undefined || Number.isNaN(ms) ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);

/** timeRuns for calls that answer asynchronously (reads on the reader threads). */
export const timeRunsAsync = async (
  runs: number,
  fn: () => Promise<unknown>,
): Promise<number[]> => {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
};

/**
 * Coalesces "entries were recorded" notices so that viewers get at most one update per
 * interval however fast the log grows (a burst of 10 000 entries is one notice), and the first
 * notice after a quiet spell goes out at once.
 */
export const createLiveTail = (opts: {
  intervalMs: number;
  emit: (batch: { lastId: number; count: number }) => void;
}) => {
  let pending: { lastId: number; count: number } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastSent = -Infinity;

  const send = () => {
    timer = null;
    if (!pending) return;
    const batch = pending;
    pending = null;
    lastSent = performance.now();
    opts.emit(batch);
  };

  return {
    recorded(lastId: number, count: number): void {
      pending = { lastId, count: (pending?.count ?? 0) + count };
      if (timer) return;
      const wait = Math.max(0, lastSent + opts.intervalMs - performance.now());
      if (wait === 0) send();
      else timer = setTimeout(send, wait);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
};

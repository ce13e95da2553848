/**
 * Timing and limits of the router jobs. Defaults suit a real network; tests shrink the timeouts
 * and pass a seeded `random` so that jitter is reproducible.
 */
export type NetworkTuning = {
  /** TCP + TLS + login bound for one router connection. */
  connectTimeoutMs: number;
  /** Bound on one RouterOS command. */
  commandTimeoutMs: number;
  /** Keep an idle router connection this long (polls reuse it), below the socket timeout. */
  idleCloseMs: number;
  socketTimeoutSec: number;
  /** Bound on one whole health poll (connect and every read). */
  pollTimeoutMs: number;
  /** Health polls in flight at once (I/O bound: 8–16). */
  pollConcurrency: number;
  /** How often the health job looks for routers that are due. */
  healthTickMs: number;
  /** After a first failed poll the router is re-polled this soon before it is called offline. */
  suspectRetryMs: number;
  /** Offline back-off: min(cap, interval · 2^failures) · random(0.5, 1). */
  backoffCapMs: number;
  /** Flap damping: this many up/down changes within the window make a router "flapping". */
  flapWindowMs: number;
  flapMaxChanges: number;
  /**
   * Health polls that finish together commit together (health/poll-commits.ts): at most this
   * many polls per transaction, and no further poll once a transaction has run this long.
   */
  pollCommitMaxWrites: number;
  pollCommitBudgetMs: number;
  /** Health history: at most one sample per bucket, kept this long. */
  sampleEveryMs: number;
  historyMs: number;
  /** How often the queue worker looks for retries that are due (new work wakes it at once). */
  queueTickMs: number;
  /** Routers the worker pushes to at once. */
  pushConcurrency: number;
  /** Queue retry: min(cap, base · 2^(attempts-1)) · random(0.5, 1). */
  retryBaseMs: number;
  retryCapMs: number;
  /** How often the auto-sync and expiry jobs check whether they are due (settings say when). */
  jobTickMs: number;
  /** Jitter source in [0, 1). */
  random: () => number;
};

export const DEFAULT_NETWORK_TUNING: NetworkTuning = {
  connectTimeoutMs: 5_000,
  commandTimeoutMs: 10_000,
  idleCloseMs: 75_000,
  socketTimeoutSec: 90,
  pollTimeoutMs: 8_000,
  pollConcurrency: 12,
  healthTickMs: 500,
  suspectRetryMs: 5_000,
  backoffCapMs: 10 * 60_000,
  flapWindowMs: 30 * 60_000,
  flapMaxChanges: 4,
  pollCommitMaxWrites: 200,
  pollCommitBudgetMs: 8,
  sampleEveryMs: 5 * 60_000,
  // About six months of samples (one per 5 minutes per router, more on status changes): some
  // 53,000 rows, about 3 MB, per router.
  historyMs: 183 * 24 * 60 * 60_000,
  queueTickMs: 2_000,
  pushConcurrency: 8,
  retryBaseMs: 5_000,
  retryCapMs: 10 * 60_000,
  jobTickMs: 30_000,
  random: Math.random,
};

/** min(cap, base · 2^exponent) · random(0.5, 1): exponential back-off with jitter. */
export const backoffMs = (
  baseMs: number,
  exponent: number,
  capMs: number,
  random: () => number,
): number =>
  Math.round(Math.min(capMs, baseMs * 2 ** Math.max(0, exponent)) * (0.5 + random() / 2));

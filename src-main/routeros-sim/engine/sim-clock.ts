/** The simulator's notion of wall-clock time (epoch ms): frozen in tests, real in demo mode. */
export type SimClock = {
  now(): number;
};

export type ManualClock = SimClock & {
  advance(ms: number): void;
  set(epochMs: number): void;
};

/** 2024-11-29 14:17:45 UTC: a fixed, realistic start for reproducible output. */
export const DEFAULT_EPOCH_MS = Date.UTC(2024, 10, 29, 14, 17, 45);

export const createManualClock = (startMs = DEFAULT_EPOCH_MS): ManualClock => {
  let now = startMs;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (epochMs) => {
      now = epochMs;
    },
  };
};

export const realClock: SimClock = { now: () => Date.now() };

/**
 * The health polls' writes, batched: polls that finish in the same turn of the event loop (a
 * thousand routers answer within moments of each other) commit together, in transactions of at
 * most `maxWrites` polls or `budgetMs` (the rest go in the next turn), instead of one fsync
 * each. Each poll's state, sample and log entries stay in one transaction. If one poll's write
 * fails, the batch is rolled back, the polls before it are written again together and it alone,
 * so that one router's failing write loses only that router's poll (a failed commit: each poll
 * again on its own).
 */
import { performance } from 'node:perf_hooks';
import type { WriteTransaction } from '../db/write-transaction';

export type PollCommitBatching = {
  /** At most this many polls' writes in one transaction. */
  maxWrites: number;
  /** A transaction takes no further poll once it has run this long (by `elapsed`, ms). */
  budgetMs: number;
  elapsed?: () => number;
  /** Runs `flush` once the polls finishing in this turn have queued their writes. */
  defer?: (flush: () => void) => void;
};

type Queued = {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
};

export const createPollCommits = (deps: {
  write: WriteTransaction;
  batching: PollCommitBatching;
  /** After each transaction that committed: how many polls it wrote (the bench counts them). */
  committed?: (writes: number) => void;
}) => {
  const { maxWrites, budgetMs } = deps.batching;
  const elapsed = deps.batching.elapsed ?? (() => performance.now());
  const defer = deps.batching.defer ?? ((flush: () => void) => setImmediate(flush));
  let queue: Queued[] = [];
  let scheduled = false;

  /** Writes `items` in one transaction; false (rolled back, nothing settled) if it failed. */
  const together = (items: Queued[]): boolean => {
    let values: unknown[];
    try {
      values = deps.write(() => items.map((q) => q.write()));
    } catch {
      return false;
    }
    deps.committed?.(items.length);
    for (const [i, q] of items.entries()) q.resolve(values[i]);
    return true;
  };

  /** Writes `items` one poll per transaction: each settles on its own. */
  const oneByOne = (items: Queued[]) => {
    for (const q of items) {
      let value: unknown;
      try {
        value = deps.write(q.write);
      } catch (e) {
        q.reject(e);
        continue;
      }
      deps.committed?.(1);
      q.resolve(value);
    }
  };

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const started = elapsed();
    const batch: Queued[] = [];
    // The poll whose write threw, by its place in `batch` (-1: none did).
    const failed = { at: -1 };
    let values: unknown[] | null;
    try {
      values = deps.write(() => {
        const out: unknown[] = [];
        for (const q of queue) {
          if (batch.length >= maxWrites) break;
          if (batch.length > 0 && elapsed() - started >= budgetMs) break;
          batch.push(q);
          failed.at = batch.length - 1;
          out.push(q.write());
          failed.at = -1;
        }
        return out;
      });
    } catch {
      values = null;
    }
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    if (values !== null) {
      deps.committed?.(batch.length);
      for (const [i, q] of batch.entries()) q.resolve(values[i]);
    } else if (failed.at < 0) {
      // Rolled back at the commit: which poll (or whether every one) fails shows one by one.
      oneByOne(batch);
    } else {
      // One poll's write threw: the polls written before it go again together, it on its own.
      const before = batch.slice(0, failed.at);
      if (before.length > 0 && !together(before)) oneByOne(before);
      oneByOne(batch.slice(failed.at, failed.at + 1));
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    defer(flush);
  };

  return {
    /**
     * Queues one poll's writes (run inside a transaction, synchronously: no I/O) and resolves
     * with what `write` returned once they are committed; rejects if they could not be.
     */
    commit: <T>(write: () => T): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: (v) => resolve(v as T), reject });
        schedule();
      }),
  };
};

export type PollCommits = ReturnType<typeof createPollCommits>;

import type { ExportSink } from '../activity/activity.service';
import { seededRandom } from '../../domain/seeded-random';
import type { TestCore } from './test-core';

/**
 * A sink that keeps what it is given, as the HTTP response or the saved file would; after
 * `failAfter` chunks its writes fail (a full disk).
 */
export const memorySink = (failAfter = Infinity) => {
  const state = {
    chunks: [] as string[],
    /** Everything written, text or bytes, as bytes. */
    bytes: [] as Buffer[],
    ended: false,
    aborted: false,
    file: '',
  };
  const open = (file: { fileName: string }): Promise<ExportSink> => {
    state.file = file.fileName;
    return Promise.resolve({
      write: (chunk) => {
        if (state.chunks.length >= failAfter) return Promise.reject(new Error('disk full'));
        state.bytes.push(Buffer.from(chunk));
        if (typeof chunk === 'string') state.chunks.push(chunk);
        return Promise.resolve();
      },
      end: () => {
        state.ended = true;
        return Promise.resolve();
      },
      abort: () => {
        state.aborted = true;
      },
    });
  };
  return { state, open };
};

/** `n` failed sign-ins of unknown users, in one transaction. */
export const failedLogins = (tc: TestCore, n: number) =>
  tc.core.write(() => {
    for (let i = 0; i < n; i++) {
      tc.core.recorder.record({
        event: 'auth.login.failed',
        params: { username: `u${String(i)}`, reason: 'unknown_user' },
        ctx: { actor: null, ip: '10.0.0.1', workstation: null, correlationId: 'c' },
      });
    }
  });

/** A sink's chunk as text (downloads write text, evidence bundles bytes). */
export const chunkText = (chunk: string | Uint8Array): string =>
  typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');

/** The words of seededSearchLog's entries: each entry holds one, or two. */
export const SEARCH_WORDS = ['drill', 'kisumu', 'alpha', 'payment', 'nakuru'] as const;

/**
 * `entries` entries for search tests, the same for a seed: bursts in one millisecond and gaps of
 * up to 30 hours, all three types (system.started, activity.exported, activity.archived) with
 * words of SEARCH_WORDS, four addresses, and clients 1 to 3 on about a third of them. Written
 * without fsyncs (one transaction each), which such tests are not about.
 */
export const seededSearchLog = (tc: TestCore, entries: number, seed: number) => {
  const { pick, chance, int } = seededRandom(seed);
  const hour = 3_600_000;
  const ips = ['10.0.0.1', '10.0.0.2', '10.0.1.9', '192.168.1.5'];
  tc.core.sqlite.pragma('synchronous = OFF');
  for (let i = 0; i < entries; i++) {
    tc.clock.advance(pick([0, 1, 60_000, hour, 6 * hour, 30 * hour]));
    const ctx = { ...tc.core.systemMeta(), ip: pick(ips), actor: null };
    const word = pick(SEARCH_WORDS);
    const link = chance(0.3) ? { clientId: 1 + int(3) } : {};
    const { recorder } = tc.core;
    pick([
      () =>
        recorder.record({
          event: 'system.started',
          params: { version: 'v1', mode: word },
          ctx,
          ...link,
        }),
      () =>
        recorder.record({
          event: 'activity.exported',
          params: { by: word, format: 'csv', rows: i },
          ctx,
          ...link,
        }),
      () =>
        recorder.record({
          event: 'activity.archived',
          params: { by: word, entries: i, file: `${pick(SEARCH_WORDS)}.db` },
          ctx,
          ...link,
        }),
    ])();
  }
  tc.core.sqlite.pragma('synchronous = FULL');
};

import type { ExportSink } from '../activity/activity.service';
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

import type { Socket } from 'node:net';
import type { SeededRandom } from '../../domain/seeded-random';
import type { FragmentMode } from './fault-config';

/**
 * Writes reply bytes to one socket in order, optionally held back (slow first byte) or cut into
 * fragments that arrive as separate reads (each fragment after a turn of the event loop).
 */
export class OutputWriter {
  private queue: Buffer[] = [];
  private draining = false;
  private closed = false;
  private readonly readyAt: number;

  constructor(
    private readonly socket: Socket,
    private readonly rng: SeededRandom,
    delayFirstByteMs: number,
    private readonly fragment: () => FragmentMode | null,
  ) {
    this.readyAt = Date.now() + delayFirstByteMs;
  }

  close(): void {
    this.closed = true;
    this.queue = [];
  }

  write(buf: Buffer): void {
    if (this.closed || buf.length === 0) return;
    const f = this.fragment();
    const pieces = f ? this.split(buf, f) : [buf];
    if (
      !this.draining &&
      this.queue.length === 0 &&
      pieces.length === 1 &&
      Date.now() >= this.readyAt
    ) {
      this.socket.write(buf);
      return;
    }
    this.queue.push(...pieces);
    this.drain();
  }

  /** Resolves once everything queued so far has been handed to the socket. */
  flushed(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.closed || (!this.draining && this.queue.length === 0)) resolve();
        else setImmediate(check);
      };
      check();
    });
  }

  private split(buf: Buffer, f: FragmentMode): Buffer[] {
    const size = Math.max(1, f.size);
    switch (f.mode) {
      case 'splitBeforeFinalNul':
        return buf.length > 1
          ? [buf.subarray(0, buf.length - 1), buf.subarray(buf.length - 1)]
          : [buf];
      case 'bytes': {
        const out: Buffer[] = [];
        for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
        return out;
      }
      case 'random': {
        const out: Buffer[] = [];
        let i = 0;
        while (i < buf.length) {
          const n = 1 + this.rng.int(size);
          out.push(buf.subarray(i, i + n));
          i += n;
        }
        return out;
      }
    }
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    const wait = this.readyAt - Date.now();
    const step = (): void => {
      if (this.closed || this.socket.destroyed) {
        this.draining = false;
        return;
      }
      const next = this.queue.shift();
      if (!next) {
        this.draining = false;
        return;
      }
      this.socket.write(next);
      setImmediate(step);
    };
    if (wait > 0) setTimeout(step, wait);
    else step();
  }
}

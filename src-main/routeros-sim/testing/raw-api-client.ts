import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { SentenceDecoder, encodeSentence } from '../protocol/word-codec';

/**
 * A minimal client for byte-level tests and golden transcripts: sends sentences with the
 * simulator's own encoder and hands back every reply sentence in order.
 */
export class RawApiClient {
  private readonly decoder = new SentenceDecoder();
  private readonly inbox: string[][] = [];
  private readonly waiting: ((s: string[] | null) => void)[] = [];
  private ended = false;
  readonly chunks: Buffer[] = [];
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      for (const s of this.decoder.push(chunk)) {
        const w = this.waiting.shift();
        if (w) w(s);
        else this.inbox.push(s);
      }
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        this.ended = true;
        for (const w of this.waiting.splice(0)) w(null);
        resolve();
      });
    });
  }

  static open(port: number, tls?: ConnectionOptions): Promise<RawApiClient> {
    return new Promise((resolve, reject) => {
      const socket = tls
        ? tlsConnect({ ...tls, port, host: '127.0.0.1' }, () => resolve(new RawApiClient(socket)))
        : connect({ port, host: '127.0.0.1' }, () => resolve(new RawApiClient(socket)));
      socket.once('error', reject);
    });
  }

  send(...words: string[]): void {
    this.socket.write(encodeSentence(words));
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next reply sentence, or null once the connection has closed. */
  next(): Promise<string[] | null> {
    const s = this.inbox.shift();
    if (s) return Promise.resolve(s);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Reply sentences up to and including the `n`-th `!done` (or until close). */
  async untilDone(n = 1): Promise<string[][]> {
    const out: string[][] = [];
    let done = 0;
    while (done < n) {
      const s = await this.next();
      if (!s) break;
      out.push(s);
      if (s[0] === '!done') done++;
    }
    return out;
  }

  /** Sends a command and returns its replies up to `!done`. */
  async call(...words: string[]): Promise<string[][]> {
    this.send(...words);
    return this.untilDone();
  }

  async login(user = 'admin', password = ''): Promise<void> {
    const r = await this.call('/login', `=name=${user}`, `=password=${password}`);
    if (r[0]?.[0] !== '!done') throw new Error(`login failed: ${JSON.stringify(r)}`);
  }

  close(): Promise<void> {
    this.socket.end();
    return this.closed;
  }
}

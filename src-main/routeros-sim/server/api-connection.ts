import type { Socket } from 'node:net';
import { fmtId } from '../engine/format';
import type { Attr, MenuTable, Row } from '../engine/menu-table';
import { applyProplist, rowMatches, runMenuVerb } from '../engine/menu-verbs';
import type { EmptyReplyMode, LoginMethod } from '../engine/profiles';
import type { SeededRandom } from '../../domain/seeded-random';
import type { RouterState } from '../engine/router-state';
import { SimTrap, TRAP_CATEGORY, type TrapReply } from '../engine/sim-trap';
import {
  parseCommandSentence,
  replyWords,
  type CommandSentence,
} from '../protocol/command-sentence';
import {
  SentenceDecoder,
  WordDecodeError,
  encodeSentence,
  encodeLength,
} from '../protocol/word-codec';
import { resolveCommand, WRITE_VERBS } from './command-resolver';
import { takeMatch, type CommandFault, type FaultConfig } from './fault-config';
import { evaluateLogin } from './login-flow';
import { monitorTraffic } from './monitor-traffic';
import { OutputWriter } from './output-writer';

/** What a connection needs from the simulator that owns it. */
export type ConnectionHost = {
  readonly state: RouterState;
  readonly faults: FaultConfig;
  /** Randomness for faults, separate from the router state's. */
  readonly faultRng: SeededRandom;
  loginMethod(): LoginMethod;
  emptyReply(): EmptyReplyMode;
  record(connection: number, words: readonly string[]): void;
  recordSent(connection: number, words: readonly string[]): void;
  reboot(downMs: number): void;
};

type Running = { tag: string | undefined; stop: () => void };

const reply = (
  word: string,
  attrs: readonly Attr[] = [],
): { word: string; attrs: readonly Attr[] } => ({
  word,
  attrs,
});
type Reply = ReturnType<typeof reply>;

/** One API session on one socket: login, command dispatch, tags, cancel, streams and faults. */
export class ApiConnection {
  private readonly decoder: SentenceDecoder;
  private readonly writer: OutputWriter;
  private user: string | null = null;
  private challenge: string | null = null;
  private preLogin = 0;
  private closed = false;
  /** Set once the session is ending (`!fatal`, a drop): nothing more is read or executed. */
  private ending = false;
  private readonly running = new Set<Running>();

  constructor(
    readonly index: number,
    private readonly socket: Socket,
    private readonly host: ConnectionHost,
    private readonly onClosed: () => void,
  ) {
    this.decoder = new SentenceDecoder(host.faults.maxWordBytes);
    this.writer = new OutputWriter(
      socket,
      host.faultRng,
      host.faults.delayFirstByteMs,
      () => host.faults.fragment,
    );
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.teardown());
    socket.on('close', () => this.teardown());
  }

  isClosed(): boolean {
    return this.closed;
  }

  isEnding(): boolean {
    return this.ending;
  }

  /** Stops reading and executing, lets queued output go out, then closes (FIN or RST). */
  private endAfterFlush(reset = false): void {
    if (this.ending) return;
    this.ending = true;
    for (const r of this.running) r.stop();
    this.running.clear();
    void this.writer.flushed().then(() => this.close(reset));
  }

  get loggedInAs(): string | null {
    return this.user;
  }

  get peer(): string {
    return this.socket.remoteAddress ?? '';
  }

  /** Closes the socket (FIN, or RST with `reset`). */
  close(reset = false): void {
    if (this.closed) return;
    this.teardown();
    if (reset) this.socket.resetAndDestroy();
    else this.socket.end();
  }

  destroy(): void {
    this.teardown();
    this.socket.destroy();
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    this.writer.close();
    for (const r of this.running) r.stop();
    this.running.clear();
    this.onClosed();
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.ending) return;
    let sentences: string[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (e) {
      if (e instanceof WordDecodeError && e.reason === 'word-too-long') {
        this.fatal(this.host.state.messages.messageTooLong);
      } else {
        this.close();
      }
      return;
    }
    for (const words of sentences) {
      if (this.isClosed() || this.isEnding()) return;
      if (words.length === 0) continue; // an empty sentence gets no reply
      this.host.record(this.index, words);
      this.handle(parseCommandSentence(words));
    }
  }

  // --- output ----------------------------------------------------------------------------------

  private encode(words: readonly string[]): Buffer {
    this.host.recordSent(this.index, words);
    return encodeSentence(words);
  }

  private wordsOf(r: Reply, tag: string | undefined): string[] {
    return replyWords(r.word, r.attrs, tag, this.host.faults.tagPosition);
  }

  private send(sentences: readonly (readonly string[])[]): void {
    if (this.closed || sentences.length === 0) return;
    if (this.host.faults.coalesce) {
      this.writer.write(Buffer.concat(sentences.map((s) => this.encode(s))));
    } else {
      for (const s of sentences) this.writer.write(this.encode(s));
    }
  }

  private sendReplies(replies: readonly Reply[], tag: string | undefined): void {
    this.send(replies.map((r) => this.wordsOf(r, tag)));
  }

  /** `!fatal` + reason (untagged, no `=message=`), then FIN. */
  private fatal(reason: string): void {
    this.send([['!fatal', reason]]);
    this.endAfterFlush();
  }

  private trapReplies(traps: readonly TrapReply[]): Reply[] {
    return [
      ...traps.map((t) =>
        reply(
          '!trap',
          t.category === undefined
            ? [['message', t.message]]
            : [
                ['category', String(t.category)],
                ['message', t.message],
              ],
        ),
      ),
      reply('!done'),
    ];
  }

  // --- dispatch --------------------------------------------------------------------------------

  private handle(cmd: CommandSentence): void {
    const state = this.host.state;
    state.expire();
    if (this.user === null) {
      this.preLogin += 1;
      if (this.preLogin > this.host.faults.maxPreLoginSentences) {
        this.fatal(state.messages.notLoggedIn);
        return;
      }
      if (cmd.command !== '/login') {
        this.fatal(state.messages.notLoggedIn);
        return;
      }
    }
    const faults = this.host.faults.commands.filter((f) =>
      takeMatch(f, cmd.command, this.index, this.host.faultRng),
    );
    const delay = faults.reduce(
      (ms, f) =>
        f.fault.kind === 'delay'
          ? ms + f.fault.ms + (f.fault.jitterMs ? this.host.faultRng.int(f.fault.jitterMs + 1) : 0)
          : ms,
      0,
    );
    const terminal = faults.map((f) => f.fault).find((f) => f.kind !== 'delay');
    if (cmd.command === '#' || !cmd.command.startsWith('/')) {
      if (terminal?.kind === 'hang') {
        this.hang(cmd);
        return;
      }
      this.keepalive(cmd);
      return;
    }
    if (terminal?.kind === 'hang') {
      this.hang(cmd);
      return;
    }
    if (delay > 0 && cmd.command !== '/cancel') {
      const entry: Running = {
        tag: cmd.tag,
        stop: () => clearTimeout(timer),
      };
      const timer = setTimeout(() => {
        this.running.delete(entry);
        this.execute(cmd, terminal);
      }, delay);
      this.running.add(entry);
      return;
    }
    this.execute(cmd, terminal);
  }

  private keepalive(cmd: CommandSentence): void {
    const mode = this.host.faults.keepaliveReply;
    if (mode === 'ignore') return;
    if (mode === 'done') this.sendReplies([reply('!done')], cmd.tag);
    else
      this.sendReplies(
        this.trapReplies([{ message: this.host.state.messages.keepaliveTrap }]),
        cmd.tag,
      );
  }

  private hang(cmd: CommandSentence): void {
    this.running.add({ tag: cmd.tag, stop: () => undefined });
  }

  private execute(cmd: CommandSentence, fault: CommandFault | undefined): void {
    if (this.closed || this.ending) return;
    if (fault?.kind === 'fatal' && !fault.executed) {
      this.fatal(fault.reason);
      return;
    }
    if (fault?.kind === 'trap') {
      this.sendReplies(
        this.trapReplies([
          fault.category === undefined
            ? { message: fault.message }
            : { message: fault.message, category: fault.category },
        ]),
        cmd.tag,
      );
      return;
    }
    if (fault?.kind === 'trapWithoutDone') {
      this.sendReplies([reply('!trap', [['message', fault.message]])], cmd.tag);
      return;
    }
    const replies = this.run(cmd);
    if (replies === null) return; // streaming, or the command closed the connection
    if (fault?.kind === 'fatal') {
      this.fatal(fault.reason);
      return;
    }
    this.deliver(cmd, replies, fault);
  }

  /** Applies reply-shaping faults and writes. */
  private deliver(cmd: CommandSentence, replies: Reply[], fault: CommandFault | undefined): void {
    let tag = cmd.tag;
    let out = replies;
    switch (fault?.kind) {
      case 'untaggedReplies':
        tag = undefined;
        break;
      case 'wrongTag':
        tag = `${cmd.tag ?? ''}x${this.host.faultRng.hex(2)}`;
        break;
      case 'duplicateDone':
        out = [...replies, reply('!done')];
        break;
      case 'unknownReplyWord':
        out = [...replies.slice(0, -1), reply(fault.word), ...replies.slice(-1)];
        break;
      case 'malformed':
        this.sendMalformed(fault.variant, cmd.tag);
        return;
      case 'drop': {
        const sentences = out.map((r) => this.wordsOf(r, tag)).slice(0, fault.afterSentences);
        this.send(sentences);
        this.endAfterFlush(fault.mode === 'rst');
        return;
      }
      case 'delay':
      case 'hang':
      case 'fatal':
      case 'trap':
      case 'trapWithoutDone':
      case undefined:
        break;
    }
    this.sendReplies(out, tag);
  }

  private sendMalformed(
    variant: 'controlByte' | 'undefinedPrefix' | 'noReplyWord',
    tag: string | undefined,
  ): void {
    if (variant === 'noReplyWord') {
      this.send([tag === undefined ? ['=ret=x'] : ['=ret=x', `.tag=${tag}`]]);
      return;
    }
    const head = this.encode(this.wordsOf(reply('!re'), tag)).subarray(0, -1);
    const bad = Buffer.from([variant === 'controlByte' ? 0xf8 : 0xf3, 0, 0, 0, 1, 0x41, 0]);
    this.writer.write(Buffer.concat([head, bad, encodeLength(0)]));
  }

  /** Runs a command; returns its reply sentences, or null when it streams or ended the session. */
  private run(cmd: CommandSentence): Reply[] | null {
    const state = this.host.state;
    try {
      switch (cmd.command) {
        case '/login':
          return this.login(cmd);
        case '/cancel':
          return this.cancel(cmd);
        case '/quit':
          this.fatal(state.messages.sessionTerminated);
          return null;
        case '/system/reboot':
          this.sendReplies([reply('!done')], cmd.tag);
          this.host.reboot(this.host.faults.rebootDownMs);
          return null;
        case '/interface/monitor-traffic':
          return this.monitor(cmd);
        default:
          break;
      }
      const resolved = resolveCommand(state, cmd.command);
      if (resolved.kind === 'error') return this.trapReplies(resolved.traps);
      const { table, verb } = resolved;
      const policies = state.policies(this.user ?? '');
      const needed = WRITE_VERBS.has(verb) ? 'write' : 'read';
      if (!policies.has(needed)) {
        throw new SimTrap(state.messages.notEnoughPermissions);
      }
      const outcome = runMenuVerb(table, verb, cmd, state);
      if (outcome.kind === 'listen') {
        this.listen(cmd, outcome.table, outcome.initial, outcome.proplist, outcome.queries);
        return null;
      }
      const rows = outcome.rows.map((attrs) => reply('!re', attrs));
      const empty = this.host.emptyReply();
      const sendEmpty =
        outcome.noData && (empty === 'all' || (empty === 'print' && outcome.isPrint));
      return [...rows, ...(sendEmpty ? [reply('!empty')] : []), reply('!done', outcome.done)];
    } catch (e) {
      if (e instanceof SimTrap) return this.trapReplies(e.traps);
      throw e;
    }
  }

  private login(cmd: CommandSentence): Reply[] {
    if (this.user !== null) return [reply('!done')];
    const outcome = evaluateLogin({
      cmd,
      state: this.host.state,
      method: this.host.loginMethod(),
      authFail: this.host.faults.authFail,
      challenge: this.challenge,
      newChallenge: () => this.host.faultRng.hex(16),
      peer: this.peer,
    });
    switch (outcome.kind) {
      case 'challenge':
        this.challenge = outcome.challenge;
        return [reply('!done', [['ret', outcome.challenge]])];
      case 'ok':
        this.user = outcome.user;
        this.host.state.recordLogin(outcome.user);
        return [reply('!done')];
      case 'fail': {
        const replies = this.trapReplies([{ message: outcome.message }]);
        if (!this.host.faults.closeOnLoginFailure) return replies;
        this.sendReplies(replies, cmd.tag);
        this.endAfterFlush();
        return [];
      }
    }
  }

  private cancel(cmd: CommandSentence): Reply[] {
    const target = cmd.attributes.get('tag');
    const victims = [...this.running].filter((r) => target === undefined || r.tag === target);
    const interrupted = this.host.state.messages.interrupted;
    const out: string[][] = [];
    for (const v of victims) {
      v.stop();
      this.running.delete(v);
      out.push(
        this.wordsOf(
          reply('!trap', [
            ['category', String(TRAP_CATEGORY.interrupted)],
            ['message', interrupted],
          ]),
          v.tag,
        ),
      );
    }
    out.push(this.wordsOf(reply('!done'), cmd.tag));
    for (const v of victims) out.push(this.wordsOf(reply('!done'), v.tag));
    this.send(out);
    return [];
  }

  private listen(
    cmd: CommandSentence,
    table: MenuTable,
    initial: Attr[][],
    proplist: string[] | null,
    queries: string[],
  ): void {
    const state = this.host.state;
    this.sendReplies(
      initial.map((attrs) => reply('!re', attrs)),
      cmd.tag,
    );
    const unsubscribe = state.subscribe((t: MenuTable, kind, row: Row) => {
      if (t !== table || this.closed) return;
      if (kind === 'dead') {
        this.sendReplies(
          [
            reply('!re', [
              ['.id', fmtId(row.id)],
              ['.dead', 'true'],
            ]),
          ],
          cmd.tag,
        );
        return;
      }
      const attrs = table.output(row, state);
      if (!rowMatches(table, attrs, queries)) return;
      this.sendReplies([reply('!re', applyProplist(attrs, proplist))], cmd.tag);
    });
    this.running.add({ tag: cmd.tag, stop: unsubscribe });
  }

  private monitor(cmd: CommandSentence): Reply[] | null {
    const state = this.host.state;
    const names = (cmd.attributes.get('interface') ?? '').split(',').filter((n) => n !== '');
    const rows = names.map((n) => state.table('/interface').findBy('name', n));
    if (names.length === 0 || rows.some((r) => r === undefined)) {
      throw new SimTrap(state.messages.inputDoesNotMatch('interface'), TRAP_CATEGORY.argumentValue);
    }
    const present = rows.filter((r): r is Row => r !== undefined);
    if (cmd.attributes.has('once')) {
      return [...monitorTraffic(present, null).map((a) => reply('!re', a)), reply('!done')];
    }
    let section = 0;
    const tick = (): void => {
      this.sendReplies(
        monitorTraffic(present, section).map((a) => reply('!re', a)),
        cmd.tag,
      );
      section += 1;
    };
    tick();
    const intervalMs = Math.max(10, 1000 * Number(cmd.attributes.get('interval') ?? '1'));
    const timer = setInterval(tick, intervalMs);
    this.running.add({
      tag: cmd.tag,
      stop: () => clearInterval(timer),
    });
    return null;
  }
}

import type { TagPosition } from '../protocol/command-sentence';
import type { EmptyReplyMode, LoginMethod } from '../engine/profiles';
import type { SeededRandom } from '../../domain/seeded-random';

/**
 * Where a fault applies. Every field narrows; an empty matcher matches everything. `times` and
 * `probability` (seeded) limit how often it fires.
 */
export type Matcher = {
  /** Command word or a path prefix of it: `/ppp/secret/print`, `/ppp/secret`, `#`. */
  path?: string;
  /** Last path segment: `print`, `add`, … */
  verb?: string;
  /** 1-based index of the accepted connection (counted since start). */
  connection?: number;
  times?: number;
  probability?: number;
};

export type ConnectionFault = 'acceptThenClose' | 'acceptThenReset' | 'silent';

export type CommandFault =
  /** Reply after `ms` (+ seeded jitter up to `jitterMs`). */
  | { kind: 'delay'; ms: number; jitterMs?: number }
  /** Never reply (until `/cancel` or close). */
  | { kind: 'hang' }
  /** Send `afterSentences` reply sentences, then FIN or RST. */
  | { kind: 'drop'; afterSentences: number; mode: 'fin' | 'rst' }
  /** `!fatal` + reason and close; `executed` applies the command first. */
  | { kind: 'fatal'; reason: string; executed?: boolean }
  /** `!trap` (+ `!done`) instead of executing. */
  | { kind: 'trap'; message: string; category?: number }
  // Client-killers: raw node-routeros crashes or hangs on these.
  | { kind: 'untaggedReplies' }
  | { kind: 'wrongTag' }
  | { kind: 'duplicateDone' }
  | { kind: 'unknownReplyWord'; word: string }
  | { kind: 'trapWithoutDone'; message: string }
  | { kind: 'malformed'; variant: 'controlByte' | 'undefinedPrefix' | 'noReplyWord' };

export type FragmentMode = { mode: 'bytes' | 'random' | 'splitBeforeFinalNul'; size: number };

export type FaultConfig = {
  /** Stop listening: connection attempts get ECONNREFUSED. */
  refuse: boolean;
  connections: (Matcher & { kind: ConnectionFault })[];
  commands: (Matcher & { fault: CommandFault })[];
  /** Every login fails as if the password were wrong. */
  authFail: boolean;
  /** Overrides the profile's login method (`legacy`, `mixed`). */
  login: LoginMethod | null;
  closeOnLoginFailure: boolean;
  /** Nothing is written on a connection until this long after accept. */
  delayFirstByteMs: number;
  /** Overrides the profile's `!empty` behaviour. */
  emptyReply: EmptyReplyMode | null;
  fragment: FragmentMode | null;
  /** One write per command reply (true) or one per sentence. */
  coalesce: boolean;
  tagPosition: TagPosition;
  /** Reply to `#` and other non-`/` command words. `ignore` reproduces a hung router. */
  keepaliveReply: 'trap' | 'done' | 'ignore';
  /** Open sessions beyond this are accepted, then closed. */
  maxSessions: number | null;
  /** How long `/system/reboot` keeps the router down. */
  rebootDownMs: number;
  maxPreLoginSentences: number;
  maxWordBytes: number;
};

export const defaultFaults = (): FaultConfig => ({
  refuse: false,
  connections: [],
  commands: [],
  authFail: false,
  login: null,
  closeOnLoginFailure: false,
  delayFirstByteMs: 0,
  emptyReply: null,
  fragment: null,
  coalesce: true,
  tagPosition: 'second',
  keepaliveReply: 'trap',
  maxSessions: null,
  rebootDownMs: 200,
  maxPreLoginSentences: 16,
  maxWordBytes: 16 * 1024 * 1024,
});

const pathMatches = (pattern: string, command: string): boolean =>
  command === pattern || command.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`);

/** True (and consumes one use) when the matcher selects this command on this connection. */
export const takeMatch = (
  m: Matcher,
  command: string | null,
  connection: number,
  rng: SeededRandom,
): boolean => {
  if (m.connection !== undefined && m.connection !== connection) return false;
  if (command !== null) {
    if (m.path !== undefined && !pathMatches(m.path, command)) return false;
    if (m.verb !== undefined && command.split('/').pop() !== m.verb) return false;
  }
  if (m.times !== undefined && m.times <= 0) return false;
  if (m.probability !== undefined && rng.next() >= m.probability) return false;
  if (m.times !== undefined) m.times -= 1;
  return true;
};

/**
 * How node-routeros failures become {@link RouterError}s. The library reports failures in three
 * shapes: RosException-like errors with `errno` (a string such as `CANTLOGIN`/`SOCKTMOUT`, or a
 * negative number with an empty message on current Node), plain `Error(message)` for `!trap`s,
 * and bare strings (`'ALRDYCONNECTING'`). The adapter's patch keeps the socket error as `cause`.
 */
import { ProtocolFault } from './node-routeros.patches';
import { RouterError } from './router-error';

const LOGIN_REJECTIONS = ['cannot log in', 'invalid user name or password'];

const errnoOf = (e: unknown): unknown =>
  typeof e === 'object' && e !== null ? Reflect.get(e, 'errno') : undefined;

const causeCode = (e: unknown): string | undefined => {
  const cause: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'cause') : undefined;
  const code: unknown =
    typeof cause === 'object' && cause !== null ? Reflect.get(cause, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
};

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Socket-level failure (refused, reset, TLS, idle timeout) → `unreachable`. */
export const socketError = (e: unknown, tls: boolean): RouterError => {
  const errno = errnoOf(e);
  const code = causeCode(e);
  if (errno === 'SOCKTMOUT') {
    return new RouterError(
      'unreachable',
      'the router stopped answering',
      { reason: 'no-reply' },
      { cause: e },
    );
  }
  if (code === 'ECONNREFUSED' || errno === -111) {
    return new RouterError(
      'unreachable',
      'connection refused',
      { reason: 'refused' },
      { cause: e },
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || errno === -104 || errno === -32) {
    return new RouterError(
      'unreachable',
      'connection reset by the router',
      { reason: 'reset' },
      { cause: e },
    );
  }
  if (tls && (code === undefined || !/^E[A-Z]+$/.test(code))) {
    return new RouterError(
      'unreachable',
      `TLS failure: ${messageOf(e)}`,
      { reason: 'tls' },
      { cause: e },
    );
  }
  return new RouterError(
    'unreachable',
    messageOf(e) || 'connection failed',
    { reason: code ?? 'socket' },
    { cause: e },
  );
};

/** Maps a rejection of `RouterOSAPI.connect()`. */
export const connectError = (e: unknown, tls: boolean): RouterError => {
  if (e instanceof ProtocolFault) {
    return new RouterError('protocol', e.message, { reason: 'login' }, { cause: e });
  }
  if (errnoOf(e) === 'CANTLOGIN') {
    return new RouterError(
      'auth_failed',
      'invalid user name or password',
      { reason: 'credentials' },
      { cause: e },
    );
  }
  if (typeof e === 'string') {
    return new RouterError('protocol', `node-routeros: ${e}`, { reason: e });
  }
  if (
    e instanceof Error &&
    errnoOf(e) === undefined &&
    causeCode(e) === undefined &&
    e.message !== ''
  ) {
    // A plain Error is a `!trap` during login (`std failure: not allowed (9)`, …).
    const reason = LOGIN_REJECTIONS.some((m) => e.message.startsWith(m))
      ? 'credentials'
      : 'not-allowed';
    return new RouterError(
      'auth_failed',
      e.message,
      { reason, routerMessage: e.message },
      { cause: e },
    );
  }
  return socketError(e, tls);
};

import type { ErrorCode } from '../../contract/errors';
import { AppError } from '../shared/app-error';

/**
 * Why a router call failed:
 * - `unreachable`: no connection (refused, reset, closed, no reply to login, TLS failure) or the
 *   connection was lost while the call was pending;
 * - `auth_failed`: the router rejected the credentials or the user may not use the API;
 * - `timeout`: the router did not answer the command in time;
 * - `trap`: the router refused the command; `routerMessage` is its message;
 * - `protocol`: the router sent something the client cannot follow (the connection is dropped);
 * - `closed`: the client was closed (app shutdown) or the call was aborted;
 * - `invalid_request`: the call was refused locally (text not representable, bad word).
 */
export type RouterErrorKind =
  'unreachable' | 'auth_failed' | 'timeout' | 'trap' | 'protocol' | 'closed' | 'invalid_request';

export type RouterErrorDetails = {
  kind: RouterErrorKind;
  /** Finer cause: `refused`, `reset`, `closed`, `connect-timeout`, `no-reply`, `tls`, … */
  reason?: string;
  /** The `!trap` message, for `trap` and login failures. */
  routerMessage?: string;
  command?: string;
};

const codeFor = (kind: RouterErrorKind, routerMessage: string | undefined): ErrorCode => {
  switch (kind) {
    case 'trap': {
      const m = routerMessage ?? '';
      if (m.startsWith('no such item')) return 'not_found';
      if (m.includes('already')) return 'conflict';
      return 'validation';
    }
    case 'invalid_request':
      return 'validation';
    case 'unreachable':
    case 'auth_failed':
    case 'timeout':
    case 'protocol':
    case 'closed':
      return 'unavailable';
  }
};

export class RouterError extends AppError {
  readonly kind: RouterErrorKind;
  readonly reason: string | undefined;
  readonly routerMessage: string | undefined;

  constructor(
    kind: RouterErrorKind,
    message: string,
    extra: Omit<RouterErrorDetails, 'kind'> = {},
    options?: { cause?: unknown },
  ) {
    const details: RouterErrorDetails = { kind, ...extra };
    super(codeFor(kind, extra.routerMessage), message, details);
    this.name = 'RouterError';
    this.kind = kind;
    this.reason = extra.reason;
    this.routerMessage = extra.routerMessage;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export const isRouterError = (e: unknown): e is RouterError => e instanceof RouterError;

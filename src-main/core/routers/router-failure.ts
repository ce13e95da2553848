import { isRouterError, type RouterErrorKind } from '../routeros-client/router-error';

/** What a refused API login reads as in the log (the alert rules look for it). */
export const API_PASSWORD_REFUSED = 'The router refused the API user name or password.';

export type PlainError = { kind: RouterErrorKind; message: string };

/**
 * A router failure as the office reads it: what happened and what to check. `where` is the
 * address the app tried (`10.0.0.1:8728`).
 */
export const plainRouterError = (e: unknown, where: string): PlainError => {
  if (!isRouterError(e)) {
    return {
      kind: 'protocol',
      message: `Unexpected failure talking to ${where}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const kind = e.kind;
  switch (kind) {
    case 'unreachable':
      switch (e.reason ?? '') {
        case 'refused':
          return {
            kind,
            message: `${where} refused the connection. Check the port and that the API service is enabled on the router (IP → Services → api / api-ssl).`,
          };
        case 'connect-timeout':
          return {
            kind,
            message: `No answer from ${where} in time. Check the address, the route and any firewall, and that this computer is in the API service's "available from" list.`,
          };
        case 'tls':
          return {
            kind,
            message: `The API-SSL handshake with ${where} failed (${e.message}). Check the API-SSL setting and the router's certificate.`,
          };
        case 'reset':
        case 'closed':
          return {
            kind,
            message: `${where} closed the connection. The router may be rebooting, or the API service may limit who can connect.`,
          };
        case 'no-reply':
          return { kind, message: `${where} stopped answering.` };
        default:
          return { kind, message: `Cannot reach ${where}: ${e.message}.` };
      }
    case 'auth_failed':
      return e.reason === 'not-allowed'
        ? {
            kind,
            message: `The router accepted the login but this user may not use the API (its group needs the "api" policy): ${e.message}.`,
          }
        : {
            kind,
            message: API_PASSWORD_REFUSED,
          };
    case 'timeout':
      return { kind, message: `${where} did not answer in time (${e.message}).` };
    case 'trap':
      return { kind, message: `The router refused the command: ${e.routerMessage ?? e.message}.` };
    case 'protocol':
      return {
        kind,
        message: `The router sent a reply the app cannot follow (${e.message}); the connection was reset.`,
      };
    case 'closed':
      return {
        kind,
        message: 'The connection was closed by the app (shutting down or cancelled).',
      };
    case 'invalid_request':
      return { kind, message: `The request could not be sent: ${e.message}.` };
  }
};

/** True for failures of the router as a whole (not of one command): stop talking to it. */
export const isRouterDown = (e: unknown): boolean =>
  isRouterError(e) &&
  (e.kind === 'unreachable' ||
    e.kind === 'timeout' ||
    e.kind === 'auth_failed' ||
    e.kind === 'protocol' ||
    e.kind === 'closed');

/**
 * The pooled connection died under the call (router rebooted, link blipped): one fresh attempt
 * is worth it before calling the router down. Safe because reads and pushes are idempotent.
 */
export const isStaleConnection = (e: unknown): boolean =>
  isRouterError(e) &&
  e.kind === 'unreachable' &&
  (e.reason === 'closed' || e.reason === 'reset' || e.reason === 'no-reply');

export const hostPort = (host: string, port: number | null, tls: string): string =>
  `${host}:${String(port ?? (tls === 'off' ? 8728 : 8729))}`;

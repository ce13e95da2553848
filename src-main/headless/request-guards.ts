import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';

/**
 * CSRF guard for every POST: the custom header cannot be sent cross-site without a CORS
 * preflight (which this server never grants), a present Origin must be this server, and the
 * body must be JSON. The session cookie is SameSite=Strict on top of that.
 */
export const csrfProblem = (
  req: IncomingMessage,
  scheme: 'http' | 'https' = 'http',
): string | null => {
  if (req.headers['x-ispdesk'] !== '1') return 'Missing the X-ISPDesk request header.';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `${scheme}://${req.headers.host ?? ''}`) {
    return 'Cross-origin requests are not accepted.';
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return 'Cross-site requests are not accepted.';
  }
  if (!isJsonMediaType(req.headers['content-type'])) {
    return 'Requests must be JSON (Content-Type: application/json).';
  }
  return null;
};

/** `application/json`, any case, with or without parameters (`; charset=utf-8`); nothing else. */
const isJsonMediaType = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * Refuses Host names other than IP literals, localhost and this machine's name, so that a web
 * page cannot reach the server through DNS rebinding (e.g. to run first-run setup itself).
 */
export const hostAllowed = (req: IncomingMessage): boolean => {
  const host = (req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  const me = hostname().toLowerCase();
  return isIP(host) !== 0 || host === 'localhost' || host === me || host === `${me}.local`;
};

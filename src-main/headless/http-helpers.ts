import type { IncomingMessage, ServerResponse } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { ProcedureName } from '../contract/channels';
import type { ErrorCode, Result } from '../contract/errors';
import { HEADER_POLICY } from '../transport/content-security';
import { IMPORT_BODY_BYTES } from '../contract/schemas/clients';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  storage_full: 507,
};

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HEADER_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** `details.retryAfterSeconds` of a refusal (rate_limited), for the HTTP `Retry-After` header. */
const retryAfterSeconds = (details: unknown): number | undefined => {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) {
    return undefined;
  }
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.ceil(seconds) : undefined;
};

/** Writes a Result envelope; the HTTP status mirrors the error code, the body is what counts. */
export const sendResult = (res: ServerResponse, result: Result<unknown>): void => {
  const body = JSON.stringify(result);
  const retryAfter = result.ok ? undefined : retryAfterSeconds(result.error.details);
  res.writeHead(result.ok ? 200 : STATUS[result.error.code], {
    ...SECURITY_HEADERS,
    ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
};

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Calls that may carry more than MAX_BODY_BYTES (a 100,000-row CSV import); the server reads
 * such a body only once the caller is admitted to the call.
 */
export const LARGE_BODY_BYTES: Partial<Record<ProcedureName, number>> = {
  'clients.importPreview': IMPORT_BODY_BYTES,
  'clients.importCommit': IMPORT_BODY_BYTES,
};

export class BodyTooLarge extends Error {}

/**
 * Reads the request body, refusing more than `limit` bytes. Decoded piece by piece as it
 * arrives, so that a large body costs no single long step at the end.
 */
export const readBody = (req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      parts.push(decoder.write(chunk));
    });
    req.on('end', () => resolve(parts.join('') + decoder.end()));
    req.on('error', reject);
  });

export const SESSION_COOKIE = 'ispdesk_session';

export const readCookie = (req: IncomingMessage, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // not percent-encoding (`%`, `%zz`): no session, as if there were no cookie
    }
  }
  return null;
};

/**
 * HttpOnly: page scripts never see the token. SameSite=Strict: other sites never send it.
 * Secure when served over HTTPS: the browser never sends it in clear.
 */
export const sessionCookie = (token: string | null, secure = false): string =>
  (token === null
    ? `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
    : `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`) +
  (secure ? '; Secure' : '');

/** A short label for the browser a request came from ("Chrome 156 on Linux"). */
export const browserLabel = (req: IncomingMessage): string | null => {
  const ua = req.headers['user-agent'] ?? '';
  const browser = /(Edg|Firefox|Chrome|Chromium|Safari)\/(\d+)/.exec(ua);
  const os = /(Windows|Mac OS X|Android|Linux|iPhone|iPad)/.exec(ua);
  if (!browser) return null;
  const name = browser[1] === 'Edg' ? 'Edge' : browser[1];
  return `${String(name)} ${String(browser[2])}${os ? ` on ${os[1] === 'Mac OS X' ? 'macOS' : String(os[1])}` : ''}`;
};

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { canonicalIp } from '../core/shared/ip-address';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../core/shared/storage-full';
import { isDownload, isProcedure } from '../contract/api';
import type { CallContext } from '../transport/call-context';
import type { CoreHost } from '../transport/core-host';
import type { ResourceName } from '../transport/dispatch';
import { fail, ok } from '../transport/errors';
import { apiCatalog } from './api-catalog';
import { createEventStream } from './event-stream';
import { capConnectionsPerAddress } from './connection-cap';
import { createGracefulClose } from './graceful-close';
import {
  BodyTooLarge,
  SECURITY_HEADERS,
  SESSION_COOKIE,
  browserLabel,
  readBody,
  LARGE_BODY_BYTES,
  readCookie,
  sendResult,
  sessionCookie,
} from './http-helpers';
import { csrfProblem, hostAllowed } from './request-guards';
import { serveStatic } from './static-files';

/** The GET paths under /api, by the name the dispatcher admits them under. */
const GET_RESOURCES: Partial<Record<string, ResourceName>> = {
  '/api': 'api.catalog',
  '/api/events': 'api.events',
};

/** A PEM certificate (chain) and its private key: the server then speaks HTTPS only. */
export type TlsFiles = { cert: string | Buffer; key: string | Buffer };

export type HttpServerOptions = { host: CoreHost; rendererDir: string; tls?: TlsFiles };

/**
 * One HTTP request → the same dispatch the Electron IPC uses. The core is read from the host per
 * request: the first-run screen may switch the app to the demo office.
 */
export const createHttpServer = (deps: HttpServerOptions) => {
  const { host } = deps;
  const scheme = deps.tls ? 'https' : 'http';
  const stream = createEventStream(host);

  const callContext = (req: IncomingMessage, res: ServerResponse): CallContext => ({
    sessionToken: readCookie(req, SESSION_COOKIE),
    // The socket's address: a forwarded-for header is whatever the caller wants it to be.
    ip: canonicalIp(req.socket.remoteAddress),
    workstation: browserLabel(req),
    setSessionToken: (token) => res.setHeader('Set-Cookie', sessionCookie(token, !!deps.tls)),
  });

  const handlePost = async (name: string, req: IncomingMessage, res: ServerResponse) => {
    const problem = csrfProblem(req, scheme);
    if (problem) return sendResult(res, fail('forbidden', problem));
    const call = callContext(req, res);
    const procedure = isProcedure(name) ? name : null;
    const large = procedure === null ? undefined : LARGE_BODY_BYTES[procedure];
    if (procedure !== null && large !== undefined) {
      const admitted = host.admit(procedure, call);
      if (!admitted.ok) {
        res.setHeader('Connection', 'close'); // the body is never read
        return sendResult(res, admitted);
      }
    }
    let input: unknown;
    try {
      const body = await readBody(req, large);
      input = body.trim() === '' ? undefined : (JSON.parse(body) as unknown);
    } catch (e) {
      res.setHeader('Connection', 'close');
      return sendResult(
        res,
        e instanceof BodyTooLarge
          ? fail('payload_too_large', 'The request is too large.')
          : fail('validation', 'The request body is not valid JSON.'),
      );
    }
    if (!isDownload(name)) return sendResult(res, await host.call(name, input, call));

    const result = await host.download(name, input, call, (file) => {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      });
      return Promise.resolve({
        write: (chunk) =>
          new Promise<void>((resolve, reject) => {
            if (res.destroyed) reject(new Error('The client went away during the export.'));
            else if (res.write(chunk)) resolve();
            else res.once('drain', resolve);
          }),
        end: () => new Promise<void>((resolve) => res.end(resolve)),
        abort: () => res.destroy(), // an incomplete file must fail visibly in the browser
      });
    });
    if (!res.headersSent) sendResult(res, result);
  };

  /** GET /api and /api/events: admitted by the dispatcher, as a call would be. */
  const handleGetApi = (path: string, req: IncomingMessage, res: ServerResponse) => {
    const resource = GET_RESOURCES[path];
    if (!resource) return sendResult(res, fail('not_found', 'No such resource.'));
    const call = callContext(req, res);
    const admitted = host.admit(resource, call);
    if (!admitted.ok) return sendResult(res, admitted);
    if (resource === 'api.catalog') return sendResult(res, ok(apiCatalog()));
    const token = call.sessionToken;
    if (token === null) return sendResult(res, fail('unauthenticated', 'Please sign in.'));
    return stream.open(req, res, token, call.ip);
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req)) {
      return sendResult(res, fail('forbidden', 'Unknown Host header.'));
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api' || path.startsWith('/api/')) {
      if (req.method === 'POST' && path.startsWith('/api/')) {
        return handlePost(path.slice('/api/'.length), req, res);
      }
      if (req.method === 'GET') return handleGetApi(path, req, res);
      return sendResult(res, fail('not_found', `${String(req.method)} is not served on ${path}.`));
    }
    if (req.method === 'GET' || req.method === 'HEAD')
      return serveStatic(deps.rendererDir, req, res);
    return sendResult(res, fail('not_found', 'No such resource.'));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!stopping.admit(res)) {
      return sendResult(res, fail('unavailable', 'ISP Desk is stopping. Try again in a moment.'));
    }
    route(req, res).catch((e: unknown) => {
      host.core.logger.error('HTTP request failed', {
        error: e instanceof Error ? e.stack : String(e),
      });
      const failure = isStorageFull(e)
        ? fail('storage_full', STORAGE_FULL_MESSAGE)
        : fail('internal', 'Something went wrong.');
      if (!res.headersSent) sendResult(res, failure);
      else res.destroy();
    });
  };
  const server: Server = deps.tls ? createTlsServer(deps.tls, handle) : createServer(handle);
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  capConnectionsPerAddress(server);
  const stopping = createGracefulClose(server);

  return {
    listen: (port: number, host: string): Promise<{ url: string; port: number }> =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          const shown = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `${scheme}://${shown}:${String(actual)}/`, port: actual });
        });
      }),
    /** Stops accepting, answers what is in flight, then closes every connection. */
    close: (): Promise<void> => {
      stream.close();
      return stopping.close();
    },
  };
};

import { mkdirSync, writeFileSync } from 'node:fs';
import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { Result } from '../../contract/errors';
import {
  ADMIN,
  tempDirForTest,
  testCore,
  type TestCore,
  type TestCoreOptions,
} from '../../core/test-support/test-core';
import { fixedCoreHost } from '../../transport/core-host';
import { createHttpServer, type HttpServerOptions } from '../http-server';

export type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

/** A response read to its end. */
export const replyOf = (res: IncomingMessage): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () =>
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    );
    res.on('error', reject);
  });

export type ServedCore = {
  tc: TestCore;
  port: number;
  url: string;
  /** A request with full control over path and headers (fetch normalises both, and has no CA). */
  send(opts: {
    method?: string;
    path: string;
    headers?: OutgoingHttpHeaders;
    body?: string;
    /** The loopback address to send from (127.0.0.2, …): another workstation. */
    from?: string;
  }): Promise<Reply>;
  /** POST /api/<name> as the page does; `cookie` is sent when given. */
  post(name: string, input: unknown, headers?: OutgoingHttpHeaders, from?: string): Promise<Reply>;
  /** First-run setup; returns the session cookie (`ispdesk_session=…`). */
  setup(): Promise<string>;
};

/** The result envelope of a reply. */
export const envelope = (reply: Reply): Result<unknown> =>
  JSON.parse(reply.body) as Result<unknown>;

/**
 * A test core behind the real HTTP (or HTTPS, with `tls` and its `ca`) server on an ephemeral
 * loopback port; closed after the test.
 */
export const serveCore = async (
  opts: { core?: TestCoreOptions; server?: Partial<HttpServerOptions>; ca?: string } = {},
): Promise<ServedCore> => {
  const tc = testCore(opts.core);
  const rendererDir = join(tempDirForTest('http'), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ISP Desk</title>');
  const server = createHttpServer({
    host: fixedCoreHost(tc.core),
    rendererDir,
    ...opts.server,
  });
  const { port, url } = await server.listen(0, '127.0.0.1');
  onTestFinished(() => server.close());
  const tls = opts.server?.tls !== undefined;

  const send: ServedCore['send'] = (r) =>
    new Promise((resolve, reject) => {
      const options = {
        host: '127.0.0.1',
        port,
        method: r.method ?? 'GET',
        path: r.path,
        headers: r.headers,
        ...(r.from ? { localAddress: r.from } : {}),
        ...(opts.ca ? { ca: opts.ca } : {}),
      };
      const done = (res: IncomingMessage) => void replyOf(res).then(resolve, reject);
      const req = tls ? httpsRequest(options, done) : httpRequest(options, done);
      req.on('error', reject);
      req.end(r.body);
    });

  const post: ServedCore['post'] = (name, input, headers = {}, from) =>
    send({
      ...(from ? { from } : {}),
      method: 'POST',
      path: `/api/${name}`,
      headers: { 'X-ISPDesk': '1', 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });

  return {
    tc,
    port,
    url,
    send,
    post,
    setup: async () => {
      const res = await post('auth.setup', ADMIN);
      expect(res.status).toBe(200);
      const cookie = ([res.headers['set-cookie']].flat()[0] ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^ispdesk_session=/);
      return cookie;
    },
  };
};

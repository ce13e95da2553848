import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DOWNLOADS, PROCEDURES } from '../contract/channels';
import type { Result } from '../contract/errors';
import { ACTIVITY_COLUMNS, toEntry, type ActivityRow } from '../core/activity/activity-row';
import {
  ADMIN,
  dbSnapshot,
  entriesOf,
  lastEntry,
  MINUTE,
  tempDirForTest,
  temporaryPassword,
  testCore,
  type TestCore,
} from '../core/test-support/test-core';
import { DEFAULT_AUTH_POLICY } from '../core/auth/auth-policy';
import { fixedCoreHost } from '../transport/core-host';
import { MAX_BODY_BYTES } from './http-helpers';
import { createHttpServer } from './http-server';
import { replyOf, type Reply } from './test-support/serve-core';

type Served = {
  tc: TestCore;
  base: string;
  port: number;
  /** Holds the session cookie once signed in. */
  cookie: { value: string | null };
  post(name: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  setup(): Promise<void>;
};

const SECRET = 'top secret sibling file';

/** A core behind the real HTTP server on an ephemeral port; closed after the test. */
const serve = async (): Promise<Served> => {
  const tc = testCore();
  const root = tempDirForTest('http');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ISP Desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("app")');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'renderer-secret.txt'), SECRET);

  const server = createHttpServer({ host: fixedCoreHost(tc.core), rendererDir });
  const { port, url } = await server.listen(0, '127.0.0.1');
  expect(url).toBe(`http://127.0.0.1:${String(port)}/`);
  onTestFinished(() => server.close());

  const base = `http://127.0.0.1:${String(port)}`;
  const cookie: Served['cookie'] = { value: null };
  const post: Served['post'] = (name, body, headers = {}) =>
    fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: {
        'X-ISPDesk': '1',
        'Content-Type': 'application/json',
        ...(cookie.value ? { Cookie: cookie.value } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    tc,
    base,
    port,
    cookie,
    post,
    setup: async () => {
      const res = await post('auth.setup', ADMIN);
      expect(res.status).toBe(200);
      cookie.value = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
    },
  };
};

const json = async (res: Response) => (await res.json()) as Result<unknown>;

/** A request with full control over the path and headers (fetch normalises both). */
const raw = (
  port: number,
  opts: { method?: string; path: string; headers?: OutgoingHttpHeaders; body?: Buffer | string },
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => void replyOf(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(opts.body);
  });

/** RFC 4180 CSV: quoted cells may hold commas, quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
};

describe('headless HTTP server', () => {
  it('refuses POSTs without the CSRF header, from a foreign origin or site, or not JSON', async () => {
    const s = await serve();
    const before = dbSnapshot(s.tc.core);
    const attempts: [Record<string, string>, RegExp][] = [
      [{ 'X-ISPDesk': '' }, /Missing the X-ISPDesk request header/],
      [{ 'X-ISPDesk': '0' }, /Missing the X-ISPDesk request header/],
      [{ Origin: 'http://evil.example' }, /Cross-origin requests are not accepted/],
      [{ Origin: `http://127.0.0.1:${String(s.port + 1)}` }, /Cross-origin/],
      [{ Origin: 'null' }, /Cross-origin/],
      [{ 'Sec-Fetch-Site': 'cross-site' }, /Cross-site requests are not accepted/],
      [{ 'Sec-Fetch-Site': 'same-site' }, /Cross-site/],
      [{ 'Content-Type': 'text/plain' }, /must be JSON/],
      [{ 'Content-Type': 'application/x-www-form-urlencoded' }, /must be JSON/],
    ];
    for (const [headers, message] of attempts) {
      const res = await s.post('auth.setup', ADMIN, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = await json(res);
      expect(body.ok).toBe(false);
      if (!body.ok) {
        expect(body.error.code).toBe('forbidden');
        expect(body.error.message).toMatch(message);
      }
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(dbSnapshot(s.tc.core)).toBe(before);

    // The same request from the page itself goes through.
    const ok = await s.post('auth.setup', ADMIN, {
      Origin: s.base,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(ok.status).toBe(200);
  });

  it('answers a body that is not JSON with a validation error and keeps serving', async () => {
    const s = await serve();
    for (const body of ['{"username":', 'not json', '{"a":1}}']) {
      const res = await s.post('auth.login', body);
      expect(res.status).toBe(400);
      expect(await json(res)).toEqual({
        ok: false,
        error: { code: 'validation', message: 'The request body is not valid JSON.' },
      });
    }
    // An empty body is "no input", which auth.status accepts.
    const empty = await s.post('auth.status', '');
    expect(await json(empty)).toEqual({ ok: true, value: { setupRequired: true, user: null } });
    expect(s.tc.core.sqlite.prepare('SELECT count(*) AS n FROM activity_log').get()).toEqual({
      n: 0,
    });
  });

  it('answers bad input with the fields as data (details.issues) beside the sentence', async () => {
    const s = await serve();
    await s.setup();
    const res = await s.post('staff.create', {
      username: 'x',
      displayName: 'X',
      role: 'cashier',
      password: 'short',
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message:
          'username: Username must be at least 3 characters; password: Password must be at least 10 characters',
        details: {
          issues: [
            { path: ['username'], message: 'Username must be at least 3 characters' },
            { path: ['password'], message: 'Password must be at least 10 characters' },
          ],
        },
      },
    });
    const nested = await s.post('activity.export', { filter: { ip: '10.0.0.300' }, format: 'csv' });
    expect(nested.status).toBe(400);
    expect(await json(nested)).toMatchObject({
      error: { code: 'validation', details: { issues: [{ path: ['filter', 'ip'] }] } },
    });
  });

  it('refuses a body over 1 MiB with payload_too_large and keeps serving', async () => {
    const s = await serve();
    const headers = {
      Host: `127.0.0.1:${String(s.port)}`,
      'X-ISPDesk': '1',
      'Content-Type': 'application/json',
    };
    // Declared too large: refused before the body is read.
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: s.port,
        method: 'POST',
        path: '/api/auth.login',
        headers: { ...headers, 'Content-Length': String(MAX_BODY_BYTES + 1) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({
      ok: false,
      error: { code: 'payload_too_large', message: 'The request is too large.' },
    });

    // Not declared (chunked): refused once more than 1 MiB has arrived.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: s.port,
        method: 'POST',
        path: '/api/auth.login',
        headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        // The server may close the connection while the rest of the body is still on its way.
        if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
      });
      const piece = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += piece.length) req.write(piece);
    });
    expect(chunked).toBe(413);

    // Exactly the limit is still fine (and then fails validation, as JSON it is not).
    const atLimit = await s.post('auth.login', `"${'x'.repeat(MAX_BODY_BYTES - 2)}"`);
    expect(atLimit.status).toBe(400);
    const res = await s.post('auth.status', {});
    expect(res.status).toBe(200);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and clears it on logout', async () => {
    const s = await serve();
    const res = await s.post('auth.setup', ADMIN);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ispdesk_session=[\w%-]{40,};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    const body = await json(res);
    // The token travels only in the cookie, never in the body the page can read.
    expect(JSON.stringify(body)).not.toContain(setCookie.split(';')[0]?.split('=')[1] ?? '-');
    s.cookie.value = setCookie.split(';')[0] ?? null;

    expect((await json(await s.post('sessions.listMine', {}))).ok).toBe(true);
    const out = await s.post('auth.logout', {});
    expect(out.headers.get('set-cookie')).toBe(
      'ispdesk_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
    );
    const after = await s.post('sessions.listMine', {});
    expect(after.status).toBe(401);
  });

  it('lists every procedure with its JSON Schema at GET /api, for a signed-in caller only', async () => {
    const s = await serve();
    const anonymous = await fetch(`${s.base}/api`);
    expect(anonymous.status).toBe(401);
    expect(await json(anonymous)).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Please sign in.' },
    });
    const forged = await fetch(`${s.base}/api`, { headers: { Cookie: 'ispdesk_session=forged' } });
    expect(forged.status).toBe(401);

    await s.setup();
    const res = await fetch(`${s.base}/api`, { headers: { Cookie: s.cookie.value ?? '' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: true;
      value: {
        procedures: {
          name: string;
          path: string;
          access: string;
          input: Record<string, unknown>;
        }[];
        downloads: { name: string }[];
      };
    };
    const names = body.value.procedures.map((p) => p.name);
    expect(names.sort()).toEqual([...PROCEDURES].sort());
    for (const p of body.value.procedures) {
      expect(p.path).toBe(`/api/${p.name}`);
      expect(p.input.$schema, p.name).toMatch(/json-schema\.org/);
    }
    const login = body.value.procedures.find((p) => p.name === 'auth.login');
    expect(login?.input).toMatchObject({
      type: 'object',
      properties: { username: { type: 'string' }, password: { type: 'string' } },
      additionalProperties: false,
    });
    expect(body.value.downloads.map((d) => d.name).sort()).toEqual([...DOWNLOADS].sort());
    expect(
      (await fetch(`${s.base}/api/nothing`, { headers: { Cookie: s.cookie.value ?? '' } })).status,
    ).toBe(404);
  });

  it('admits GET /api and /api/events as a call: temporary passwords, idle sessions', async () => {
    const s = await serve();
    await s.setup();
    const admin = s.cookie.value ?? '';
    const password = temporaryPassword('newbie');
    const staff = { username: 'newbie', displayName: 'New', role: 'cashier', password };
    expect((await s.post('staff.create', staff)).status).toBe(200);
    s.cookie.value = null;
    const login = await s.post('auth.login', { username: 'newbie', password });
    const newbie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    // A temporary password opens only its own screen: not the catalog, refused and logged as a
    // call would be; the event stream (which tells that screen its session ended) still opens.
    const catalog = await fetch(`${s.base}/api`, { headers: { Cookie: newbie } });
    expect(catalog.status).toBe(403);
    expect(await json(catalog)).toMatchObject({
      ok: false,
      error: { code: 'password_change_required' },
    });
    expect(entriesOf(s.tc.core, 'auth.password.change_required').at(-1)).toMatchObject({
      actor: { name: 'New' },
      ip: '127.0.0.1',
      details: { procedure: 'api.catalog' },
    });
    const stream = await fetch(`${s.base}/api/events`, { headers: { Cookie: newbie } });
    expect(stream.status).toBe(200);
    await stream.body?.cancel();

    // Past the idle timeout the session ends on this request, and says so in the log.
    s.tc.clock.advance(DEFAULT_AUTH_POLICY.idleTimeoutMs + MINUTE);
    for (const path of ['/api', '/api/events']) {
      const late = await fetch(`${s.base}${path}`, { headers: { Cookie: admin } });
      expect(late.status).toBe(401);
      expect(await json(late)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    const expired = entriesOf(s.tc.core, 'auth.session.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]?.description).toMatch(/admin.*idle timeout/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const s = await serve();
    const before = dbSnapshot(s.tc.core);
    for (const host of [
      'evil.example',
      `evil.example:${String(s.port)}`,
      'localhost.evil.example',
    ]) {
      const post = await raw(s.port, {
        method: 'POST',
        path: '/api/auth.setup',
        headers: { Host: host, 'X-ISPDesk': '1', 'Content-Type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(post.status, host).toBe(403);
      expect(JSON.parse(post.body)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Unknown Host header.' },
      });
      expect((await raw(s.port, { path: '/', headers: { Host: host } })).status).toBe(403);
    }
    expect(dbSnapshot(s.tc.core)).toBe(before);
    for (const host of [`localhost:${String(s.port)}`, `127.0.0.1:${String(s.port)}`, '[::1]:1']) {
      expect((await raw(s.port, { path: '/', headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('records the socket address, never X-Forwarded-For', async () => {
    const s = await serve();
    const res = await s.post(
      'auth.login',
      { username: 'ghost', password: 'boo' },
      {
        'X-Forwarded-For': '203.0.113.9',
        'X-Real-IP': '203.0.113.10',
        Forwarded: 'for=203.0.113.11',
        'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
      },
    );
    expect(res.status).toBe(401);
    expect(lastEntry(s.tc.core)).toMatchObject({
      event: 'auth.login.failed',
      ip: '127.0.0.1',
      workstation: 'Chrome 140 on Linux',
    });
    expect(JSON.stringify(lastEntry(s.tc.core))).not.toContain('203.0.113');
  });

  it('maps error codes to HTTP statuses and sends the security headers', async () => {
    const s = await serve();
    const unauth = await s.post('staff.list', {});
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(unauth.headers.get('x-content-type-options')).toBe('nosniff');
    expect(unauth.headers.get('x-frame-options')).toBe('DENY');
    expect(unauth.headers.get('cache-control')).toBe('no-store');
    expect((await s.post('no.such', {})).status).toBe(404);
    expect((await fetch(`${s.base}/api/auth.status`, { method: 'PUT' })).status).toBe(404);
    await s.setup();
    expect((await s.post('auth.setup', ADMIN)).status).toBe(409);
  });

  it('streams activity.export as CSV of the filter, neutralises formulas, and logs the export', async () => {
    const s = await serve();
    // A display name that a spreadsheet would run as a formula.
    const res = await s.post('auth.setup', { ...ADMIN, displayName: '=HYPERLINK("http://x","y")' });
    s.cookie.value = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
    for (const username of ['@SUM(1)', '+1', '-2', 'ok, "quoted"\r\nname']) {
      await s.post('auth.login', { username, password: 'nope nope' });
    }
    const filter = { events: ['auth.login.failed', 'auth.setup.completed'] };

    const exported = await s.post('activity.export', { filter, format: 'csv' });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="activity-\d{8}-\d{6}\.csv"$/,
    );
    const rows = parseCsv(await exported.text());
    const [header, ...data] = rows;
    expect(header).toEqual([
      'id',
      'timestamp',
      'type',
      'category',
      'event',
      'outcome',
      'staff_id',
      'staff',
      'ip',
      'workstation',
      'description',
      'target_type',
      'target_id',
      'target',
      'client_id',
      'router_id',
      'correlation_id',
      'details',
      'hash',
    ]);
    const stored = s.tc.core.sqlite
      .prepare<[], ActivityRow>(
        `SELECT ${ACTIVITY_COLUMNS} FROM activity_log
         WHERE event IN ('auth.login.failed', 'auth.setup.completed') ORDER BY id DESC`,
      )
      .all()
      .map(toEntry);
    expect(data.map((r) => Number(r[0]))).toEqual(stored.map((e) => e.id));
    expect(data.map((r) => r[4])).toEqual(stored.map((e) => e.event));
    expect(data.map((r) => r[18])).toEqual(stored.map((e) => e.hash));
    expect(data.every((r) => r.length === header?.length)).toBe(true);

    const setupRow = data.find((r) => r[4] === 'auth.setup.completed');
    expect(setupRow?.[7]).toBe(`'=HYPERLINK("http://x","y")`);
    const cells = data.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    // A typed name that cannot be one is logged by its length only (it may be a password).
    expect(
      data.some(
        (r) => r[10] === 'Failed sign-in as "(not a user name, 18 characters)": no such user',
      ),
    ).toBe(true);

    // The export is itself logged, once it is complete.
    await expect.poll(() => entriesOf(s.tc.core, 'activity.exported')).toHaveLength(1);
    expect(entriesOf(s.tc.core, 'activity.exported')[0]).toMatchObject({
      category: 'audit',
      ip: '127.0.0.1',
      description: `admin exported ${String(stored.length)} activity entries as CSV`,
      details: { filter, format: 'csv', rows: stored.length },
    });

    // A bad filter is an error envelope, not a broken file; and it is not logged as an export.
    const bad = await s.post('activity.export', { filter: { ip: '10.0.0.300' }, format: 'csv' });
    expect(bad.status).toBe(400);
    expect(((await json(bad)) as { error: { code: string } }).error.code).toBe('validation');
    expect(entriesOf(s.tc.core, 'activity.exported')).toHaveLength(1);
  });

  it('serves the renderer and refuses path traversal, encoded or not', async () => {
    const s = await serve();
    const index = await fetch(`${s.base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>ISP Desk</title>');
    const asset = await fetch(`${s.base}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const head = await raw(s.port, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');

    for (const path of [
      '/../secret.txt',
      '/../../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/../renderer-secret.txt',
      '/..%2frenderer-secret.txt',
      '/%252e%252e/secret.txt',
      '/../package.json',
      '/%2e%2e/package.json',
      '/no-such-file.js',
      '/assets',
    ]) {
      const res = await raw(s.port, { path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(SECRET);
    }
  });

  it('answers a malformed URL with 404, not an internal error', async () => {
    const s = await serve();
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz']) {
      const res = await raw(s.port, { path });
      expect(res.status, path).toBe(404);
    }
    expect(s.tc.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('answers 507 storage_full in words when the disk is full, sign-in included', async () => {
    const s = await serve();
    await s.setup();
    const pages = s.tc.core.sqlite.pragma('page_count', { simple: true }) as number;
    s.tc.core.sqlite.pragma(`max_page_count = ${String(pages)}`);
    let res: Response | null = null;
    for (let i = 0; i < 200; i++) {
      res = await s.post('auth.login', { username: ADMIN.username, password: ADMIN.password });
      if (res.status !== 200) break;
    }
    expect(res?.status).toBe(507);
    expect(await res?.json()).toEqual({
      ok: false,
      error: {
        code: 'storage_full',
        message: 'The disk holding the data folder is full. Free space; nothing was saved.',
      },
    });
  });
});

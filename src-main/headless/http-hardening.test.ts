import { describe, expect, it } from 'vitest';
import { HASHER_FROM_SOURCE } from '../core/test-support/source-workers';
import { ADMIN, createFakeClock, dbSnapshot } from '../core/test-support/test-core';
import { envelope, serveCore, type Reply } from './test-support/serve-core';

const errorsLogged = (lines: { level: string }[]) => lines.filter((l) => l.level === 'error');

describe('hostile input to the headless server', () => {
  it('treats a malformed session cookie as no session, never an internal error', async () => {
    const s = await serveCore();
    const cookie = await s.setup();
    for (const bad of ['ispdesk_session=%', 'ispdesk_session=%E0%A4%A', `x=%; ${cookie}%zz`]) {
      const get = await s.send({ path: '/api', headers: { Cookie: bad } });
      expect(get.status, bad).toBe(401);
      expect(envelope(get)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      const post = await s.post('sessions.listMine', {}, { Cookie: bad });
      expect(post.status, bad).toBe(401);
      const status = await s.post('auth.status', undefined, { Cookie: bad });
      expect(envelope(status)).toMatchObject({ ok: true, value: { user: null } });
      const events = await s.send({ path: '/api/events', headers: { Cookie: bad } });
      expect(events.status).toBe(401);
    }
    // A malformed cookie of another name next to a good session does not hide the session.
    const mixed = await s.post('sessions.listMine', {}, { Cookie: `other=%; ${cookie}` });
    expect(mixed.status).toBe(200);
    expect(errorsLogged(s.tc.logger.lines)).toEqual([]);
  });

  it('accepts only the JSON media type, with or without parameters', async () => {
    const s = await serveCore();
    const before = dbSnapshot(s.tc.core);
    for (const type of [
      'application/jsonfoo',
      'application/json-patch+json',
      'application/jsonp; charset=utf-8',
      'text/plain; x=application/json',
      'application/json/x',
    ]) {
      const res = await s.post('auth.setup', ADMIN, { 'Content-Type': type });
      expect(res.status, type).toBe(403);
      expect(envelope(res)).toMatchObject({ error: { message: /must be JSON/ } });
    }
    expect(dbSnapshot(s.tc.core)).toBe(before);
    const ok = await s.post('auth.setup', ADMIN, {
      'Content-Type': 'Application/JSON ; charset=UTF-8',
    });
    expect(ok.status).toBe(200);
  });

  it('answers search text holding NUL and control characters, never 500', async () => {
    const s = await serveCore();
    const cookie = await s.setup();
    const filter = { text: 'admin\u0000setup\u001b\u0007' };
    const calls: [string, unknown][] = [
      ['activity.search', { filter }],
      ['activity.histogram', { filter }],
      ['activity.facets', { filter }],
      ['clients.list', { filter: { search: 'ac\u0000me\u0085' } }],
    ];
    for (const [name, input] of calls) {
      const res = await s.post(name, input, { Cookie: cookie });
      expect(res.status, name).toBe(200);
    }
    const found = envelope(await s.post('activity.search', { filter }, { Cookie: cookie }));
    expect(JSON.stringify(found)).toContain('auth.setup.completed');
    for (const [name, input] of [
      ['activity.export', { filter, format: 'csv' }],
      ['clients.export', { filter: { search: '\u0000' } }],
    ] as const) {
      const res = await s.post(name, input, { Cookie: cookie });
      expect(res.status, name).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
    }
    expect(errorsLogged(s.tc.logger.lines)).toEqual([]);
  });

  it('answers a sign-in flood from one address with 429 and Retry-After, and lets others in', async () => {
    // A clock whose sleeps the test releases: the failing address's two admitted attempts wait
    // in its slow-down, holding their places, until the test lets them go.
    const clock = createFakeClock();
    const held: (() => void)[] = [];
    let hold = false;
    clock.sleep = (ms) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clock.advance(ms);
          resolve();
        };
        if (hold) held.push(wake);
        else wake();
      });
    const s = await serveCore({ core: { clock, passwordHasher: HASHER_FROM_SOURCE } });
    await s.setup();
    const guess = (i: number) =>
      s.post('auth.login', { username: 'admin', password: `guess ${String(i)}` });
    for (let i = 0; i < 3; i++) expect((await guess(i)).status).toBe(401);

    hold = true;
    const answered: Reply[] = [];
    let allRefused: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => (allRefused = resolve));
    const flood = Array.from({ length: 30 }, (_, i) =>
      guess(i).then((r) => {
        answered.push(r);
        if (answered.length === 28) allRefused();
        return r;
      }),
    );
    await refused;
    expect(held).toHaveLength(2);
    for (const r of answered) {
      expect(r.status).toBe(429);
      const seconds = Number(r.headers['retry-after']);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(envelope(r)).toEqual({
        ok: false,
        error: {
          code: 'rate_limited',
          message: `Too many sign-in attempts at once. Try again in ${String(seconds)} s.`,
          details: { retryAfterSeconds: seconds },
        },
      });
    }
    // Another workstation signs in meanwhile, through the same hashing threads.
    const colleague = await s.post(
      'auth.login',
      { username: 'admin', password: ADMIN.password },
      {},
      '127.0.0.2',
    );
    expect(colleague.status).toBe(200);

    for (const release of held) release();
    const replies = await Promise.all(flood);
    expect(replies.filter((r) => r.status === 401)).toHaveLength(2);
  });
});

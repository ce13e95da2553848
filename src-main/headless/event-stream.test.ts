import { mkdirSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../core/create-core';
import {
  ADMIN,
  staffPassword,
  tempDirForTest,
  temporaryPassword,
  testCore,
} from '../core/test-support/test-core';
import { fixedCoreHost, type CoreHost } from '../transport/core-host';
import { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_SESSION } from './event-stream';
import { createHttpServer } from './http-server';
import { serveCore, type Reply } from './test-support/serve-core';

/** A host whose switch the test drives: what the first-run switch does to open streams. */
const switchableHost = (core: Core) => {
  const fixed = fixedCoreHost(core);
  const listeners = new Set<(core: Core) => void>();
  let current = core;
  const host: CoreHost = {
    get core() {
      return current;
    },
    admit: fixed.admit,
    call: fixed.call,
    download: fixed.download,
    onSwitch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => fixed.stop(),
  };
  return {
    host,
    switchTo: (next: Core) => {
      current = next;
      for (const l of listeners) l(next);
    },
  };
};

/** The real HTTP server for `host`, its first administrator set up, and their event stream open. */
const openSignedInStream = async (host: CoreHost) => {
  const rendererDir = join(tempDirForTest('events'), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const server = createHttpServer({ host, rendererDir });
  const { url } = await server.listen(0, '127.0.0.1');
  onTestFinished(() => server.close());

  const setup = await fetch(`${url}api/auth.setup`, {
    method: 'POST',
    headers: { 'X-ISPDesk': '1', 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const events = await fetch(`${url}api/events`, { headers: { Cookie: cookie } });
  expect(events.status).toBe(200);
  const body = events.body;
  if (!body) throw new Error('no stream');
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const first = decoder.decode((await reader.read()).value);
  expect(first).toContain(': connected');
  return { reader, decoder };
};

describe('the event stream', () => {
  it('ends every stream with session.ended when the host switches to another office', async () => {
    const first = testCore();
    const second = testCore();
    const { host, switchTo } = switchableHost(first.core);
    const { reader, decoder } = await openSignedInStream(host);

    switchTo(second.core);
    let text = '';
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toContain('event: session.ended');
    expect(text).toContain('switched to another office');
  });

  it('tells signed-in browsers when the disk runs low', async () => {
    const tc = testCore();
    const { reader, decoder } = await openSignedInStream(fixedCoreHost(tc.core));
    const low = {
      low: true,
      freeBytes: 1_000,
      totalBytes: 10_000_000_000,
      thresholdBytes: 500_000_000,
      checkedAt: 1,
    };
    tc.core.events.emit('system.storage', low);
    let text = '';
    while (!text.includes('event: system.storage')) {
      text += decoder.decode((await reader.read()).value);
    }
    expect(text).toContain(`event: system.storage\ndata: ${JSON.stringify(low)}`);
    await reader.cancel();
  });
});

/** One live GET /api/events connection, read as it arrives. */
const openStream = (port: number, cookie: string, from = '127.0.0.1') =>
  new Promise<{
    status: number;
    headers: IncomingHttpHeaders;
    text: () => string;
    waitFor: (part: string) => Promise<void>;
    close: () => void;
  }>((resolve, reject) => {
    const req = get(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        headers: { Cookie: cookie },
        localAddress: from,
      },
      (res) => {
        let text = '';
        const waiting: { part: string; done: () => void }[] = [];
        const check = () => {
          for (const w of [...waiting]) {
            if (text.includes(w.part)) {
              waiting.splice(waiting.indexOf(w), 1);
              w.done();
            }
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          check();
        });
        const stream = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: () => text,
          waitFor: (part: string) =>
            new Promise<void>((done) => {
              waiting.push({ part, done });
              check();
            }),
          close: () => req.destroy(),
        };
        onTestFinished(() => {
          req.destroy();
        });
        if (stream.status === 200) void stream.waitFor(': connected').then(() => resolve(stream));
        else res.on('end', () => resolve(stream));
      },
    );
    req.on('error', reject);
  });

const cookieOf = (reply: Reply) =>
  ([reply.headers['set-cookie']].flat()[0] ?? '').split(';')[0] ?? '';

describe('event stream limits', () => {
  it('lets a session hold a few streams and an address a few more; the excess gets 429', async () => {
    const s = await serveCore();
    const first = await s.setup();
    const signIn = async (from?: string) =>
      cookieOf(
        await s.post(
          'auth.login',
          { username: ADMIN.username, password: ADMIN.password },
          {},
          from,
        ),
      );

    const mine = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION; i++) {
      const stream = await openStream(s.port, first);
      expect(stream.status).toBe(200);
      mine.push(stream);
    }
    const refused = await openStream(s.port, first);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(JSON.parse(refused.text())).toMatchObject({
      error: { code: 'rate_limited', message: /Too many live connections from this session/ },
    });
    // A closed tab frees its place (the server sees the close shortly after).
    mine[0]?.close();
    let reopened = await openStream(s.port, first);
    while (reopened.status === 429) reopened = await openStream(s.port, first);
    expect(reopened.status).toBe(200);

    // Other sessions from the same address fill its allowance.
    let open = MAX_STREAMS_PER_SESSION;
    while (open < MAX_STREAMS_PER_ADDRESS) {
      const cookie = await signIn();
      for (let i = 0; i < MAX_STREAMS_PER_SESSION && open < MAX_STREAMS_PER_ADDRESS; i++, open++) {
        expect((await openStream(s.port, cookie)).status).toBe(200);
      }
    }
    const another = await openStream(s.port, await signIn());
    expect(another.status).toBe(429);
    expect(another.text()).toMatch(/from this address/);
    // Another workstation is not affected.
    expect((await openStream(s.port, await signIn('127.0.0.2'), '127.0.0.2')).status).toBe(200);
  });

  it('checks each session once per event, however many streams it has', async () => {
    const s = await serveCore();
    const first = await s.setup();
    const login = await s.post('auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    const second = cookieOf(login);
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION; i++) streams.push(await openStream(s.port, first));
    streams.push(await openStream(s.port, second));

    const guard = s.tc.core.services.guard;
    const listener = guard.listener;
    let checks = 0;
    guard.listener = (token, meta) => {
      checks += 1;
      return listener(token, meta);
    };
    s.tc.core.events.emit('activity.recorded', {
      lastId: 42,
      count: 1,
      categories: { client: { lastId: 42, count: 1 } },
    });
    expect(checks).toBe(2);
    await Promise.all(streams.map((x) => x.waitFor('"lastId":42')));
    for (const x of streams) expect(x.text()).toContain('event: activity.recorded');
  });

  /** An office whose administrator added a technician, signed in on their temporary password. */
  const withTechnician = async () => {
    const s = await serveCore();
    const admin = await s.setup();
    const password = temporaryPassword('tech');
    const staff = { username: 'tech', displayName: 'Tech', role: 'technician', password };
    expect((await s.post('staff.create', staff, { Cookie: admin })).status).toBe(200);
    const tech = cookieOf(await s.post('auth.login', { username: 'tech', password }));
    return { s, admin, tech, password };
  };

  it("counts new entries for a technician's stream without the financial ones", async () => {
    const { s, admin, tech, password } = await withTechnician();
    const changed = await s.post(
      'auth.changePassword',
      { currentPassword: password, newPassword: staffPassword('tech') },
      { Cookie: tech },
    );
    expect(changed.status).toBe(200);
    const adminStream = await openStream(s.port, admin);
    const techStream = await openStream(s.port, tech);

    // Three payments and a client change, then two payments alone, then one client change.
    s.tc.core.events.emit('activity.recorded', {
      lastId: 40,
      count: 4,
      categories: { financial: { lastId: 40, count: 3 }, client: { lastId: 37, count: 1 } },
    });
    s.tc.core.events.emit('activity.recorded', {
      lastId: 42,
      count: 2,
      categories: { financial: { lastId: 42, count: 2 } },
    });
    s.tc.core.events.emit('activity.recorded', {
      lastId: 43,
      count: 1,
      categories: { client: { lastId: 43, count: 1 } },
    });
    await adminStream.waitFor('"lastId":43');
    await techStream.waitFor('"lastId":43');
    expect(adminStream.text()).toContain('data: {"lastId":40,"count":4,');
    expect(adminStream.text()).toContain('data: {"lastId":42,"count":2,');
    expect(techStream.text()).toContain(
      'data: {"lastId":37,"count":1,"categories":{"client":{"lastId":37,"count":1}}}',
    );
    expect(techStream.text()).not.toMatch(/"lastId":4[02]|financial/);
  });

  it('tells a session on its temporary password nothing but that it ended', async () => {
    const { s, admin, tech } = await withTechnician();
    const adminStream = await openStream(s.port, admin);
    const techStream = await openStream(s.port, tech);

    s.tc.core.events.emit('activity.recorded', {
      lastId: 51,
      count: 1,
      categories: { client: { lastId: 51, count: 1 } },
    });
    s.tc.core.events.emit('system.storage', {
      low: true,
      freeBytes: 1,
      totalBytes: 2,
      thresholdBytes: 2,
      checkedAt: 0,
    });
    await adminStream.waitFor('"lastId":51');
    await adminStream.waitFor('event: system.storage');
    expect((await s.post('auth.logout', {}, { Cookie: tech })).status).toBe(200);
    s.tc.core.events.emit('activity.recorded', {
      lastId: 52,
      count: 1,
      categories: { client: { lastId: 52, count: 1 } },
    });
    await techStream.waitFor('event: session.ended');
    expect(techStream.text()).not.toContain('activity.recorded');
    expect(techStream.text()).not.toContain('system.storage');
  });
});

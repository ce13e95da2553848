import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../core/create-core';
import { ADMIN, tempDirForTest, testCore } from '../core/test-support/test-core';
import { fixedCoreHost, type CoreHost } from '../transport/core-host';
import { createHttpServer } from './http-server';

/** A host whose switch the test drives: what the first-run switch does to open streams. */
const switchableHost = (core: Core) => {
  const fixed = fixedCoreHost(core);
  const listeners = new Set<(core: Core) => void>();
  let current = core;
  const host: CoreHost = {
    get core() {
      return current;
    },
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
const openStream = async (host: CoreHost) => {
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
    const { reader, decoder } = await openStream(host);

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
    const { reader, decoder } = await openStream(fixedCoreHost(tc.core));
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

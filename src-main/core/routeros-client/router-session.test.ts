import { describe, expect, it } from 'vitest';
import type { RawRow, RouterConnection, RouterEndpoint, RouterTimers } from './router-client.port';
import { RouterError } from './router-error';
import { RouterSession } from './router-session';

/** Manual timers: nothing fires until `advance`. */
const manualTimers = (): RouterTimers & { advance(ms: number): void; pending(): number } => {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; cb: () => void }>();
  return {
    setTimeout: (cb, ms) => {
      seq += 1;
      timers.set(seq, { at: now + ms, cb });
      return seq;
    },
    clearTimeout: (h) => {
      if (typeof h === 'number') timers.delete(h);
    },
    advance: (ms) => {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.delete(id)) t.cb();
      }
    },
    pending: () => timers.size,
  };
};

type Call = {
  words: readonly string[];
  resolve: (rows: RawRow[]) => void;
  reject: (e: RouterError) => void;
};

/** A connection whose commands complete only when the test says so. */
class FakeConnection implements RouterConnection {
  alive = true;
  closed = false;
  readonly calls: Call[] = [];
  private dead: ((e: RouterError) => void)[] = [];
  write(words: readonly string[]): Promise<RawRow[]> {
    return new Promise((resolve, reject) => this.calls.push({ words, resolve, reject }));
  }
  close(): Promise<void> {
    this.closed = true;
    this.alive = false;
    const e = new RouterError('closed', 'closed');
    for (const c of this.calls.splice(0)) c.reject(e);
    return Promise.resolve();
  }
  onDead(l: (e: RouterError) => void): void {
    this.dead.push(l);
  }
  kill(): void {
    this.alive = false;
    const e = new RouterError('unreachable', 'gone', { reason: 'closed' });
    for (const c of this.calls.splice(0)) c.reject(e);
    for (const l of this.dead) l(e);
  }
}

const endpoint: RouterEndpoint = { host: 'r', user: 'u', password: 'p', commandTimeoutMs: 1000 };
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const setup = (maxConcurrent = 2) => {
  const timers = manualTimers();
  const connections: FakeConnection[] = [];
  let connects = 0;
  const pendingConnects: {
    resolve: (c: RouterConnection) => void;
    reject: (e: RouterError) => void;
  }[] = [];
  let auto = true;
  const session = new RouterSession(endpoint, {
    timers,
    maxConcurrent,
    idleCloseMs: 5000,
    connector: () => {
      connects += 1;
      if (auto) {
        const c = new FakeConnection();
        connections.push(c);
        return Promise.resolve(c);
      }
      return new Promise((resolve, reject) => pendingConnects.push({ resolve, reject }));
    },
  });
  return {
    timers,
    session,
    connections,
    pendingConnects,
    connects: () => connects,
    manualConnect: () => {
      auto = false;
    },
  };
};

describe('RouterSession', () => {
  it('keeps at most maxConcurrent commands in flight on one connection', async () => {
    const t = setup(2);
    const results = Array.from({ length: 5 }, (_, i) => t.session.run(`/c${i}`));
    await tick();
    const conn = t.connections[0];
    expect(t.connects()).toBe(1);
    expect(conn?.calls.map((c) => c.words[0])).toEqual(['/c0', '/c1']);
    conn?.calls.shift()?.resolve([{ n: '0' }]);
    await tick();
    expect(conn?.calls.map((c) => c.words[0])).toEqual(['/c1', '/c2']);
    for (let i = 0; i < 4; i++) {
      conn?.calls.shift()?.resolve([]);
      await tick();
    }
    await expect(Promise.all(results)).resolves.toHaveLength(5);
    expect(t.connects()).toBe(1);
  });

  it('times out a call that waits too long for a slot', async () => {
    const t = setup(1);
    const first = t.session.run('/slow');
    const second = t.session.run('/queued').catch((e: unknown) => e);
    await tick();
    t.timers.advance(1000);
    expect(await second).toMatchObject({ kind: 'timeout', reason: 'queue' });
    t.connections[0]?.calls.shift()?.resolve([]);
    await expect(first).resolves.toEqual([]);
  });

  it('shares one connect among concurrent callers and reconnects after the connection died', async () => {
    const t = setup(4);
    const a = t.session.run('/a');
    const b = t.session.run('/b');
    await tick();
    expect(t.connects()).toBe(1);
    const first = t.connections[0];
    first?.kill();
    await expect(a).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(b).rejects.toMatchObject({ kind: 'unreachable' });
    const c = t.session.run('/c');
    await tick();
    expect(t.connects()).toBe(2);
    t.connections[1]?.calls.shift()?.resolve([{ ok: 'yes' }]);
    await expect(c).resolves.toEqual([{ ok: 'yes' }]);
  });

  it('passes connect failures through and tries again on the next call', async () => {
    const t = setup();
    t.manualConnect();
    const a = t.session.run('/a');
    await tick();
    t.pendingConnects
      .shift()
      ?.reject(new RouterError('unreachable', 'refused', { reason: 'refused' }));
    await expect(a).rejects.toMatchObject({ reason: 'refused' });
    const b = t.session.run('/b');
    await tick();
    expect(t.connects()).toBe(2);
    const conn = new FakeConnection();
    t.pendingConnects.shift()?.resolve(conn);
    await tick();
    conn.calls.shift()?.resolve([]);
    await expect(b).resolves.toEqual([]);
  });

  it('closes an idle connection and reconnects on demand', async () => {
    const t = setup();
    const a = t.session.run('/a');
    await tick();
    t.connections[0]?.calls.shift()?.resolve([]);
    await a;
    t.timers.advance(5000);
    expect(t.connections[0]?.closed).toBe(true);
    const b = t.session.run('/b');
    await tick();
    expect(t.connects()).toBe(2);
    t.connections[1]?.calls.shift()?.resolve([]);
    await expect(b).resolves.toEqual([]);
  });

  it('close() settles calls waiting for a connect, in flight and queued', async () => {
    const t = setup(1);
    t.manualConnect();
    const a = t.session.run('/a').catch((e: unknown) => e);
    const b = t.session.run('/b').catch((e: unknown) => e);
    await tick();
    const closing = t.session.close();
    const conn = new FakeConnection();
    t.pendingConnects.shift()?.resolve(conn);
    await closing;
    expect(await a).toMatchObject({ kind: 'closed' });
    expect(await b).toMatchObject({ kind: 'closed' });
    expect(conn.closed).toBe(true);
    await expect(t.session.run('/c')).rejects.toMatchObject({ kind: 'closed' });
    expect(t.timers.pending()).toBe(0);
  });

  it('rejects an aborted call', async () => {
    const t = setup();
    const ac = new AbortController();
    const a = t.session.run('/a', [], { signal: ac.signal }).catch((e: unknown) => e);
    await tick();
    ac.abort();
    expect(await a).toMatchObject({ kind: 'closed' });
  });
});

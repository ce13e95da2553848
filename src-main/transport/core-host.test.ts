import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../core/create-core';
import {
  ADMIN,
  createClient,
  createTestCore,
  failure,
  tempDirForTest,
  unwrap,
} from '../core/test-support/test-core';
import type { CallContext } from './call-context';
import { createCoreHost, type HostedOffice } from './core-host';

const office = (dataDir: string, demo = false): HostedOffice => {
  const tc = createTestCore({ dataDir });
  tc.core.start();
  return {
    core: tc.core,
    stop: () => tc.close(),
    demo: demo ? { accounts: [], password: 'demo-password-1' } : null,
  };
};

const ctx = (): CallContext & { sessionToken: string | null } => {
  const c: CallContext & { sessionToken: string | null } = {
    sessionToken: null,
    ip: '10.0.0.5',
    workstation: 'Front desk',
    setSessionToken: (token) => {
      c.sessionToken = token;
    },
  };
  return c;
};

describe('the core host', () => {
  it('holds calls that arrive during a switch and answers them from the new office', async () => {
    const real = tempDirForTest('host');
    const demoDir = tempDirForTest('host-demo');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (started = resolve));
    const host = createCoreHost(office(real), {
      demo: {
        open: async () => {
          started();
          await gate;
          return office(demoDir, true);
        },
        reopen: () => Promise.resolve(office(real)),
        progress: () => ({
          message: 'Making six months of office life: day 3 of 182',
          done: 4,
          total: 184,
        }),
      },
    });
    onTestFinished(() => host.stop());
    const seen: Core[] = [];
    host.onSwitch((core) => seen.push(core));

    const opening = host.call('system.openDemo', undefined, ctx());
    // Asked while the demo office is still opening: the first-run screen hears how far it got,
    // and every other call waits for the demo office.
    await opened;
    const building = await host.call('system.demo', undefined, ctx());
    const order: string[] = [];
    host.onSwitch(() => order.push('switched'));
    const waiting = host.call('auth.status', undefined, ctx()).then((r) => {
      order.push('answered');
      return r;
    });
    release();
    expect(building).toEqual({
      ok: true,
      value: {
        active: null,
        available: false,
        building: {
          message: 'Making six months of office life: day 3 of 182',
          done: 4,
          total: 184,
        },
      },
    });
    expect(await opening).toEqual({ ok: true, value: { opened: true } });
    // Answered once the demo office serves.
    expect((await waiting).ok).toBe(true);
    expect(order).toEqual(['switched', 'answered']);
    expect(unwrap(await host.call('system.demo', undefined, ctx()))).toEqual({
      active: { accounts: [], password: 'demo-password-1' },
      available: false,
      leave: true,
    });
    expect(seen).toEqual([host.core]);
  });

  it('reopens the office when the demo office cannot be opened, and says why', async () => {
    const real = tempDirForTest('host');
    const host = createCoreHost(office(real), {
      demo: {
        open: () => Promise.reject(new Error('the demo folder is unusable')),
        reopen: () => Promise.resolve(office(real)),
      },
    });
    onTestFinished(() => host.stop());
    const first = host.core;
    const result = await host.call('system.openDemo', undefined, ctx());
    expect(failure(result, 'internal').message).not.toMatch(/unusable/);
    expect(host.core).not.toBe(first);
    // The reopened office serves as before: first-run setup works.
    const page = createClient({ call: host.call });
    unwrap(await page.call('auth.setup', { ...ADMIN }));
    expect(unwrap(await page.call('auth.status', undefined)).user?.username).toBe('admin');
  });
});

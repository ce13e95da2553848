import { describe, expect, it } from 'vitest';
import {
  addStaff,
  dbSnapshot,
  entriesOf,
  failure,
  signInAdmin,
  tempDirForTest,
  testCore,
  unwrap,
} from '../test-support/test-core';
import type { SharingPort } from './sharing-port';
import { SHARING_NOT_HERE } from './sharing.service';

/** The shell's server as the core sees it: records what it is asked; can refuse a start. */
const fakePort = () => {
  const calls: string[] = [];
  let refuse: string | null = null;
  const port: SharingPort & { calls: string[]; refuseNext(reason: string): void } = {
    calls,
    refuseNext: (reason) => {
      refuse = reason;
    },
    start: (p) => {
      calls.push(`start ${String(p)}`);
      if (refuse) {
        const reason = refuse;
        refuse = null;
        return Promise.reject(new Error(reason));
      }
      return Promise.resolve({ url: `http://192.168.1.20:${String(p)}/` });
    },
    stop: () => {
      calls.push('stop');
      return Promise.resolve();
    },
  };
  return port;
};

describe('sharing this workstation with the office', () => {
  it('is off by default; an administrator turns it on, and both the change and the start are logged', async () => {
    const port = fakePort();
    const tc = testCore({ sharing: port });
    const admin = await signInAdmin(tc);
    expect(unwrap(await admin.call('sharing.status', undefined))).toEqual({
      available: true,
      enabled: false,
      port: 5180,
      url: null,
      problem: null,
    });
    tc.core.start();
    expect(port.calls).toEqual([]);

    const on = unwrap(await admin.call('sharing.update', { enabled: true }));
    expect(on).toMatchObject({ enabled: true, url: 'http://192.168.1.20:5180/', problem: null });
    expect(port.calls).toEqual(['start 5180']);
    const [changed] = entriesOf(tc.core, 'sharing.settings_updated');
    expect(changed).toMatchObject({
      type: 'administrative',
      actor: { name: 'Ada Admin' },
      details: { before: { enabled: false }, after: { enabled: true } },
    });
    const [started] = entriesOf(tc.core, 'sharing.started');
    expect(started).toMatchObject({ type: 'system', outcome: 'success' });
    expect(started?.description).toBe(
      'This workstation is shared with the office: other workstations open http://192.168.1.20:5180/',
    );
    expect(started?.correlationId).toBe(changed?.correlationId);

    // Another port: served there instead.
    expect(unwrap(await admin.call('sharing.update', { port: 8080 })).url).toBe(
      'http://192.168.1.20:8080/',
    );
    expect(port.calls).toEqual(['start 5180', 'stop', 'start 8080']);
    // Off: stopped, and said so.
    expect(unwrap(await admin.call('sharing.update', { enabled: false }))).toMatchObject({
      enabled: false,
      url: null,
    });
    expect(port.calls.at(-1)).toBe('stop');
    expect(entriesOf(tc.core, 'sharing.settings_updated')).toHaveLength(3);
  });

  it('keeps and logs why it could not start; asking again tries again', async () => {
    const port = fakePort();
    const tc = testCore({ sharing: port });
    const admin = await signInAdmin(tc);
    port.refuseNext('port 5180 is already used by another program on this computer');
    const failed = unwrap(await admin.call('sharing.update', { enabled: true }));
    expect(failed).toMatchObject({
      enabled: true,
      url: null,
      problem: 'port 5180 is already used by another program on this computer',
    });
    expect(entriesOf(tc.core, 'sharing.failed')[0]).toMatchObject({
      outcome: 'failure',
      description:
        'This workstation could not be shared with the office on port 5180: port 5180 is already used by another program on this computer',
    });
    const again = unwrap(await admin.call('sharing.update', { enabled: true }));
    expect(again).toMatchObject({ url: 'http://192.168.1.20:5180/', problem: null });
    expect(entriesOf(tc.core, 'sharing.settings_updated')).toHaveLength(1);
  });

  it('starts again with the app when it was left on, and stops before the core does', async () => {
    const dataDir = tempDirForTest('sharing');
    const first = testCore({ dataDir, sharing: fakePort() });
    const admin = await signInAdmin(first);
    unwrap(await admin.call('sharing.update', { enabled: true, port: 6001 }));
    await first.close();

    const port = fakePort();
    const second = testCore({ dataDir, sharing: port });
    second.core.start();
    await expect.poll(() => port.calls).toEqual(['start 6001']);
    await second.close();
    expect(port.calls).toEqual(['start 6001', 'stop']);
  });

  it('is for administrators only', async () => {
    const tc = testCore({ sharing: fakePort() });
    const admin = await signInAdmin(tc);
    for (const role of ['cashier', 'technician', 'viewer'] as const) {
      const { client } = await addStaff(tc, admin, role.slice(0, 5), role);
      failure(await client.call('sharing.status', undefined), 'forbidden');
      failure(await client.call('sharing.update', { enabled: true }), 'forbidden');
    }
    expect(unwrap(await admin.call('sharing.status', undefined)).enabled).toBe(false);
  });

  it('refuses bad input, and in the headless server (nothing to share with) changes nothing', async () => {
    const tc = testCore({ sharing: fakePort() });
    const admin = await signInAdmin(tc);
    for (const input of [
      { port: 80 },
      { port: 70_000 },
      { port: 5180.5 },
      {},
      { enabled: 'yes' },
    ]) {
      failure(await admin.raw('sharing.update', input), 'validation');
    }

    const headless = testCore();
    const headlessAdmin = await signInAdmin(headless);
    expect(unwrap(await headlessAdmin.call('sharing.status', undefined)).available).toBe(false);
    const before = dbSnapshot(headless.core);
    expect(
      failure(await headlessAdmin.call('sharing.update', { enabled: true }), 'unavailable').message,
    ).toBe(SHARING_NOT_HERE);
    expect(dbSnapshot(headless.core)).toBe(before);
  });
});

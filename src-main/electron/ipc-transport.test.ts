import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DOWNLOADS, PROCEDURES } from '../contract/channels';
import type { Core } from '../core/create-core';
import type { ActivityRecorded } from '../contract/schemas/activity';
import type { Role } from '../contract/roles';
import { ADMIN, staffPassword, temporaryPassword, testCore } from '../core/test-support/test-core';
import type { CallContext } from '../transport/call-context';
import { fixedCoreHost, type CoreHost } from '../transport/core-host';
import { registerIpcTransport } from './ipc-transport';
import { FakeFrame, FakeWebContents, ipcMain } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const APP_URL = 'file:///opt/isp-desk/out/renderer/index.html';

/**
 * The IPC transport on a real core, with a host that records what reaches the dispatcher and can
 * be switched to another office the way the first-run screen does.
 */
const setup = () => {
  const tc = testCore();
  const fixed = fixedCoreHost(tc.core, { validateOutput: true });
  const dispatched: { name: string; ctx: CallContext }[] = [];
  const listeners = new Set<(core: Core) => void>();
  let current: Core = tc.core;
  const host: CoreHost = {
    get core() {
      return current;
    },
    admit: fixed.admit,
    call: (name, raw, ctx) => {
      dispatched.push({ name, ctx });
      return fixed.call(name, raw, ctx);
    },
    download: fixed.download,
    onSwitch: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop: () => fixed.stop(),
  };
  const off = registerIpcTransport({ host, appUrl: APP_URL, lanAddress: () => '10.1.1.7' });
  onTestFinished(off);
  const page = (url = `${APP_URL}#/dashboard`) => new FakeWebContents(url);
  const call = (sender: FakeWebContents, name: string, input?: unknown, frame?: FakeFrame | null) =>
    ipcMain.invoke(name, frame === undefined ? { sender } : { sender, frame }, input);
  const switchTo = (core: Core) => {
    current = core;
    for (const l of listeners) l(core);
  };
  return { tc, dispatched, page, call, switchTo };
};

/** A live-tail notice of `count` new client entries, the newest `lastId`. */
const clientEntries = (lastId: number, count: number): ActivityRecorded => ({
  lastId,
  count,
  categories: { client: { lastId, count } },
});

describe('the IPC transport', () => {
  it('registers one handler per procedure and download, and removes them all', () => {
    const { tc } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...PROCEDURES, ...DOWNLOADS.map((d) => `download:${d}`), 'shell:savePdf'].sort(),
    );
    const off = () =>
      registerIpcTransport({ host: fixedCoreHost(tc.core), appUrl: APP_URL, lanAddress: () => '' });
    // A second registration would be a programming error, as in Electron.
    expect(off).toThrow(/second handler/);
  });

  it('answers only the app page itself: not a frame, not a page navigated elsewhere', async () => {
    const { page, call, dispatched } = setup();
    const app = page();
    expect(await call(app, 'auth.status')).toMatchObject({ ok: true });
    const refused = { ok: false, error: { code: 'forbidden', message: 'Untrusted sender.' } };
    expect(await call(app, 'auth.status', undefined, new FakeFrame(APP_URL))).toEqual(refused);
    expect(await call(app, 'auth.status', undefined, null)).toEqual(refused);
    expect(await call(page('https://evil.example/'), 'auth.status')).toEqual(refused);
    expect(await call(page('file:///opt/isp-desk/out/renderer/other.html'), 'auth.status')).toEqual(
      refused,
    );
    expect(await call(page(`${APP_URL}.evil`), 'auth.status')).toEqual(refused);
    expect(await call(page('https://evil.example/'), 'download:activity.export', {})).toEqual(
      refused,
    );
    expect(await call(page('https://evil.example/'), 'shell:savePdf', 'x')).toEqual(refused);
    expect(dispatched.map((d) => d.name)).toEqual(['auth.status']);
  });

  it('goes through the dispatcher; the session stays in the main process; errors come back as data', async () => {
    const { page, call, dispatched } = setup();
    const a = page();
    const b = page();
    const user = (await call(a, 'auth.setup', { ...ADMIN })) as { ok: true; value: object };
    expect(user.ok).toBe(true);
    expect(JSON.stringify(user)).not.toMatch(/token/i);
    expect(dispatched[0]?.ctx).toMatchObject({ ip: '10.1.1.7' });
    // Window a is signed in; window b has its own (absent) session.
    expect(await call(a, 'staff.list')).toMatchObject({ ok: true });
    expect(await call(b, 'staff.list')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await call(a, 'plans.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await call(a, 'auth.logout')).toEqual({ ok: true, value: null });
    expect(await call(a, 'staff.list')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('sends events only to windows whose session may see them, and ends the others', async () => {
    const { tc, page, call, switchTo } = setup();
    const signedIn = page();
    const anonymous = page();
    const later = page();
    expect(await call(signedIn, 'auth.setup', { ...ADMIN })).toMatchObject({ ok: true });
    expect(
      await call(later, 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ ok: true });
    const closed = page();
    expect(
      await call(closed, 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ ok: true });
    closed.destroy();

    tc.core.events.emit('activity.recorded', clientEntries(5, 2));
    expect(signedIn.sent).toEqual([['activity.recorded', clientEntries(5, 2)]]);
    expect(later.sent).toEqual([['activity.recorded', clientEntries(5, 2)]]);
    expect(anonymous.sent).toEqual([]);
    expect(closed.sent).toEqual([]);

    // `later` signs out everywhere else: its own session ends from window `signedIn`.
    const mine = (await call(later, 'sessions.listMine')) as {
      ok: true;
      value: { id: number; current: boolean }[];
    };
    const laterSession = mine.value.find((s) => s.current);
    expect(await call(signedIn, 'sessions.end', { sessionId: laterSession?.id })).toMatchObject({
      ok: true,
    });
    tc.core.events.emit('task.progress', { taskId: 't1', task: 'verify', done: 1, total: 2 });
    expect(later.sent.at(-1)).toEqual(['session.ended', { reason: 'Your session has ended.' }]);
    expect(signedIn.sent.at(-1)).toEqual([
      'task.progress',
      { taskId: 't1', task: 'verify', done: 1, total: 2 },
    ]);
    tc.core.events.emit('activity.recorded', clientEntries(6, 1));
    expect(later.sent.filter(([n]) => n === 'activity.recorded')).toHaveLength(1);

    // Another office now serves the window: every session is over, and the old core is silent.
    const other = testCore();
    switchTo(other.core);
    expect(signedIn.sent.at(-1)).toEqual([
      'session.ended',
      { reason: 'ISP Desk switched to another office. Please sign in again.' },
    ]);
    const count = signedIn.sent.length;
    tc.core.events.emit('activity.recorded', clientEntries(7, 1));
    other.core.events.emit('activity.recorded', clientEntries(1, 1));
    expect(signedIn.sent).toHaveLength(count);
    expect(await call(signedIn, 'staff.list')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('counts new entries for each window only in the categories its role may read', async () => {
    const { tc, page, call } = setup();
    const admin = page();
    expect(await call(admin, 'auth.setup', { ...ADMIN })).toMatchObject({ ok: true });
    const signIn = async (username: string, role: Role) => {
      const password = temporaryPassword(username);
      const created = await call(admin, 'staff.create', {
        username,
        displayName: username,
        role,
        password,
      });
      expect(created).toMatchObject({ ok: true });
      const window = page();
      expect(await call(window, 'auth.login', { username, password })).toMatchObject({
        ok: true,
      });
      const changed = await call(window, 'auth.changePassword', {
        currentPassword: password,
        newPassword: staffPassword(username),
      });
      expect(changed).toMatchObject({ ok: true });
      return window;
    };
    const technician = await signIn('tech', 'technician');
    const cashier = await signIn('cash', 'cashier');

    // Two payments, a client change and a router sync since the last notice (the notices of the
    // sign-ins above are not what this test is about).
    for (const window of [admin, technician, cashier]) window.sent.length = 0;
    const mixed: ActivityRecorded = {
      lastId: 40,
      count: 4,
      categories: {
        financial: { lastId: 40, count: 2 },
        client: { lastId: 37, count: 1 },
        network: { lastId: 39, count: 1 },
      },
    };
    tc.core.events.emit('activity.recorded', mixed);
    expect(admin.sent.at(-1)).toEqual(['activity.recorded', mixed]);
    expect(technician.sent).toEqual([
      [
        'activity.recorded',
        {
          lastId: 39,
          count: 2,
          categories: { client: { lastId: 37, count: 1 }, network: { lastId: 39, count: 1 } },
        },
      ],
    ]);
    expect(cashier.sent).toEqual([
      [
        'activity.recorded',
        {
          lastId: 40,
          count: 3,
          categories: { financial: { lastId: 40, count: 2 }, client: { lastId: 37, count: 1 } },
        },
      ],
    ]);

    // Only payments: nothing at all for the technician, not even a notice of zero.
    const payments: ActivityRecorded = {
      lastId: 42,
      count: 2,
      categories: { financial: { lastId: 42, count: 2 } },
    };
    tc.core.events.emit('activity.recorded', payments);
    expect(admin.sent.at(-1)).toEqual(['activity.recorded', payments]);
    expect(cashier.sent.at(-1)).toEqual(['activity.recorded', payments]);
    expect(technician.sent).toHaveLength(1);
  });
});

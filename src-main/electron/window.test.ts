import { describe, expect, it, vi } from 'vitest';
import {
  app,
  FakeBrowserWindow,
  FakeSession,
  preventable,
  shell,
  type FakeWebContents,
} from './test-support/fake-electron';
import {
  claimSingleInstance,
  createMainWindow,
  denyPermissions,
  sendContentSecurityPolicy,
} from './window';
import { HEADER_POLICY } from '../transport/content-security';

vi.mock('electron', () => import('./test-support/fake-electron'));

const APP_URL = 'file:///opt/isp-desk/out/renderer/index.html';

const open = () => {
  const win = createMainWindow({
    preload: '/opt/isp-desk/out/preload/index.js',
    url: APP_URL,
  }) as unknown as FakeBrowserWindow;
  return { win, contents: win.webContents };
};
const navigate = (contents: FakeWebContents, event: string, url: string) => {
  const e = preventable();
  contents.emit(event, e, url);
  return e.defaultPrevented ? 'refused' : 'allowed';
};

describe('the window', () => {
  it('is sandboxed, isolated and without Node, and loads the app page', () => {
    const { win, contents } = open();
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/isp-desk/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(contents.loaded).toBe(APP_URL);
  });

  it('never navigates away from the app', () => {
    const { contents } = open();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(navigate(contents, event, `${APP_URL}#/clients`)).toBe('allowed');
      expect(navigate(contents, event, 'https://evil.example/')).toBe('refused');
      expect(navigate(contents, event, 'file:///etc/passwd')).toBe('refused');
      expect(navigate(contents, event, 'not a url')).toBe('refused');
    }
    const e = preventable();
    contents.emit('will-attach-webview', e);
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies new windows; http(s) links open in the system browser, nothing else does', () => {
    const { contents } = open();
    const handler = contents.windowOpenHandler;
    if (!handler) throw new Error('no window open handler');
    shell.opened.length = 0;
    expect(handler({ url: 'https://mikrotik.com/download' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://10.0.0.1/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler({ url: `${APP_URL}#/x` })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://mikrotik.com/download', 'http://10.0.0.1/']);
  });

  it('denies every permission request', () => {
    const session = new FakeSession();
    denyPermissions(session as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
  });

  it("sends the app page its whole CSP as a header, frame-ancestors included, and nothing else's", () => {
    const session = new FakeSession();
    sendContentSecurityPolicy(session as never, APP_URL);
    const headersFor = (url: string) => {
      let answer: { responseHeaders?: Record<string, string[]> } | undefined;
      session.headersListener?.({ url, responseHeaders: { 'X-Other': ['kept'] } }, (r) => {
        answer = r;
      });
      return answer;
    };
    expect(headersFor(APP_URL)).toEqual({
      responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [HEADER_POLICY] },
    });
    expect(HEADER_POLICY).toContain("frame-ancestors 'none'");
    expect(headersFor('https://example.com/')).toEqual({});
  });

  it('a second instance focuses the first window and quits', () => {
    app.removeAllListeners();
    app.lockAvailable = true;
    expect(claimSingleInstance()).toBe(true);
    const [first] = FakeBrowserWindow.getAllWindows();
    if (!first) throw new Error('no window');
    first.minimized = true;
    first.focused = false;
    app.emit('second-instance');
    expect(first).toMatchObject({ minimized: false, focused: true });

    app.lockAvailable = false;
    const quits = app.quitCalls;
    expect(claimSingleInstance()).toBe(false);
    expect(app.quitCalls).toBe(quits + 1);
  });
});

import { app, BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { HEADER_POLICY } from '../transport/content-security';
import { isAppUrl } from './app-url';

/** The app's own page: the dev server in `npm run dev`, else the built index.html. */
export const rendererUrl = (rendererDir: string): string =>
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(`${rendererDir}/index.html`).href;

/**
 * The page stays the app: no navigation or redirect away from it, no new windows (http(s) links
 * open in the system browser, anything else is dropped), no <webview>.
 */
export const guardContents = (contents: WebContents, appUrl: string): void => {
  const stay = (e: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appUrl)) e.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
};

/** No permission (camera, microphone, notifications, geolocation, …) is ever granted to a page. */
export const denyPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, done) => done(false));
};

/**
 * The app page gets its whole Content Security Policy as a response header, `frame-ancestors`
 * included: a `<meta>` tag cannot carry that directive (Chromium logs an error on every load).
 */
export const sendContentSecurityPolicy = (session: Session, appUrl: string): void => {
  session.webRequest.onHeadersReceived((details, done) => {
    if (!isAppUrl(details.url, appUrl)) {
      done({});
      return;
    }
    done({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [HEADER_POLICY] },
    });
  });
};

/**
 * One app per workstation: a second start focuses the first window and quits. Returns false in
 * the second instance (which is quitting).
 */
export const claimSingleInstance = (): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  return true;
};

export const createMainWindow = (opts: { preload: string; url: string }): BrowserWindow => {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    show: false,
    title: 'ISP Desk',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  guardContents(win.webContents, opts.url);
  void win.loadURL(opts.url);
  return win;
};

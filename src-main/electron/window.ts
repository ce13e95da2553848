import { BrowserWindow, shell } from 'electron';
import { pathToFileURL } from 'node:url';

/** The app's own page: the dev server in `npm run dev`, else the built index.html. */
export const rendererUrl = (rendererDir: string): string =>
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(`${rendererDir}/index.html`).href;

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
  // No navigation away from the app and no new windows; http(s) links open in the browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(opts.url.split('#')[0] ?? opts.url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(opts.url);
  return win;
};

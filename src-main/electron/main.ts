import { app, BrowserWindow, dialog, session } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { hostLanAddress } from '../core/shared/ip-address';
import { createDispatch } from '../transport/dispatch';
import { bundlePaths } from '../launch/app-paths';
import { parseLaunchArgs } from '../launch/launch-args';
import { APP_VERSION } from '../launch/version';
import { registerIpcTransport } from './ipc-transport';
import { createMainWindow, rendererUrl } from './window';

/** The desktop shell: window, IPC, quit handling. Everything else is the core. */
const paths = bundlePaths(__dirname);
const args = parseLaunchArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(() => {
  // No permission (camera, notifications, …) is ever granted to the page.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
  try {
    core = createCore({
      dataDir: args.dataDir,
      migrationsFolder: paths.migrationsFolder,
      mode: 'electron',
      version: APP_VERSION,
      // Set by `npm start` (launch/start.ts), which builds the module for Electron's ABI.
      ...(process.env.ISPDESK_NATIVE_BINDING
        ? { nativeBinding: process.env.ISPDESK_NATIVE_BINDING }
        : {}),
    });
  } catch (e) {
    dialog.showErrorBox('ISP Desk cannot start', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  const url = rendererUrl(paths.rendererDir);
  registerIpcTransport({
    core,
    dispatch: createDispatch(core),
    appUrl: url,
    lanAddress: hostLanAddress,
  });
  core.start();
  createMainWindow({ preload: paths.preload, url });
});

app.on('window-all-closed', () => app.quit());

// before-quit does not wait for promises: hold the quit once, stop the core, then quit for real.
let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !core) return;
  e.preventDefault();
  quitting = true;
  void core.stop().finally(() => app.quit());
});

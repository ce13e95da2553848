import { app, BrowserWindow, dialog, session } from 'electron';
import { createCore } from '../core/create-core';
import { hostLanAddress } from '../core/shared/ip-address';
import { demoBanner, openDemoOffice, type DemoOfficeOptions } from '../demo/demo-office';
import { createCoreHost, type CoreHost, type HostedOffice } from '../transport/core-host';
import { bundlePaths } from '../launch/app-paths';
import { parseLaunchArgs } from '../launch/launch-args';
import { APP_VERSION } from '../launch/version';
import { registerIpcTransport } from './ipc-transport';
import { createMainWindow, rendererUrl } from './window';

/** The desktop shell: window, IPC, quit handling. Everything else is the core. */
const paths = bundlePaths(__dirname);
const args = parseLaunchArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
let host: CoreHost | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

const base = {
  migrationsFolder: paths.migrationsFolder,
  mode: 'electron' as const,
  version: APP_VERSION,
  activityReader: { workerFile: paths.activityReader },
  // Set by `npm start` (launch/start.ts), which builds the module for Electron's ABI.
  ...(process.env.ISPDESK_NATIVE_BINDING
    ? { nativeBinding: process.env.ISPDESK_NATIVE_BINDING }
    : {}),
};
const say = (line: string) => process.stdout.write(`${line}\n`);
const openOffice = (): HostedOffice => {
  const core = createCore({ ...base, dataDir: args.dataDir });
  return { core, stop: () => core.stop(), demo: null };
};
const openDemo = async (dataDir: string): Promise<HostedOffice> => {
  const options: DemoOfficeOptions = { ...base, dataDir, say };
  const office = await openDemoOffice(options);
  for (const line of demoBanner(office)) say(line);
  return office;
};

void app.whenReady().then(async () => {
  // No permission (camera, notifications, …) is ever granted to the page.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
  try {
    // --demo opens the demo office; otherwise the office, whose first-run screen may switch.
    const first = args.demo ? await openDemo(args.dataDir) : openOffice();
    host = createCoreHost(first, {
      ...(args.demo
        ? {}
        : {
            demo: {
              open: () => openDemo(args.demoDir),
              reopen: () => {
                const office = openOffice();
                office.core.start();
                return Promise.resolve(office);
              },
            },
          }),
    });
  } catch (e) {
    dialog.showErrorBox('ISP Desk cannot start', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  const url = rendererUrl(paths.rendererDir);
  registerIpcTransport({ host, appUrl: url, lanAddress: hostLanAddress });
  host.core.start();
  createMainWindow({ preload: paths.preload, url });
});

app.on('window-all-closed', () => app.quit());

// before-quit does not wait for promises: hold the quit once, stop the core, then quit for real.
let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !host) return;
  e.preventDefault();
  quitting = true;
  // Stops the core being served and, in the demo office, its simulated routers.
  void host.stop().finally(() => app.quit());
});

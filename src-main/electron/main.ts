import { app, dialog, session } from 'electron';
import { hostLanAddress } from '../core/shared/ip-address';
import type { CoreHost } from '../transport/core-host';
import { openOfficeHost } from '../launch/office-host';
import { bundlePaths } from '../launch/app-paths';
import { parseLaunchArgs } from '../launch/launch-args';
import { prepareProcess } from '../launch/process-setup';
import { APP_VERSION } from '../launch/version';
import { registerIpcTransport } from './ipc-transport';
import { createOfficeSharing } from './office-sharing';
import {
  claimSingleInstance,
  createMainWindow,
  denyPermissions,
  rendererUrl,
  sendContentSecurityPolicy,
} from './window';

/** The desktop shell: window, IPC, quit handling. Everything else is the core. */
prepareProcess(); // owner-only files, and output that cannot throw (see process-setup.ts)
const paths = bundlePaths(__dirname);
const args = parseLaunchArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
let host: CoreHost | null = null;

claimSingleInstance();

// "Share this workstation with the office" (a setting in the core) serves this host on the LAN,
// over HTTPS when the headless server's TLS options are given.
const sharing = createOfficeSharing({
  host: () => host,
  rendererDir: paths.rendererDir,
  lanAddress: hostLanAddress,
  ...(args.tls ? { tls: args.tls } : {}),
});
const base = {
  migrationsFolder: paths.migrationsFolder,
  mode: 'electron' as const,
  version: APP_VERSION,
  activityReader: { workerFile: paths.activityReader },
  taskThreads: { workerFile: paths.taskThreads },
  passwordHasher: { workerFile: paths.passwordHasher },
  sharing,
  // Set by `npm start` (launch/start.ts), which builds the module for Electron's ABI.
  ...(process.env.ISPDESK_NATIVE_BINDING
    ? { nativeBinding: process.env.ISPDESK_NATIVE_BINDING }
    : {}),
};
const say = (line: string) => process.stdout.write(`${line}\n`);

void app.whenReady().then(async () => {
  denyPermissions(session.defaultSession);
  let opened: CoreHost;
  try {
    // --demo opens the demo office; otherwise the office, whose first-run screen may switch.
    opened = await openOfficeHost(args, base, say);
  } catch (e) {
    dialog.showErrorBox('ISP Desk cannot start', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  host = opened;
  const url = rendererUrl(paths.rendererDir);
  sendContentSecurityPolicy(session.defaultSession, url);
  registerIpcTransport({ host: opened, appUrl: url, lanAddress: hostLanAddress });
  opened.core.start();
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

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'ISP Desk';

/** The OS per-user application-data folder, as Electron's app.getPath('userData') names it. */
export const defaultDataDir = (env: NodeJS.ProcessEnv = process.env): string => {
  if (process.platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', APP_NAME);
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
};

/** Where the built app's resources are, from a bundle in out/main/. */
export const bundlePaths = (bundleDir: string) => {
  const root = resolve(bundleDir, '..', '..');
  return {
    root,
    migrationsFolder: join(root, 'migrations'),
    rendererDir: join(root, 'out', 'renderer'),
    preload: join(root, 'out', 'preload', 'index.js'),
    activityReader: join(root, 'out', 'main', 'activity-reader.js'),
    taskThreads: join(root, 'out', 'main', 'background-task.js'),
    passwordHasher: join(root, 'out', 'main', 'password-hasher.js'),
  };
};

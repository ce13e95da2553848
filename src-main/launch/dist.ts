import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundlePaths } from './app-paths';
import { electronBinary, electronPackage } from './electron-binary';
import { installElectron } from './electron-install';
import { electronBuildEnv } from './electron-native';
import { OFFLINE_HINT, progressPrinter } from './launcher';

/**
 * `npm run dist`: installers for the platform it runs on, with electron-builder
 * (electron-builder.yml). Electron comes from the same place `npm start` gets it (Electron's own
 * installer, into node_modules/electron/dist), so it is downloaded once; where it cannot be, this
 * says so in one line and stops.
 */
const root = bundlePaths(__dirname).root;
const say = (line: string) => process.stdout.write(`${line}\n`);
const stop = (reason: string): never => {
  process.stderr.write(`ISP Desk installers cannot be built here: ${reason}.\n`);
  process.exit(1);
};

const main = async () => {
  const pkg = electronPackage(root);
  if (!pkg) return stop('the electron package is not installed (run npm install)');
  if (!electronBinary(pkg)) {
    say(`Downloading Electron ${pkg.version} (once), through Electron's own installer…`);
    const printProgress = progressPrinter(process.stdout);
    const installed = await installElectron({ pkg, env: process.env, onProgress: printProgress });
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (!installed.ok) {
      return stop(
        `Electron ${pkg.version} could not be downloaded: ${installed.reason}; ${OFFLINE_HINT}`,
      );
    }
  }
  let cli: string;
  try {
    cli = join(
      dirname(require.resolve('electron-builder/package.json', { paths: [root] })),
      'cli.js',
    );
  } catch {
    return stop('electron-builder is not installed (run npm install)');
  }
  // electron-builder rebuilds better-sqlite3 for Electron inside node_modules; the Node build
  // (which the tests, the CLI and the headless server load) is put back afterwards.
  const nodeBuild = join(
    root,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  const keep = mkdtempSync(join(tmpdir(), 'ispdesk-dist-'));
  const kept = join(keep, 'better_sqlite3.node');
  if (existsSync(nodeBuild)) copyFileSync(nodeBuild, kept);
  let status: number | null;
  try {
    status = spawnSync(
      process.execPath,
      [
        cli,
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${join(pkg.dir, 'dist')}`,
        `-c.electronVersion=${pkg.version}`,
        ...process.argv.slice(2),
      ],
      { cwd: root, stdio: 'inherit', env: electronBuildEnv(process.env) },
    ).status;
  } finally {
    if (existsSync(kept)) {
      mkdirSync(dirname(nodeBuild), { recursive: true });
      copyFileSync(kept, nodeBuild);
    }
    rmSync(keep, { recursive: true, force: true });
  }
  if (status !== 0) return stop('electron-builder failed (see above)');
  say(`Installers written to ${join(root, 'dist')}`);
};

main().catch((e: unknown) => stop(e instanceof Error ? e.message : String(e)));

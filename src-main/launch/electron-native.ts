import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * better-sqlite3 is built for Node by `npm install` (the tests and the headless server use that
 * build). Electron needs the same module built for its own ABI. This keeps a second build beside
 * the first, in node_modules/.electron-native/<electron version>/, made from a copy of the
 * package so the Node build is never touched, and returns its path for `nativeBinding`.
 */
export const ensureElectronNative = (
  root: string,
  electronVersion: string,
  say: (line: string) => void,
): string | null => {
  const target = join(
    root,
    'node_modules',
    '.electron-native',
    electronVersion,
    'better_sqlite3.node',
  );
  if (existsSync(target)) return target;
  say(`Building the database module for Electron ${electronVersion} (once; needs the internet)…`);
  const work = mkdtempSync(join(tmpdir(), 'ispdesk-electron-native-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true });
    rmSync(join(pkg, 'build'), { recursive: true, force: true });
    const run = (cmd: string, args: string[]) =>
      spawnSync(cmd, args, { cwd: pkg, stdio: 'inherit', env: process.env }).status === 0;
    const npmGyp = join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
    const built =
      run(join(root, 'node_modules', '.bin', 'prebuild-install'), [
        '--runtime=electron',
        `--target=${electronVersion}`,
      ]) ||
      run(process.execPath, [
        npmGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ]);
    const output = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(output)) return null;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(output, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type NativeOutcome = { ok: true; path: string } | { ok: false; reason: string };

/** Builds better-sqlite3 for one Electron version in `workDir` (a throwaway project). */
export type NativeBuilder = (job: {
  workDir: string;
  moduleDir: string;
  electronVersion: string;
  env: NodeJS.ProcessEnv;
}) => Promise<NativeOutcome>;

/** Where `npm start` keeps the Electron build of better-sqlite3, beside the Node build. */
export const electronNativePath = (root: string, electronVersion: string): string =>
  join(root, 'node_modules', '.electron-native', electronVersion, 'better_sqlite3.node');

/**
 * The maintained tool for the job: @electron/rebuild (prebuilt binary for Electron's ABI when one
 * can be downloaded, otherwise node-gyp with Electron's headers), run on the throwaway project.
 */
export const electronRebuild =
  (root: string): NativeBuilder =>
  ({ workDir, moduleDir, electronVersion, env }) =>
    new Promise((resolve) => {
      let cli: string;
      try {
        cli = join(
          dirname(require.resolve('@electron/rebuild/package.json', { paths: [root] })),
          'lib',
          'cli.js',
        );
      } catch {
        resolve({ ok: false, reason: '@electron/rebuild is not installed (run npm install)' });
        return;
      }
      const args = [cli, '--version', electronVersion, '--module-dir', workDir];
      const child = spawn(process.execPath, [...args, '--only', 'better-sqlite3', '--force'], {
        cwd: workDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-4096);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', (e) => resolve({ ok: false, reason: e.message }));
      child.on('exit', (code) => {
        const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
        if (code === 0 && existsSync(built)) return resolve({ ok: true, path: built });
        const last = output
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '' && !l.startsWith('at '));
        resolve({ ok: false, reason: last.slice(-2).join(' ') || `exit code ${String(code)}` });
      });
    });

/**
 * better-sqlite3 is built for Node by `npm install` (the tests and the headless server use that
 * build). Electron needs the same module built for its own ABI. This keeps a second build beside
 * the first, in node_modules/.electron-native/<electron version>/, made from a copy of the
 * package (inside node_modules, so the build finds the project's own build tools) so the Node
 * build is never touched, and returns its path for `nativeBinding`.
 */
export const ensureElectronNative = async (opts: {
  root: string;
  electronVersion: string;
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
  build?: NativeBuilder;
}): Promise<NativeOutcome> => {
  const target = electronNativePath(opts.root, opts.electronVersion);
  if (existsSync(target)) return { ok: true, path: target };
  opts.say(`Building the database module for Electron ${opts.electronVersion} (once)…`);
  const workDir = join(dirname(dirname(target)), `build-${String(process.pid)}`);
  rmSync(workDir, { recursive: true, force: true });
  try {
    const moduleDir = join(workDir, 'node_modules', 'better-sqlite3');
    cpSync(join(opts.root, 'node_modules', 'better-sqlite3'), moduleDir, { recursive: true });
    rmSync(join(moduleDir, 'build'), { recursive: true, force: true });
    writeFileSync(
      join(workDir, 'package.json'),
      JSON.stringify({
        name: 'ispdesk-electron-native',
        private: true,
        dependencies: { 'better-sqlite3': '*' },
      }),
    );
    const build = opts.build ?? electronRebuild(opts.root);
    const built = await build({
      workDir,
      moduleDir,
      electronVersion: opts.electronVersion,
      env: opts.env,
    });
    if (!built.ok) return built;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built.path, target);
    return { ok: true, path: target };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
};

import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

export type NativeOutcome = { ok: true; path: string } | { ok: false; reason: string };

/** Builds better-sqlite3 for one Electron version in `workDir` (a throwaway project). */
export type NativeBuilder = (job: {
  workDir: string;
  moduleDir: string;
  electronVersion: string;
  env: NodeJS.ProcessEnv;
}) => Promise<NativeOutcome>;

/**
 * The environment for building native modules for Electron: without npm's `nodedir`, which points
 * node-gyp at one runtime's headers (e.g. the system Node's) whatever target it is given, and so
 * would build for the wrong ABI.
 */
export const electronBuildEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));

/**
 * The ABI a built module was made for, from its registration symbol (`node_register_module_vNNN`),
 * or null for a Node-API module (which loads in any runtime).
 */
export const moduleAbi = (file: string): number | null => {
  const m = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return m?.[1] ? Number(m[1]) : null;
};

/** Where `npm start` keeps the Electron build of better-sqlite3, beside the Node build. */
export const electronNativePath = (root: string, electronVersion: string): string =>
  join(root, 'node_modules', '.electron-native', electronVersion, 'better_sqlite3.node');

/** What went wrong, in one line, from @electron/rebuild's output (node-gyp's is long). */
export const rebuildFailure = (output: string, code: number | null): string => {
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(plain)) {
    return "Electron's headers could not be downloaded (no internet, or a proxy is needed)";
  }
  const lines = plain
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at ') && !/rebuild failed|unhandled error/i.test(l));
  const error = lines.find((l) => /^(gyp ERR!|Error:)/.test(l) && !l.includes('failed to rebuild'));
  return error ?? lines.at(-1) ?? `exit code ${String(code)}`;
};

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
        // The package exports only its main module (lib/main.js); the CLI sits beside it.
        cli = join(dirname(require.resolve('@electron/rebuild', { paths: [root] })), 'cli.js');
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
        output = (output + chunk.toString('utf8')).slice(-16_384);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', (e) => resolve({ ok: false, reason: e.message }));
      child.on('exit', (code) => {
        const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
        if (code === 0 && existsSync(built)) return resolve({ ok: true, path: built });
        resolve({ ok: false, reason: rebuildFailure(output, code) });
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
  /** Electron's NODE_MODULE_VERSION (node_modules/electron/abi_version); checked when given. */
  electronAbi?: number | null;
  build?: NativeBuilder;
}): Promise<NativeOutcome> => {
  const target = electronNativePath(opts.root, opts.electronVersion);
  const wanted = opts.electronAbi ?? null;
  const fits = (file: string) => {
    const abi = wanted === null ? null : moduleAbi(file);
    return abi === null || abi === wanted;
  };
  if (existsSync(target) && fits(target)) return { ok: true, path: target };
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
      env: electronBuildEnv(opts.env),
    });
    if (!built.ok) return built;
    if (!fits(built.path)) {
      return {
        ok: false,
        reason: `the build is for ABI ${String(moduleAbi(built.path))}, not Electron's ${String(wanted)}`,
      };
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built.path, target);
    return { ok: true, path: target };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
};

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForTest } from '../core/test-support/test-core';
import {
  electronNativePath,
  ensureElectronNative,
  rebuildFailure,
  type NativeBuilder,
} from './electron-native';

/** A checkout with a stand-in better-sqlite3 package. */
const checkout = () => {
  const root = tempDirForTest('native');
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3"}');
  writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'the Node build');
  return { root, nodeBuild: join(pkg, 'build', 'Release', 'better_sqlite3.node') };
};

/** Stands in for @electron/rebuild: "builds" a module registering itself for one ABI. */
const builderFor = (abi: number, seen: NodeJS.ProcessEnv[] = []): NativeBuilder => {
  return (job) => {
    seen.push(job.env);
    const out = join(job.moduleDir, 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `\0node_register_module_v${String(abi)}\0`);
    return Promise.resolve({ ok: true, path: out });
  };
};

describe('the Electron build of better-sqlite3', () => {
  it('is built from a copy, kept beside the Node build, and checked against Electron’s ABI', async () => {
    const { root, nodeBuild } = checkout();
    const seen: NodeJS.ProcessEnv[] = [];
    const env = { PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' };
    const opts = { root, electronVersion: '45.5.0', electronAbi: 150, env, say: () => undefined };
    const built = await ensureElectronNative({ ...opts, build: builderFor(150, seen) });
    expect(built).toEqual({ ok: true, path: electronNativePath(root, '45.5.0') });
    // npm's nodedir would point node-gyp at the system Node's headers: never passed on.
    expect(seen[0]).toEqual({ PATH: '/usr/bin' });
    expect(readFileSync(nodeBuild, 'utf8')).toBe('the Node build');
    // Once built, it is reused.
    expect(await ensureElectronNative({ ...opts, build: builderFor(150, seen) })).toEqual(built);
    expect(seen).toHaveLength(1);
  });

  it('refuses a module built for another runtime, and rebuilds one left behind', async () => {
    const { root } = checkout();
    const opts = {
      root,
      electronVersion: '45.5.0',
      electronAbi: 150,
      env: {},
      say: () => undefined,
    };
    expect(await ensureElectronNative({ ...opts, build: builderFor(115) })).toEqual({
      ok: false,
      reason: "the build is for ABI 115, not Electron's 150",
    });
    const target = electronNativePath(root, '45.5.0');
    expect(existsSync(target)).toBe(false);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, 'node_register_module_v115');
    expect(await ensureElectronNative({ ...opts, build: builderFor(150) })).toMatchObject({
      ok: true,
    });
    expect(readFileSync(target, 'utf8')).toContain('node_register_module_v150');
  });
});

describe('a failed @electron/rebuild, in one line', () => {
  it('says when Electron’s headers cannot be downloaded, else names node-gyp’s error', () => {
    const offline = [
      'Searching dependency tree',
      'Building modules: better-sqlite3',
      'Error: This is most likely not a problem with node-gyp or the package itself and',
      'is related to network connectivity. In most cases you are behind a proxy or have bad',
      '\u001b[31m✖ Rebuild Failed\u001b[39m',
      "node-gyp failed to rebuild '/x/node_modules/better-sqlite3'",
    ].join('\n');
    expect(rebuildFailure(offline, 255)).toBe(
      "Electron's headers could not be downloaded (no internet, or a proxy is needed)",
    );
    const compiler = [
      'gyp ERR! build error',
      'gyp ERR! stack Error: `make` failed with exit code: 2',
      "Error: node-gyp failed to rebuild '/x/node_modules/better-sqlite3'",
      '    at ChildProcess.<anonymous> (/x/lib/module-type/node-gyp/node-gyp.js:120:24)',
    ].join('\n');
    expect(rebuildFailure(compiler, 255)).toBe('gyp ERR! build error');
    expect(rebuildFailure('', 1)).toBe('exit code 1');
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundlePaths } from './app-paths';
import { ensureElectronNative } from './electron-native';

/**
 * `npm start`: the Electron app where the Electron binary exists, otherwise the same app served
 * headless (the binary cannot be downloaded everywhere, and npm install never depends on it).
 */
const electronBinary = (root: string): { binary: string; version: string } | null => {
  try {
    const dir = dirname(require.resolve('electron/package.json', { paths: [root] }));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
    };
    return existsSync(binary) ? { binary, version } : null;
  } catch {
    return null;
  }
};

const paths = bundlePaths(__dirname);
const args = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const found = electronBinary(paths.root);
const nativeBinding = found ? ensureElectronNative(paths.root, found.version, say) : null;
if (found && !nativeBinding) {
  say(
    'The database module could not be built for Electron here, so ISP Desk runs headless instead.',
  );
}
const binary = found && nativeBinding ? found.binary : null;
const [command, commandArgs] = binary
  ? [binary, [paths.root, ...args]]
  : [process.execPath, [join(__dirname, 'headless.js'), ...args]];
if (!found) {
  say(
    'The Electron binary is not installed on this machine, so ISP Desk runs headless: open the address below in a browser.',
  );
}
const child = spawn(command, commandArgs, {
  stdio: 'inherit',
  env: nativeBinding ? { ...process.env, ISPDESK_NATIVE_BINDING: nativeBinding } : process.env,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

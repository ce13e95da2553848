import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundlePaths } from './app-paths';

/**
 * `npm start`: the Electron app where the Electron binary exists, otherwise the same app served
 * headless (the binary cannot be downloaded everywhere, and npm install never depends on it).
 */
const electronBinary = (root: string): string | null => {
  try {
    const dir = dirname(require.resolve('electron/package.json', { paths: [root] }));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
};

const paths = bundlePaths(__dirname);
const args = process.argv.slice(2);
const binary = electronBinary(paths.root);
const [command, commandArgs] = binary
  ? [binary, [paths.root, ...args]]
  : [process.execPath, [join(__dirname, 'headless.js'), ...args]];
if (!binary) {
  process.stdout.write(
    'The Electron binary is not installed on this machine, so ISP Desk runs headless: open the address below in a browser.\n',
  );
}
const child = spawn(command, commandArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

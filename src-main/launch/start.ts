import { join } from 'node:path';
import { bundlePaths } from './app-paths';
import { electronPackage } from './electron-binary';
import { planLaunch, progressPrinter, runPlan } from './launcher';

/**
 * `npm start`: the Electron window where Electron can be had (downloading its binary once with
 * Electron's own installer), otherwise the same app served headless. `--headless` never tries
 * Electron; `--desktop` refuses instead of falling back.
 */
const paths = bundlePaths(__dirname);
let progressShown = false;
const say = (line: string) => {
  process.stdout.write(`${progressShown && process.stdout.isTTY ? '\n' : ''}${line}\n`);
  progressShown = false;
};
const printProgress = progressPrinter(process.stdout);

const main = async () => {
  const plan = await planLaunch({
    root: paths.root,
    electron: electronPackage(paths.root),
    headlessEntry: join(__dirname, 'headless.js'),
    argv: process.argv.slice(2),
    env: process.env,
    say,
    onProgress: (bytes) => {
      progressShown = true;
      printProgress(bytes);
    },
  });
  if (plan.kind === 'refused') {
    process.stderr.write(`ISP Desk cannot open its window: ${plan.reason}.\n`);
    process.exit(1);
  }
  const child = runPlan(plan);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
};

main().catch((e: unknown) => {
  process.stderr.write(`ISP Desk cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

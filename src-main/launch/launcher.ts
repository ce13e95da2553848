import { spawn, type ChildProcess } from 'node:child_process';
import { electronBinary, type ElectronPackage } from './electron-binary';
import { installElectron, type InstallLimits } from './electron-install';
import { ensureElectronNative, type NativeBuilder } from './electron-native';

/** `--desktop`: the window or a clear refusal; `--headless`: never tries Electron. */
export type LaunchChoice = 'auto' | 'desktop' | 'headless';

/** What `npm start` runs: a command line, or why the window the user asked for cannot open. */
export type LaunchPlan =
  | { kind: 'desktop' | 'headless'; command: string; args: string[]; env: NodeJS.ProcessEnv }
  | { kind: 'refused'; reason: string };

/** Takes `--desktop` / `--headless` off the command line; the rest goes to the app. */
export const takeLaunchChoice = (
  argv: readonly string[],
): { choice: LaunchChoice; rest: string[] } => {
  const desktop = argv.includes('--desktop');
  const headless = argv.includes('--headless');
  if (desktop && headless) throw new Error('--desktop and --headless cannot both be given');
  return {
    choice: desktop ? 'desktop' : headless ? 'headless' : 'auto',
    rest: argv.filter((a) => a !== '--desktop' && a !== '--headless'),
  };
};

export const OFFLINE_HINT =
  'set ELECTRON_MIRROR, or copy a downloaded Electron into node_modules/electron (see the README)';

/**
 * `npm start`'s choice. Where the Electron binary is missing it is fetched with Electron's own
 * installer (bounded in time); better-sqlite3 is then built once for Electron's ABI. Whatever
 * fails is said in one line and the app is served headless, unless `--desktop` was asked for.
 */
export const planLaunch = async (opts: {
  /** The app folder Electron is started on (its package.json names out/main/index.js). */
  root: string;
  electron: ElectronPackage | null;
  /** The headless server's entry (out/main/headless.js). */
  headlessEntry: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
  onProgress?: (bytes: number) => void;
  limits?: InstallLimits;
  buildNative?: NativeBuilder;
}): Promise<LaunchPlan> => {
  const { choice, rest } = takeLaunchChoice(opts.argv);
  const headless: LaunchPlan = {
    kind: 'headless',
    command: process.execPath,
    args: [opts.headlessEntry, ...rest],
    env: opts.env,
  };
  if (choice === 'headless') return headless;

  const desktop = async (): Promise<LaunchPlan | string> => {
    const pkg = opts.electron;
    if (!pkg) return 'the electron package is not installed (run npm install)';
    let binary = electronBinary(pkg);
    if (!binary) {
      opts.say(`Downloading Electron ${pkg.version} (once), through Electron's own installer…`);
      const installed = await installElectron({
        pkg,
        env: opts.env,
        ...(opts.limits ? { limits: opts.limits } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      binary = installed.ok ? electronBinary(pkg) : null;
      if (!installed.ok)
        return `Electron ${pkg.version} could not be downloaded: ${installed.reason}; ${OFFLINE_HINT}`;
      if (!binary) return `Electron's installer finished but left no executable in ${pkg.dir}`;
    }
    const native = await ensureElectronNative({
      root: opts.root,
      electronVersion: pkg.version,
      electronAbi: pkg.abi,
      env: opts.env,
      say: opts.say,
      ...(opts.buildNative ? { build: opts.buildNative } : {}),
    });
    if (!native.ok) {
      return `the database module could not be built for Electron ${pkg.version}: ${native.reason}`;
    }
    return {
      kind: 'desktop',
      command: binary,
      args: [opts.root, ...rest],
      env: { ...opts.env, ISPDESK_NATIVE_BINDING: native.path },
    };
  };

  const plan = await desktop();
  if (typeof plan !== 'string') return plan;
  if (choice === 'desktop') return { kind: 'refused', reason: plan };
  opts.say(`ISP Desk runs headless because ${plan}. Open the address below in a browser.`);
  return headless;
};

/** Starts what the plan names, sharing this terminal. */
export const runPlan = (plan: Extract<LaunchPlan, { command: string }>): ChildProcess =>
  spawn(plan.command, plan.args, { stdio: 'inherit', env: plan.env });

/**
 * Download progress as one line: rewritten in place on a terminal, otherwise printed at most
 * every few seconds so that a log file stays readable.
 */
export const progressPrinter = (
  out: NodeJS.WriteStream,
  now: () => number = Date.now,
): ((bytes: number) => void) => {
  let last = 0;
  return (bytes) => {
    const text = `  ${(bytes / 1_048_576).toFixed(1)} MB received`;
    if (out.isTTY) {
      out.write(`\r${text}`);
    } else if (now() - last >= 5_000) {
      last = now();
      out.write(`${text}\n`);
    }
  };
};

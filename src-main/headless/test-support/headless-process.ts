import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

/** The repository root, where `node --import tsx` resolves the entry from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The headless server's entry, run from source (the app runs the built out/main/headless.js). */
export const HEADLESS_ENTRY = join(REPO_ROOT, 'src-main', 'headless', 'main.ts');

export const isRoot = process.getuid?.() === 0;
/** Tests run as root here; permission checks need an ordinary user. */
export const UNPRIVILEGED = { uid: 65534, gid: 65534, name: 'nobody' };

export type ServerProcess = {
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout. */
  printed(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves once the process has exited: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * A folder the test removes afterwards; with `forUser`, owned by the unprivileged user (so that
 * the server can run as that user when the tests run as root).
 */
export const processTempDir = (label: string, opts: { forUser?: boolean } = {}): string => {
  const dir = mkdtempSync(join(tmpdir(), `ispdesk-${label}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  if (opts.forUser && isRoot) {
    chmodSync(dir, 0o755);
    chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  }
  return dir;
};

/**
 * Starts the headless server from source on a free port, with piped output. `asUser` runs it as
 * an ordinary user (only needed, and only done, when the tests run as root); `wrap` prefixes
 * the command (e.g. `unshare` with a read-only mount). Killed when the test ends, if still up.
 */
export const startServerProcess = (
  args: readonly string[],
  opts: { asUser?: boolean; wrap?: (command: string[]) => string[] } = {},
): ServerProcess => {
  let command = [process.execPath, '--import', 'tsx', HEADLESS_ENTRY, '--port', '0', ...args];
  if (opts.asUser && isRoot) command = ['runuser', '-u', UNPRIVILEGED.name, '--', ...command];
  if (opts.wrap) command = opts.wrap(command);
  const [file = '', ...rest] = command;
  const child = spawn(file, rest, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const watchers: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of watchers) w();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    printed: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(out);
          if (match) resolve(match);
        };
        watchers.push(check);
        check();
        void exited.then(({ code, signal }) =>
          reject(
            new Error(
              `the server exited (${String(code ?? signal)}) before printing ${String(pattern)}:\n${out}${err}`,
            ),
          ),
        );
      }),
  };
};

/** Fails if the promise does not settle within `ms` (a bound on a hang, not a wait). */
export const within = <T>(ms: number, what: string, promise: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${String(ms)} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
};

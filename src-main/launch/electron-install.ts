import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronPackage } from './electron-binary';

export type InstallLimits = {
  /** Give up when nothing has been received or written for this long (no answer, or stalled). */
  stallMs: number;
  /** Give up after this long in all, however slowly bytes still arrive. */
  totalMs: number;
};

export const DEFAULT_INSTALL_LIMITS: InstallLimits = { stallMs: 30_000, totalMs: 15 * 60_000 };

export type InstallOutcome = { ok: true } | { ok: false; reason: string };

const POLL_MS = 250;

/** Bytes under a folder (files only); a folder that is not there counts as empty. */
const folderBytes = (dir: string): number => {
  let total = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    try {
      const st = lstatSync(join(dir, name));
      total += st.isDirectory() ? folderBytes(join(dir, name)) : st.size;
    } catch {
      // removed while we looked: the installer moves its temporary files as it goes
    }
  }
  return total;
};

/** The installer prints an error's stack: its first line says what went wrong. */
const reasonFrom = (stderr: string, code: number | null): string => {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^\w*Error\b/.test(l));
  if (!line) return `the installer stopped (exit code ${String(code)})`;
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ENETUNREACH/.test(line)) {
    return 'the download server could not be reached (no internet, or a proxy is needed)';
  }
  return line.replace(/^\w*Error:\s*/, '');
};

/**
 * Fetches the Electron binary with Electron's own installer (`electron/install.js`, which uses
 * `@electron/get`): ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, the cache, ELECTRON_GET_USE_PROXY with
 * HTTPS_PROXY, and its checksum check all apply as documented by Electron. It runs as a child
 * process with its temporary folder pointed at a folder of ours, so that progress can be shown
 * (the bytes written there and into `dist/`) and a download that stops moving is ended.
 */
export const installElectron = (opts: {
  pkg: ElectronPackage;
  env: NodeJS.ProcessEnv;
  limits?: InstallLimits;
  /** Bytes received or written so far, a few times a second while they change. */
  onProgress?: (bytes: number) => void;
}): Promise<InstallOutcome> => {
  const limits = opts.limits ?? DEFAULT_INSTALL_LIMITS;
  const work = mkdtempSync(join(tmpdir(), 'ispdesk-electron-download-'));
  const dist = join(opts.pkg.dir, 'dist');
  const child = spawn(process.execPath, [join(opts.pkg.dir, 'install.js')], {
    cwd: opts.pkg.dir,
    env: { ...opts.env, TMPDIR: work, TMP: work, TEMP: work, ELECTRON_GET_NO_PROGRESS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8192);
  });

  return new Promise<InstallOutcome>((resolve) => {
    const started = Date.now();
    let lastBytes = folderBytes(dist);
    let lastChange = started;
    let stopped: string | null = null;
    const timer = setInterval(() => {
      const now = Date.now();
      const bytes = folderBytes(work) + folderBytes(dist);
      if (bytes !== lastBytes) {
        lastBytes = bytes;
        lastChange = now;
        opts.onProgress?.(bytes);
      }
      if (now - lastChange >= limits.stallMs) {
        stopped = `nothing arrived for ${String(Math.round(limits.stallMs / 1000))} s`;
      } else if (now - started >= limits.totalMs) {
        stopped = `it took longer than ${String(Math.round(limits.totalMs / 60_000))} min`;
      }
      if (stopped) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, POLL_MS);
    const finish = (outcome: InstallOutcome) => {
      clearInterval(timer);
      rmSync(work, { recursive: true, force: true });
      resolve(outcome);
    };
    child.on('error', (e) => finish({ ok: false, reason: e.message }));
    child.on('exit', (code) => {
      if (stopped) finish({ ok: false, reason: `the download was stopped: ${stopped}` });
      else if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: reasonFrom(stderr, code) });
    });
  });
};

import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseStartupError } from './db/startup-error';

export const LOCK_FILE = 'ispdesk.lock';

/** What a lock file says about its owner: enough to tell a running app from a reused pid. */
export type LockOwner = {
  pid: number;
  host: string;
  /** Linux's boot id: a lock written before a restart of the machine is stale. */
  bootId: string | null;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is told apart. */
  startTicks: number | null;
};

/** Why a lock left behind was taken over, in words for the activity log. */
export type LockRecovery = { previous: Partial<LockOwner>; reason: string };

export type DataDirLock = { release: () => void; recovered: LockRecovery | null };

/** How this machine describes a process; injectable so that tests can play other programs. */
export type ProcessProbe = {
  self(): LockOwner;
  /** null: no process with that id; otherwise its start time in ticks (null where unknown). */
  startTicks(pid: number): { startTicks: number | null } | null;
  /** When this machine booted (epoch ms), where known. */
  bootTime(): number | null;
};

const readOrNull = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces). */
const procStartTicks = (pid: number): number | null => {
  const stat = readOrNull(`/proc/${String(pid)}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const systemProcessProbe: ProcessProbe = {
  self: () => ({
    pid: process.pid,
    host: hostname(),
    bootId: readOrNull('/proc/sys/kernel/random/boot_id')?.trim() ?? null,
    startTicks: procStartTicks(process.pid),
  }),
  startTicks: (pid) => {
    if (!isAlive(pid)) return null;
    return { startTicks: procStartTicks(pid) };
  },
  bootTime: () => {
    const btime = /^btime (\d+)$/m.exec(readOrNull('/proc/stat') ?? '');
    return btime?.[1] ? Number(btime[1]) * 1000 : null;
  },
};

/** A lock file's content: JSON of LockOwner; older versions wrote the bare pid. */
const parseLock = (text: string): Partial<LockOwner> | null => {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner>;
    return typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0
      ? value
      : null;
  } catch {
    return null;
  }
};

/**
 * Whether the app that wrote a lock still runs: null if it does (or cannot be told: another
 * machine's process), else why the lock is stale.
 */
const staleReason = (
  owner: Partial<LockOwner> | null,
  writtenAt: number,
  me: LockOwner,
  probe: ProcessProbe,
): string | null => {
  if (!owner?.pid) return 'the lock file held no process id';
  if (owner.host !== undefined && owner.host !== me.host) return null;
  if (owner.bootId && me.bootId && owner.bootId !== me.bootId) {
    return 'it was left before this computer restarted';
  }
  const boot = probe.bootTime();
  if (boot !== null && writtenAt < boot) return 'it was left before this computer restarted';
  const running = probe.startTicks(owner.pid);
  if (!running) return `process ${String(owner.pid)} is no longer running`;
  if (
    owner.startTicks !== undefined &&
    owner.startTicks !== null &&
    running.startTicks !== null &&
    running.startTicks !== owner.startTicks
  ) {
    return `process ${String(owner.pid)} is now another program`;
  }
  return null;
};

const inUse = (dataDir: string, owner: Partial<LockOwner>, me: LockOwner) =>
  new DatabaseStartupError(
    owner.host !== undefined && owner.host !== me.host
      ? `ISP Desk on ${owner.host} (process ${String(owner.pid)}) uses the data folder ${dataDir}. ` +
          `Stop it there; if it is no longer running, delete ${join(dataDir, LOCK_FILE)}.`
      : `ISP Desk is already running on the data folder ${dataDir} (process ${String(owner.pid)}). ` +
          'Use that instance, or start this one with another --data folder.',
  );

const writeNew = (file: string, content: string, flag: 'wx' | 'w') => {
  const fd = openSync(file, flag, 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
};

/**
 * One running app per data folder: its timers (expiry, polling) must run exactly once per
 * database. The lock records the owner's pid, start time, boot id and host, so that a lock left
 * by a process that died (or by one whose pid now belongs to another program after a restart) is
 * taken over, and `recovered` says why. Takeovers are serialised by a second file, so that two
 * apps starting at once on a stale lock never both win.
 */
export const lockDataDir = (
  dataDir: string,
  probe: ProcessProbe = systemProcessProbe,
): DataDirLock => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_FILE);
  const me = probe.self();
  const content = `${JSON.stringify(me)}\n`;
  const release = () => {
    // Only our own lock: a folder taken over by someone else after a long pause stays theirs.
    if (parseLock(readOrNull(file) ?? '')?.pid === me.pid) rmSync(file, { force: true });
  };
  try {
    writeNew(file, content, 'wx');
    return { release, recovered: null };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }

  const takeover = `${file}.takeover`;
  try {
    writeNew(takeover, content, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Another app is taking the lock over right now (or died in the microseconds it takes:
    // such a leftover is cleared after a minute).
    const age = Date.now() - statSync(takeover).mtimeMs;
    if (age > 60_000) rmSync(takeover, { force: true });
    throw new DatabaseStartupError(
      `Another ISP Desk is starting on the data folder ${dataDir}; try again in a moment.`,
    );
  }
  try {
    const text = readOrNull(file);
    if (text === null) {
      // Released between our two looks: take it as if it were never there.
      writeNew(file, content, 'wx');
      return { release, recovered: null };
    }
    const owner = parseLock(text);
    const reason = staleReason(owner, statSync(file).mtimeMs, me, probe);
    if (reason === null) throw inUse(dataDir, owner ?? {}, me);
    const next = `${file}.${String(me.pid)}.tmp`;
    writeNew(next, content, 'w');
    renameSync(next, file); // atomic: the folder is never without a lock
    return { release, recovered: { previous: owner ?? {}, reason } };
  } finally {
    rmSync(takeover, { force: true });
  }
};

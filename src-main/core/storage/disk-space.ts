import { statfsSync } from 'node:fs';
import type { StorageStatus } from '../../contract/schemas/system';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { Logger } from '../shared/logger';
import { formatBytes } from '../jobs/job-log-format';

/** What `fs.statfs` tells about a disk, in the units the warning needs. */
export type DiskSpace = { freeBytes: number; totalBytes: number };
export type ReadDiskSpace = (folder: string) => DiskSpace;

/** Below this much free space (or 5 % of the disk, whichever is less) the office is warned. */
export const DISK_LOW_BYTES = 1024 ** 3;
export const DISK_LOW_SHARE = 0.05;

/**
 * The warning threshold for a disk of `totalBytes`: 1 GiB, or 5 % of a disk smaller than 20 GiB
 * (a 4 GiB card would otherwise be "low" for ever).
 */
export const diskLowThreshold = (totalBytes: number): number =>
  Math.min(DISK_LOW_BYTES, Math.floor(totalBytes * DISK_LOW_SHARE));

/** Space available to this process (not the root-reserved blocks). */
export const readDiskSpace: ReadDiskSpace = (folder) => {
  const s = statfsSync(folder);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

/**
 * Watches the free space on the data folder's disk: each check compares it with the threshold,
 * and a change between enough and low is logged once (`system.disk_low`, `system.disk_recovered`)
 * and pushed to every window, whose banner reads `status()`.
 */
export const createDiskWatch = (deps: {
  dataDir: string;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  logger: Logger;
  readSpace?: ReadDiskSpace;
  /** Called when the status changes (low ↔ enough), for the push event. */
  changed: (status: StorageStatus) => void;
}) => {
  const readSpace = deps.readSpace ?? readDiskSpace;
  let status: StorageStatus | null = null;
  /** Whether the last state change made it into the log (a full disk may refuse the entry). */
  let logged = true;

  const logChange = (s: StorageStatus, meta: RequestMeta): void => {
    const words = {
      folder: deps.dataDir,
      free: formatBytes(s.freeBytes),
      total: formatBytes(s.totalBytes),
      threshold: formatBytes(s.thresholdBytes),
    };
    const details = {
      freeBytes: s.freeBytes,
      totalBytes: s.totalBytes,
      thresholdBytes: s.thresholdBytes,
    };
    try {
      deps.write(() =>
        s.low
          ? deps.recorder.record({
              event: 'system.disk_low',
              params: words,
              ctx: { ...meta, actor: null },
              details,
            })
          : deps.recorder.record({
              event: 'system.disk_recovered',
              params: words,
              ctx: { ...meta, actor: null },
              details,
            }),
      );
      logged = true;
    } catch (e) {
      logged = false;
      deps.logger.error(`could not log that disk space is ${s.low ? 'low' : 'enough again'}`, {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };

  return {
    /** Reads the disk now; logs and pushes a change. Returns the job's one-line summary. */
    check: (meta: RequestMeta): string => {
      const space = readSpace(deps.dataDir);
      const next: StorageStatus = {
        ...space,
        thresholdBytes: diskLowThreshold(space.totalBytes),
        low: space.freeBytes < diskLowThreshold(space.totalBytes),
        checkedAt: deps.clock.now(),
      };
      // The first reading after start logs only a low disk: "enough" is the normal state.
      const changed = status === null ? next.low : status.low !== next.low;
      status = next;
      if (changed) {
        logChange(next, meta);
        deps.changed(next);
      } else if (!logged) {
        logChange(next, meta);
      }
      const summary = `${formatBytes(next.freeBytes)} free of ${formatBytes(next.totalBytes)}`;
      return next.low
        ? `${summary}: low (the warning shows below ${formatBytes(next.thresholdBytes)})`
        : summary;
    },
    /** The last reading; null before the first check. */
    status: (): StorageStatus | null => status,
  };
};

export type DiskWatch = ReturnType<typeof createDiskWatch>;

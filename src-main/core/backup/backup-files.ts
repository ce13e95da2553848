import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `ispdesk-20300115-090000.db`, or `…-090000-2.db` for a second backup in the same second. */
const BACKUP_FILE = /^ispdesk-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.db$/;

export const BACKUPS_FOLDER = 'backups';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The UTC time stamp a backup name carries: `yyyyMMdd-HHmmss`. */
export const backupStamp = (ms: number): string => {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
};

export const backupName = (ms: number, n = 1): string =>
  `ispdesk-${backupStamp(ms)}${n > 1 ? `-${String(n)}` : ''}.db`;

/** Backups in `dir`, newest first. Only names this app writes are listed. */
export const listBackups = (dir: string): string[] => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const keyed = names.flatMap((name) => {
    const m = BACKUP_FILE.exec(name);
    return m ? [{ name, key: `${m[1] ?? ''}${m[2] ?? ''}${pad(Number(m[3] ?? 1), 3)}` }] : [];
  });
  return keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)).map((k) => k.name);
};

/** Deletes backups beyond the newest `keep`; nothing else in the folder is touched. */
export const rotateBackups = (dir: string, keep: number): { kept: number; removed: string[] } => {
  const all = listBackups(dir);
  const removed = all.slice(Math.max(1, keep));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return { kept: all.length - removed.length, removed };
};

import { existsSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DATABASE_FILE } from '../core/config';
import { AppError } from '../core/shared/app-error';

/** The demo folder's marker: written `seeding` before the first entry, `ready` after the last. */
export const DEMO_MARKER = 'demo-office.json';

const MarkerSchema = z.object({
  format: z.literal(1),
  state: z.enum(['seeding', 'ready']),
  seed: z.number().int(),
  seededAt: z.number().int().nullable(),
  seedMs: z.number().int().nullable(),
  /** Router name → the local port its simulator listened on last time. */
  ports: z.record(z.string(), z.number().int().min(0).max(65_535)),
});
export type DemoMarker = z.infer<typeof MarkerSchema>;

/**
 * The folder cannot hold the demo office (it has another office in it, or a broken marker). An
 * AppError, so that the first-run screen shows its message.
 */
export class DemoFolderError extends AppError {
  constructor(message: string) {
    super('unavailable', message);
    this.name = 'DemoFolderError';
  }
}

export const readMarker = (dataDir: string): DemoMarker | null => {
  const file = join(dataDir, DEMO_MARKER);
  if (!existsSync(file)) return null;
  try {
    return MarkerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new DemoFolderError(
      `${file} is not a demo-office marker ISP Desk can read; remove the folder ${dataDir} to make a new demo office.`,
    );
  }
};

/** Written to a temp file and renamed, so a crash never leaves half a marker. */
export const writeMarker = (dataDir: string, marker: DemoMarker): void => {
  const file = join(dataDir, DEMO_MARKER);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
};

/**
 * What to do with the folder: `fresh` (seed it), `ready` (open it) — or refuse: a database with
 * no demo marker may be a real office, and demo data must never go into one (its activity log is
 * append-only). A marker still saying `seeding` is a demo interrupted half-way: its database is
 * ours, so it is removed and seeded again.
 */
export const prepareDemoFolder = (
  dataDir: string,
): { seeded: boolean; ports: Record<string, number>; marker: DemoMarker | null } => {
  const marker = readMarker(dataDir);
  const db = join(dataDir, DATABASE_FILE);
  if (!marker) {
    if (existsSync(db)) {
      throw new DemoFolderError(
        `${dataDir} already holds an ISP Desk database that is not a demo office; the demo office needs a folder of its own (leave out --data, or name an empty folder).`,
      );
    }
    return { seeded: false, ports: {}, marker: null };
  }
  if (marker.state === 'seeding') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    return { seeded: false, ports: marker.ports, marker: null };
  }
  if (!existsSync(db)) {
    throw new DemoFolderError(
      `${dataDir} has a demo-office marker but no database; remove the folder to make a new demo office.`,
    );
  }
  return { seeded: true, ports: marker.ports, marker };
};

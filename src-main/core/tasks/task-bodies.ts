import { statSync } from 'node:fs';
import { openReadOnly, createLogSource } from '../activity/activity-source';
import { csvHeader, csvLine, ndjsonLine } from '../activity/activity-export';
import { verifyChain } from '../activity/verify-chain';
import { finishAndVerifyBackup } from '../backup/verify-backup';
import { copyIntoArchive } from '../activity/archive-copy';
import { checkClientsCsv, exportClients } from './client-task-bodies';
import { writeBundle } from '../evidence/bundle-writer';
import type { TaskKind, TaskRequestOf, TaskResults } from './task-messages';

/** How a task reports: entries done so far, and output (awaited: back-pressure and cancel). */
export type TaskIo = {
  progress(done: number): void;
  chunk(text: string): Promise<void>;
  nativeBinding?: string;
};

const verify = async (r: TaskRequestOf<'verify'>, io: TaskIo): Promise<TaskResults['verify']> => {
  const db = openReadOnly(r.file, io.nativeBinding);
  try {
    const result = await verifyChain(db, (done) => io.progress(done));
    const quickCheck = r.quickCheck ? String(db.pragma('quick_check', { simple: true })) : null;
    return { result, quickCheck };
  } finally {
    db.close();
  }
};

const exportEntries = async (
  r: TaskRequestOf<'export'>,
  io: TaskIo,
): Promise<TaskResults['export']> => {
  const db = openReadOnly(r.file, io.nativeBinding);
  try {
    // Export pages by id; nothing in it reads the clock.
    const { search } = createLogSource(db, () => 0);
    const line = r.format === 'csv' ? csvLine : ndjsonLine;
    let rows = 0;
    if (r.format === 'csv') await io.chunk(csvHeader());
    for (const page of search.iterate(r.filter)) {
      await io.chunk(page.map((row) => line(row, r.timeZone)).join(''));
      rows += page.length;
      io.progress(rows);
    }
    return { rows };
  } finally {
    db.close();
  }
};

/**
 * The copy on its own read-only connection, in one step: one consistent snapshot however much
 * the main thread writes meanwhile (WAL), without the restarts a stepped copy from another
 * connection would suffer. Then made one file and checked.
 */
const backup = async (r: TaskRequestOf<'backup'>, io: TaskIo): Promise<TaskResults['backup']> => {
  const db = openReadOnly(r.file, io.nativeBinding);
  try {
    await db.backup(r.target, { progress: () => Number.MAX_SAFE_INTEGER });
  } finally {
    db.close();
  }
  finishAndVerifyBackup(r.target, r.head ?? undefined, io.nativeBinding);
  return { bytes: statSync(r.target).size };
};

const bundle = async (r: TaskRequestOf<'bundle'>, io: TaskIo): Promise<TaskResults['bundle']> => {
  const db = openReadOnly(r.file, io.nativeBinding);
  try {
    return await writeBundle(db, r, (done) => io.progress(done));
  } finally {
    db.close();
  }
};

const BODIES: {
  [K in TaskKind]: (r: TaskRequestOf<K>, io: TaskIo) => Promise<TaskResults[K]>;
} = {
  verify,
  export: exportEntries,
  backup,
  archiveCopy: copyIntoArchive,
  clientsExport: exportClients,
  clientsCheck: checkClientsCsv,
  bundle,
};

/** Runs one task: the same code on a task thread and, where none is configured, in process. */
export const runTaskBody = <K extends TaskKind>(
  request: TaskRequestOf<K>,
  io: TaskIo,
): Promise<TaskResults[K]> =>
  (BODIES[request.kind] as (r: TaskRequestOf<K>, io: TaskIo) => Promise<TaskResults[K]>)(
    request,
    io,
  );

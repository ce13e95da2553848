/**
 * The clients' long tasks, each on its own read-only connection: the CSV export, and the CSV
 * import's check (the import's writes stay on the main connection, see client-import.ts).
 */
import { openReadOnly } from '../activity/activity-source';
import { checkImport, importLookupsOn, type ImportCandidate } from '../clients/client-import-check';
import { writeClientsCsv } from '../clients/client-export-csv';
import type { TaskIo } from './task-bodies';
import type { TaskRequestOf, TaskResults } from './task-messages';
import { nextTurn } from '../shared/next-turn';

/** Accepted rows travel to the main thread as JSON text in batches of this many. */
const CANDIDATES_PER_CHUNK = 500;

export const exportClients = async (
  r: TaskRequestOf<'clientsExport'>,
  io: TaskIo,
): Promise<TaskResults['clientsExport']> => {
  const db = openReadOnly(r.file, io.nativeBinding);
  try {
    return await writeClientsCsv(db, r, {
      chunk: async (text) => {
        await io.chunk(text);
        await nextTurn();
      },
      progress: (done) => io.progress(done),
    });
  } finally {
    db.close();
  }
};

/** With `withAccepted`, the accepted rows go out as chunks: JSON arrays of ImportCandidate. */
export const checkClientsCsv = async (
  r: TaskRequestOf<'clientsCheck'>,
  io: TaskIo,
): Promise<TaskResults['clientsCheck']> => {
  const db = openReadOnly(r.file, io.nativeBinding);
  try {
    let batch: ImportCandidate[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const text = JSON.stringify(batch);
      batch = [];
      await io.chunk(text);
    };
    const checked = await checkImport(r.csv, {
      timeZone: r.timeZone,
      lookups: importLookupsOn(db),
      progress: (done) => io.progress(done),
      breathe: async () => {
        if (batch.length >= CANDIDATES_PER_CHUNK) await flush();
        await nextTurn();
      },
      ...(r.withAccepted ? { accept: (c: ImportCandidate) => batch.push(c) } : {}),
    });
    await flush();
    return checked;
  } finally {
    db.close();
  }
};

/**
 * A process that runs one archive run on an existing data folder and stops after the first
 * pruned chunk, printing `pruned <id>` and waiting there to be killed (retention-crash.test.ts).
 * Run from source: node --import tsx prune-child.ts DATA_DIR MIGRATIONS BEFORE NOW.
 */
import { createCore } from '../create-core';

const [dataDir = '', migrationsFolder = '', before = '', now = ''] = process.argv.slice(2);
const core = createCore({
  dataDir,
  migrationsFolder,
  mode: 'test',
  version: 'test',
  clock: { now: () => Number(now), sleep: () => Promise.resolve() },
  host: { ip: '192.0.2.10', name: 'office-server' },
  background: false,
  retention: {
    pruneChunk: 3,
    afterPruneChunk: (prunedUpTo) => {
      setInterval(() => undefined, 60_000); // keeps the process alive while it waits
      process.stdout.write(`pruned ${String(prunedUpTo)}\n`);
      return new Promise<void>(() => undefined);
    },
  },
});
core.services.activity
  .archive({ before: Number(before) }, { ...core.systemMeta(), actor: null })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });

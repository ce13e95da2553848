import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { Recorder } from './recorder';
import { createSettingsRepo } from '../settings/settings.repo';
import { AUDIT_KEYS } from './chain-anchor';
import { createCheckpoints, loadSigningKey } from './checkpoints';
import { createRetention } from './retention';
import type { TaskRunner } from '../tasks/task-runner';

const CHECKPOINT_MAX_AGE_MS = 24 * 60 * 60_000;
const CHECKPOINT_MAX_ENTRIES = 10_000;

/**
 * The log's integrity machinery: this installation's identity and signing key, signed
 * checkpoints (at least daily), and archive-then-prune retention.
 */
export const createAuditTrail = (deps: {
  sqlite: Database.Database;
  dataDir: string;
  migrationsFolder: string;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  nativeBinding?: string;
  tasks: TaskRunner;
  pruneChunk?: number;
  afterPruneChunk?: (prunedUpTo: number) => Promise<void> | void;
  breathe?: () => Promise<void>;
}) => {
  const { sqlite, clock } = deps;
  const settings = createSettingsRepo(sqlite);
  /** A setting made once, on first start, then kept. */
  const setting = (key: string, make: () => string): string => {
    const found = settings.get(key);
    if (found !== undefined) return found;
    const value = make();
    settings.put(key, value, clock.now());
    return value;
  };
  const key = loadSigningKey(deps.dataDir);
  const installId = setting('install.id', () => randomUUID());
  // Kept in the database (and copied into every archive) so that checkpoints verify anywhere.
  setting(AUDIT_KEYS.publicKey, () => key.publicKeyPem);
  const checkpoints = createCheckpoints({ sqlite, origin: `isp-desk/${installId}`, key });
  const retention = createRetention({
    sqlite,
    dataDir: deps.dataDir,
    migrationsFolder: deps.migrationsFolder,
    write: deps.write,
    recorder: deps.recorder,
    tasks: deps.tasks,
    checkpoints,
    now: () => clock.now(),
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    ...(deps.pruneChunk === undefined ? {} : { pruneChunk: deps.pruneChunk }),
    ...(deps.afterPruneChunk ? { afterPruneChunk: deps.afterPruneChunk } : {}),
    ...(deps.breathe ? { breathe: deps.breathe } : {}),
  });

  return {
    checkpoints,
    retention,
    /** Whether the last checkpoint is a day old or 10 000 entries behind the head. */
    checkpointDue: (): boolean =>
      checkpoints.due(clock.now(), CHECKPOINT_MAX_AGE_MS, CHECKPOINT_MAX_ENTRIES),
    /**
     * The scheduled job: a signed checkpoint when the last is a day old or 10 000 entries
     * behind. Returns the entry it covers, or null when none was due.
     */
    checkpointIfDue: (meta: RequestMeta): number | null => {
      if (!checkpoints.due(clock.now(), CHECKPOINT_MAX_AGE_MS, CHECKPOINT_MAX_ENTRIES)) return null;
      return deps.write(() => {
        const c = checkpoints.create(clock.now());
        if (!c) return null;
        deps.recorder.record({
          event: 'activity.checkpoint',
          params: { uptoId: c.uptoId },
          ctx: { ...meta, actor: null },
          details: { uptoId: c.uptoId, headHash: c.headHash },
        });
        return c.uptoId;
      });
    },
  };
};

import { join } from 'node:path';
import type { BackupSettings, UpdateBackupSettings } from '../../contract/schemas/jobs';
import { changeSet } from '../activity/change-set';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsRepo } from '../settings/settings.repo';
import { BACKUPS_FOLDER } from './backup-files';

type Stored = Omit<BackupSettings, 'folder'>;

export const DEFAULT_BACKUP_SETTINGS: Stored = { enabled: true, intervalHours: 24, keep: 7 };

const KEYS: Record<keyof Stored, string> = {
  enabled: 'backup.enabled',
  intervalHours: 'backup.interval_hours',
  keep: 'backup.keep',
};
const FIELDS = Object.keys(KEYS) as (keyof Stored)[];

/** The backup job's settings, in the shared `settings` table; changes are logged. */
export const createBackupSettings = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  dataDir: string;
}) => {
  const repo = createSettingsRepo(deps.sqlite);
  const folder = join(deps.dataDir, BACKUPS_FOLDER);
  const num = (k: 'intervalHours' | 'keep'): number => {
    const v = repo.get(KEYS[k]);
    return v === undefined ? DEFAULT_BACKUP_SETTINGS[k] : Number(v);
  };
  const get = (): BackupSettings => ({
    enabled: (repo.get(KEYS.enabled) ?? String(DEFAULT_BACKUP_SETTINGS.enabled)) === 'true',
    intervalHours: num('intervalHours'),
    keep: num('keep'),
    folder,
  });

  return {
    get,
    folder,
    update: (input: UpdateBackupSettings, ctx: ServiceContext & { actor: Actor }) =>
      deps.write(() => {
        const before = get();
        const changed = FIELDS.filter((k) => input[k] !== undefined && input[k] !== before[k]);
        if (changed.length === 0) return before;
        const now = deps.clock.now();
        for (const k of changed) repo.put(KEYS[k], String(input[k]), now);
        const after = get();
        const change = changeSet(before, after, changed);
        deps.recorder.record({
          event: 'backup.settings_updated',
          params: { by: ctx.actor.username, changes: change.summary },
          ctx,
          target: { type: 'settings', id: 'backup', label: 'Backup settings' },
          details: change.details,
        });
        return after;
      }),
  };
};

export type BackupSettingsService = ReturnType<typeof createBackupSettings>;

import { join } from 'node:path';
import type { BackupSettings, UpdateBackupSettings } from '../../contract/schemas/jobs';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsGroup } from '../settings/settings-group';
import { BACKUPS_FOLDER } from './backup-files';

type Stored = Omit<BackupSettings, 'folder'>;

export const DEFAULT_BACKUP_SETTINGS: Stored = { enabled: true, intervalHours: 24, keep: 7 };

const KEYS: Record<keyof Stored, string> = {
  enabled: 'backup.enabled',
  intervalHours: 'backup.interval_hours',
  keep: 'backup.keep',
};
/** The backup job's settings, in the shared `settings` table; changes are logged. */
export const createBackupSettings = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  dataDir: string;
}) => {
  const folder = join(deps.dataDir, BACKUPS_FOLDER);
  const group = createSettingsGroup<Stored>({
    ...deps,
    keys: KEYS,
    defaults: DEFAULT_BACKUP_SETTINGS,
    event: 'backup.settings_updated',
    target: { id: 'backup', label: 'Backup settings' },
  });
  const get = (): BackupSettings => ({ ...group.get(), folder });
  return {
    get,
    folder,
    update: (input: UpdateBackupSettings, ctx: ServiceContext & { actor: Actor }) => ({
      ...group.update(input, ctx),
      folder,
    }),
  };
};

export type BackupSettingsService = ReturnType<typeof createBackupSettings>;

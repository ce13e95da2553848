import type Database from 'better-sqlite3';
import type { NetworkSettings, UpdateNetworkSettings } from '../../contract/schemas/routers';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsGroup } from '../settings/settings-group';

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = {
  autoSyncIntervalMin: 60,
  autoSyncFix: false,
  expiryIntervalMin: 5,
  cpuThresholdPct: 90,
  memoryThresholdPct: 90,
};

const KEYS: Record<keyof NetworkSettings, string> = {
  autoSyncIntervalMin: 'network.auto_sync_interval_min',
  autoSyncFix: 'network.auto_sync_fix',
  expiryIntervalMin: 'network.expiry_interval_min',
  cpuThresholdPct: 'network.cpu_threshold_pct',
  memoryThresholdPct: 'network.memory_threshold_pct',
};
/** Settings of the router jobs, in the shared `settings` table; changes are logged. */
export const createNetworkSettings = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
}) => {
  const group = createSettingsGroup<NetworkSettings>({
    ...deps,
    keys: KEYS,
    defaults: DEFAULT_NETWORK_SETTINGS,
    event: 'network.settings_updated',
    target: { id: 'network', label: 'Network settings' },
  });
  return {
    get: group.get,
    update: (input: UpdateNetworkSettings, ctx: ServiceContext & { actor: Actor }) =>
      group.update(input, ctx),
  };
};

export type NetworkSettingsService = ReturnType<typeof createNetworkSettings>;

import type Database from 'better-sqlite3';
import type { NetworkSettings, UpdateNetworkSettings } from '../../contract/schemas/routers';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsRepo } from '../settings/settings.repo';
import { changeSet } from '../activity/change-set';

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
const FIELDS = Object.keys(KEYS) as (keyof NetworkSettings)[];

/** Settings of the router jobs, in the shared `settings` table; changes are logged. */
export const createNetworkSettings = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
}) => {
  const repo = createSettingsRepo(deps.sqlite);
  const num = (k: Exclude<keyof NetworkSettings, 'autoSyncFix'>): number => {
    const v = repo.get(KEYS[k]);
    return v === undefined ? DEFAULT_NETWORK_SETTINGS[k] : Number(v);
  };
  const get = (): NetworkSettings => ({
    autoSyncIntervalMin: num('autoSyncIntervalMin'),
    autoSyncFix:
      (repo.get(KEYS.autoSyncFix) ?? String(DEFAULT_NETWORK_SETTINGS.autoSyncFix)) === 'true',
    expiryIntervalMin: num('expiryIntervalMin'),
    cpuThresholdPct: num('cpuThresholdPct'),
    memoryThresholdPct: num('memoryThresholdPct'),
  });

  return {
    get,
    update: (input: UpdateNetworkSettings, ctx: ServiceContext & { actor: Actor }) =>
      deps.write(() => {
        const before = get();
        const changed = FIELDS.filter((k) => input[k] !== undefined && input[k] !== before[k]);
        if (changed.length === 0) return before;
        const now = deps.clock.now();
        for (const k of changed) repo.put(KEYS[k], String(input[k]), now);
        const after = get();
        const change = changeSet(before, after, changed);
        deps.recorder.record({
          event: 'network.settings_updated',
          params: { by: ctx.actor.username, changes: change.summary },
          ctx,
          target: { type: 'settings', id: 'network', label: 'Network settings' },
          details: change.details,
        });
        return after;
      }),
  };
};

export type NetworkSettingsService = ReturnType<typeof createNetworkSettings>;

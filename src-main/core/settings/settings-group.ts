import type Database from 'better-sqlite3';
import { changeSet } from '../activity/change-set';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsRepo } from './settings.repo';

type Value = string | number | boolean;

/**
 * One group of settings in the shared `settings` table (billing, network, backup): typed reads
 * with defaults, and an update that writes only the changed keys and logs the change, with its
 * before and after values, in the same transaction.
 */
export const createSettingsGroup = <T extends Record<string, Value>>(deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  keys: Record<keyof T, string>;
  defaults: T;
  event:
    | 'settings.updated'
    | 'network.settings_updated'
    | 'backup.settings_updated'
    | 'sharing.settings_updated'
    | 'forwarding.settings_updated'
    | 'alerts.rules_updated'
    | 'alerts.mail_updated';
  target: { id: string; label: string };
  /** Refuses a change (by throwing an AppError) before anything is written. */
  check?: (changed: readonly (keyof T)[]) => void;
}) => {
  const repo = createSettingsRepo(deps.sqlite);
  const fields = Object.keys(deps.keys) as (keyof T)[];
  const read = (k: keyof T): Value => {
    const raw = repo.get(deps.keys[k]);
    const fallback: Value = deps.defaults[k] as Value;
    if (raw === undefined) return fallback;
    if (typeof fallback === 'number') return Number(raw);
    if (typeof fallback === 'boolean') return raw === 'true';
    return raw;
  };
  const get = (): T => Object.fromEntries(fields.map((k) => [k, read(k)])) as T;

  return {
    get,
    update: (input: Partial<T>, ctx: ServiceContext & { actor: Actor }): T =>
      deps.write(() => {
        const before = get();
        const changed = fields.filter((k) => input[k] !== undefined && input[k] !== before[k]);
        if (changed.length === 0) return before;
        deps.check?.(changed);
        const now = deps.clock.now();
        for (const k of changed) repo.put(deps.keys[k], String(input[k]), now);
        const after = get();
        const change = changeSet(before, after, changed);
        deps.recorder.record({
          event: deps.event,
          params: { by: ctx.actor.username, changes: change.summary },
          ctx,
          target: { type: 'settings', ...deps.target },
          details: change.details,
        });
        return after;
      }),
  };
};

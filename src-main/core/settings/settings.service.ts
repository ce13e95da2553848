import type Database from 'better-sqlite3';
import type { BillingSettings, UpdateSettings } from '../../contract/schemas/settings';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsRepo } from './settings.repo';
import { changeSet } from '../activity/change-set';

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  currencyCode: 'USD',
  minorUnitDigits: 2,
  timeZone: 'UTC',
  adjustmentLimit: 10_000,
  accountPrefix: 'AC',
};

const KEYS: Record<keyof BillingSettings, string> = {
  currencyCode: 'billing.currency_code',
  minorUnitDigits: 'billing.minor_unit_digits',
  timeZone: 'billing.time_zone',
  adjustmentLimit: 'billing.adjustment_limit',
  accountPrefix: 'billing.account_prefix',
};
const FIELDS = Object.keys(KEYS) as (keyof BillingSettings)[];

/** Office-wide billing settings; every change is logged with its before and after values. */
export const createSettingsService = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
}) => {
  const repo = createSettingsRepo(deps.sqlite);
  const hasLedger = deps.sqlite.prepare('SELECT 1 FROM ledger_entries LIMIT 1');

  const get = (): BillingSettings => {
    const raw = (k: keyof BillingSettings) => repo.get(KEYS[k]);
    const num = (k: 'minorUnitDigits' | 'adjustmentLimit') => {
      const v = raw(k);
      return v === undefined ? DEFAULT_BILLING_SETTINGS[k] : Number(v);
    };
    return {
      currencyCode: raw('currencyCode') ?? DEFAULT_BILLING_SETTINGS.currencyCode,
      minorUnitDigits: num('minorUnitDigits'),
      timeZone: raw('timeZone') ?? DEFAULT_BILLING_SETTINGS.timeZone,
      adjustmentLimit: num('adjustmentLimit'),
      accountPrefix: raw('accountPrefix') ?? DEFAULT_BILLING_SETTINGS.accountPrefix,
    };
  };

  return {
    get,

    update: (input: UpdateSettings, ctx: ServiceContext & { actor: Actor }): BillingSettings =>
      deps.write(() => {
        const before = get();
        const changed = FIELDS.filter((k) => input[k] !== undefined && input[k] !== before[k]);
        if (changed.length === 0) return before;
        const moneyUnit = changed.includes('currencyCode') || changed.includes('minorUnitDigits');
        if (moneyUnit && hasLedger.get() !== undefined) {
          throw new AppError(
            'conflict',
            'The currency cannot change once money has been recorded: amounts already in the ledger would change meaning.',
          );
        }
        const now = deps.clock.now();
        for (const k of changed) repo.put(KEYS[k], String(input[k]), now);
        const after = get();
        const change = changeSet(before, after, changed);
        deps.recorder.record({
          event: 'settings.updated',
          params: { by: ctx.actor.username, changes: change.summary },
          ctx,
          target: { type: 'settings', id: 'billing', label: 'Billing settings' },
          details: change.details,
        });
        return after;
      }),
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;

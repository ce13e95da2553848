import type Database from 'better-sqlite3';
import type { BillingSettings, UpdateSettings } from '../../contract/schemas/settings';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import type { LedgerRepo } from '../billing/ledger.repo';
import { createSettingsGroup } from './settings-group';

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  currencyCode: 'USD',
  minorUnitDigits: 2,
  timeZone: 'UTC',
  adjustmentLimit: 10_000,
  accountPrefix: 'AC',
};

/** Where each billing setting is stored in the settings table. */
export const BILLING_KEYS: Record<keyof BillingSettings, string> = {
  currencyCode: 'billing.currency_code',
  minorUnitDigits: 'billing.minor_unit_digits',
  timeZone: 'billing.time_zone',
  adjustmentLimit: 'billing.adjustment_limit',
  accountPrefix: 'billing.account_prefix',
};
/** Office-wide billing settings; every change is logged with its before and after values. */
export const createSettingsService = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  ledger: Pick<LedgerRepo, 'hasEntries'>;
}) => {
  const group = createSettingsGroup<BillingSettings>({
    ...deps,
    keys: BILLING_KEYS,
    defaults: DEFAULT_BILLING_SETTINGS,
    event: 'settings.updated',
    target: { id: 'billing', label: 'Billing settings' },
    check: (changed) => {
      const moneyUnit = changed.includes('currencyCode') || changed.includes('minorUnitDigits');
      if (moneyUnit && deps.ledger.hasEntries()) {
        throw new AppError(
          'conflict',
          'The currency cannot change once money has been recorded: amounts already in the ledger would change meaning.',
        );
      }
    },
  });
  return {
    get: group.get,
    update: (input: UpdateSettings, ctx: ServiceContext & { actor: Actor }): BillingSettings =>
      group.update(input, ctx),
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;

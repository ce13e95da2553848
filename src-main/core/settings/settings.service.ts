import type Database from 'better-sqlite3';
import type { BillingSettings, UpdateSettings } from '../../contract/schemas/settings';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import type { LedgerRepo } from '../billing/ledger.repo';
import type { PlansRepo } from '../plans/plans.repo';
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
/**
 * Plan prices keep their numbers (minor units) when the currency changes: "USD 25.00" becomes
 * "KES 25.00". With plans in the office that needs the caller's confirmation; the refusal lists
 * them so that the confirmation can say which prices are relabelled.
 */
const refuseUnconfirmedRelabel = (plans: { id: number; name: string; price: number }[]): void => {
  if (plans.length === 0) return;
  const names = plans.map((p) => p.name);
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and others` : names.join(', ');
  throw new AppError(
    'conflict',
    `Plan prices keep their numbers in the new currency (they are not converted): ${shown}. Confirm to relabel them.`,
    { plans: plans.map(({ id, name, price }) => ({ id, name, price })) },
  );
};

/** Office-wide billing settings; every change is logged with its before and after values. */
export const createSettingsService = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  ledger: Pick<LedgerRepo, 'hasEntries'>;
  plans: Pick<PlansRepo, 'prices'>;
}) => {
  const group = createSettingsGroup<BillingSettings>({
    ...deps,
    keys: BILLING_KEYS,
    defaults: DEFAULT_BILLING_SETTINGS,
    event: 'settings.updated',
    target: { id: 'billing', label: 'Billing settings' },
  });
  return {
    get: group.get,
    update: (input: UpdateSettings, ctx: ServiceContext & { actor: Actor }): BillingSettings => {
      const { relabelPlanPrices, ...changes } = input;
      const now = group.get();
      const moneyUnit =
        (changes.currencyCode ?? now.currencyCode) !== now.currencyCode ||
        (changes.minorUnitDigits ?? now.minorUnitDigits) !== now.minorUnitDigits;
      if (moneyUnit && deps.ledger.hasEntries()) {
        throw new AppError(
          'conflict',
          'The currency cannot change once money has been recorded: amounts already in the ledger would change meaning.',
        );
      }
      if (moneyUnit && relabelPlanPrices !== true) refuseUnconfirmedRelabel(deps.plans.prices());
      return group.update(changes, ctx);
    },
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;

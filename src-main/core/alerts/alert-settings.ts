import type { AlertRuleSettings } from '../../contract/schemas/alerts';

export { DEFAULT_ALERT_RULES } from '../../contract/schemas/alerts';

export const ALERT_RULE_KEYS: Record<keyof AlertRuleSettings, string> = {
  bruteForceAccountFailures: 'alerts.brute_force_account_failures',
  bruteForceAddressFailures: 'alerts.brute_force_address_failures',
  bruteForceWindowMinutes: 'alerts.brute_force_window_minutes',
  sprayAccounts: 'alerts.spray_accounts',
  sprayWindowMinutes: 'alerts.spray_window_minutes',
  newSourceLearningDays: 'alerts.new_source_learning_days',
  newSourceForgetDays: 'alerts.new_source_forget_days',
  hoursMon: 'alerts.hours_mon',
  hoursTue: 'alerts.hours_tue',
  hoursWed: 'alerts.hours_wed',
  hoursThu: 'alerts.hours_thu',
  hoursFri: 'alerts.hours_fri',
  hoursSat: 'alerts.hours_sat',
  hoursSun: 'alerts.hours_sun',
  hoursGraceMinutes: 'alerts.hours_grace_minutes',
  moneyCountPerDay: 'alerts.money_count_per_day',
  moneyAmountPerDay: 'alerts.money_amount_per_day',
  massArchives: 'alerts.mass_archives',
  massEdits: 'alerts.mass_edits',
  massWindowMinutes: 'alerts.mass_window_minutes',
  massExportRows: 'alerts.mass_export_rows',
  routerOfflineMinutes: 'alerts.router_offline_minutes',
};

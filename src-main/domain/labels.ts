import type { LedgerKind, PaymentMethod } from '../contract/schemas/billing';

/**
 * Words for the values people read in the log and on screens: one label map per enum, field names
 * as words, and each stored value as a sentence shows it (money with its currency, times in the
 * office zone, enum values as labels). Stored `details` keep the machine values; only the text
 * made from them uses these.
 */

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  mobile_money: 'Mobile money',
  bank: 'Bank',
  other: 'Other',
};

export const KIND_LABELS: Record<LedgerKind, string> = {
  charge: 'Charge',
  payment: 'Payment',
  refund: 'Refund',
  adjustment: 'Adjustment',
  void: 'Void',
};

/** Enum values of other fields (statuses, roles, service types, expiry actions). */
const VALUE_LABELS: Record<string, string> = {
  ...METHOD_LABELS,
  active: 'Active',
  expired: 'Expired',
  suspended: 'Suspended',
  disabled: 'Disabled',
  archived: 'Archived',
  administrator: 'Administrator',
  cashier: 'Cashier',
  technician: 'Technician',
  viewer: 'Viewer',
  pppoe: 'PPPoE',
  hotspot: 'Hotspot',
  disable: 'Disable',
  isolate: 'Isolate',
};

const FIELD_LABELS: Record<string, string> = {
  currencyCode: 'Currency',
  minorUnitDigits: 'Decimal places',
  timeZone: 'Time zone',
  adjustmentLimit: 'Adjustment limit',
  accountPrefix: 'Account prefix',
  price: 'Price',
  balance: 'Balance',
  amount: 'Amount',
  method: 'Method',
  kind: 'Kind',
  status: 'Status',
  role: 'Role',
  displayName: 'Name',
  fullName: 'Name',
  disabled: 'Disabled',
  expiresAt: 'Expires',
  until: 'Until',
  lockedUntil: 'Locked until',
  lastLoginAt: 'Last sign-in',
  planId: 'Plan',
  routerId: 'Router',
  serviceType: 'Service',
  rateDownKbps: 'Download rate (kbit/s)',
  rateUpKbps: 'Upload rate (kbit/s)',
  autoSyncFix: 'Auto-sync fixes drift',
  routerProfile: 'Router profile',
  expiryAction: 'On expiry',
  isolationProfile: 'Isolation profile',
  isolationAddressList: 'Isolation address list',
  graceDays: 'Grace days',
  validity: 'Validity',
  staticIp: 'Static IP',
  macAddress: 'MAC address',
};

/** Unit suffixes of field names: `pollIntervalSec` → "Poll interval (seconds)". */
const UNITS: [string, string][] = [
  ['Sec', 'seconds'],
  ['Min', 'minutes'],
  ['Ms', 'ms'],
  ['Kbps', 'kbit/s'],
  ['Days', 'days'],
];

/** Fields holding money in minor units, and fields holding an instant (epoch ms). */
const MONEY_FIELDS = new Set(['price', 'balance', 'amount', 'adjustmentLimit']);
const TIME_FIELDS = new Set(['expiresAt', 'until', 'lockedUntil', 'lastLoginAt']);

/** `currencyCode` → "Currency", `rateDownKbps` → "Download rate (kbit/s)", `fooBar` → "Foo bar". */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const unit = UNITS.find(([suffix]) => field.endsWith(suffix) && field !== suffix);
  const base = unit ? field.slice(0, -unit[0].length) : field;
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return unit ? `${text} (${unit[1]})` : text;
}

/** How money and times read; without them, amounts and instants show as stored. */
export type ValueWords = {
  money?: (minor: number) => string;
  dateTime?: (ms: number) => string;
};

/** A stored value as a sentence shows it; `undefined` (the field was absent) reads "(not set)". */
export function valueText(field: string, value: unknown, words: ValueWords = {}): string {
  if (value === undefined) return '(not set)';
  if (value === null || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number' && MONEY_FIELDS.has(field) && words.money)
    return words.money(value);
  if (typeof value === 'number' && TIME_FIELDS.has(field) && words.dateTime) {
    return words.dateTime(value);
  }
  if (typeof value === 'string') return VALUE_LABELS[value] ?? value;
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** True for a money field whose value is below zero (owed), which must not read as good news. */
export const isNegativeMoney = (field: string, value: unknown): boolean =>
  MONEY_FIELDS.has(field) && typeof value === 'number' && value < 0;

/** "Currency USD → KES, Price KES 80.50 → KES 8,000.00" for a log description. */
export const changeText = (
  fields: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  words: ValueWords = {},
): string =>
  fields
    .map(
      (k) =>
        `${fieldLabel(k)} ${valueText(k, before[k], words)} → ${valueText(k, after[k], words)}`,
    )
    .join(', ');

import { PAYMENT_METHODS } from '@contract/schemas/billing';
import type { LedgerKind, PaymentMethod } from '@contract/schemas/billing';

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  mobile_money: 'Mobile money',
  bank: 'Bank',
  other: 'Other',
};

export const METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({
  value,
  label: METHOD_LABELS[value],
}));

export const KIND_LABELS: Record<LedgerKind, string> = {
  charge: 'Charge',
  payment: 'Payment',
  refund: 'Refund',
  adjustment: 'Adjustment',
  void: 'Void',
};

export const KIND_COLORS: Record<LedgerKind, string> = {
  charge: 'orange',
  payment: 'teal',
  refund: 'grape',
  adjustment: 'blue',
  void: 'red',
};

/** Receipt numbers as printed: 42 → "R-000042" (the core's own form comes with each receipt). */
export const receiptCode = (n: number): string => `R-${String(n).padStart(6, '0')}`;

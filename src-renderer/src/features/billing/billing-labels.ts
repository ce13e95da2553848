import { PAYMENT_METHODS } from '@contract/schemas/billing';
import type { LedgerKind } from '@contract/schemas/billing';
import { KIND_LABELS, METHOD_LABELS } from '@domain/labels';

/** One label map per enum, shared with the core's log descriptions. */
export { KIND_LABELS, METHOD_LABELS };

export const METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({
  value,
  label: METHOD_LABELS[value],
}));

export const KIND_COLORS: Record<LedgerKind, string> = {
  charge: 'orange',
  payment: 'teal',
  refund: 'grape',
  adjustment: 'blue',
  void: 'red',
};

/** Receipt numbers as printed: 42 → "R-000042" (the core's own form comes with each receipt). */
export const receiptCode = (n: number): string => `R-${String(n).padStart(6, '0')}`;

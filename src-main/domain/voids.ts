import type { LedgerEntry, LedgerKind } from '../contract/schemas/billing';

/** What a person enters and may therefore reverse; renewal charges and voids are not among them. */
export const VOIDABLE_KINDS = ['payment', 'refund', 'adjustment'] as const;
export type VoidableKind = (typeof VOIDABLE_KINDS)[number];

export const isVoidableKind = (kind: LedgerKind): kind is VoidableKind =>
  (VOIDABLE_KINDS as readonly string[]).includes(kind);

/**
 * Why this entry cannot be voided now, or null when it can: a void is made once, and a payment
 * with refunds against it keeps them until they are voided first. The core refuses by it and the
 * ledger offers "Void" by it.
 */
export const voidProblem = (
  e: Pick<LedgerEntry, 'kind' | 'voided' | 'refunded'>,
): { code: 'validation' | 'conflict'; message: string } | null => {
  if (e.kind === 'charge') {
    return {
      code: 'validation',
      message:
        'Renewal charges are made by the system and cannot be voided; correct the balance with an adjustment.',
    };
  }
  if (!isVoidableKind(e.kind)) {
    return { code: 'validation', message: 'A void cannot itself be voided.' };
  }
  if (e.voided) return { code: 'conflict', message: `This ${e.kind} is already voided.` };
  if (e.refunded > 0) {
    return {
      code: 'conflict',
      message: 'This payment has refunds against it; void the refunds first.',
    };
  }
  return null;
};

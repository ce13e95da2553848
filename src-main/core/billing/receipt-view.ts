import type { Receipt } from '../../contract/schemas/billing';
import { AppError } from '../shared/app-error';
import type { LedgerRepo } from './ledger.repo';
import type { ReceiptsRepo } from './receipts.repo';
import { receiptCode } from './receipts.repo';

/** A receipt as printed: the snapshot taken when it was issued, plus whether it was voided. */
export const createReceiptView =
  (deps: { receipts: ReceiptsRepo; ledger: LedgerRepo; planName: (id: number) => string }) =>
  (number: number): Receipt => {
    const r = deps.receipts.byNumber(number);
    const entry = r ? deps.ledger.byId(r.entryId) : undefined;
    if (!r || !entry || (entry.kind !== 'payment' && entry.kind !== 'refund') || !entry.method) {
      throw new AppError('not_found', `Receipt ${String(number)} does not exist.`);
    }
    const charge = entry.kind === 'payment' ? deps.ledger.chargeWith(entry) : undefined;
    return {
      number: r.number,
      code: receiptCode(r.number),
      kind: entry.kind,
      issuedAt: r.issuedAt,
      amount: Math.abs(entry.amount),
      method: entry.method,
      reference: entry.reference,
      note: entry.kind === 'payment' ? entry.reason : null,
      client: { id: r.clientId, accountNo: r.accountNo, fullName: r.clientName },
      staffName: entry.staffName,
      currency: { code: r.currencyCode, minorUnitDigits: r.minorUnitDigits },
      balanceAfter: r.balanceAfter,
      entryId: entry.id,
      voided: entry.voided,
      renewal:
        charge && charge.planId !== null && charge.periodStart !== null && charge.periodEnd !== null
          ? {
              planName: deps.planName(charge.planId),
              periodStart: charge.periodStart,
              periodEnd: charge.periodEnd,
            }
          : null,
    };
  };

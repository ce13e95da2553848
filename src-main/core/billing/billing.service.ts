import type {
  LedgerEntry,
  MoneyResult,
  PaymentMethod,
  Receipt,
} from '../../contract/schemas/billing';
import { AppError, fieldError } from '../shared/app-error';
import { currencyOf, formatMoney } from '../../domain/money';
import { toClient } from '../clients/client-view';
import type { BillingDeps, Ctx } from './billing-deps';
import { byWho, loadClient, openClient } from './billing-steps';
import { createExpiryCorrection } from './expiry-correction';
import { createMoneyMovement } from './money-movement';
import { createReceiptView } from './receipt-view';
import { receiptCode } from './receipts.repo';
import { isExpired } from '../../domain/renewal-period';
import { renewInTransaction } from './renewals';
import { voidProblem } from '../../domain/voids';

const DEFAULT_LEDGER_PAGE = 100;

/**
 * Money: payments, refunds, adjustments, renewals and voids. Each is one transaction holding the
 * ledger entries, the receipt (numbered from a counter in the same transaction), the client's
 * new expiry and the activity-log entries; nothing financial is ever updated or deleted.
 */
export const createBillingService = (deps: BillingDeps) => {
  const { clock, write, ledger } = deps;
  const receiptOf = createReceiptView({
    receipts: deps.receipts,
    ledger,
    planName: (id) => deps.plans.byId(id)?.name ?? `#${String(id)}`,
  });
  const move = createMoneyMovement(deps, receiptOf);

  const loadEntry = (id: number): LedgerEntry => {
    const e = ledger.byId(id);
    if (!e) throw new AppError('not_found', `Ledger entry ${String(id)} does not exist.`);
    return e;
  };
  const money = (amount: number) => formatMoney(amount, currencyOf(deps.settings.get()));

  return {
    ledger: (input: { clientId: number; cursor?: number; limit?: number }) => {
      const c = loadClient(deps, input.clientId);
      const limit = input.limit ?? DEFAULT_LEDGER_PAGE;
      const found = ledger.page(c.id, input.cursor, limit + 1);
      const entries = found.slice(0, limit);
      const last = entries[entries.length - 1];
      return {
        entries,
        nextCursor: found.length > limit && last ? last.id : null,
        balance: c.balance,
      };
    },

    receipt: (number: number): Receipt => receiptOf(number),

    correctExpiry: createExpiryCorrection(deps),

    pay: (
      input: {
        clientId: number;
        amount: number;
        method: PaymentMethod;
        reference?: string;
        note?: string;
        renew?: boolean;
      },
      ctx: Ctx,
    ): MoneyResult => {
      // Decided before the transaction: a refusal is logged, and must not be rolled back.
      const renew = input.renew ?? isExpired(loadClient(deps, input.clientId), clock.now());
      if (renew) deps.authorize(ctx.actor, 'billing.renew', 'billing.pay', ctx);
      return move(ctx, () => ({
        client: openClient(deps, input.clientId),
        entry: {
          kind: 'payment',
          amount: input.amount,
          method: input.method,
          reference: input.reference || null,
          reason: input.note || null,
        },
        renew,
        receipt: true,
        log: ({ entry, receipt, before, after }) => ({
          event: 'payment.recorded',
          params: {
            ...byWho(before, ctx),
            amount: money(input.amount),
            method: input.method,
            receipt: receiptCode(receipt),
            ...(input.reference ? { reference: input.reference } : {}),
          },
          details: {
            entryId: entry.id,
            receipt,
            amount: input.amount,
            method: input.method,
            reference: input.reference ?? null,
            renewed: renew,
            before: { balance: before.balance, status: before.status, expiresAt: before.expiresAt },
            after: { balance: after.balance, status: after.status, expiresAt: after.expiresAt },
          },
        }),
      }));
    },

    /** Never more than was paid, net of earlier refunds, on that payment. */
    refund: (
      input: { paymentId: number; amount: number; reason: string; method?: PaymentMethod },
      ctx: Ctx,
    ): MoneyResult =>
      move(ctx, () => {
        const payment = loadEntry(input.paymentId);
        if (payment.kind !== 'payment' || !payment.method) {
          throw fieldError('validation', {
            path: ['paymentId'],
            message: 'Only payments can be refunded.',
          });
        }
        if (payment.voided) {
          throw new AppError('conflict', 'This payment was voided; there is nothing to refund.');
        }
        const refundable = payment.amount - payment.refunded;
        if (input.amount > refundable) {
          throw fieldError('validation', {
            path: ['amount'],
            message: `At most ${money(refundable)} of this payment can still be refunded.`,
          });
        }
        const method = input.method ?? payment.method;
        const paymentReceipt = payment.receiptNumber;
        return {
          client: loadClient(deps, payment.clientId),
          entry: {
            kind: 'refund',
            amount: -input.amount,
            method,
            // The payment's own reference, so that one code finds the payment and its refunds.
            reference: payment.reference,
            reason: input.reason,
            relatesTo: payment.id,
          },
          receipt: true,
          log: ({ entry, receipt, before, after }) => ({
            event: 'refund.issued',
            params: {
              ...byWho(before, ctx),
              amount: money(input.amount),
              method,
              receipt: receiptCode(receipt),
              payment:
                paymentReceipt === null ? `#${String(payment.id)}` : receiptCode(paymentReceipt),
              ...(payment.reference ? { reference: payment.reference } : {}),
            },
            details: {
              entryId: entry.id,
              paymentId: payment.id,
              receipt,
              amount: input.amount,
              method,
              reason: input.reason,
              refundedBefore: payment.refunded,
              refundableAfter: refundable - input.amount,
              before: { balance: before.balance },
              after: { balance: after.balance },
            },
          }),
        };
      }),

    /** Above the configured limit only with `billing.adjustAboveLimit` (administrators). */
    adjust: (
      input: { clientId: number; amount: number; reason: string },
      ctx: Ctx,
    ): MoneyResult => {
      const { adjustmentLimit } = deps.settings.get();
      if (Math.abs(input.amount) > adjustmentLimit) {
        deps.authorize(ctx.actor, 'billing.adjustAboveLimit', 'billing.adjust', ctx);
      }
      return move(ctx, () => ({
        client: openClient(deps, input.clientId),
        entry: { kind: 'adjustment', amount: input.amount, reason: input.reason },
        log: ({ entry, before, after }) => ({
          event: 'balance.adjusted',
          params: { ...byWho(before, ctx), amount: money(input.amount) },
          details: {
            entryId: entry.id,
            amount: input.amount,
            reason: input.reason,
            limit: adjustmentLimit,
            before: { balance: before.balance },
            after: { balance: after.balance },
          },
        }),
      }));
    },

    /** A renewal writes its own charge and log line (renewals.ts), without a receipt. */
    renew: (input: { clientId: number; periods?: number }, ctx: Ctx): MoneyResult =>
      write(() => {
        const c = openClient(deps, input.clientId);
        const made = renewInTransaction(deps, c, input.periods ?? 1, ctx);
        return {
          entry: made.charge,
          receipt: null,
          client: toClient(made.client),
          renewal: made.renewal,
        };
      }),

    /**
     * Reverses an entry a person made by mistake (a payment, a refund or an adjustment) with an
     * equal and opposite entry, once; a voided payment's or refund's receipt then reads VOID.
     * Renewal charges are the system's and are corrected by an adjustment instead.
     */
    void: (input: { entryId: number; reason: string }, ctx: Ctx): MoneyResult =>
      move(ctx, () => {
        const e = loadEntry(input.entryId);
        const problem = voidProblem(e);
        if (problem?.code === 'validation') {
          throw fieldError('validation', { path: ['entryId'], message: problem.message });
        }
        if (problem) throw new AppError(problem.code, problem.message);
        return {
          client: loadClient(deps, e.clientId),
          entry: {
            kind: 'void',
            amount: -e.amount,
            method: e.method,
            reference: e.reference,
            reason: input.reason,
            relatesTo: e.id,
          },
          log: ({ entry, before, after }) => ({
            event: 'ledger.voided',
            params: {
              ...byWho(before, ctx),
              amount: money(Math.abs(e.amount)),
              kind: e.kind,
              entryId: e.id,
              ...(e.reference ? { reference: e.reference } : {}),
            },
            details: {
              entryId: entry.id,
              voidedEntryId: e.id,
              kind: e.kind,
              receipt: e.receiptNumber,
              amount: e.amount,
              reference: e.reference,
              reason: input.reason,
              before: { balance: before.balance },
              after: { balance: after.balance },
            },
          }),
        };
      }),
  };
};

export type BillingService = ReturnType<typeof createBillingService>;

import type { MoneyResult, PaymentMethod, Receipt, Renewal } from '../../contract/schemas/billing';
import { AppError, fieldError } from '../shared/app-error';
import { formatMoney } from '../shared/money';
import type { ClientWithPlan } from '../clients/clients.repo';
import { toClient } from '../clients/client-view';
import type { BillingDeps, Ctx } from './billing-deps';
import { createExpiryCorrection } from './expiry-correction';
import type { StoredEntry } from './ledger.repo';
import { createReceiptView } from './receipt-view';
import { receiptCode } from './receipts.repo';
import { isExpired, renewInTransaction } from './renewals';

const DEFAULT_LEDGER_PAGE = 100;

/**
 * Money: payments, refunds, adjustments, renewals and voids. Each is one transaction holding the
 * ledger entries, the receipt (numbered from a counter in the same transaction), the client's
 * new expiry and the activity-log entries; nothing financial is ever updated or deleted.
 */
export const createBillingService = (deps: BillingDeps) => {
  const { clock, write, recorder, ledger, clients } = deps;
  const receiptOf = createReceiptView({
    receipts: deps.receipts,
    ledger,
    planName: (id) => deps.plans.byId(id)?.name ?? `#${String(id)}`,
  });

  const loadClient = (id: number): ClientWithPlan => {
    const c = clients.byId(id);
    if (!c) throw new AppError('not_found', `Client ${String(id)} does not exist.`);
    return c;
  };
  const notArchived = (c: ClientWithPlan) => {
    if (c.status === 'archived') {
      throw new AppError('conflict', `Client ${c.accountNo} is archived; restore it first.`);
    }
  };
  const loadEntry = (id: number): StoredEntry => {
    const e = ledger.byId(id);
    if (!e) throw new AppError('not_found', `Ledger entry ${String(id)} does not exist.`);
    return e;
  };
  const target = (c: ClientWithPlan) => ({
    type: 'client',
    id: c.id,
    label: `${c.accountNo} ${c.fullName}`,
  });
  const who = (c: ClientWithPlan, ctx: Ctx) => ({
    by: ctx.actor.username,
    account: c.accountNo,
    name: c.fullName,
  });
  const entryBase = (c: ClientWithPlan, ctx: Ctx) => ({
    clientId: c.id,
    staffId: ctx.actor.staffId,
    staffName: ctx.actor.displayName,
    createdAt: clock.now(),
    correlationId: ctx.correlationId,
  });
  const issueReceipt = (entryId: number, c: ClientWithPlan): number => {
    const s = deps.settings.get();
    return deps.receipts.issue({
      entry_id: entryId,
      client_id: c.id,
      account_no: c.accountNo,
      client_name: c.fullName,
      issued_at: clock.now(),
      currency_code: s.currencyCode,
      minor_unit_digits: s.minorUnitDigits,
      balance_after: loadClient(c.id).balance,
    });
  };
  const result = (
    entryId: number,
    receiptNumber: number | null,
    clientId: number,
    renewal: Renewal | null,
  ): MoneyResult => ({
    entry: loadEntry(entryId),
    receipt: receiptNumber === null ? null : receiptOf(receiptNumber),
    client: toClient(loadClient(clientId)),
    renewal,
  });
  const money = (amount: number) => formatMoney(amount, deps.settings.get());

  return {
    ledger: (input: { clientId: number; cursor?: number; limit?: number }) => {
      const c = loadClient(input.clientId);
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
      const renew = input.renew ?? isExpired(loadClient(input.clientId), clock.now());
      if (renew) deps.authorize(ctx.actor, 'billing.renew', 'billing.pay', ctx);
      return write(() => {
        const c = loadClient(input.clientId);
        notArchived(c);
        const entryId = ledger.insert({
          ...entryBase(c, ctx),
          kind: 'payment',
          amount: input.amount,
          method: input.method,
          reference: input.reference || null,
          reason: input.note || null,
        });
        const renewal = renew ? renewInTransaction(deps, c, 1, ctx) : null;
        const number = issueReceipt(entryId, c);
        const after = loadClient(c.id);
        recorder.record({
          event: 'payment.recorded',
          params: {
            ...who(c, ctx),
            amount: money(input.amount),
            method: input.method,
            receipt: receiptCode(number),
          },
          ctx,
          target: target(c),
          clientId: c.id,
          details: {
            entryId,
            receipt: number,
            amount: input.amount,
            method: input.method,
            reference: input.reference ?? null,
            renewed: renew,
            before: { balance: c.balance, status: c.status, expiresAt: c.expiresAt },
            after: { balance: after.balance, status: after.status, expiresAt: after.expiresAt },
          },
        });
        return result(entryId, number, c.id, renewal);
      });
    },

    /** Never more than was paid, net of earlier refunds, on that payment. */
    refund: (
      input: { paymentId: number; amount: number; reason: string; method?: PaymentMethod },
      ctx: Ctx,
    ): MoneyResult =>
      write(() => {
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
        const c = loadClient(payment.clientId);
        const method = input.method ?? payment.method;
        const entryId = ledger.insert({
          ...entryBase(c, ctx),
          kind: 'refund',
          amount: -input.amount,
          method,
          reason: input.reason,
          relatesTo: payment.id,
        });
        const number = issueReceipt(entryId, c);
        const after = loadClient(c.id);
        const paymentReceipt = payment.receiptNumber;
        recorder.record({
          event: 'refund.issued',
          params: {
            ...who(c, ctx),
            amount: money(input.amount),
            method,
            receipt: receiptCode(number),
            payment:
              paymentReceipt === null ? `#${String(payment.id)}` : receiptCode(paymentReceipt),
          },
          ctx,
          target: target(c),
          clientId: c.id,
          details: {
            entryId,
            paymentId: payment.id,
            receipt: number,
            amount: input.amount,
            method,
            reason: input.reason,
            refundedBefore: payment.refunded,
            refundableAfter: refundable - input.amount,
            before: { balance: c.balance },
            after: { balance: after.balance },
          },
        });
        return result(entryId, number, c.id, null);
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
      return write(() => {
        const c = loadClient(input.clientId);
        notArchived(c);
        const entryId = ledger.insert({
          ...entryBase(c, ctx),
          kind: 'adjustment',
          amount: input.amount,
          reason: input.reason,
        });
        const after = loadClient(c.id);
        recorder.record({
          event: 'balance.adjusted',
          params: { ...who(c, ctx), amount: money(input.amount) },
          ctx,
          target: target(c),
          clientId: c.id,
          details: {
            entryId,
            amount: input.amount,
            reason: input.reason,
            limit: adjustmentLimit,
            before: { balance: c.balance },
            after: { balance: after.balance },
          },
        });
        return result(entryId, null, c.id, null);
      });
    },

    renew: (input: { clientId: number; periods?: number }, ctx: Ctx): MoneyResult =>
      write(() => {
        const c = loadClient(input.clientId);
        notArchived(c);
        const renewal = renewInTransaction(deps, c, input.periods ?? 1, ctx);
        const charge = ledger
          .byCorrelation(ctx.correlationId, 'charge')
          .find((e) => e.clientId === c.id);
        if (!charge) throw new Error('renewal wrote no charge');
        return result(charge.id, null, c.id, renewal);
      }),

    /** Reverses a payment with an equal and opposite entry; its receipt then reads VOID. */
    void: (input: { entryId: number; reason: string }, ctx: Ctx): MoneyResult =>
      write(() => {
        const e = loadEntry(input.entryId);
        if (e.kind !== 'payment') {
          throw fieldError('validation', {
            path: ['entryId'],
            message: 'Only payments can be voided.',
          });
        }
        if (e.voided) throw new AppError('conflict', 'This payment is already voided.');
        if (e.refunded > 0) {
          throw new AppError(
            'conflict',
            'This payment has refunds against it; it cannot also be voided.',
          );
        }
        const c = loadClient(e.clientId);
        const entryId = ledger.insert({
          ...entryBase(c, ctx),
          kind: 'void',
          amount: -e.amount,
          method: e.method,
          reason: input.reason,
          relatesTo: e.id,
        });
        const after = loadClient(c.id);
        recorder.record({
          event: 'ledger.voided',
          params: { ...who(c, ctx), amount: money(e.amount), kind: e.kind, entryId: e.id },
          ctx,
          target: target(c),
          clientId: c.id,
          details: {
            entryId,
            voidedEntryId: e.id,
            receipt: e.receiptNumber,
            amount: e.amount,
            reason: input.reason,
            before: { balance: c.balance },
            after: { balance: after.balance },
          },
        });
        return result(entryId, null, c.id, null);
      }),
  };
};

export type BillingService = ReturnType<typeof createBillingService>;

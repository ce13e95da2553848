import { defineEvent } from '../define-event';

type Money = { by: string; account: string; name: string; amount: string };
/** A payment's M-Pesa or bank code: in the description, so that the log's text search finds it. */
type Ref = { reference?: string };
const ref = (p: Ref): string => (p.reference ? `, reference ${p.reference}` : '');

/** Money moved by staff: category financial, type user. Amounts are preformatted. */
export const billingEvents = {
  'payment.recorded': defineEvent<Money & Ref & { method: string; receipt: string }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} took a ${p.method} payment of ${p.amount} from ${p.account} "${p.name}" (receipt ${p.receipt}${ref(p)})`,
  ),
  'refund.issued': defineEvent<Money & Ref & { method: string; receipt: string; payment: string }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} refunded ${p.amount} (${p.method}) to ${p.account} "${p.name}" against receipt ${p.payment} (receipt ${p.receipt}${ref(p)})`,
  ),
  'balance.adjusted': defineEvent<Money>(
    'user',
    'financial',
    'success',
    (p) => `${p.by} adjusted the balance of ${p.account} "${p.name}" by ${p.amount}`,
  ),
  'subscription.renewed': defineEvent<Money & { plan: string; until: string }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} renewed ${p.account} "${p.name}" on "${p.plan}" for ${p.amount}, now until ${p.until}`,
  ),
  'subscription.expiry_corrected': defineEvent<{
    by: string;
    account: string;
    name: string;
    from: string;
    until: string;
    reason: string;
  }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} corrected the expiry of ${p.account} "${p.name}" from ${p.from} to ${p.until}: ${p.reason}`,
  ),
  'ledger.voided': defineEvent<Money & Ref & { kind: string; entryId: number }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} voided ${p.kind} #${String(p.entryId)} of ${p.amount} for ${p.account} "${p.name}"${p.reference ? ` (reference ${p.reference})` : ''}`,
  ),
  'payments.exported': defineEvent<{ by: string; rows: number; from: string; to: string }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} exported ${String(p.rows)} payments, refunds and voids (${p.from} to ${p.to}) as CSV`,
  ),
};

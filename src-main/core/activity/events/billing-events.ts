import { METHOD_LABELS } from '../../../domain/labels';
import { defineEvent } from '../define-event';

/** `mobile_money` → "mobile money"; unknown values stay as they are. */
const method = (m: string) =>
  (Object.hasOwn(METHOD_LABELS, m)
    ? METHOD_LABELS[m as keyof typeof METHOD_LABELS]
    : m
  ).toLowerCase();

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
      `${p.by} took a ${method(p.method)} payment of ${p.amount} from ${p.account} "${p.name}" (receipt ${p.receipt}${ref(p)})`,
  ),
  'refund.issued': defineEvent<Money & Ref & { method: string; receipt: string; payment: string }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} refunded ${p.amount} (${method(p.method)}) to ${p.account} "${p.name}" against receipt ${p.payment} (receipt ${p.receipt}${ref(p)})`,
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
    (p, words) =>
      `${p.by} renewed ${p.account} "${p.name}" on "${p.plan}" for ${p.amount}, now until ${words.moment(p.until)}`,
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
    (p, words) =>
      `${p.by} corrected the expiry of ${p.account} "${p.name}" from ${words.moment(p.from)} to ${words.moment(p.until)}: ${p.reason}`,
  ),
  'ledger.voided': defineEvent<Money & Ref & { kind: string; entryId: number }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} voided ${p.kind.toLowerCase()} #${String(p.entryId)} of ${p.amount} for ${p.account} "${p.name}"${p.reference ? ` (reference ${p.reference})` : ''}`,
  ),
  'payments.exported': defineEvent<{ by: string; rows: number; from: string; to: string }>(
    'user',
    'financial',
    'success',
    (p) =>
      `${p.by} exported ${String(p.rows)} payments, refunds and voids (${p.from} to ${p.to}) as CSV`,
  ),
};

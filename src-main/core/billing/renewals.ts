import type { LedgerEntry, Renewal } from '../../contract/schemas/billing';
import { AppError } from '../shared/app-error';
import { currencyOf, formatMoney } from '../../domain/money';
import type { ClientWithPlan } from '../clients/clients.repo';
import type { BillingDeps, Ctx } from './billing-deps';
import { byWho, clientTarget, entryStamp, syncStatusChange } from './billing-steps';
import { isExpired, renewalPeriod } from '../../domain/renewal-period';

/** What a renewal made: its charge, the client as it now stands, and the renewal's summary. */
export type Renewed = { charge: LedgerEntry; client: ClientWithPlan; renewal: Renewal };

/**
 * Charges the plan price × periods and moves the expiry on; an expired client becomes active
 * (suspended and disabled clients keep their status: those are staff decisions). Runs inside
 * the caller's write transaction and logs `subscription.renewed`. `client` is the client's row
 * read in that transaction; its balance may since have moved (a payment made with the renewal).
 */
export const renewInTransaction = (
  deps: BillingDeps,
  client: ClientWithPlan,
  periods: number,
  ctx: Ctx,
): Renewed => {
  const plan = deps.plans.byId(client.planId);
  if (!plan) throw new AppError('not_found', `Plan ${String(client.planId)} does not exist.`);
  const settings = deps.settings.get();
  const now = deps.clock.now();
  const { start, end } = renewalPeriod({
    now,
    expiresAt: client.expiresAt,
    validity: { unit: plan.validityUnit, count: plan.validityCount },
    periods,
    timeZone: settings.timeZone,
  });
  const charged = plan.price * periods;
  const charge = deps.ledger.insert({
    ...entryStamp(client, ctx, now),
    kind: 'charge',
    amount: -charged,
    reason: `${plan.name} × ${String(periods)}`,
    planId: plan.id,
    periodStart: start,
    periodEnd: end,
  });
  const reactivated = isExpired(client, now);
  const status = reactivated ? 'active' : client.status;
  const after = deps.clients.update(client.id, { expiresAt: end, status, updatedAt: now });
  // The balance maintained by the ledger trigger, less the charge just added to it.
  const balanceBefore = after.balance + charged;
  deps.recorder.record({
    event: 'subscription.renewed',
    params: {
      ...byWho(client, ctx),
      amount: formatMoney(charged, currencyOf(settings)),
      plan: plan.name,
      until: new Date(end).toISOString(),
    },
    ctx,
    target: clientTarget(client),
    clientId: client.id,
    details: {
      plan: { id: plan.id, name: plan.name },
      periods,
      charged,
      periodStart: start,
      periodEnd: end,
      before: { expiresAt: client.expiresAt, status: client.status, balance: balanceBefore },
      after: { expiresAt: after.expiresAt, status: after.status, balance: after.balance },
    },
  });
  syncStatusChange(deps, ctx, {
    clientId: client.id,
    from: client.status,
    to: status,
    reason: 'subscription.renewed',
  });
  return {
    charge,
    client: { ...client, ...after },
    renewal: {
      planId: plan.id,
      planName: plan.name,
      periods,
      charged,
      periodStart: start,
      periodEnd: end,
      reactivated,
    },
  };
};

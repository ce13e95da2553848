import type { Renewal } from '../../contract/schemas/billing';
import { AppError } from '../shared/app-error';
import { currencyOf, formatMoney } from '../../domain/money';
import type { ClientWithPlan } from '../clients/clients.repo';
import type { BillingDeps, Ctx } from './billing-deps';
import { isExpired, renewalPeriod } from '../../domain/renewal-period';

/**
 * Charges the plan price × periods and moves the expiry on; an expired client becomes active
 * (suspended and disabled clients keep their status: those are staff decisions). Runs inside
 * the caller's write transaction and logs `subscription.renewed`.
 */
export const renewInTransaction = (
  deps: BillingDeps,
  client: ClientWithPlan,
  periods: number,
  ctx: Ctx,
): Renewal => {
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
  const balanceBefore = deps.clients.byId(client.id)?.balance ?? client.balance;
  deps.ledger.insert({
    clientId: client.id,
    kind: 'charge',
    amount: -charged,
    reason: `${plan.name} × ${String(periods)}`,
    planId: plan.id,
    periodStart: start,
    periodEnd: end,
    staffId: ctx.actor.staffId,
    staffName: ctx.actor.displayName,
    createdAt: now,
    correlationId: ctx.correlationId,
  });
  const reactivated = isExpired(client, now);
  const status = reactivated ? 'active' : client.status;
  const after = deps.clients.update(client.id, { expiresAt: end, status, updatedAt: now });
  deps.recorder.record({
    event: 'subscription.renewed',
    params: {
      by: ctx.actor.username,
      account: client.accountNo,
      name: client.fullName,
      amount: formatMoney(charged, currencyOf(settings)),
      plan: plan.name,
      until: new Date(end).toISOString(),
    },
    ctx,
    target: { type: 'client', id: client.id, label: `${client.accountNo} ${client.fullName}` },
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
  if (status !== client.status) {
    deps.routerSync?.clientChanged(client.id, ctx, {
      reason: 'subscription.renewed',
      fields: ['status'],
    });
  }
  return {
    planId: plan.id,
    planName: plan.name,
    periods,
    charged,
    periodStart: start,
    periodEnd: end,
    reactivated,
  };
};

import { AppError } from '../shared/app-error';
import type { ClientRecord, ClientWithPlan } from '../clients/clients.repo';
import type { BillingDeps, Ctx } from './billing-deps';

/** The client, or `not_found`. */
export const loadClient = (deps: Pick<BillingDeps, 'clients'>, id: number): ClientWithPlan => {
  const c = deps.clients.byId(id);
  if (!c) throw new AppError('not_found', `Client ${String(id)} does not exist.`);
  return c;
};

/** A client whose money and service may change: not archived. */
export const openClient = (deps: Pick<BillingDeps, 'clients'>, id: number): ClientWithPlan => {
  const c = loadClient(deps, id);
  if (c.status === 'archived') {
    throw new AppError('conflict', `Client ${c.accountNo} is archived; restore it first.`);
  }
  return c;
};

/** The activity-log target of a change to this client. */
export const clientTarget = (c: ClientRecord) => ({
  type: 'client',
  id: c.id,
  label: `${c.accountNo} ${c.fullName}`,
});

/** The parameters every billing event starts with: who did it, to whom. */
export const byWho = (c: ClientRecord, ctx: Ctx) => ({
  by: ctx.actor.username,
  account: c.accountNo,
  name: c.fullName,
});

/** Who wrote a ledger entry, when, for whom, and the action it belongs to. */
export const entryStamp = (c: ClientRecord, ctx: Ctx, now: number) => ({
  clientId: c.id,
  staffId: ctx.actor.staffId,
  staffName: ctx.actor.displayName,
  createdAt: now,
  correlationId: ctx.correlationId,
});

/** A status change reaches the router (a reactivated client is restored), in this transaction. */
export const syncStatusChange = (
  deps: Pick<BillingDeps, 'routerSync'>,
  ctx: Ctx,
  change: { clientId: number; from: string; to: string; reason: string },
): void => {
  if (change.to !== change.from) {
    deps.routerSync?.clientChanged(change.clientId, ctx, {
      reason: change.reason,
      fields: ['status'],
    });
  }
};

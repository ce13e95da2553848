import type { CorrectExpiry } from '../../contract/schemas/billing';
import type { Client } from '../../contract/schemas/clients';
import { dayRange } from '../shared/office-time';
import { toClient } from '../clients/client-view';
import type { BillingDeps, Ctx } from './billing-deps';
import { byWho, clientTarget, openClient, syncStatusChange } from './billing-steps';

/**
 * An administrator moves a client's service end to the end of a given office day, with a reason;
 * no money moves and the ledger is untouched. Moving it later reactivates an expired client (and
 * queues their restore on the router); moving it earlier leaves an active client active, so that
 * expiry processing expires them with the plan's grace, logs it and isolates them.
 */
export const createExpiryCorrection =
  (deps: BillingDeps) =>
  (input: CorrectExpiry, ctx: Ctx): Client =>
    deps.write(() => {
      const before = openClient(deps, input.clientId);
      const tz = deps.settings.get().timeZone;
      const expiresAt = dayRange(input.expiresOn, tz).to;
      if (expiresAt === before.expiresAt) return toClient(before);
      const now = deps.clock.now();
      const lapsed = before.status === 'expired' || before.status === 'awaiting_payment';
      const status = lapsed && expiresAt > now ? 'active' : before.status;
      const after = {
        ...before,
        ...deps.clients.update(before.id, { expiresAt, status, updatedAt: now }),
      };
      deps.recorder.record({
        event: 'subscription.expiry_corrected',
        params: {
          ...byWho(before, ctx),
          from: new Date(before.expiresAt).toISOString(),
          until: new Date(expiresAt).toISOString(),
          reason: input.reason,
        },
        ctx,
        target: clientTarget(before),
        clientId: before.id,
        details: {
          reason: input.reason,
          expiresOn: input.expiresOn,
          before: { expiresAt: before.expiresAt, status: before.status },
          after: { expiresAt: after.expiresAt, status: after.status },
        },
      });
      syncStatusChange(deps, ctx, {
        clientId: before.id,
        from: before.status,
        to: status,
        reason: 'subscription.expiry_corrected',
      });
      return toClient(after);
    });

import type { CorrectExpiry } from '../../contract/schemas/billing';
import type { Client } from '../../contract/schemas/clients';
import { AppError } from '../shared/app-error';
import { dayRange } from '../shared/office-time';
import { toClient } from '../clients/client-view';
import type { BillingDeps, Ctx } from './billing-deps';

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
      const before = deps.clients.byId(input.clientId);
      if (!before) {
        throw new AppError('not_found', `Client ${String(input.clientId)} does not exist.`);
      }
      if (before.status === 'archived') {
        throw new AppError('conflict', `Client ${before.accountNo} is archived; restore it first.`);
      }
      const tz = deps.settings.get().timeZone;
      const expiresAt = dayRange(input.expiresOn, tz).to;
      if (expiresAt === before.expiresAt) return toClient(before);
      const now = deps.clock.now();
      const status = before.status === 'expired' && expiresAt > now ? 'active' : before.status;
      deps.clients.update(before.id, { expiresAt, status, updatedAt: now });
      const after = deps.clients.byId(before.id) ?? before;
      deps.recorder.record({
        event: 'subscription.expiry_corrected',
        params: {
          by: ctx.actor.username,
          account: before.accountNo,
          name: before.fullName,
          from: new Date(before.expiresAt).toISOString(),
          until: new Date(expiresAt).toISOString(),
          reason: input.reason,
        },
        ctx,
        target: { type: 'client', id: before.id, label: `${before.accountNo} ${before.fullName}` },
        clientId: before.id,
        details: {
          reason: input.reason,
          expiresOn: input.expiresOn,
          before: { expiresAt: before.expiresAt, status: before.status },
          after: { expiresAt: after.expiresAt, status: after.status },
        },
      });
      if (status !== before.status) {
        deps.routerSync?.clientChanged(before.id, ctx, {
          reason: 'subscription.expiry_corrected',
          fields: ['status'],
        });
      }
      return toClient(after);
    });

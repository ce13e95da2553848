import type { CreatePlan, Plan, UpdatePlan } from '../../contract/schemas/plans';
import type { ClientsRepo } from '../clients/clients.repo';
import type { LedgerRepo } from '../billing/ledger.repo';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError, fieldError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { diffFlat } from '../shared/diff';
import { currencyOf, formatMoney } from '../../domain/money';
import type { SettingsService } from '../settings/settings.service';
import type { RouterSyncHooks } from '../sync/sync-hooks';
import { toPlan, type PlanRecord, type PlanValues, type PlansRepo } from './plans.repo';
import { counted, per } from '../../domain/plural';

type Ctx = ServiceContext & { actor: Actor };

const validityText = (p: { validityUnit: string; validityCount: number }) =>
  counted(p.validityCount, p.validityUnit.replace(/s$/, ''));

/** What the log shows of a plan (flat, comparable values). */
const view = (p: PlanRecord) => ({
  name: p.name,
  serviceType: p.serviceType,
  rateDownKbps: p.rateDownKbps,
  rateUpKbps: p.rateUpKbps,
  burst:
    p.burstDownKbps === null
      ? null
      : `${String(p.burstDownKbps)}/${String(p.burstUpKbps)} above ${String(p.burstThresholdDownKbps)}/${String(p.burstThresholdUpKbps)} for ${String(p.burstTimeSeconds)} s`,
  price: p.price,
  validity: validityText(p),
  routerProfile: p.routerProfile,
  expiryAction: p.expiryAction,
  isolationProfile: p.isolationProfile,
  isolationAddressList: p.isolationAddressList,
  graceDays: p.graceDays,
  active: p.active,
});

const burstColumns = (b: CreatePlan['burst']) => ({
  burstDownKbps: b?.downKbps ?? null,
  burstUpKbps: b?.upKbps ?? null,
  burstThresholdDownKbps: b?.thresholdDownKbps ?? null,
  burstThresholdUpKbps: b?.thresholdUpKbps ?? null,
  burstTimeSeconds: b?.timeSeconds ?? null,
});

export const createPlansService = (deps: {
  plans: PlansRepo;
  /** A plan a client or a ledger entry refers to is retired, never deleted. */
  references: {
    clients: Pick<ClientsRepo, 'anyOnPlan'>;
    ledger: Pick<LedgerRepo, 'refersToPlan'>;
  };
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  settings: SettingsService;
  /** Queues profile (and client) pushes in the plan change's own transaction. */
  routerSync?: RouterSyncHooks;
}) => {
  const { plans, clock, write, recorder } = deps;

  const load = (id: number): PlanRecord => {
    const p = plans.byId(id);
    if (!p) throw new AppError('not_found', `Plan ${String(id)} does not exist.`);
    return p;
  };
  const nameFree = (name: string, exceptId?: number) => {
    const other = plans.byName(name);
    if (other && other.id !== exceptId) {
      const message = `A plan named "${other.name}" already exists.`;
      throw fieldError('conflict', { path: ['name'], message }, message);
    }
  };
  const target = (p: PlanRecord) => ({ type: 'plan', id: p.id, label: p.name });

  return {
    list: (input?: { includeRetired?: boolean }): Plan[] =>
      plans.list(input?.includeRetired ?? false),

    get: (id: number): Plan => {
      const p = load(id);
      return toPlan(p, plans.clientCount(id));
    },

    create: (input: CreatePlan, ctx: Ctx): Plan =>
      write(() => {
        nameFree(input.name);
        const now = clock.now();
        const p = plans.insert({
          name: input.name,
          serviceType: input.serviceType,
          rateDownKbps: input.rateDownKbps,
          rateUpKbps: input.rateUpKbps,
          ...burstColumns(input.burst),
          price: input.price,
          validityUnit: input.validity.unit,
          validityCount: input.validity.count,
          routerProfile: input.routerProfile,
          expiryAction: input.expiryAction,
          isolationProfile: input.isolationProfile,
          isolationAddressList: input.isolationAddressList,
          graceDays: input.graceDays,
          active: true,
          createdAt: now,
          updatedAt: now,
        });
        recorder.record({
          event: 'plan.created',
          params: {
            by: ctx.actor.username,
            name: p.name,
            price: formatMoney(p.price, currencyOf(deps.settings.get())),
            period: per(p.validityCount, p.validityUnit.replace(/s$/, '')),
          },
          ctx,
          target: target(p),
          details: { after: view(p) },
        });
        return toPlan(p, 0);
      }),

    update: (input: UpdatePlan, ctx: Ctx): Plan =>
      write(() => {
        const before = load(input.id);
        if (input.name !== undefined) nameFree(input.name, before.id);
        const values: Partial<PlanValues> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.serviceType !== undefined ? { serviceType: input.serviceType } : {}),
          ...(input.rateDownKbps !== undefined ? { rateDownKbps: input.rateDownKbps } : {}),
          ...(input.rateUpKbps !== undefined ? { rateUpKbps: input.rateUpKbps } : {}),
          ...(input.burst !== undefined ? burstColumns(input.burst) : {}),
          ...(input.price !== undefined ? { price: input.price } : {}),
          ...(input.validity !== undefined
            ? { validityUnit: input.validity.unit, validityCount: input.validity.count }
            : {}),
          ...(input.routerProfile !== undefined ? { routerProfile: input.routerProfile } : {}),
          ...(input.expiryAction !== undefined ? { expiryAction: input.expiryAction } : {}),
          ...(input.isolationProfile !== undefined
            ? { isolationProfile: input.isolationProfile }
            : {}),
          ...(input.isolationAddressList !== undefined
            ? { isolationAddressList: input.isolationAddressList }
            : {}),
          ...(input.graceDays !== undefined ? { graceDays: input.graceDays } : {}),
        };
        const merged = { ...before, ...values };
        if (
          merged.expiryAction === 'isolate' &&
          !merged.isolationProfile &&
          !merged.isolationAddressList
        ) {
          throw fieldError('validation', {
            path: ['isolationProfile'],
            message: 'Isolation on expiry needs an isolation profile or an address list',
          });
        }
        const d = diffFlat(view(before), view(merged), {
          words: { money: (n) => formatMoney(n, currencyOf(deps.settings.get())) },
        });
        if (d.changed.length === 0) return toPlan(before, plans.clientCount(before.id));
        const after = plans.update(before.id, { ...values, updatedAt: clock.now() });
        recorder.record({
          event: 'plan.updated',
          params: { by: ctx.actor.username, name: after.name, changes: d.summary },
          ctx,
          target: target(after),
          details: { before: d.before, after: d.after },
        });
        deps.routerSync?.planChanged(after.id, ctx, { reason: 'plan.updated', fields: d.changed });
        return toPlan(after, plans.clientCount(after.id));
      }),

    /** No new clients may take a retired plan; clients already on it keep renewing. */
    retire: (id: number, ctx: Ctx): Plan =>
      write(() => {
        const before = load(id);
        if (!before.active)
          throw new AppError('conflict', `Plan "${before.name}" is already retired.`);
        const after = plans.update(id, { active: false, updatedAt: clock.now() });
        const clients = plans.clientCount(id);
        recorder.record({
          event: 'plan.retired',
          params: { by: ctx.actor.username, name: after.name, clients },
          ctx,
          target: target(after),
          details: { before: { active: true }, after: { active: false } },
        });
        return toPlan(after, clients);
      }),

    /** Only a plan that no client and no ledger entry ever referred to. */
    remove: (id: number, ctx: Ctx): null =>
      write(() => {
        const before = load(id);
        if (deps.references.clients.anyOnPlan(id) || deps.references.ledger.refersToPlan(id)) {
          throw new AppError(
            'conflict',
            `Plan "${before.name}" is in use by clients or in the ledger and cannot be deleted; retire it instead.`,
          );
        }
        plans.remove(id);
        recorder.record({
          event: 'plan.deleted',
          params: { by: ctx.actor.username, name: before.name },
          ctx,
          target: target(before),
          details: { before: view(before) },
        });
        return null;
      }),
  };
};

export type PlansService = ReturnType<typeof createPlansService>;

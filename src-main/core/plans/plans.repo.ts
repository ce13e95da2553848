/**
 * Repository of the `plans` table: all SQL on it lives here. Client counts come from the clients
 * repository.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ClientsRepo } from '../clients/clients.repo';
import type { Orm } from '../db/open-database';
import { plans } from '../db/schema';
import type { Plan } from '../../contract/schemas/plans';

export type PlanRecord = typeof plans.$inferSelect;
export type PlanValues = Omit<typeof plans.$inferInsert, 'id'>;

export const toPlan = (p: PlanRecord, clientCount: number): Plan => ({
  id: p.id,
  name: p.name,
  serviceType: p.serviceType,
  rateDownKbps: p.rateDownKbps,
  rateUpKbps: p.rateUpKbps,
  burst:
    p.burstDownKbps !== null &&
    p.burstUpKbps !== null &&
    p.burstThresholdDownKbps !== null &&
    p.burstThresholdUpKbps !== null &&
    p.burstTimeSeconds !== null
      ? {
          downKbps: p.burstDownKbps,
          upKbps: p.burstUpKbps,
          thresholdDownKbps: p.burstThresholdDownKbps,
          thresholdUpKbps: p.burstThresholdUpKbps,
          timeSeconds: p.burstTimeSeconds,
        }
      : null,
  price: p.price,
  validity: { unit: p.validityUnit, count: p.validityCount },
  routerProfile: p.routerProfile,
  expiryAction: p.expiryAction,
  isolationProfile: p.isolationProfile,
  isolationAddressList: p.isolationAddressList,
  graceDays: p.graceDays,
  active: p.active,
  clientCount,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export const createPlansRepo = (orm: Orm, clientsRepo: ClientsRepo) => {
  // Prepared once: the client list reads it for every page.
  const allNames = orm.select({ id: plans.id, name: plans.name }).from(plans).prepare();
  // Prepared once: every client sign-up and every row of a CSV import looks its plan up.
  const planById = orm
    .select()
    .from(plans)
    .where(eq(plans.id, sql.placeholder('id')))
    .prepare();
  const planByName = orm
    .select()
    .from(plans)
    .where(sql`lower(${plans.name}) = lower(${sql.placeholder('name')})`)
    .prepare();
  return {
    /** Every plan's name by id (retired plans too). */
    names: (): Map<number, string> => new Map(allNames.all().map((p) => [p.id, p.name])),

    /** Every plan's name and price (retired plans too), by name: cheap, no client counts. */
    prices: (): { id: number; name: string; price: number; active: boolean }[] =>
      orm
        .select({ id: plans.id, name: plans.name, price: plans.price, active: plans.active })
        .from(plans)
        .orderBy(asc(plans.name))
        .all(),

    /** Non-archived clients on the plan. */
    clientCount: (planId: number): number => clientsRepo.countOnPlan(planId),

    byId: (id: number): PlanRecord | undefined => planById.get({ id }),

    byName: (name: string): PlanRecord | undefined => planByName.get({ name }),

    list: (includeRetired: boolean): Plan[] => {
      const counts = clientsRepo.countByPlan();
      return orm
        .select()
        .from(plans)
        .where(includeRetired ? undefined : eq(plans.active, true))
        .orderBy(asc(plans.name))
        .all()
        .map((p) => toPlan(p, counts.get(p.id) ?? 0));
    },

    /** Plans with at least one non-archived client on the router, by id. */
    onRouter: (routerId: number): PlanRecord[] =>
      orm
        .select()
        .from(plans)
        .where(inArray(plans.id, clientsRepo.planIdsOnRouter(routerId)))
        .orderBy(asc(plans.id))
        .all(),

    insert: (values: PlanValues): PlanRecord => orm.insert(plans).values(values).returning().get(),

    update: (id: number, values: Partial<PlanValues>): PlanRecord =>
      orm.update(plans).set(values).where(eq(plans.id, id)).returning().get(),

    remove: (id: number): void => {
      orm.delete(plans).where(eq(plans.id, id)).run();
    },
  };
};

export type PlansRepo = ReturnType<typeof createPlansRepo>;

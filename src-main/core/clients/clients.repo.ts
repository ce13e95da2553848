import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { clients, plans, routers } from '../db/schema';

export type ClientRecord = typeof clients.$inferSelect;
export type ClientValues = Omit<typeof clients.$inferInsert, 'id' | 'balance'>;
export type ClientWithPlan = ClientRecord & { planName: string };

/** Drizzle queries on `clients`; list and search queries live in client-search.ts. */
export const createClientsRepo = (orm: Orm) => {
  const withPlan = (id: number): ClientWithPlan | undefined => {
    const row = orm
      .select({ client: clients, planName: plans.name })
      .from(clients)
      .innerJoin(plans, eq(plans.id, clients.planId))
      .where(eq(clients.id, id))
      .get();
    return row ? { ...row.client, planName: row.planName } : undefined;
  };

  return {
    byId: withPlan,

    /** The client holding this service login, in any letter case, archived ones included. */
    idByLogin: (login: string): number | undefined =>
      orm
        .select({ id: clients.id })
        .from(clients)
        .where(sql`${clients.loginKey} = lower(${login})`)
        .get()?.id,

    /** The non-archived client holding this static IP. */
    idByStaticIp: (ip: string): number | undefined =>
      orm
        .select({ id: clients.id })
        .from(clients)
        .where(sql`${clients.staticIp} = ${ip} AND ${clients.status} <> 'archived'`)
        .get()?.id,

    /** Whether a router with this id exists (disabled ones included). */
    routerExists: (id: number): boolean =>
      orm.select({ id: routers.id }).from(routers).where(eq(routers.id, id)).get() !== undefined,

    accountTaken: (accountNo: string): boolean =>
      orm.select({ id: clients.id }).from(clients).where(eq(clients.accountNo, accountNo)).get() !==
      undefined,

    insert: (values: ClientValues): ClientRecord =>
      orm.insert(clients).values(values).returning().get(),

    update: (id: number, values: Partial<ClientValues>): ClientRecord =>
      orm.update(clients).set(values).where(eq(clients.id, id)).returning().get(),
  };
};

export type ClientsRepo = ReturnType<typeof createClientsRepo>;

/**
 * Repository of the `clients` table (and of `client_status_counts`, which its triggers keep): all
 * SQL on them lives here, except the list, count and search
 * queries of client-search.ts (hand-built SQL over `clients_fts` with index hints the list
 * benchmark depends on). Queries about clients read `plans` and `routers` too, never write them.
 */
import { and, asc, count, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { clients, clientStatusCounts, plans, routers } from '../db/schema';

export type ClientRecord = typeof clients.$inferSelect;
export type ClientValues = Omit<typeof clients.$inferInsert, 'id' | 'balance'>;
/** A client with what screens show of their plan and router. */
export type ClientWithPlan = ClientRecord & {
  planName: string;
  planGraceDays: number;
  routerName: string | null;
};
export type PlanRecordOfClient = typeof plans.$inferSelect;
/** A client with its whole plan: what the router's desired state is made of. */
export type ClientAndPlan = { client: ClientRecord; plan: PlanRecordOfClient };

const DAY_MS = 86_400_000;

/** A literal, not a bound value: it must match the partial index `clients_static_ip_uq`. */
export const clientNotArchived = sql`${clients.status} <> 'archived'`;
const notArchived = clientNotArchived;

export const createClientsRepo = (orm: Orm) => {
  const withPlan = (id: number): ClientWithPlan | undefined => {
    const row = orm
      .select({
        client: clients,
        planName: plans.name,
        planGraceDays: plans.graceDays,
        routerName: routers.name,
      })
      .from(clients)
      .innerJoin(plans, eq(plans.id, clients.planId))
      .leftJoin(routers, eq(routers.id, clients.routerId))
      .where(eq(clients.id, id))
      .get();
    return row
      ? {
          ...row.client,
          planName: row.planName,
          planGraceDays: row.planGraceDays,
          routerName: row.routerName,
        }
      : undefined;
  };

  // Prepared once: each sign-up, edit and CSV import row asks these.
  const idOfLogin = orm
    .select({ id: clients.id })
    .from(clients)
    .where(sql`${clients.loginKey} = lower(${sql.placeholder('login')})`)
    .prepare();
  const idOfStaticIp = orm
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.staticIp, sql.placeholder('ip')), notArchived))
    .prepare();
  const idOfAccount = orm
    .select({ id: clients.id })
    .from(clients)
    .where(eq(clients.accountNo, sql.placeholder('accountNo')))
    .prepare();

  const countWhere = (where: SQL | undefined): number =>
    orm.select({ n: count() }).from(clients).where(where).get()?.n ?? 0;

  const andPlan = () =>
    orm
      .select({ client: clients, plan: plans })
      .from(clients)
      .innerJoin(plans, eq(plans.id, clients.planId));

  const dueQuery = (now: number, limit: number) =>
    orm
      .select({
        id: clients.id,
        accountNo: clients.accountNo,
        fullName: clients.fullName,
        routerId: clients.routerId,
        routerName: routers.name,
        planName: plans.name,
        expiryAction: plans.expiryAction,
        isolationProfile: plans.isolationProfile,
        isolationAddressList: plans.isolationAddressList,
        staticIp: clients.staticIp,
        expiresAt: clients.expiresAt,
        graceDays: plans.graceDays,
      })
      .from(clients)
      .innerJoin(plans, eq(plans.id, clients.planId))
      .leftJoin(routers, eq(routers.id, clients.routerId))
      .where(
        and(
          eq(clients.status, 'active'),
          sql`${clients.expiresAt} + ${plans.graceDays} * ${sql.raw(String(DAY_MS))} <= ${now}`,
        ),
      )
      .orderBy(asc(clients.expiresAt), asc(clients.id))
      .limit(limit);

  /** Non-archived clients of a plan that sit on a router that exists. */
  const ofPlanOnRouters = (planId: number) => and(eq(clients.planId, planId), notArchived);

  return {
    byId: withPlan,

    /** One client and its whole plan. */
    andPlan: (id: number): ClientAndPlan | undefined => andPlan().where(eq(clients.id, id)).get(),

    /** Every non-archived client a router serves, with its plan, by id. */
    onRouterAndPlans: (routerId: number): ClientAndPlan[] =>
      andPlan()
        .where(and(eq(clients.routerId, routerId), notArchived))
        .orderBy(asc(clients.id))
        .all(),

    /** The client holding this service login, in any letter case, archived ones included. */
    idByLogin: (login: string): number | undefined => idOfLogin.get({ login })?.id,

    /** The non-archived client holding this static IP. */
    idByStaticIp: (ip: string): number | undefined => idOfStaticIp.get({ ip })?.id,

    idByAccount: (accountNo: string): number | undefined => idOfAccount.get({ accountNo })?.id,

    accountTaken: (accountNo: string): boolean => idOfAccount.get({ accountNo }) !== undefined,

    /** Where a client is served and under which login (what router sync needs to know). */
    serviceTarget: (id: number): { routerId: number | null; serviceLogin: string } | undefined =>
      orm
        .select({ routerId: clients.routerId, serviceLogin: clients.serviceLogin })
        .from(clients)
        .where(eq(clients.id, id))
        .get(),

    /** Routers (that exist) serving at least one non-archived client of the plan. */
    routerIdsOfPlan: (planId: number): number[] =>
      orm
        .selectDistinct({ routerId: routers.id })
        .from(clients)
        .innerJoin(routers, eq(routers.id, clients.routerId))
        .where(ofPlanOnRouters(planId))
        .all()
        .map((r) => r.routerId),

    /** Non-archived clients of the plan on a router that exists, by id. */
    onRoutersOfPlan: (planId: number): { id: number; routerId: number }[] =>
      orm
        .select({ id: clients.id, routerId: routers.id })
        .from(clients)
        .innerJoin(routers, eq(routers.id, clients.routerId))
        .where(ofPlanOnRouters(planId))
        .orderBy(asc(clients.id))
        .all(),

    /** Non-archived clients on a router. */
    countOnRouter: (routerId: number): number =>
      countWhere(and(eq(clients.routerId, routerId), notArchived)),

    /** Non-archived clients on a plan. */
    countOnPlan: (planId: number): number =>
      countWhere(and(eq(clients.planId, planId), notArchived)),

    /** Non-archived clients per plan id. */
    countByPlan: (): Map<number, number> =>
      new Map(
        orm
          .select({ planId: clients.planId, n: count() })
          .from(clients)
          .where(notArchived)
          .groupBy(clients.planId)
          .all()
          .map((r) => [r.planId, r.n]),
      ),

    /** Plans of the router's non-archived clients (a subquery for the plans repository). */
    planIdsOnRouter: (routerId: number) =>
      orm
        .selectDistinct({ planId: clients.planId })
        .from(clients)
        .where(and(eq(clients.routerId, routerId), notArchived)),

    /** Whether any client, archived ones too, is on the plan. */
    anyOnPlan: (planId: number): boolean =>
      orm
        .select({ one: sql`1` })
        .from(clients)
        .where(eq(clients.planId, planId))
        .limit(1)
        .get() !== undefined,

    /** Clients per status, from the counts the `clients` triggers keep (schema/clients.ts). */
    countByStatus: (): Map<string, number> =>
      new Map(
        orm
          .select({ status: clientStatusCounts.status, n: clientStatusCounts.n })
          .from(clientStatusCounts)
          .all()
          .map((r) => [r.status, r.n]),
      ),

    /** Active clients expiring in [from, to): a range of the (status, expires_at) index. */
    countActiveExpiring: (from: number, to: number): number =>
      countWhere(
        and(eq(clients.status, 'active'), gte(clients.expiresAt, from), lt(clients.expiresAt, to)),
      ),

    /**
     * Active clients past expiry plus their plan's grace days, oldest first, with what the
     * expiry job needs of the plan and router.
     */
    dueForExpiry: (now: number, limit: number) => dueQuery(now, limit).all(),

    /** Marks an active client expired; a client no longer active is left alone. */
    markExpired: (id: number, now: number): void => {
      orm
        .update(clients)
        .set({ status: 'expired', updatedAt: now })
        .where(and(eq(clients.id, id), eq(clients.status, 'active')))
        .run();
    },

    /** The export's columns of these clients with their plan name, by id. */
    exportRows: (ids: number[]) =>
      orm
        .select({
          accountNo: clients.accountNo,
          fullName: clients.fullName,
          phone: clients.phone,
          email: clients.email,
          address: clients.address,
          gpsLat: clients.gpsLat,
          gpsLng: clients.gpsLng,
          serviceType: clients.serviceType,
          serviceLogin: clients.serviceLogin,
          staticIp: clients.staticIp,
          mac: clients.mac,
          planName: plans.name,
          routerName: routers.name,
          status: clients.status,
          expiresAt: clients.expiresAt,
          balance: clients.balance,
          notes: clients.notes,
          createdAt: clients.createdAt,
          servicePasswordBox: clients.servicePasswordBox,
        })
        .from(clients)
        .innerJoin(plans, eq(plans.id, clients.planId))
        .leftJoin(routers, eq(routers.id, clients.routerId))
        // json_each: one bound parameter for any number of ids (SQLite caps bound variables).
        .where(sql`${clients.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
        .orderBy(asc(clients.id))
        .all(),

    insert: (values: ClientValues): ClientRecord =>
      orm.insert(clients).values(values).returning().get(),

    update: (id: number, values: Partial<ClientValues>): ClientRecord =>
      orm.update(clients).set(values).where(eq(clients.id, id)).returning().get(),
  };
};

export type ClientsRepo = ReturnType<typeof createClientsRepo>;
export type DueClient = ReturnType<ClientsRepo['dueForExpiry']>[number];
export type ClientExportRow = ReturnType<ClientsRepo['exportRows']>[number];

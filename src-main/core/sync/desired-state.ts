import type { DriftMenu } from '../../contract/schemas/sync';
import { SERVICE_PASSWORD_PURPOSE } from '../clients/client-view';
import type { ClientAndPlan, ClientsRepo } from '../clients/clients.repo';
import type { PlanRecord, PlansRepo } from '../plans/plans.repo';
import type { SecretBox } from '../shared/secret-box';

/**
 * What a router should hold, derived from the database alone: PPP profiles (or hotspot user
 * profiles) from plans; one PPP secret (or hotspot user) per client with its profile, password,
 * static address and disabled state; expired and suspended clients on the plan's isolation
 * profile and/or address list (or disabled when the plan says so). Archived clients, and
 * clients served by another router, are absent.
 */

/** Entries ISP Desk creates carry this comment; only such entries are ever removed by a push. */
export const markerOf = (accountNo: string): string => `ISP Desk ${accountNo}`;

/** Rate of an isolation profile the app has to create because the router lacks it. */
export const ISOLATION_RATE_LIMIT = '128k/128k';

export type ServiceMenu = Extract<DriftMenu, 'ppp-secret' | 'hotspot-user'>;
export type ProfileMenu = Extract<DriftMenu, 'ppp-profile' | 'hotspot-profile'>;

export type DesiredProfile = {
  menu: ProfileMenu;
  name: string;
  /** null: only make sure it exists (an isolation profile the office may tune on the router). */
  rateLimit: string | null;
  planId: number | null;
};

export type DesiredEntry = {
  menu: ServiceMenu;
  name: string;
  password: string;
  profile: string;
  address: string | null;
  disabled: boolean;
  comment: string;
};

export type DesiredClient = {
  clientId: number;
  label: string;
  login: string;
  marker: string;
  /** null: the client must not be on this router. */
  entry: DesiredEntry | null;
  /** Profiles the entry needs. */
  profiles: DesiredProfile[];
  /** The isolation address-list entry that must exist, or must not (`present: false`). */
  isolation: { list: string; address: string; present: boolean } | null;
  /** Disabled or absent: no session may stay up. */
  mustBeOffline: boolean;
};

/** kbit/s → RouterOS rate text: whole megabits as `10M`, otherwise `512k`. */
const rate = (kbps: number): string =>
  kbps % 1000 === 0 ? `${String(kbps / 1000)}M` : `${String(kbps)}k`;

/**
 * `rate-limit` of a plan. RouterOS reads it from its own side: rx (the client's upload) first,
 * then tx: `up/down [burst-up/burst-down threshold-up/threshold-down time/time]`.
 */
export const rateLimitOf = (p: PlanRecord): string => {
  const base = `${rate(p.rateUpKbps)}/${rate(p.rateDownKbps)}`;
  if (
    p.burstDownKbps === null ||
    p.burstUpKbps === null ||
    p.burstThresholdDownKbps === null ||
    p.burstThresholdUpKbps === null ||
    p.burstTimeSeconds === null
  ) {
    return base;
  }
  const t = `${String(p.burstTimeSeconds)}s`;
  return `${base} ${rate(p.burstUpKbps)}/${rate(p.burstDownKbps)} ${rate(p.burstThresholdUpKbps)}/${rate(p.burstThresholdDownKbps)} ${t}/${t}`;
};

const profileMenuOf = (service: 'pppoe' | 'hotspot'): ProfileMenu =>
  service === 'pppoe' ? 'ppp-profile' : 'hotspot-profile';

/** The profiles a plan brings to a router: its own, and its isolation profile if any. */
export const planProfiles = (p: PlanRecord): DesiredProfile[] => {
  const menu = profileMenuOf(p.serviceType);
  const own: DesiredProfile = {
    menu,
    name: p.routerProfile,
    rateLimit: rateLimitOf(p),
    planId: p.id,
  };
  return p.expiryAction === 'isolate' && p.isolationProfile
    ? [own, { menu, name: p.isolationProfile, rateLimit: null, planId: null }]
    : [own];
};

/** The desired state of one client on router `routerId`. */
export const desiredClient = (
  { client: c, plan: p }: ClientAndPlan,
  routerId: number,
  password: string,
): DesiredClient => {
  const marker = markerOf(c.accountNo);
  const base = {
    clientId: c.id,
    label: `${c.accountNo} ${c.fullName}`,
    login: c.serviceLogin,
    marker,
  };
  const here = c.routerId === routerId && c.status !== 'archived';
  const list = p.serviceType === c.serviceType ? p.isolationAddressList : null;
  if (!here) {
    return {
      ...base,
      entry: null,
      profiles: [],
      isolation: list && c.staticIp ? { list, address: c.staticIp, present: false } : null,
      mustBeOffline: true,
    };
  }
  const lapsed = c.status === 'expired' || c.status === 'suspended';
  const isolate = lapsed && p.expiryAction === 'isolate';
  const byProfile = isolate && p.isolationProfile !== null;
  const byList = isolate && list !== null && c.staticIp !== null;
  // Lapsed with nothing to isolate with: the only safe choice is to disable the account.
  // Never paid: the account exists on the router, switched off until the first payment.
  const disabled =
    c.status === 'disabled' ||
    c.status === 'awaiting_payment' ||
    (lapsed && (p.expiryAction === 'disable' || (!byProfile && !byList)));
  const profiles = planProfiles(p);
  return {
    ...base,
    entry: {
      menu: c.serviceType === 'pppoe' ? 'ppp-secret' : 'hotspot-user',
      name: c.serviceLogin,
      password,
      profile: byProfile && p.isolationProfile ? p.isolationProfile : p.routerProfile,
      address: c.staticIp,
      disabled,
      comment: marker,
    },
    profiles: profiles.filter((x) => x.rateLimit !== null || byProfile),
    isolation: list && c.staticIp ? { list, address: c.staticIp, present: byList } : null,
    mustBeOffline: disabled,
  };
};

/** Reads the rows the desired state is made of (synchronous, no network). */
export const createDesiredState = (deps: {
  clients: ClientsRepo;
  plans: PlansRepo;
  box: SecretBox;
}) => {
  const { clients, plans } = deps;
  const password = ({ client }: ClientAndPlan): string =>
    deps.box.open(client.servicePasswordBox, SERVICE_PASSWORD_PURPOSE);

  return {
    /** One client as router `routerId` should see it (absent if it is not served there). */
    client: (clientId: number, routerId: number): DesiredClient | null => {
      const c = clients.andPlan(clientId);
      return c ? desiredClient(c, routerId, password(c)) : null;
    },
    /** The router a client is served by now. */
    routerOf: (clientId: number): number | null =>
      clients.serviceTarget(clientId)?.routerId ?? null,
    /** Every client the router serves. */
    router: (routerId: number): DesiredClient[] =>
      clients.onRouterAndPlans(routerId).map((c) => desiredClient(c, routerId, password(c))),
    clientOfAccount: (accountNo: string): number | null => clients.idByAccount(accountNo) ?? null,
    planName: (planId: number): string | null => plans.byId(planId)?.name ?? null,
    /** The profiles of one plan, or of every plan the router's clients are on. */
    planProfiles: (planId: number): DesiredProfile[] => {
      const p = plans.byId(planId);
      return p ? planProfiles(p) : [];
    },
    routerProfiles: (routerId: number): DesiredProfile[] => {
      const seen = new Map<string, DesiredProfile>();
      for (const p of plans.onRouter(routerId).flatMap(planProfiles)) {
        const key = `${p.menu}:${p.name}`;
        const known = seen.get(key);
        if (!known || (known.rateLimit === null && p.rateLimit !== null)) seen.set(key, p);
      }
      return [...seen.values()];
    },
    /** Isolation address lists used by the router's plans (entries there are ours to manage). */
    isolationLists: (routerId: number): string[] => [
      ...new Set(
        plans
          .onRouter(routerId)
          .map((p) => p.isolationAddressList)
          .filter((l): l is string => l !== null),
      ),
    ],
  };
};

export type DesiredState = ReturnType<typeof createDesiredState>;

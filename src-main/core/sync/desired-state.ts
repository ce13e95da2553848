import type { DriftMenu } from '../../contract/schemas/sync';
import { SERVICE_PASSWORD_PURPOSE } from '../clients/client-view';
import type { Sqlite } from '../db/open-database';
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

type ClientRow = {
  id: number;
  account_no: string;
  full_name: string;
  service_type: 'pppoe' | 'hotspot';
  service_login: string;
  service_password_box: string;
  static_ip: string | null;
  router_id: number | null;
  status: 'active' | 'expired' | 'suspended' | 'disabled' | 'archived';
} & PlanRow;

type PlanRow = {
  plan_id: number;
  plan_name: string;
  plan_service: 'pppoe' | 'hotspot';
  rate_down_kbps: number;
  rate_up_kbps: number;
  burst_down_kbps: number | null;
  burst_up_kbps: number | null;
  burst_threshold_down_kbps: number | null;
  burst_threshold_up_kbps: number | null;
  burst_time_seconds: number | null;
  router_profile: string;
  expiry_action: 'isolate' | 'disable';
  isolation_profile: string | null;
  isolation_address_list: string | null;
};

const PLAN_COLUMNS = `p.id AS plan_id, p.name AS plan_name, p.service_type AS plan_service,
  p.rate_down_kbps, p.rate_up_kbps, p.burst_down_kbps, p.burst_up_kbps,
  p.burst_threshold_down_kbps, p.burst_threshold_up_kbps, p.burst_time_seconds,
  p.router_profile, p.expiry_action, p.isolation_profile, p.isolation_address_list`;
const CLIENT_SQL = `SELECT c.id, c.account_no, c.full_name, c.service_type, c.service_login,
  c.service_password_box, c.static_ip, c.router_id, c.status, ${PLAN_COLUMNS}
  FROM clients c JOIN plans p ON p.id = c.plan_id`;

/** kbit/s → RouterOS rate text: whole megabits as `10M`, otherwise `512k`. */
const rate = (kbps: number): string =>
  kbps % 1000 === 0 ? `${String(kbps / 1000)}M` : `${String(kbps)}k`;

/**
 * `rate-limit` of a plan. RouterOS reads it from its own side: rx (the client's upload) first,
 * then tx: `up/down [burst-up/burst-down threshold-up/threshold-down time/time]`.
 */
export const rateLimitOf = (p: PlanRow): string => {
  const base = `${rate(p.rate_up_kbps)}/${rate(p.rate_down_kbps)}`;
  if (
    p.burst_down_kbps === null ||
    p.burst_up_kbps === null ||
    p.burst_threshold_down_kbps === null ||
    p.burst_threshold_up_kbps === null ||
    p.burst_time_seconds === null
  ) {
    return base;
  }
  const t = `${String(p.burst_time_seconds)}s`;
  return `${base} ${rate(p.burst_up_kbps)}/${rate(p.burst_down_kbps)} ${rate(p.burst_threshold_up_kbps)}/${rate(p.burst_threshold_down_kbps)} ${t}/${t}`;
};

const profileMenuOf = (service: 'pppoe' | 'hotspot'): ProfileMenu =>
  service === 'pppoe' ? 'ppp-profile' : 'hotspot-profile';

/** The profiles a plan brings to a router: its own, and its isolation profile if any. */
export const planProfiles = (p: PlanRow): DesiredProfile[] => {
  const menu = profileMenuOf(p.plan_service);
  const own: DesiredProfile = {
    menu,
    name: p.router_profile,
    rateLimit: rateLimitOf(p),
    planId: p.plan_id,
  };
  return p.expiry_action === 'isolate' && p.isolation_profile
    ? [own, { menu, name: p.isolation_profile, rateLimit: null, planId: null }]
    : [own];
};

/** The desired state of one client on router `routerId`. */
export const desiredClient = (c: ClientRow, routerId: number, password: string): DesiredClient => {
  const marker = markerOf(c.account_no);
  const base = {
    clientId: c.id,
    label: `${c.account_no} ${c.full_name}`,
    login: c.service_login,
    marker,
  };
  const here = c.router_id === routerId && c.status !== 'archived';
  const list = c.plan_service === c.service_type ? c.isolation_address_list : null;
  if (!here) {
    return {
      ...base,
      entry: null,
      profiles: [],
      isolation: list && c.static_ip ? { list, address: c.static_ip, present: false } : null,
      mustBeOffline: true,
    };
  }
  const lapsed = c.status === 'expired' || c.status === 'suspended';
  const isolate = lapsed && c.expiry_action === 'isolate';
  const byProfile = isolate && c.isolation_profile !== null;
  const byList = isolate && list !== null && c.static_ip !== null;
  // Lapsed with nothing to isolate with: the only safe choice is to disable the account.
  const disabled =
    c.status === 'disabled' ||
    (lapsed && (c.expiry_action === 'disable' || (!byProfile && !byList)));
  const profiles = planProfiles(c);
  return {
    ...base,
    entry: {
      menu: c.service_type === 'pppoe' ? 'ppp-secret' : 'hotspot-user',
      name: c.service_login,
      password,
      profile: byProfile && c.isolation_profile ? c.isolation_profile : c.router_profile,
      address: c.static_ip,
      disabled,
      comment: marker,
    },
    profiles: profiles.filter((p) => p.rateLimit !== null || byProfile),
    isolation: list && c.static_ip ? { list, address: c.static_ip, present: byList } : null,
    mustBeOffline: disabled,
  };
};

/** Reads the rows the desired state is made of (synchronous, no network). */
export const createDesiredState = (deps: { sqlite: Sqlite; box: SecretBox }) => {
  const { sqlite } = deps;
  const oneClient = sqlite.prepare<[number], ClientRow>(`${CLIENT_SQL} WHERE c.id = ?`);
  const onRouter = sqlite.prepare<[number], ClientRow>(
    `${CLIENT_SQL} WHERE c.router_id = ? AND c.status <> 'archived' ORDER BY c.id`,
  );
  const onePlan = sqlite.prepare<[number], PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = ?`,
  );
  const plansOnRouter = sqlite.prepare<[number], PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id IN
       (SELECT DISTINCT plan_id FROM clients WHERE router_id = ? AND status <> 'archived')
     ORDER BY p.id`,
  );
  const byAccount = sqlite.prepare<[string], { id: number }>(
    'SELECT id FROM clients WHERE account_no = ?',
  );
  const planName = sqlite.prepare<[number], { name: string }>(
    'SELECT name FROM plans WHERE id = ?',
  );
  const password = (c: ClientRow): string =>
    deps.box.open(c.service_password_box, SERVICE_PASSWORD_PURPOSE);

  return {
    /** One client as router `routerId` should see it (absent if it is not served there). */
    client: (clientId: number, routerId: number): DesiredClient | null => {
      const c = oneClient.get(clientId);
      return c ? desiredClient(c, routerId, password(c)) : null;
    },
    /** The router a client is served by now. */
    routerOf: (clientId: number): number | null => oneClient.get(clientId)?.router_id ?? null,
    /** Every client the router serves. */
    router: (routerId: number): DesiredClient[] =>
      onRouter.all(routerId).map((c) => desiredClient(c, routerId, password(c))),
    clientOfAccount: (accountNo: string): number | null => byAccount.get(accountNo)?.id ?? null,
    planName: (planId: number): string | null => planName.get(planId)?.name ?? null,
    /** The profiles of one plan, or of every plan the router's clients are on. */
    planProfiles: (planId: number): DesiredProfile[] => {
      const p = onePlan.get(planId);
      return p ? planProfiles(p) : [];
    },
    routerProfiles: (routerId: number): DesiredProfile[] => {
      const seen = new Map<string, DesiredProfile>();
      for (const p of plansOnRouter.all(routerId).flatMap(planProfiles)) {
        const key = `${p.menu}:${p.name}`;
        const known = seen.get(key);
        if (!known || (known.rateLimit === null && p.rateLimit !== null)) seen.set(key, p);
      }
      return [...seen.values()];
    },
    /** Isolation address lists used by the router's plans (entries there are ours to manage). */
    isolationLists: (routerId: number): string[] => [
      ...new Set(
        plansOnRouter
          .all(routerId)
          .map((p) => p.isolation_address_list)
          .filter((l): l is string => l !== null),
      ),
    ],
  };
};

export type DesiredState = ReturnType<typeof createDesiredState>;

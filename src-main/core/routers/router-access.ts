import type { RouterTlsMode } from '../../contract/schemas/routers';
import { MenuClient } from '../routeros-client/menus/menu-client';
import type {
  RouterClient,
  RouterConnector,
  RouterEndpoint,
  RouterTls,
} from '../routeros-client/router-client.port';
import { RouterPool } from '../routeros-client/router-pool';
import { RouterSession } from '../routeros-client/router-session';
import type { SecretBox } from '../shared/secret-box';
import type { NetworkTuning } from './network-tuning';
import type { RouterRecord } from './routers.repo';

/** API passwords are sealed with this purpose (a client password box does not open as one). */
export const ROUTER_PASSWORD_PURPOSE = 'router.api_password';

export type ConnectionSettings = {
  host: string;
  port: number | null;
  tls: RouterTlsMode;
  apiUser: string;
};

const tlsOf = (mode: RouterTlsMode): RouterTls | undefined =>
  mode === 'off' ? undefined : { mode };

/**
 * The one way the app reaches a router: one pooled session per router (shared by polls, pushes
 * and syncs), rebuilt when the router's settings change; one-shot sessions for "test connection".
 */
export const createRouterAccess = (deps: {
  box: SecretBox;
  connector: RouterConnector;
  tuning: NetworkTuning;
}) => {
  const { tuning } = deps;
  const pool = new RouterPool({
    connector: deps.connector,
    idleCloseMs: tuning.idleCloseMs,
  });
  const endpoints = new Map<number, { updatedAt: number; endpoint: RouterEndpoint }>();

  const endpointOf = (s: ConnectionSettings, password: string): RouterEndpoint => {
    const tls = tlsOf(s.tls);
    return {
      host: s.host,
      ...(s.port === null ? {} : { port: s.port }),
      user: s.apiUser,
      password,
      ...(tls ? { tls } : {}),
      connectTimeoutMs: tuning.connectTimeoutMs,
      commandTimeoutMs: tuning.commandTimeoutMs,
      socketTimeoutSec: tuning.socketTimeoutSec,
    };
  };

  const passwordOf = (r: RouterRecord): string =>
    deps.box.open(r.passwordBox, ROUTER_PASSWORD_PURPOSE);

  const client = (r: RouterRecord): RouterClient => {
    let cached = endpoints.get(r.id);
    if (cached?.updatedAt !== r.updatedAt) {
      cached = { updatedAt: r.updatedAt, endpoint: endpointOf(r, passwordOf(r)) };
      endpoints.set(r.id, cached);
    }
    return pool.client(String(r.id), cached.endpoint);
  };

  return {
    seal: (password: string): string => deps.box.seal(password, ROUTER_PASSWORD_PURPOSE),
    passwordOf,
    endpointOf,
    client,
    menus: (r: RouterRecord): MenuClient => new MenuClient(client(r)),
    /** A session of its own, closed by the caller: settings may not be saved yet. */
    oneShot: (endpoint: RouterEndpoint): RouterSession =>
      new RouterSession(endpoint, { connector: deps.connector, idleCloseMs: 0 }),
    /** Drops a router's connection (settings changed, disabled or removed). */
    forget: async (routerId: number): Promise<void> => {
      endpoints.delete(routerId);
      await pool.remove(String(routerId));
    },
    closeAll: () => pool.closeAll(),
  };
};

export type RouterAccess = ReturnType<typeof createRouterAccess>;

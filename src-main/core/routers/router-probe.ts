import {
  hotspotActiveMenu,
  pppActiveMenu,
  systemIdentityMenu,
  systemResourceMenu,
} from '../routeros-client/menus/isp-menus';
import { MenuClient } from '../routeros-client/menus/menu-client';
import type { RouterClient } from '../routeros-client/router-client.port';
import { parseRouterDuration } from './durations';

/** What one look at a router tells: who it is and how it is doing. */
export type Probe = {
  identity: string;
  version: string;
  board: string;
  uptimeSec: number | null;
  cpuLoad: number;
  memoryUsedPct: number | null;
  activeSessions: number;
  latencyMs: number;
};

/** Every call through `client` carries `signal` (the poll's overall deadline). */
export const withSignal = (client: RouterClient, signal: AbortSignal): RouterClient => ({
  run: (command, words, options) => client.run(command, words, { ...options, signal }),
  close: () => client.close(),
});

/**
 * Reads identity, resources and session counts (four commands, in parallel on the router's one
 * connection). Rejects with the first RouterError.
 */
export const probeRouter = async (client: RouterClient, signal: AbortSignal): Promise<Probe> => {
  const started = performance.now();
  const menus = new MenuClient(withSignal(client, signal));
  const [identity, resource, ppp, hotspot] = await Promise.all([
    menus.read(systemIdentityMenu),
    menus.read(systemResourceMenu),
    menus.count(pppActiveMenu),
    menus.count(hotspotActiveMenu),
  ]);
  const { totalMemory, freeMemory } = resource;
  return {
    identity: identity.name,
    version: resource.version,
    board: resource.boardName,
    uptimeSec: parseRouterDuration(resource.uptime),
    cpuLoad: resource.cpuLoad,
    memoryUsedPct:
      totalMemory > 0 ? Math.round(((totalMemory - freeMemory) / totalMemory) * 100) : null,
    activeSessions: ppp + hotspot,
    latencyMs: Math.round(performance.now() - started),
  };
};

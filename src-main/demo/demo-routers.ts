import { startDemoDynamics } from '../routeros-sim/demo-dynamics';
import { realClock } from '../routeros-sim/engine/sim-clock';
import { RouterOsSimulator } from '../routeros-sim/server/routeros-simulator';
import { DEMO_ROUTER_USER, DEMO_ROUTERS } from './demo-catalog';
import { seededRandom } from '../domain/seeded-random';

export type DemoSims = {
  sims: RouterOsSimulator[];
  /** The port each simulator listens on, in DEMO_ROUTERS order. */
  ports: number[];
  /** Brings about half of the subscribers online at once, then keeps them coming and going. */
  bringToLife(everyMs?: number): void;
  /** A power cut at router `index` (its API refuses connections) and the power back. */
  setReachable(index: number, reachable: boolean): Promise<void>;
  stop(): Promise<void>;
};

const isAddressInUse = (e: unknown): boolean =>
  e instanceof Error && (e as NodeJS.ErrnoException).code === 'EADDRINUSE';

/** One simulator on `port`, or on a free port when that one is taken (0 asks for a free one). */
const startOne = async (index: number, port: number, seed: number): Promise<RouterOsSimulator> => {
  const def = DEMO_ROUTERS[index];
  if (!def) throw new Error(`no demo router ${String(index)}`);
  const make = (p: number) =>
    new RouterOsSimulator({
      version: def.version,
      seed: seed + index,
      clock: realClock,
      identity: def.identity,
      users: [{ name: DEMO_ROUTER_USER.name, password: DEMO_ROUTER_USER.password, group: 'full' }],
      data: 'minimal',
      port: p,
    });
  const sim = make(port);
  try {
    await sim.start();
    return sim;
  } catch (e) {
    await sim.stop();
    if (!isAddressInUse(e) || port === 0) throw e;
    const elsewhere = make(0);
    await elsewhere.start();
    return elsewhere;
  }
};

/**
 * The demo office's routers: one in-process RouterOS simulator per demo router, speaking the
 * real API on 127.0.0.1. They hold no state on disk: the app provisions them (queue, auto-sync).
 */
export const startDemoSims = async (ports: readonly number[], seed = 2026): Promise<DemoSims> => {
  const sims: RouterOsSimulator[] = [];
  const stops: (() => void)[] = [];
  try {
    for (const [i, def] of DEMO_ROUTERS.entries()) {
      sims.push(await startOne(i, ports[i] ?? def.port, seed));
    }
  } catch (e) {
    await Promise.all(sims.map((s) => s.stop()));
    throw e;
  }
  return {
    sims,
    ports: sims.map((s) => s.port),
    bringToLife: (everyMs = 3_000) => {
      const rng = seededRandom(seed ^ 0x11fe);
      for (const [i, sim] of sims.entries()) {
        const secrets = sim.state.rows('/ppp/secret').filter((s) => s.disabled !== 'true');
        for (const s of secrets) {
          if (!rng.chance(0.5)) continue;
          try {
            sim.pppConnect(s.name ?? '');
          } catch {
            // a login the router refuses (only-one, disabled meanwhile) is part of the show
          }
        }
        const users = sim.state.rows('/ip/hotspot/user').filter((u) => u.disabled !== 'true');
        for (const u of users) {
          if (u.default === 'true' || !rng.chance(0.4)) continue;
          try {
            sim.hotspotLogin(u.name ?? '');
          } catch {
            // as above
          }
        }
        stops.push(startDemoDynamics(sim, seededRandom(seed * 7919 + i), everyMs));
      }
    },
    setReachable: async (index, reachable) => {
      const sim = sims[index];
      if (!sim) throw new Error(`no demo router ${String(index)}`);
      if (!reachable) sim.disconnectAll();
      await sim.setFaults({ refuse: !reachable });
    },
    stop: async () => {
      for (const stop of stops.splice(0)) stop();
      await Promise.all(sims.map((s) => s.stop()));
    },
  };
};

import type { SeededRandom } from '../domain/seeded-random';
import type { RouterOsSimulator } from './server/routeros-simulator';

/**
 * "Living router" for demos: PPPoE subscribers come and go on a seeded schedule, keeping about
 * half of the enabled secrets online; now and then a session drops with `hung-up`. Uses real
 * timers; never used by tests. Returns a stop function.
 */
export const startDemoDynamics = (
  sim: RouterOsSimulator,
  rng: SeededRandom,
  everyMs = 3_000,
): (() => void) => {
  const step = (): void => {
    const state = sim.state;
    const enabled = state
      .rows('/ppp/secret')
      .filter((s) => s.disabled !== 'true')
      .map((s) => s.name ?? '');
    const online = new Set(state.rows('/ppp/active').map((a) => a.name ?? ''));
    const offline = enabled.filter((n) => !online.has(n));
    const wantOnline = Math.ceil(enabled.length / 2);
    try {
      if (online.size < wantOnline && offline.length > 0) {
        sim.pppConnect(offline[rng.int(offline.length)] ?? '');
      } else if (online.size > 0) {
        const names = [...online];
        sim.pppDisconnect(
          names[rng.int(names.length)] ?? '',
          rng.int(4) === 0 ? 'hung-up' : 'peer-request',
        );
      }
    } catch {
      // a refused login (only-one, disabled meanwhile) is part of the show
    }
  };
  const timer = setInterval(step, everyMs);
  return () => clearInterval(timer);
};

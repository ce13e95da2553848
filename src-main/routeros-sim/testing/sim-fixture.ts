import type { RouterEndpoint } from '../../core/routeros-client/router-client.port';
import { RouterOsSimulator, type SimulatorOptions } from '../server/routeros-simulator';

export const TEST_USER = { name: 'api', password: 'api-secret' };

/** Starts a simulator with a known API user; `stop` is for afterEach/finally. */
export const startSim = async (
  options: SimulatorOptions = {},
): Promise<{ sim: RouterOsSimulator; endpoint: RouterEndpoint }> => {
  const sim = new RouterOsSimulator({
    users: [
      { name: 'admin', password: 'admin', group: 'full' },
      { name: TEST_USER.name, password: TEST_USER.password, group: 'full' },
      { name: 'reader', password: 'reader', group: 'read' },
      { name: 'noapi', password: 'noapi', group: 'no-api' },
      { name: 'gone', password: 'gone', group: 'full', disabled: true },
    ],
    ...options,
  });
  await sim.start();
  return {
    sim,
    endpoint: {
      host: '127.0.0.1',
      port: sim.port,
      user: TEST_USER.name,
      password: TEST_USER.password,
      connectTimeoutMs: 2_000,
      commandTimeoutMs: 2_000,
    },
  };
};

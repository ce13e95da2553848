import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../domain/seeded-random';
import type { RouterOsSimulator } from '../../routeros-sim/server/routeros-simulator';
import { startSim } from '../../routeros-sim/testing/sim-fixture';
import { addressListMenu, pppSecretMenu, queueSimpleMenu } from './menus/isp-menus';
import { MenuClient } from './menus/menu-client';
import { RouterError } from './router-error';
import { RouterSession } from './router-session';
import { connectRouterOs } from './routeros.adapter';

/**
 * A few thousand mixed commands on several connections while the simulator injects random
 * faults that never apply a command they fail (traps, `!fatal` instead of the reply, reset on
 * connect, delays and fragmentation that only slow things down). The model applies exactly the
 * commands that succeeded; at the end the router's tables must equal the model.
 */

type Secret = {
  id: string;
  password: string;
  profile: string;
  disabled: boolean;
  comment?: string;
};
type Queue = { id: string; target: string; maxLimit: string };
type Entry = { id: string; comment: string };

const SESSIONS = 4;
const ROUND = 16;
const TARGET_COMMANDS = 2400;

const processErrors: unknown[] = [];
const onUncaught = (e: unknown): void => {
  processErrors.push(e);
};
let sim: RouterOsSimulator;
const sessions: RouterSession[] = [];

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const started = await startSim({
    version: '7.19',
    data: 'minimal',
    seed: 2024,
    faults: {
      connections: [{ probability: 0.25, kind: 'acceptThenReset' }],
      fragment: { mode: 'random', size: 48 },
      commands: [
        {
          path: '/ppp/secret',
          probability: 0.004,
          fault: { kind: 'fatal', reason: 'simulated crash' },
        },
        {
          path: '/queue/simple',
          probability: 0.004,
          fault: { kind: 'fatal', reason: 'simulated crash' },
        },
        {
          path: '/ppp/secret',
          probability: 0.05,
          fault: { kind: 'trap', message: 'failure: random' },
        },
        {
          path: '/queue/simple',
          probability: 0.05,
          fault: { kind: 'trap', message: 'failure: random' },
        },
        {
          path: '/ip/firewall',
          probability: 0.05,
          fault: { kind: 'trap', message: 'failure: random' },
        },
        { probability: 0.1, fault: { kind: 'delay', ms: 1, jitterMs: 8 } },
      ],
    },
  });
  sim = started.sim;
  for (let i = 0; i < SESSIONS; i++) {
    sessions.push(
      new RouterSession(
        { ...started.endpoint, commandTimeoutMs: 10_000, connectTimeoutMs: 5_000 },
        { connector: connectRouterOs(), maxConcurrent: 4, idleCloseMs: 0 },
      ),
    );
  }
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await sim.stop();
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
});

it('ends with the router state exactly as the successful commands imply', async () => {
  const rng = seededRandom(99);
  const menus = sessions.map((s) => new MenuClient(s));
  const secrets = new Map<string, Secret>();
  const queues = new Map<string, Queue>();
  const entries = new Map<string, Entry>();
  const stats = { ok: 0, trap: 0, unreachable: 0, other: 0, commands: 0 };
  let serial = 0;
  const pick = <T>(items: readonly T[]): T | undefined => items[rng.int(items.length)];

  /** One operation on items nobody else touches this round; returns the model update. */
  const makeOp = (
    busy: Set<string>,
  ): { run: (m: MenuClient) => Promise<unknown>; apply: (r: unknown) => void } | null => {
    const free = <V>(map: Map<string, V>, prefix: string): [string, V][] =>
      [...map].filter(([k]) => !busy.has(prefix + k));
    const roll = rng.int(100);
    if (roll < 22 || secrets.size < 5) {
      const name = `sub${String(serial++).padStart(5, '0')}`;
      busy.add(`s:${name}`);
      const profile = rng.int(2) === 0 ? 'default' : 'default-encryption';
      const password = rng.hex(4);
      return {
        run: (m) => m.add(pppSecretMenu, { name, password, profile, service: 'pppoe' }),
        apply: (id) => secrets.set(name, { id: String(id), password, profile, disabled: false }),
      };
    }
    if (roll < 40) {
      const [name, s] = pick(free(secrets, 's:')) ?? [];
      if (!name || !s) return null;
      busy.add(`s:${name}`);
      const comment = `c${rng.int(1000)} ñ`;
      const password = rng.hex(3);
      return {
        run: (m) => m.set(pppSecretMenu, s.id, { comment, password }),
        apply: () => secrets.set(name, { ...s, comment, password }),
      };
    }
    if (roll < 52) {
      const [name, s] = pick(free(secrets, 's:')) ?? [];
      if (!name || !s) return null;
      busy.add(`s:${name}`);
      const disabled = !s.disabled;
      return {
        run: (m) => (disabled ? m.disable(pppSecretMenu, s.id) : m.enable(pppSecretMenu, s.id)),
        apply: () => secrets.set(name, { ...s, disabled }),
      };
    }
    if (roll < 60) {
      const [name, s] = pick(free(secrets, 's:')) ?? [];
      if (!name || !s) return null;
      busy.add(`s:${name}`);
      return { run: (m) => m.remove(pppSecretMenu, s.id), apply: () => secrets.delete(name) };
    }
    if (roll < 64) {
      // A duplicate name: the router must refuse it, so success would be a bug.
      const [name] = pick(free(secrets, 's:')) ?? [];
      if (!name) return null;
      busy.add(`s:${name}`);
      return {
        run: (m) => m.add(pppSecretMenu, { name }),
        apply: () => {
          throw new Error(`duplicate ${name} accepted`);
        },
      };
    }
    if (roll < 72) {
      const name = `q${String(serial++).padStart(5, '0')}`;
      busy.add(`q:${name}`);
      const target = `10.${rng.int(200)}.${rng.int(250)}.${1 + rng.int(250)}`;
      const up = 1 + rng.int(50);
      return {
        run: (m) => m.add(queueSimpleMenu, { name, target, maxLimit: `${up}M/${up * 2}M` }),
        apply: (id) =>
          queues.set(name, {
            id: String(id),
            target: `${target}/32`,
            maxLimit: `${up * 1e6}/${up * 2e6}`,
          }),
      };
    }
    if (roll < 78) {
      const [name, q] = pick(free(queues, 'q:')) ?? [];
      if (!name || !q) return null;
      busy.add(`q:${name}`);
      const rate = 1 + rng.int(90);
      return {
        run: (m) => m.set(queueSimpleMenu, q.id, { maxLimit: `${rate}k` }),
        apply: () => queues.set(name, { ...q, maxLimit: `${rate * 1000}/${rate * 1000}` }),
      };
    }
    if (roll < 82) {
      const [name, q] = pick(free(queues, 'q:')) ?? [];
      if (!name || !q) return null;
      busy.add(`q:${name}`);
      return { run: (m) => m.remove(queueSimpleMenu, q.id), apply: () => queues.delete(name) };
    }
    if (roll < 90) {
      const address = `192.0.2.${rng.int(256)}`;
      const key = `blocked|${address}`;
      if (busy.has(`a:${key}`)) return null;
      busy.add(`a:${key}`);
      const comment = `e${serial++}`;
      const exists = entries.has(key);
      return {
        run: (m) => m.add(addressListMenu, { list: 'blocked', address, comment }),
        apply: (id) => {
          if (exists) throw new Error(`duplicate entry ${key} accepted`);
          entries.set(key, { id: String(id), comment });
        },
      };
    }
    if (roll < 94) {
      const [key, e] = pick(free(entries, 'a:')) ?? [];
      if (!key || !e) return null;
      busy.add(`a:${key}`);
      return { run: (m) => m.remove(addressListMenu, e.id), apply: () => entries.delete(key) };
    }
    return { run: (m) => m.count(pppSecretMenu), apply: () => undefined };
  };

  while (stats.commands < TARGET_COMMANDS) {
    const busy = new Set<string>();
    const ops = Array.from({ length: ROUND }, () => makeOp(busy)).filter((o) => o !== null);
    const results = await Promise.allSettled(
      ops.map((op, i) => {
        const m = menus[i % SESSIONS];
        if (!m) throw new Error('no session');
        return op.run(m);
      }),
    );
    results.forEach((r, i) => {
      stats.commands += 1;
      if (r.status === 'fulfilled') {
        stats.ok += 1;
        ops[i]?.apply(r.value);
        return;
      }
      const e: unknown = r.reason;
      if (!(e instanceof RouterError)) throw e;
      if (e.kind === 'trap') stats.trap += 1;
      else if (e.kind === 'unreachable') stats.unreachable += 1;
      else stats.other += 1;
    });
  }

  expect(stats.commands).toBeGreaterThanOrEqual(TARGET_COMMANDS);
  expect(stats.trap).toBeGreaterThan(0);
  expect(stats.unreachable).toBeGreaterThan(0);
  expect(stats.other).toBe(0);
  expect(stats.ok).toBeGreaterThan(stats.commands / 2);

  const routerSecrets: Record<string, unknown> = Object.fromEntries(
    sim.state.rows('/ppp/secret').map((r): [string, unknown] => [
      r.name ?? '',
      {
        id: r['.id'],
        password: r.password,
        profile: r.profile,
        disabled: r.disabled === 'true',
        comment: r.comment,
      },
    ]),
  );
  const modelSecrets: Record<string, unknown> = Object.fromEntries(secrets);
  expect(routerSecrets).toEqual(modelSecrets);
  const routerQueues: Record<string, unknown> = Object.fromEntries(
    sim.state
      .rows('/queue/simple')
      .map((r): [string, unknown] => [
        r.name ?? '',
        { id: r['.id'], target: r.target, maxLimit: r['max-limit'] },
      ]),
  );
  expect(routerQueues).toEqual(Object.fromEntries(queues));
  const routerEntries: Record<string, unknown> = Object.fromEntries(
    sim.state
      .rows('/ip/firewall/address-list')
      .map((r): [string, unknown] => [
        `${r.list ?? ''}|${r.address ?? ''}`,
        { id: r['.id'], comment: r.comment },
      ]),
  );
  expect(routerEntries).toEqual(Object.fromEntries(entries));
  expect(processErrors).toEqual([]);
}, 60_000);

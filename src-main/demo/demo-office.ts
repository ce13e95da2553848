import { mkdirSync } from 'node:fs';
import type { DemoProgress, DemoStatus } from '../contract/schemas/system';
import type { AuthPolicy } from '../core/auth/auth-policy';
import type { CoreConfig } from '../core/config';
import { createCore, type Core } from '../core/create-core';
import type { NetworkOptions } from '../core/network-services';
import { systemClock, type Clock } from '../core/shared/clock';
import type { CallContext } from '../transport/call-context';
import type { HostedOffice } from '../transport/core-host';
import { createDispatch } from '../transport/dispatch';
import { DEMO_PASSWORD, DEMO_ROUTER_USER, DEMO_ROUTERS, DEMO_STAFF } from './demo-catalog';
import { prepareDemoFolder, writeMarker } from './demo-folder';
import { demoProgress } from './demo-progress';
import { startDemoSims, type DemoSims } from './demo-routers';
import { DEMO_DAYS } from './seeding/seed-context';
import {
  SEEDING_AUTH_POLICY,
  seedDemoOffice,
  type SeedOptions,
  type SeedSummary,
} from './demo-seeder';

export const DEMO_SEED = 2026;

export type DemoOfficeOptions = {
  dataDir: string;
  migrationsFolder: string;
  mode: CoreConfig['mode'];
  version: string;
  nativeBinding?: string;
  activityReader?: CoreConfig['activityReader'];
  passwordHasher?: CoreConfig['passwordHasher'];
  logger?: CoreConfig['logger'];
  host?: CoreConfig['host'];
  /** The live core's clock (the system clock by default). */
  clock?: Clock;
  authPolicy?: Partial<AuthPolicy>;
  network?: NetworkOptions;
  /** Background jobs of the live core (on by default, as in the app). */
  background?: boolean;
  /** Smaller offices for tests. */
  size?: { clients?: number; days?: number };
  /** Ports to try when the folder remembers none (tests pass 0s: any free port). */
  ports?: readonly number[];
  /** How often each simulated router lets a subscriber come or go (ms). */
  dynamicsMs?: number;
  /** Progress lines for the console. */
  say?: (line: string) => void;
  /** What is being done now, for the first-run screen that asked for the demo office. */
  progress?: (p: DemoProgress) => void;
};

export type DemoOffice = HostedOffice & {
  sims: DemoSims;
  /** Set when this start seeded the folder: what was made and how long it took. */
  seeded: (SeedSummary & { ms: number }) | null;
};

export const demoHints = (): NonNullable<DemoStatus['active']> => ({
  accounts: DEMO_STAFF.map((s) => ({
    username: s.username,
    displayName: s.displayName,
    role: s.role,
  })),
  password: DEMO_PASSWORD,
});

const coreConfig = (opts: DemoOfficeOptions): CoreConfig => ({
  dataDir: opts.dataDir,
  migrationsFolder: opts.migrationsFolder,
  mode: opts.mode,
  version: opts.version,
  ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  ...(opts.activityReader ? { activityReader: opts.activityReader } : {}),
  ...(opts.passwordHasher ? { passwordHasher: opts.passwordHasher } : {}),
  ...(opts.logger ? { logger: opts.logger } : {}),
  ...(opts.host ? { host: opts.host } : {}),
  ...(opts.network ? { network: opts.network } : {}),
});

/** Seeds the fresh folder on a clock that walks through the last six months. */
const seedFolder = async (opts: DemoOfficeOptions, sims: DemoSims, onDay: SeedOptions['onDay']) => {
  const started = performance.now();
  const endAt = (opts.clock ?? systemClock).now();
  let now = endAt;
  const seedClock: Clock = { now: () => now, sleep: (ms) => systemClock.sleep(ms) };
  const core = createCore({
    ...coreConfig(opts),
    clock: seedClock,
    background: false,
    authPolicy: { ...opts.authPolicy, ...SEEDING_AUTH_POLICY },
    // No fsync per commit while seeding: a crash leaves the marker at `seeding`, and the next
    // start seeds the folder again from scratch.
    flushEachCommit: false,
  });
  try {
    const summary = await seedDemoOffice(core, {
      endAt,
      setClock: (ms) => (now = ms),
      routers: sims,
      onDay,
      seed: DEMO_SEED,
      ...(opts.size?.clients !== undefined ? { clients: opts.size.clients } : {}),
      ...(opts.size?.days !== undefined ? { days: opts.size.days } : {}),
    });
    return { ...summary, ms: Math.round(performance.now() - started) };
  } finally {
    await core.stop();
  }
};

/**
 * A router whose simulator had to move to another port gets its new address through the routers
 * service, signed in as the demo administrator, so that the change is in the activity log.
 */
const followMovedRouters = async (core: Core, ports: readonly number[]) => {
  const moved = core.services.routers
    .list()
    .map((r) => ({ r, index: DEMO_ROUTERS.findIndex((d) => d.name === r.name) }))
    .filter(({ r, index }) => index >= 0 && ports[index] !== undefined && r.port !== ports[index]);
  if (moved.length === 0) return [];
  const dispatch = createDispatch(core);
  const ctx: CallContext = {
    sessionToken: null,
    ip: core.host.ip,
    workstation: 'Demo launcher',
    setSessionToken: (token) => (ctx.sessionToken = token),
  };
  const admin = DEMO_STAFF.find((s) => s.role === 'administrator');
  const login = await dispatch.call(
    'auth.login',
    { username: admin?.username ?? 'admin', password: DEMO_PASSWORD },
    ctx,
  );
  if (!login.ok) throw new Error(`The demo administrator cannot sign in: ${login.error.message}`);
  const lines: string[] = [];
  for (const { r, index } of moved) {
    const port = ports[index] ?? 0;
    // A saved password goes only to the address it was saved with: a new port needs it again.
    const updated = await dispatch.call(
      'routers.update',
      { id: r.id, port, password: DEMO_ROUTER_USER.password },
      ctx,
    );
    if (!updated.ok)
      throw new Error(`Cannot move ${r.name} to port ${String(port)}: ${updated.error.message}`);
    lines.push(`${r.name} moved to 127.0.0.1:${String(port)} (its port was taken)`);
  }
  await dispatch.call('auth.logout', undefined, ctx);
  return lines;
};

/**
 * Opens the demo office in its own folder: seeds it the first time (a marker makes that happen
 * once), starts one simulated router per demo router on remembered ports, opens the live core on
 * the real clock, and lets the app provision the routers (queue, then auto-sync: simulators start
 * empty) before subscribers start coming and going. `stop` ends all of it.
 */
export const openDemoOffice = async (opts: DemoOfficeOptions): Promise<DemoOffice> => {
  const say = opts.say ?? (() => undefined);
  const progress = opts.progress ?? (() => undefined);
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const folder = prepareDemoFolder(opts.dataDir);
  const steps = demoProgress({
    routers: DEMO_ROUTERS.length,
    days: opts.size?.days ?? DEMO_DAYS,
    seeding: !folder.seeded,
  });
  progress(steps.routersStarting());
  const wanted = DEMO_ROUTERS.map((r, i) => folder.ports[r.name] ?? opts.ports?.[i] ?? r.port);
  const sims = await startDemoSims(wanted, DEMO_SEED);
  let made = { at: folder.marker?.seededAt ?? null, ms: folder.marker?.seedMs ?? null };
  const remember = (state: 'seeding' | 'ready') =>
    writeMarker(opts.dataDir, {
      format: 1,
      state,
      seed: DEMO_SEED,
      seededAt: made.at,
      seedMs: made.ms,
      ports: Object.fromEntries(DEMO_ROUTERS.map((r, i) => [r.name, sims.ports[i] ?? r.port])),
    });
  let seeded: DemoOffice['seeded'] = null;
  let core: Core | null = null;
  try {
    if (!folder.seeded) {
      say(`Making the demo office in ${opts.dataDir} (once)…`);
      remember('seeding');
      seeded = await seedFolder(opts, sims, (day, days, made) => {
        const p = steps.day(day, days, made);
        progress(p);
        // The console gets a line a month (and the last day), the first-run screen every day.
        if (day % 30 === 0 || day === days) say(`${p.message}…`);
      });
      made = { at: (opts.clock ?? systemClock).now(), ms: seeded.ms };
      remember('ready');
      say(
        `Demo office made in ${(seeded.ms / 1000).toFixed(1)} s: ${String(seeded.clients)} clients, ` +
          `${String(seeded.payments)} payments, ${String(seeded.entries)} activity entries.`,
      );
    }
    const live = createCore({
      ...coreConfig(opts),
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.authPolicy ? { authPolicy: opts.authPolicy } : {}),
      background: opts.background ?? true,
    });
    core = live;
    for (const line of await followMovedRouters(live, sims.ports)) say(line);
    remember('ready');
    live.start();
    const provisioning = steps.provisioning();
    progress(provisioning);
    say(`${provisioning.message}…`);
    // Simulators keep nothing on disk: after a health check the app's auto-sync (fix mode, set
    // up by the seeded administrator) puts every client back, then subscribers connect.
    await live.services.health.pollNow();
    await live.services.sync.drain();
    await live.services.sync.autoRun();
    sims.bringToLife(opts.dynamicsMs);
    await live.services.health.pollNow();
  } catch (e) {
    if (core) await core.stop();
    await sims.stop();
    throw e;
  }
  const opened = core;
  let stopped: Promise<void> | null = null;
  return {
    core: opened,
    demo: demoHints(),
    sims,
    seeded,
    stop: () =>
      (stopped ??= (async () => {
        // The core first: it closes its router connections before the routers go away.
        await opened.stop();
        await sims.stop();
      })()),
  };
};

/** What to print once the demo office is up, and how to leave it. */
export const demoBanner = (
  office: DemoOffice,
  launch: { demo: boolean; officeDir: string },
): string[] => {
  const hints = demoHints();
  return [
    'Demo office — not real data.',
    `Sign in as ${hints.accounts.map((a) => `${a.username} (${a.role})`).join(', ')}; password for all: ${hints.password}`,
    ...DEMO_ROUTERS.map(
      (r, i) => `Simulated router ${r.name}: 127.0.0.1:${String(office.sims.ports[i] ?? 0)}`,
    ),
    `To leave the demo: "Leave demo" in the header goes back to the office in ${launch.officeDir} ` +
      '(its first-run screen if it has no accounts yet)' +
      (launch.demo
        ? '; or stop ISP Desk (Ctrl+C) and start it without --demo.'
        : '; the demo office stays in its own folder for next time.'),
  ];
};

// npm run bench:poll -- [--routers N] [--interval S] [--seconds D] [--concurrency C]
// Starts N simulated routers (in this process, so they compete with the app for the CPU: a
// pessimistic setup), adds them to a fresh core through the contract, and measures:
// - the time to poll all of them once, cold (connect + login) and warm (pooled connections);
// - a scheduled run of D seconds on the real health job (interval S): polls per router per
//   interval, the lateness of each poll against its slot, poll durations, how many transactions
//   the poll results took (polls that finish together commit together);
// - meanwhile a cheap contract call (`settings.get`) every 50 ms, and the event-loop delay.
// Target: every router polled within each 30 s interval, the other calls still answering.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { realClock } from '../routeros-sim/engine/sim-clock';
import { RouterOsSimulator } from '../routeros-sim/server/routeros-simulator';
import { createCore } from '../core/create-core';
import type { PollObservation } from '../core/health/health-monitor';
import { DEFAULT_NETWORK_TUNING } from '../core/routers/network-tuning';
import { createScheduler } from '../core/scheduler/scheduler';
import { silentLogger } from '../core/shared/logger';
import { createDispatch } from '../transport/dispatch';
import type { CallContext } from '../transport/call-context';
import { fmt, percentile } from './stats';

const { values } = parseArgs({
  options: {
    routers: { type: 'string', default: '200' },
    interval: { type: 'string', default: '30' },
    seconds: { type: 'string' },
    concurrency: { type: 'string', default: '12' },
  },
});
const ROUTERS = Number(values.routers);
const INTERVAL_S = Number(values.interval);
const SECONDS = Number(values.seconds ?? INTERVAL_S * 2 + 5);
const CONCURRENCY = Number(values.concurrency);
const log = (s: string) => process.stdout.write(`${s}\n`);
const migrationsFolder = resolve(__dirname, '..', '..', 'migrations');

const USER = { name: 'api', password: 'api-secret' };

const summary = (label: string, xs: readonly number[]) =>
  `${label}: p50 ${fmt(percentile(xs, 50))} ms, p95 ${fmt(percentile(xs, 95))} ms, max ${fmt(
    xs.length === 0 ? NaN : Math.max(...xs),
  )} ms (n=${String(xs.length)})`;

const main = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'ispdesk-bench-poll-'));
  const sims: RouterOsSimulator[] = [];
  const observations: PollObservation[] = [];
  /** Polls per transaction of poll results, during the scheduled run. */
  const commits: number[] = [];
  let recording = false;
  const core = createCore({
    dataDir: dir,
    migrationsFolder,
    mode: 'cli',
    version: 'bench',
    logger: silentLogger,
    host: { ip: '127.0.0.1', name: 'bench' },
    background: false,
    network: {
      pollConcurrency: CONCURRENCY,
      observePolls: (o) => {
        if (recording) observations.push(o);
      },
      observePollCommits: (polls) => {
        if (recording) commits.push(polls);
      },
    },
  });
  const dispatch = createDispatch(core);
  const call: CallContext & { sessionToken: string | null } = {
    sessionToken: null,
    ip: '127.0.0.1',
    workstation: 'bench',
    setSessionToken: (t) => {
      call.sessionToken = t;
    },
  };
  const scheduler = createScheduler({ logger: silentLogger });
  try {
    log(
      `poll bench: ${String(ROUTERS)} routers, interval ${String(INTERVAL_S)} s, concurrency ${String(CONCURRENCY)}, run ${String(SECONDS)} s`,
    );
    let t = performance.now();
    for (let i = 0; i < ROUTERS; i++) {
      const sim = new RouterOsSimulator({
        seed: i + 1,
        data: 'minimal',
        clock: realClock,
        identity: `bench-${String(i + 1)}`,
        users: [{ name: USER.name, password: USER.password, group: 'full' }],
      });
      await sim.start();
      sims.push(sim);
    }
    log(`  started ${String(ROUTERS)} simulators in ${fmt(performance.now() - t)} ms`);
    const setup = await dispatch.call(
      'auth.setup',
      { username: 'admin', displayName: 'Bench Admin', password: 'bench bench bench bench' },
      call,
    );
    if (!setup.ok) throw new Error(setup.error.message);
    for (const [i, sim] of sims.entries()) {
      const r = await dispatch.call(
        'routers.create',
        {
          name: `Router ${String(i + 1).padStart(3, '0')}`,
          host: '127.0.0.1',
          port: sim.port,
          apiUser: USER.name,
          password: USER.password,
          pollIntervalSec: INTERVAL_S,
        },
        call,
      );
      if (!r.ok) throw new Error(r.error.message);
    }
    const health = core.services.health;

    t = performance.now();
    await health.pollNow();
    const cold = performance.now() - t;
    t = performance.now();
    await health.pollNow();
    const warm = performance.now() - t;
    const online = (await dispatch.call('routers.list', undefined, call)) as {
      ok: true;
      value: { status: string }[];
    };
    const up = online.value.filter((r) => r.status === 'online').length;
    log(`  poll all once, cold (connect + login): ${fmt(cold)} ms`);
    log(`  poll all once, warm (pooled):          ${fmt(warm)} ms`);
    log(`  online after polling: ${String(up)}/${String(ROUTERS)}`);

    // Scheduled run on the real job, with a cheap call and the event loop watched.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const callLatency: number[] = [];
    const probing = { on: true };
    const probe = (async () => {
      while (probing.on) {
        const s = performance.now();
        const res = await dispatch.call('settings.get', undefined, call);
        if (!res.ok) throw new Error(res.error.message);
        callLatency.push(performance.now() - s);
        await new Promise<void>((r) => setTimeout(r, 50));
      }
    })();
    recording = true;
    const started = Date.now();
    // The same job the app schedules (create-core → network-services), on the same tick.
    scheduler.every('routers.health', DEFAULT_NETWORK_TUNING.healthTickMs, (signal) =>
      health.runDue(signal).then(() => undefined),
    );
    await new Promise<void>((r) => setTimeout(r, SECONDS * 1_000));
    await scheduler.stop();
    recording = false;
    probing.on = false;
    await probe;
    loop.disable();

    const byRouter = new Map<number, number>();
    for (const o of observations) byRouter.set(o.routerId, (byRouter.get(o.routerId) ?? 0) + 1);
    const windows = Math.floor((Date.now() - started) / (INTERVAL_S * 1_000));
    const minPolls = Math.min(...[...Array(ROUTERS).keys()].map((i) => byRouter.get(i + 1) ?? 0));
    const failed = observations.filter((o) => !o.ok).length;
    log(
      `  scheduled run: ${String(observations.length)} polls in ${String(SECONDS)} s, ${String(failed)} failed`,
    );
    log(
      `  every router polled in each of ${String(windows)} full intervals: ${minPolls >= windows ? 'yes' : 'NO'} (fewest polls of one router: ${String(minPolls)})`,
    );
    log(
      `  ${summary(
        'schedule lateness',
        observations.map((o) => o.lateMs),
      )}`,
    );
    log(
      `  ${summary(
        'poll duration',
        observations.map((o) => o.durationMs),
      )}`,
    );
    log(
      `  poll results committed in ${String(commits.length)} transactions (most polls in one: ${String(Math.max(0, ...commits))})`,
    );
    log(`  ${summary('settings.get during polling', callLatency)}`);
    log(
      `  event-loop delay: p50 ${fmt(loop.percentile(50) / 1e6)} ms, p99 ${fmt(loop.percentile(99) / 1e6)} ms, max ${fmt(loop.max / 1e6)} ms`,
    );
    const target = warm <= INTERVAL_S * 1_000 && minPolls >= windows && failed === 0;
    log(
      `  target (all ${String(ROUTERS)} polled within ${String(INTERVAL_S)} s, calls answering): ${target ? 'met' : 'NOT met'}`,
    );
    process.exitCode = target ? 0 : 1;
  } finally {
    await scheduler.stop();
    await core.stop();
    await Promise.all(sims.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

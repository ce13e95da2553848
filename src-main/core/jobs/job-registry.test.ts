import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ormOf } from '../db/open-database';
import { createScheduler } from '../scheduler/scheduler';
import type { Actor, ServiceContext } from '../shared/context';
import { newCorrelationId } from '../shared/ids';
import {
  MINUTE,
  SECOND,
  createCapturingLogger,
  logEntries,
  signInAdmin,
  testCore,
  type TestCore,
} from '../test-support/test-core';
import type { JobDefinition } from './job-definition';
import { createJobRegistry } from './job-registry';
import { createJobStateRepo } from './job-state.repo';
import { createJobRunsRepo } from '../insights/job-runs.repo';
import { createRouterRollupRepo } from '../insights/router-rollup.repo';
import { createRunHistory } from '../insights/run-history';

/** A promise to resolve by hand: a run that takes as long as the test says. */
const deferred = () => {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

const ADMIN_ACTOR: Actor = {
  staffId: 1,
  username: 'admin',
  displayName: 'Ada Admin',
  role: 'administrator',
  permissions: new Set(),
  sessionId: 'session-1',
};

const staffCtx = (): ServiceContext & { actor: Actor } => ({
  ip: '10.0.0.5',
  workstation: 'Front desk',
  correlationId: newCorrelationId(Date.now()),
  actor: ADMIN_ACTOR,
});

/**
 * A registry on a real core's database and log, timed by vitest's fake timers (the wall clock
 * it reads is Date.now(), which the fake timers move), with no jitter so slots are exact.
 */
const setup = async () => {
  const tc: TestCore = testCore();
  await signInAdmin(tc);
  const logger = createCapturingLogger();
  const scheduler = createScheduler({ logger, now: () => Date.now(), random: () => 0 });
  const clock = { now: () => Date.now(), sleep: () => Promise.resolve() };
  const history = createRunHistory({
    runs: createJobRunsRepo(tc.core.sqlite),
    routers: createRouterRollupRepo(tc.core.sqlite),
    write: tc.core.write,
    clock,
    logger,
  });
  const registry = createJobRegistry({
    scheduler,
    clock,
    write: tc.core.write,
    recorder: tc.core.recorder,
    repo: createJobStateRepo(ormOf(tc.core.sqlite)),
    history,
    logger,
    systemMeta: tc.core.systemMeta,
  });
  const jobEntries = () => logEntries(tc.core).filter((e) => e.category === 'scheduled_task');
  const stop = async () => {
    await registry.stop();
    await scheduler.stop();
  };
  return { tc, registry, scheduler, logger, jobEntries, stop };
};

const task = (over: Partial<JobDefinition> = {}): JobDefinition => ({
  name: 'db.backup',
  label: 'Database backup',
  kind: 'task',
  tickMs: MINUTE,
  schedule: () => 'every minute',
  run: () => 'done',
  ...over,
});

const tick = (over: Partial<JobDefinition> = {}): JobDefinition => ({
  name: 'routers.queue',
  label: 'Router provisioning queue',
  kind: 'tick',
  tickMs: 2 * SECOND,
  schedule: () => 'every 2 s',
  run: () => 'nothing due',
  ...over,
});

describe('job registry', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 15, 9), toFake: ['setTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never overlaps a slow run; "Run now" while it runs is refused and nothing else starts', async () => {
    const { registry, jobEntries, stop } = await setup();
    const slow = deferred();
    let starts = 0;
    registry.define(
      task({
        run: async () => {
          starts++;
          await slow.promise;
          return 'copied';
        },
      }),
    );
    registry.start();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(starts).toBe(1);
    expect(registry.get('db.backup')).toMatchObject({ running: true, nextRunAt: null });

    await vi.advanceTimersByTimeAsync(2.5 * MINUTE); // slots 2 and 3 pass while it runs
    expect(starts).toBe(1);
    await expect(registry.runNow('db.backup', staffCtx())).rejects.toMatchObject({
      code: 'conflict',
      message: '"Database backup" is already running; its result will show when it finishes.',
    });
    expect(starts).toBe(1);

    slow.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(registry.get('db.backup')).toMatchObject({
      running: false,
      lastRun: { outcome: 'success', summary: 'copied', trigger: 'schedule', actor: null },
    });
    expect(jobEntries().map((e) => [e.event, e.type, e.actor])).toEqual([
      ['job.completed', 'system', null],
    ]);
    await stop();
  });

  it('a scheduled tick skips a job that staff are running', async () => {
    const { registry, stop } = await setup();
    const slow = deferred();
    const triggers: string[] = [];
    registry.define(
      task({
        run: async ({ trigger }) => {
          triggers.push(trigger);
          if (triggers.length === 1) await slow.promise;
          return 'ok';
        },
      }),
    );
    registry.start();
    const manual = registry.runNow('db.backup', staffCtx());
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(triggers).toEqual(['staff']);
    slow.resolve();
    const after = await manual;
    expect(after.lastRun).toMatchObject({ trigger: 'staff', actor: 'Ada Admin' });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(triggers).toEqual(['staff', 'schedule']);
    await stop();
  });

  it('logs every run of a real job, failures in plain words with the count in a row', async () => {
    const { registry, jobEntries, stop } = await setup();
    let n = 0;
    registry.define(
      task({
        run: () => {
          n++;
          vi.advanceTimersByTime(1_200); // the run takes 1.2 s
          if (n <= 2) throw new Error('disk full');
          return 'Backup written';
        },
      }),
    );
    registry.start();
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(jobEntries().map((e) => [e.event, e.outcome, e.description])).toEqual([
      ['job.failed', 'failure', 'Scheduled task "Database backup" failed after 1.2 s: disk full'],
      [
        'job.failed',
        'failure',
        'Scheduled task "Database backup" failed after 1.2 s: disk full (failed twice in a row)',
      ],
      [
        'job.completed',
        'success',
        'Scheduled task "Database backup" completed in 1.2 s: Backup written',
      ],
    ]);
    expect(jobEntries()[0]).toMatchObject({
      type: 'system',
      category: 'scheduled_task',
      target: { type: 'job', id: 'db.backup', label: 'Database backup' },
      details: { job: 'db.backup', durationMs: 1_200, error: 'disk full', consecutiveFailures: 1 },
    });
    await stop();
  });

  it('does not log a frequent tick that works; logs when it starts failing and when it recovers', async () => {
    const { registry, jobEntries, stop } = await setup();
    let n = 0;
    registry.define(
      tick({
        run: () => {
          n++;
          if (n >= 3 && n <= 6) throw new Error('database is locked');
          return 'nothing due';
        },
      }),
    );
    registry.start();
    await vi.advanceTimersByTimeAsync(2 * 2 * SECOND);
    expect(jobEntries()).toEqual([]);
    expect(registry.get('routers.queue').lastRun).toMatchObject({ outcome: 'success' });

    await vi.advanceTimersByTimeAsync(4 * 2 * SECOND); // four failed ticks
    expect(jobEntries().map((e) => e.description)).toEqual([
      'Scheduled task "Router provisioning queue" failed after 0 ms: database is locked',
    ]);
    expect(registry.get('routers.queue').consecutiveFailures).toBe(4);

    await vi.advanceTimersByTimeAsync(10 * 2 * SECOND); // recovers, then keeps working
    expect(n).toBe(16);
    expect(jobEntries().map((e) => [e.event, e.outcome, e.description])).toEqual([
      [
        'job.failed',
        'failure',
        'Scheduled task "Router provisioning queue" failed after 0 ms: database is locked',
      ],
      [
        'job.recovered',
        'success',
        'Scheduled task "Router provisioning queue" works again after failing 4 times (took 0 ms): nothing due',
      ],
    ]);
    await stop();
  });

  it('logs a tick that staff run now, with them as the actor', async () => {
    const { registry, jobEntries, stop } = await setup();
    registry.define(tick());
    const ctx = staffCtx();
    const job = await registry.runNow('routers.queue', ctx);
    expect(job.lastRun).toMatchObject({
      trigger: 'staff',
      actor: 'Ada Admin',
      summary: 'nothing due',
    });
    expect(jobEntries()).toEqual([
      expect.objectContaining({
        event: 'job.run_by_staff',
        type: 'user',
        outcome: 'success',
        actor: { id: 1, name: 'Ada Admin' },
        ip: '10.0.0.5',
        correlationId: ctx.correlationId,
        description:
          'admin ran scheduled task "Router provisioning queue" now: completed in 0 ms: nothing due',
      }),
    ]);
    await stop();
  });

  it('runs an interval job only when its interval (read each time) has passed since the last run', async () => {
    const { registry, stop } = await setup();
    let minutes = 5;
    let runs = 0;
    registry.define(
      task({
        name: 'clients.expiry',
        label: 'Expiry processing',
        tickMs: 30 * SECOND,
        intervalMs: () => minutes * MINUTE,
        run: () => String(++runs),
      }),
    );
    const started = Date.now();
    registry.start();
    await vi.advanceTimersByTimeAsync(30 * SECOND); // never ran: due at the first tick
    expect(runs).toBe(1);
    expect(registry.get('clients.expiry').nextRunAt).toBe(started + 30 * SECOND + 5 * MINUTE);
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(runs).toBe(2);
    minutes = 10; // the setting changed
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(runs).toBe(3);
    await stop();
  });

  it('stop() aborts and waits for the running job, logs no failure for it, and starts nothing after', async () => {
    const { registry, jobEntries, scheduler } = await setup();
    const events: string[] = [];
    registry.define(
      task({
        run: ({ signal }) =>
          new Promise<string>((_resolve, reject) => {
            events.push('started');
            signal.addEventListener('abort', () => {
              events.push('aborted');
              setTimeout(() => {
                events.push('cleaned up');
                reject(new Error('stopped'));
              }, 1_000);
            });
          }),
      }),
    );
    registry.start();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(events).toEqual(['started']);

    let stopped = false;
    const stopping = registry.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['started', 'aborted']);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;
    expect(stopped).toBe(true);
    expect(events).toEqual(['started', 'aborted', 'cleaned up']);
    expect(jobEntries()).toEqual([]);
    await expect(registry.runNow('db.backup', staffCtx())).rejects.toMatchObject({
      code: 'unavailable',
    });
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(events).toHaveLength(3);
    await scheduler.stop();
    expect(scheduler.nextIn('db.backup')).toBeUndefined();
  });

  it('keeps a switched-off job unscheduled but lets staff run it', async () => {
    const { registry, stop } = await setup();
    let runs = 0;
    registry.define(task({ enabled: () => false, run: () => String(++runs) }));
    registry.start();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(runs).toBe(0);
    expect(registry.get('db.backup')).toMatchObject({
      enabled: false,
      schedule: 'off',
      nextRunAt: null,
    });
    await registry.runNow('db.backup', staffCtx());
    expect(runs).toBe(1);
    await stop();
  });
});

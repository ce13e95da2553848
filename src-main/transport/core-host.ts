import type { DemoProgress, DemoStatus } from '../contract/schemas/system';
import type { Core } from '../core/create-core';
import { AppError } from '../core/shared/app-error';
import type { CallContext } from './call-context';
import { createDispatch, type Dispatch } from './dispatch';
import { ok } from './errors';
import { refuseDemo } from './demo-refusal';

/** One open office: its core, what else stops with it (simulated routers), its demo hints. */
export type HostedOffice = {
  core: Core;
  /** Stops the core and everything started with it. */
  stop(): Promise<void>;
  /** Sign-in hints when this is the demo office. */
  demo: DemoStatus['active'];
};

/**
 * How the launcher opens the demo office, reopens the real one (if that fails, or to leave the
 * demo office), and says how far the demo office being made has got.
 */
export type DemoSwitch = {
  open(): Promise<HostedOffice>;
  reopen(): Promise<HostedOffice>;
  progress?(): DemoProgress | null;
};

export type CoreHost = {
  /** The core being served now; read it per request, never keep it. */
  readonly core: Core;
  /** Session (and permission) checks for GET /api and /api/events, as for a call. */
  admit: Dispatch['admit'];
  call: Dispatch['call'];
  download: Dispatch['download'];
  /** Runs after a switch, once the old core has stopped and the new one serves. */
  onSwitch(listener: (core: Core) => void): () => void;
  stop(): Promise<void>;
};

/**
 * Holds the office the transports serve, so that the first-run screen can switch to the demo
 * office at run time (and the demo office's header back): calls arriving during a switch wait for it, calls in flight on the old core
 * finish first, and listeners (event streams, IPC forwarding) move to the new core.
 */
export const createCoreHost = (
  first: HostedOffice,
  opts: { demo?: DemoSwitch; validateOutput?: boolean } = {},
): CoreHost => {
  let office = first;
  let switching: Promise<void> | null = null;
  let stopped = false;
  const inFlight = new Map<CallContext, number>();
  let drainedWaiter: (() => void) | null = null;
  const listeners = new Set<(core: Core) => void>();

  const build = (o: HostedOffice): Dispatch =>
    createDispatch(o.core, {
      ...(opts.validateOutput ? { validateOutput: true } : {}),
      system: {
        demo: () => o.demo,
        // Offered by the real office only (the demo office is where it leads), and back.
        ...(opts.demo && o.demo === null
          ? { openDemo: (caller: CallContext) => switchToDemo(caller) }
          : {}),
        ...(opts.demo && o.demo !== null
          ? { leaveDemo: (caller: CallContext) => leaveDemo(caller) }
          : {}),
      },
    });
  let dispatch = build(office);

  const othersInFlight = (caller: CallContext) =>
    [...inFlight].some(([ctx, n]) => (ctx === caller ? n > 1 : n > 0));

  const track = async <T>(ctx: CallContext, run: () => Promise<T>): Promise<T> => {
    while (switching) await switching;
    if (stopped) throw new AppError('unavailable', 'ISP Desk is stopping.');
    inFlight.set(ctx, (inFlight.get(ctx) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const n = (inFlight.get(ctx) ?? 1) - 1;
      if (n === 0) inFlight.delete(ctx);
      else inFlight.set(ctx, n);
      drainedWaiter?.();
    }
  };

  const where = (caller: CallContext) => ({
    ...office.core.systemMeta(),
    ip: caller.ip,
    workstation: caller.workstation,
  });

  /**
   * Stops the office being served and serves `next()` instead (or `fallback()` when that fails):
   * calls arriving meanwhile wait, calls already running on this core finish first, `check` runs
   * once nothing else does and may refuse, `leaving` is written in the old office's log.
   */
  const switchOffice = async (
    caller: CallContext,
    steps: {
      check: () => void;
      leaving: () => void;
      next: () => Promise<HostedOffice>;
      fallback: () => Promise<HostedOffice>;
    },
  ): Promise<void> => {
    let done: () => void = () => undefined;
    switching = new Promise<void>((resolve) => (done = resolve));
    try {
      // Calls already running on this core (a sign-in hashing its password) finish first.
      while (othersInFlight(caller)) {
        await new Promise<void>((resolve) => (drainedWaiter = resolve));
        drainedWaiter = null;
      }
      steps.check();
      steps.leaving();
      await office.stop();
      let next: HostedOffice;
      try {
        next = await steps.next();
      } catch (e) {
        office = await steps.fallback();
        dispatch = build(office);
        for (const l of listeners) l(office.core);
        throw e;
      }
      office = next;
      dispatch = build(office);
      for (const l of listeners) l(office.core);
    } finally {
      switching = null;
      done();
    }
  };

  const switchToDemo = async (caller: CallContext): Promise<void> => {
    const demo = opts.demo;
    if (!demo) throw refuseDemo(office.core, where(caller), 'unavailable');
    if (switching) throw refuseDemo(office.core, where(caller), 'already_opening');
    await switchOffice(caller, {
      // Checked again now that nothing else runs: a first administrator may just have been made.
      check: () => {
        if (!office.core.services.auth.status().setupRequired) {
          throw refuseDemo(office.core, where(caller), 'accounts_exist');
        }
      },
      // The office's own log says where its first-run screen led (and nothing else changes).
      leaving: () => office.core.services.demo.opened(where(caller)),
      next: () => demo.open(),
      fallback: () => demo.reopen(),
    });
  };

  /** Back from the demo office to the office (its first-run screen if it has no accounts). */
  const leaveDemo = async (caller: CallContext): Promise<void> => {
    const demo = opts.demo;
    if (!demo || office.demo === null) {
      throw new AppError('unavailable', 'This is not the demo office.');
    }
    if (switching) throw new AppError('conflict', 'ISP Desk is already switching offices.');
    await switchOffice(caller, {
      check: () => undefined,
      leaving: () => office.core.services.demo.left(where(caller)),
      next: () => demo.reopen(),
      fallback: () => demo.open(),
    });
  };

  return {
    get core() {
      return office.core;
    },
    admit: (name, ctx) => dispatch.admit(name, ctx),
    call: (name, raw, ctx) =>
      // While the demo office is being made, the first-run screen asks how far it has got.
      switching && name === 'system.demo'
        ? Promise.resolve(
            ok({ active: null, available: false, building: opts.demo?.progress?.() ?? null }),
          )
        : track(ctx, () => dispatch.call(name, raw, ctx)),
    download: (name, raw, ctx, open) => track(ctx, () => dispatch.download(name, raw, ctx, open)),
    onSwitch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => {
      while (switching) await switching;
      if (stopped) return;
      stopped = true;
      await office.stop();
    },
  };
};

/** A host that only ever serves this core (tests, and launchers that cannot switch). */
export const fixedCoreHost = (core: Core, opts: { validateOutput?: boolean } = {}): CoreHost =>
  createCoreHost({ core, stop: () => core.stop(), demo: null }, opts);

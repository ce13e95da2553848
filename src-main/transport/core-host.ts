import type { DemoStatus } from '../contract/schemas/system';
import type { Core } from '../core/create-core';
import { AppError } from '../core/shared/app-error';
import type { CallContext } from './call-context';
import { createDispatch, type Dispatch } from './dispatch';
import { refuseDemo } from './demo-refusal';

/** One open office: its core, what else stops with it (simulated routers), its demo hints. */
export type HostedOffice = {
  core: Core;
  /** Stops the core and everything started with it. */
  stop(): Promise<void>;
  /** Sign-in hints when this is the demo office. */
  demo: DemoStatus['active'];
};

/** How the launcher opens the demo office, and reopens the real one if that fails. */
export type DemoSwitch = {
  open(): Promise<HostedOffice>;
  reopen(): Promise<HostedOffice>;
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
 * office at run time: calls arriving during a switch wait for it, calls in flight on the old core
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
        // Offered by the real office only (the demo office is where it leads).
        ...(opts.demo && o.demo === null
          ? { openDemo: (caller: CallContext) => switchToDemo(caller) }
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

  const switchToDemo = async (caller: CallContext): Promise<void> => {
    const where = () => ({
      ...office.core.systemMeta(),
      ip: caller.ip,
      workstation: caller.workstation,
    });
    const demo = opts.demo;
    if (!demo) throw refuseDemo(office.core, where(), 'unavailable');
    if (switching) throw refuseDemo(office.core, where(), 'already_opening');
    let done: () => void = () => undefined;
    switching = new Promise<void>((resolve) => (done = resolve));
    try {
      // Calls already running on this core (a sign-in hashing its password) finish first.
      while (othersInFlight(caller)) {
        await new Promise<void>((resolve) => (drainedWaiter = resolve));
        drainedWaiter = null;
      }
      // Checked again now that nothing else runs: a first administrator may just have been made.
      if (!office.core.services.auth.status().setupRequired) {
        throw refuseDemo(office.core, where(), 'accounts_exist');
      }
      // The office's own log says where its first-run screen led (and nothing else changes).
      office.core.services.demo.opened(where());
      await office.stop();
      let next: HostedOffice;
      try {
        next = await demo.open();
      } catch (e) {
        office = await demo.reopen();
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

  return {
    get core() {
      return office.core;
    },
    admit: (name, ctx) => dispatch.admit(name, ctx),
    call: (name, raw, ctx) => track(ctx, () => dispatch.call(name, raw, ctx)),
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

import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { MenuClient } from '../routeros-client/menus/menu-client';
import { backoffMs, type NetworkTuning } from '../routers/network-tuning';
import {
  hostPort,
  isRouterDown,
  isStaleConnection,
  plainRouterError,
} from '../routers/router-failure';
import type { RouterAccess } from '../routers/router-access';
import type { RouterRecord, RoutersRepo } from '../routers/routers.repo';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { Logger } from '../shared/logger';
import { mapLimit } from '../shared/map-limit';
import type { DesiredState } from './desired-state';
import { ApplyFailure, applyClient, applyProfiles, type ApplyResult } from './router-apply';
import type { CommandRecord } from './router-writer';
import type { DueGroup, GroupItem, SyncQueueRepo } from './sync-queue.repo';

export type PushResult = {
  routerId: number;
  subject: DueGroup['subject'];
  subjectId: number;
  ok: boolean;
  error: string | null;
};

export type DrainFilter = { clientIds?: readonly number[]; routerIds?: readonly number[] };

/** At most this many log entries (one per causing action) for one push. */
const MAX_CAUSES_LOGGED = 10;

const summaryOf = (commands: readonly CommandRecord[], kicked: number): string => {
  const writes = commands.filter((c) => !(c.verb === 'remove' && c.menu.endsWith('/active')));
  const parts = [...new Set(writes.map((c) => `${c.menu} ${c.verb}`))];
  if (kicked > 0) parts.push(`${String(kicked)} session${kicked === 1 ? '' : 's'} kicked`);
  return parts.length === 0 ? 'already in step, nothing to change' : parts.join(', ');
};

/**
 * Applies the queue: every due (router, subject) group in the order it was queued, one at a time
 * per router, several routers at once. Success deletes the covered items; failure keeps them with
 * attempts, the error in plain words and a backed-off retry time. A router that is down stops its
 * pass (its remaining groups are deferred with the same error). Passes never overlap.
 */
export const createSyncWorker = (deps: {
  queue: SyncQueueRepo;
  desired: DesiredState;
  routers: RoutersRepo;
  access: RouterAccess;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  tuning: NetworkTuning;
  systemMeta: () => RequestMeta;
  logger: Logger;
}) => {
  const { queue, clock, tuning, recorder } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  let stopping = false;
  let wakeArmed = false;
  let autoWake = false;
  /** Read through a call: `stopping` changes while a pass awaits the router. */
  const halted = (): boolean => stopping;

  const subjectLabel = (g: DueGroup): string =>
    g.subject === 'client'
      ? `client ${deps.desired.client(g.subjectId, g.routerId)?.label ?? `#${String(g.subjectId)}`}`
      : `plan "${deps.desired.planName(g.subjectId) ?? `#${String(g.subjectId)}`}"`;

  const target = (g: DueGroup, label: string) => ({
    type: g.subject,
    id: g.subjectId,
    label: label.replace(/^(client|plan) /, '').replace(/"/g, ''),
  });

  /** Distinct causes, newest first (the newest cause gets the entry even past the cap). */
  const causes = (items: readonly GroupItem[]): GroupItem[] => {
    const seen = new Set<string>();
    const out: GroupItem[] = [];
    for (const item of [...items].reverse()) {
      if (seen.has(item.correlationId)) continue;
      seen.add(item.correlationId);
      out.push(item);
    }
    return out.slice(0, MAX_CAUSES_LOGGED);
  };

  const succeed = (r: RouterRecord, g: DueGroup, items: GroupItem[], res: ApplyResult) => {
    const label = subjectLabel(g);
    deps.write(() => {
      queue.complete(g);
      for (const cause of causes(items)) {
        recorder.record({
          event: 'sync.pushed',
          params: { router: r.name, subject: label, summary: summaryOf(res.commands, res.kicked) },
          ctx: { ...deps.systemMeta(), correlationId: cause.correlationId, actor: null },
          target: target(g, label),
          routerId: r.id,
          ...(g.subject === 'client' ? { clientId: g.subjectId } : {}),
          details: {
            commands: res.commands,
            kicked: res.kicked,
            reason: cause.reason,
            attempts: g.attempts + 1,
            queueItems: items.map((i) => i.id),
          },
        });
      }
    });
  };

  const fail = (
    r: RouterRecord,
    g: DueGroup,
    items: GroupItem[],
    error: string,
    partial: { commands: readonly CommandRecord[]; sessionChanged: boolean },
  ) => {
    const now = clock.now();
    const label = subjectLabel(g);
    const last = items.at(-1);
    deps.write(() => {
      queue.fail(g, {
        error,
        now,
        nextAttemptAt:
          now + backoffMs(tuning.retryBaseMs, g.attempts, tuning.retryCapMs, tuning.random),
        needsKick: partial.sessionChanged,
      });
      // The first failure, and any change of reason, are logged; identical retries are not
      // (the queue shows their count and last error).
      if (g.attempts > 0 && last?.lastError === error) return;
      for (const cause of causes(items)) {
        recorder.record({
          event: 'sync.push_failed',
          params: { router: r.name, subject: label, error },
          ctx: { ...deps.systemMeta(), correlationId: cause.correlationId, actor: null },
          target: target(g, label),
          routerId: r.id,
          ...(g.subject === 'client' ? { clientId: g.subjectId } : {}),
          details: {
            commands: partial.commands,
            reason: cause.reason,
            attempts: g.attempts + 1,
            queueItems: items.map((i) => i.id),
          },
        });
      }
    });
  };

  /** Reads the desired state now (after any earlier item) and applies it. */
  const applyOnce = (
    r: RouterRecord,
    menus: MenuClient,
    g: DueGroup,
    profilesDone: Set<string>,
  ): Promise<ApplyResult> => {
    if (g.subject === 'plan') return applyProfiles(menus, deps.desired.planProfiles(g.subjectId));
    const d = deps.desired.client(g.subjectId, r.id);
    if (!d) return Promise.resolve({ commands: [], kicked: 0, sessionChanged: false });
    return applyClient(menus, d, {
      staleNames: g.staleNames,
      kickPending: g.needsKick,
      profilesDone,
    });
  };

  const applyGroup = async (
    r: RouterRecord,
    menus: MenuClient,
    g: DueGroup,
    profilesDone: Set<string>,
  ): Promise<{ ok: boolean; error: string | null; down: boolean }> => {
    const items = queue.items(g);
    try {
      let res: ApplyResult;
      try {
        res = await applyOnce(r, menus, g, profilesDone);
      } catch (e) {
        if (!(e instanceof ApplyFailure) || !isStaleConnection(e.cause) || stopping) throw e;
        res = await applyOnce(r, menus, g, profilesDone);
      }
      if (stopping) return { ok: false, error: 'stopped', down: true };
      succeed(r, g, items, res);
      return { ok: true, error: null, down: false };
    } catch (e) {
      const f = e instanceof ApplyFailure ? e : new ApplyFailure(e, [], false);
      if (stopping) return { ok: false, error: 'stopped', down: true };
      const error = plainRouterError(f.cause, hostPort(r.host, r.port, r.tls)).message;
      fail(r, g, items, error, f);
      return { ok: false, error, down: isRouterDown(f.cause) };
    }
  };

  const pushRouter = async (routerId: number, groups: DueGroup[]): Promise<PushResult[]> => {
    const r = deps.routers.byId(routerId);
    if (!r?.enabled) return [];
    const results: PushResult[] = [];
    let menus: MenuClient;
    try {
      menus = deps.access.menus(r);
    } catch (e) {
      const error = `Cannot use the stored API password: ${e instanceof Error ? e.message : String(e)}`;
      for (const g of groups) {
        fail(r, g, queue.items(g), error, { commands: [], sessionChanged: false });
        results.push({ routerId, subject: g.subject, subjectId: g.subjectId, ok: false, error });
      }
      return results;
    }
    const profilesDone = new Set<string>();
    let downError: string | null = null;
    for (const g of groups) {
      if (stopping) break;
      if (downError !== null) {
        fail(r, g, queue.items(g), downError, { commands: [], sessionChanged: false });
        results.push({
          routerId,
          subject: g.subject,
          subjectId: g.subjectId,
          ok: false,
          error: downError,
        });
        continue;
      }
      const out = await applyGroup(r, menus, g, profilesDone);
      if (halted()) break;
      results.push({
        routerId,
        subject: g.subject,
        subjectId: g.subjectId,
        ok: out.ok,
        error: out.error,
      });
      if (!out.ok && out.down) downError = out.error;
    }
    return results;
  };

  const pass = async (filter: DrainFilter = {}): Promise<PushResult[]> => {
    const groups = queue
      .due(clock.now())
      .filter(
        (g) =>
          (filter.routerIds === undefined || filter.routerIds.includes(g.routerId)) &&
          (filter.clientIds === undefined ||
            (g.subject === 'client' && filter.clientIds.includes(g.subjectId))),
      );
    const byRouter = new Map<number, DueGroup[]>();
    for (const g of groups) byRouter.set(g.routerId, [...(byRouter.get(g.routerId) ?? []), g]);
    const perRouter = await mapLimit([...byRouter], tuning.pushConcurrency, ([id, list]) =>
      pushRouter(id, list),
    );
    return perRouter.flat();
  };

  /** Runs one pass over the due work (after any pass already running); resolves with results. */
  const drain = (filter?: DrainFilter): Promise<PushResult[]> => {
    const run = chain.then(() => (stopping ? [] : pass(filter)));
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    drain,
    /** New work was queued (after commit): push it soon, if pushing on change is on. */
    wake: (): void => {
      if (!autoWake || stopping || wakeArmed) return;
      wakeArmed = true;
      setImmediate(() => {
        wakeArmed = false;
        drain().catch((e: unknown) => {
          deps.logger.error('router queue pass failed', {
            error: e instanceof Error ? e.message : String(e),
          });
        });
      });
    },
    /** Push on change (the app) or only when told (most tests). */
    setAutoWake: (on: boolean): void => {
      autoWake = on;
    },
    /** Waits for the pass in progress and refuses new ones. */
    stop: async (): Promise<void> => {
      stopping = true;
      await chain;
    },
  };
};

export type SyncWorker = ReturnType<typeof createSyncWorker>;

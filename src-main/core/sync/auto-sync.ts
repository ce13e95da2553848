import type {
  DriftCounts,
  DriftItem,
  RouterDrift,
  SyncApplyResult,
  SyncPreview,
  SyncScope,
} from '../../contract/schemas/sync';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { HealthRepo } from '../health/health.repo';
import {
  addressListMenu,
  hotspotUserMenu,
  pppSecretMenu,
} from '../routeros-client/menus/isp-menus';
import type { MenuClient } from '../routeros-client/menus/menu-client';
import type { NetworkTuning } from '../routers/network-tuning';
import { hostPort, isRouterDown, plainRouterError } from '../routers/router-failure';
import type { RouterAccess } from '../routers/router-access';
import type { RouterRecord, RoutersRepo } from '../routers/routers.repo';
import { AppError } from '../shared/app-error';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import { mapLimit } from '../shared/map-limit';
import type { DesiredProfile, DesiredState } from './desired-state';
import { diffRouter, readSnapshot, type Drift } from './drift';
import { ApplyFailure, applyClient, ensureProfile, kickSessions } from './router-apply';
import { RouterWriter, type CommandRecord } from './router-writer';

type Ctx = ServiceContext & { actor: Actor };

type Inspected =
  | { ok: true; router: RouterRecord; menus: MenuClient; drift: Drift; clientId: number | null }
  | { ok: false; router: RouterRecord; error: string };

type RouterFix = SyncApplyResult['routers'][number] & {
  changes: CommandRecord[];
  errors: string[];
  unknown: string[];
};

/** How much of a long list a log entry keeps (the entry's details are capped anyway). */
const LOG_LIST_CAP = 100;

const countsOf = (items: readonly DriftItem[]): DriftCounts => ({
  missing: items.filter((i) => i.kind === 'missing').length,
  unknown: items.filter((i) => i.kind === 'unknown').length,
  different: items.filter((i) => i.kind === 'different').length,
});

const isActive = (c: CommandRecord) => c.menu.endsWith('/active');

const uniqueProfiles = (list: readonly DesiredProfile[]): DesiredProfile[] => {
  const seen = new Map<string, DesiredProfile>();
  for (const p of list) {
    const key = `${p.menu}:${p.name}`;
    const known = seen.get(key);
    if (!known || (known.rateLimit === null && p.rateLimit !== null)) seen.set(key, p);
  }
  return [...seen.values()];
};

/**
 * Auto-sync (reconcile): read a router's state, compare it with the desired state, report the
 * drift (dry run) or fix it. Fixing adds what is missing and sets what differs; entries this app
 * created that should not be there are removed; entries the database does not know are kept
 * unless the user confirmed their removal key by key. One log entry per operation.
 */
export const createAutoSync = (deps: {
  desired: DesiredState;
  routers: RoutersRepo;
  health: HealthRepo;
  access: RouterAccess;
  write: WriteTransaction;
  recorder: Recorder;
  tuning: NetworkTuning;
  systemMeta: () => RequestMeta;
}) => {
  const { desired } = deps;

  const scopeOf = (scope: SyncScope): { routers: RouterRecord[]; clientId: number | null } => {
    if ('all' in scope) return { routers: deps.routers.enabled(), clientId: null };
    const routerId = 'routerId' in scope ? scope.routerId : desired.routerOf(scope.clientId);
    if ('clientId' in scope && desired.client(scope.clientId, 0) === null) {
      throw new AppError('not_found', `Client ${String(scope.clientId)} does not exist.`);
    }
    if (routerId === null) {
      throw new AppError('conflict', 'This client is not served by any router.');
    }
    const r = deps.routers.byId(routerId);
    if (!r) throw new AppError('not_found', `Router ${String(routerId)} does not exist.`);
    if (!r.enabled) throw new AppError('conflict', `Router "${r.name}" is disabled.`);
    return { routers: [r], clientId: 'clientId' in scope ? scope.clientId : null };
  };

  const inspect = async (r: RouterRecord, clientId: number | null): Promise<Inspected> => {
    try {
      const menus = deps.access.menus(r);
      const clients =
        clientId === null
          ? desired.router(r.id)
          : [desired.client(clientId, r.id)].filter((d) => d !== null);
      // Plan profiles always; an isolation profile only while someone is isolated with it.
      const profiles = uniqueProfiles([
        ...(clientId === null
          ? desired.routerProfiles(r.id).filter((p) => p.rateLimit !== null)
          : []),
        ...clients.flatMap((d) => d.profiles),
      ]);
      const lists =
        clientId === null
          ? desired.isolationLists(r.id)
          : clients.flatMap((d) => (d.isolation ? [d.isolation.list] : []));
      const snapshot = await readSnapshot(menus, lists);
      const drift = diffRouter({
        desired: clients,
        profiles,
        lists,
        snapshot,
        unknowns: clientId === null,
        clientOfAccount: desired.clientOfAccount,
      });
      return { ok: true, router: r, menus, drift, clientId };
    } catch (e) {
      return {
        ok: false,
        router: r,
        error: plainRouterError(e, hostPort(r.host, r.port, r.tls)).message,
      };
    }
  };

  const toDrift = (i: Inspected): RouterDrift =>
    i.ok
      ? {
          routerId: i.router.id,
          routerName: i.router.name,
          reachable: true,
          error: null,
          checked: i.drift.checked,
          drift: i.drift.items,
        }
      : {
          routerId: i.router.id,
          routerName: i.router.name,
          reachable: false,
          error: i.error,
          checked: 0,
          drift: [],
        };

  const inspectAll = (routers: RouterRecord[], clientId: number | null) =>
    mapLimit(routers, deps.tuning.pushConcurrency, (r) => inspect(r, clientId));

  const emptyFix = (r: RouterRecord, reachable: boolean, error: string | null): RouterFix => ({
    routerId: r.id,
    routerName: r.name,
    reachable,
    error,
    added: 0,
    updated: 0,
    removed: 0,
    kicked: 0,
    unknownKept: 0,
    failed: 0,
    changes: [],
    errors: [],
    unknown: [],
  });

  /** Fixes one router's drift; unknown entries only when their key is in `confirmed`. */
  const fix = async (i: Inspected, confirmed: ReadonlySet<string>): Promise<RouterFix> => {
    if (!i.ok) return emptyFix(i.router, false, i.error);
    const out = emptyFix(i.router, true, null);
    const { items } = i.drift;
    const w = new RouterWriter(i.menus);
    const where = hostPort(i.router.host, i.router.port, i.router.tls);
    const attempt = async (what: () => Promise<void>): Promise<boolean> => {
      try {
        await what();
        return true;
      } catch (e) {
        const cause = e instanceof ApplyFailure ? e.cause : e;
        if (e instanceof ApplyFailure) out.changes.push(...e.commands);
        out.failed += 1;
        out.errors.push(plainRouterError(cause, where).message);
        return !isRouterDown(cause);
      }
    };
    let alive = true;
    const profileItems = items.filter(
      (d) => (d.menu === 'ppp-profile' || d.menu === 'hotspot-profile') && d.action !== 'keep',
    );
    const profiles = i.clientId === null ? desired.routerProfiles(i.router.id) : [];
    for (const item of profileItems) {
      const p =
        profiles.find((x) => x.menu === item.menu && x.name === item.name) ??
        (item.planId === null
          ? undefined
          : desired.planProfiles(item.planId).find((x) => x.name === item.name));
      if (p && alive) alive = await attempt(() => ensureProfile(w, p));
    }
    const clientIds = [
      ...new Set(
        items
          .filter((d) => d.clientId !== null && (d.action === 'add' || d.action === 'set'))
          .map((d) => d.clientId ?? 0),
      ),
    ];
    for (const id of clientIds) {
      if (!alive) break;
      const d = desired.client(id, i.router.id);
      if (!d) continue;
      alive = await attempt(async () => {
        const res = await applyClient(i.menus, d);
        out.changes.push(...res.commands);
      });
    }
    const removals = items.filter(
      (d) => d.action === 'remove' || (d.kind === 'unknown' && confirmed.has(d.key)),
    );
    for (const item of removals) {
      if (!alive) break;
      const id = item.key.slice(item.key.lastIndexOf('@') + 1);
      alive = await attempt(async () => {
        if (item.menu === 'ppp-secret') {
          await w.remove(pppSecretMenu, id, item.name);
          await kickSessions(w, 'ppp-secret', item.name);
        } else if (item.menu === 'hotspot-user') {
          await w.remove(hotspotUserMenu, id, item.name);
          await kickSessions(w, 'hotspot-user', item.name);
        } else if (item.menu === 'address-list') {
          await w.remove(addressListMenu, id, item.name);
        }
      });
    }
    out.changes.push(...w.commands);
    const ok = out.changes.filter((c) => c.result.startsWith('ok') && !isActive(c));
    out.added = ok.filter((c) => c.verb === 'add').length;
    out.updated = ok.filter((c) => c.verb === 'set' || c.verb === 'unset').length;
    out.removed = ok.filter((c) => c.verb === 'remove').length;
    out.kicked = out.changes.filter((c) => isActive(c) && c.result === 'ok').length;
    const kept = items.filter((d) => d.kind === 'unknown' && !confirmed.has(d.key));
    out.unknownKept = kept.length;
    out.unknown = kept.map((d) => `${d.menu} ${d.name}`);
    if (!alive) out.error = out.errors.at(-1) ?? null;
    return out;
  };

  const logView = (f: RouterFix) => ({
    routerId: f.routerId,
    router: f.routerName,
    reachable: f.reachable,
    error: f.error,
    added: f.added,
    updated: f.updated,
    removed: f.removed,
    kicked: f.kicked,
    failed: f.failed,
    errors: f.errors.slice(0, LOG_LIST_CAP),
    unknownKept: f.unknown.slice(0, LOG_LIST_CAP),
    changes: f.changes.slice(0, LOG_LIST_CAP),
  });

  const sum = (fixes: RouterFix[], k: 'added' | 'updated' | 'removed' | 'failed') =>
    fixes.reduce((a, f) => a + f[k], 0);

  return {
    /** Dry run: what a sync would change. Reads routers, writes nothing. */
    preview: async (scope: SyncScope): Promise<SyncPreview> => {
      const { routers, clientId } = scopeOf(scope);
      const inspected = (await inspectAll(routers, clientId)).map(toDrift);
      return { routers: inspected, counts: countsOf(inspected.flatMap((r) => r.drift)) };
    },

    /** Fixes drift now, as one logged operation of the user. */
    apply: async (
      input: { scope: SyncScope; removeUnknown?: { routerId: number; key: string }[] },
      ctx: Ctx,
    ): Promise<SyncApplyResult> => {
      const { routers, clientId } = scopeOf(input.scope);
      const inspected = await inspectAll(routers, clientId);
      const fixes = await mapLimit(inspected, deps.tuning.pushConcurrency, (i) =>
        fix(
          i,
          new Set(
            (input.removeUnknown ?? []).filter((u) => u.routerId === i.router.id).map((u) => u.key),
          ),
        ),
      );
      const single = routers.length === 1 ? routers[0] : undefined;
      deps.recorder.record({
        event: 'sync.applied',
        params: {
          by: ctx.actor.username,
          routers: routers.length,
          added: sum(fixes, 'added'),
          updated: sum(fixes, 'updated'),
          removed: sum(fixes, 'removed'),
          failed: sum(fixes, 'failed') + fixes.filter((f) => !f.reachable).length,
        },
        outcome: fixes.some((f) => f.failed > 0 || !f.reachable) ? 'failure' : 'success',
        ctx,
        ...(single
          ? { routerId: single.id, target: { type: 'router', id: single.id, label: single.name } }
          : {}),
        ...(clientId !== null ? { clientId } : {}),
        details: { scope: input.scope, routers: fixes.map(logView) },
      });
      return {
        routers: fixes.map((f) => ({
          routerId: f.routerId,
          routerName: f.routerName,
          reachable: f.reachable,
          error: f.error,
          added: f.added,
          updated: f.updated,
          removed: f.removed,
          kicked: f.kicked,
          unknownKept: f.unknownKept,
          failed: f.failed,
        })),
        correlationId: ctx.correlationId,
      };
    },

    /**
     * The periodic run: every enabled router that is not known to be offline; fixes drift when
     * `fix` (never deleting unknown entries), otherwise only reports it. One log entry per run.
     */
    autoRun: async (opts: {
      fix: boolean;
      /** The job run's context, so that this entry shares its correlation id. */
      meta?: RequestMeta;
    }): Promise<{ routers: number; drifted: number; fixed: number; unreachable: number }> => {
      const all = deps.routers.enabled();
      const offline = all.filter((r) => deps.health.get(r.id)?.status === 'offline');
      const reachable = all.filter((r) => !offline.includes(r));
      const inspected = await inspectAll(reachable, null);
      const fixes = opts.fix
        ? await mapLimit(inspected, deps.tuning.pushConcurrency, (i) => fix(i, new Set()))
        : [];
      const drifts = inspected.map(toDrift);
      const drifted = drifts.filter((d) => d.drift.length > 0).length;
      const fixed = sum(fixes, 'added') + sum(fixes, 'updated') + sum(fixes, 'removed');
      const unreachable = offline.length + drifts.filter((d) => !d.reachable).length;
      const meta = opts.meta ?? deps.systemMeta();
      deps.recorder.record({
        event: 'sync.auto_run',
        params: {
          routers: all.length,
          drifted,
          fixed,
          unreachable,
          mode: opts.fix ? 'fix' : 'report only',
        },
        ctx: { ...meta, actor: null },
        details: {
          offline: offline.map((r) => r.name),
          routers: drifts.map((d) => ({
            router: d.routerName,
            reachable: d.reachable,
            error: d.error,
            checked: d.checked,
            counts: countsOf(d.drift),
            drift: d.drift.slice(0, LOG_LIST_CAP),
          })),
          ...(opts.fix ? { fixes: fixes.map(logView) } : {}),
        },
      });
      return { routers: all.length, drifted, fixed, unreachable };
    },
  };
};

export type AutoSync = ReturnType<typeof createAutoSync>;

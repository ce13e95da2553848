import type {
  CreateRouter,
  Router,
  HealthOutage,
  RouterHealthHistory,
  RouterHealthView,
  TestConnection,
  TestConnectionResult,
  UpdateRouter,
} from '../../contract/schemas/routers';
import type { Recorder } from '../activity/recorder';
import { REDACTED } from '../activity/redact';
import type { WriteTransaction } from '../db/write-transaction';
import type { HealthRepo } from '../health/health.repo';
import { initialHealth } from '../health/health.repo';
import { AppError, fieldError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { diffFlat } from '../shared/diff';
import { hostPort, plainRouterError } from './router-failure';
import type { ConnectionSettings, RouterAccess } from './router-access';
import { probeRouter } from './router-probe';
import {
  routerSettings,
  type RouterRecord,
  type RouterValues,
  type RoutersRepo,
} from './routers.repo';
import type { ClientsRepo } from '../clients/clients.repo';
import type { SyncQueueRepo } from '../sync/sync-queue.repo';

type Ctx = ServiceContext & { actor: Actor };

export const DEFAULT_POLL_INTERVAL_SEC = 30;

export type RouterChange = 'created' | 'updated' | 'enabled' | 'disabled' | 'removed';

/** What the log keeps of a router: flat, comparable, never the password. */
const view = routerSettings;

const DEFAULT_PORT = { off: 8728, anonymous: 8729, insecure: 8729 } as const;

/**
 * True when two sets of connection settings reach the same router as the same user. A saved API
 * password is only ever sent to the address (host, port, TLS mode, user) it was saved with.
 */
const sameAddress = (a: ConnectionSettings, b: ConnectionSettings): boolean =>
  a.host.toLowerCase() === b.host.toLowerCase() &&
  (a.port ?? DEFAULT_PORT[a.tls]) === (b.port ?? DEFAULT_PORT[b.tls]) &&
  a.tls === b.tls &&
  a.apiUser === b.apiUser;

/** The answer when the address changes but the saved password would go with it. */
const retypePassword = (): AppError =>
  fieldError(
    'validation',
    { path: ['password'], message: 'Type the API password again for the new address or user.' },
    'Type the API password again: a saved password is only sent to the address and user it was saved with.',
  );

/** Routers: settings (password sealed at rest), test connection, health view; all logged. */
/** `routers.health` without `since`: the last day's samples. */
const RECENT_SAMPLES_MS = 24 * 60 * 60_000;
/** History buckets are whole minutes. */
const BUCKET_ROUNDING_MS = 60_000;

/** Outages from the samples where the poll outcome changed: a failure up to the next success. */
const outagesOf = (changes: readonly { ts: number; ok: boolean }[]): HealthOutage[] => {
  const outages: HealthOutage[] = [];
  for (const c of changes) {
    const open = outages.at(-1);
    if (!c.ok && (open === undefined || open.to !== null)) outages.push({ from: c.ts, to: null });
    else if (c.ok && open?.to === null) open.to = c.ts;
  }
  return outages;
};

export const createRoutersService = (deps: {
  routers: RoutersRepo;
  clients: Pick<ClientsRepo, 'countOnRouter'>;
  queue: Pick<SyncQueueRepo, 'count'>;
  health: HealthRepo;
  access: RouterAccess;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  historyMs: number;
  /** Called after a change committed (health schedule, connections, queue). */
  changed: (routerId: number, change: RouterChange) => void;
}) => {
  const { routers, clock, write, recorder, access } = deps;

  const load = (id: number): RouterRecord => {
    const r = routers.byId(id);
    if (!r) throw new AppError('not_found', `Router ${String(id)} does not exist.`);
    return r;
  };
  const shown = (id: number): Router => {
    const v = routers.view(id);
    if (!v) throw new AppError('not_found', `Router ${String(id)} does not exist.`);
    return v;
  };
  const nameFree = (name: string, exceptId?: number) => {
    if (routers.nameTaken(name, exceptId)) {
      throw fieldError('conflict', {
        path: ['name'],
        message: `A router named "${name}" already exists.`,
      });
    }
  };
  const target = (r: RouterRecord) => ({ type: 'router', id: r.id, label: r.name });
  const address = (r: ConnectionSettings) => hostPort(r.host, r.port, r.tls);

  const setEnabled = (id: number, enabled: boolean, ctx: Ctx): Router => {
    const changed = write(() => {
      const before = load(id);
      if (before.enabled === enabled) return false;
      const now = clock.now();
      const after = routers.update(id, { enabled, updatedAt: now });
      // Whatever was known before no longer says anything: start from "unknown".
      deps.health.put(initialHealth(id, now));
      recorder.record({
        event: enabled ? 'router.enabled' : 'router.disabled',
        params: { by: ctx.actor.username, name: after.name },
        ctx,
        target: target(after),
        routerId: id,
        details: { before: { enabled: before.enabled }, after: { enabled } },
      });
      return true;
    });
    if (changed) deps.changed(id, enabled ? 'enabled' : 'disabled');
    return shown(id);
  };

  const testEndpoint = async (
    settings: ConnectionSettings,
    password: string,
  ): Promise<TestConnectionResult> => {
    const session = access.oneShot(access.endpointOf(settings, password));
    const started = performance.now();
    try {
      const probe = await probeRouter(session, new AbortController().signal);
      return {
        ok: true,
        identity: probe.identity,
        version: probe.version,
        board: probe.board,
        uptimeSec: probe.uptimeSec,
        latencyMs: probe.latencyMs,
      };
    } catch (e) {
      const plain = plainRouterError(e, address(settings));
      return {
        ok: false,
        kind: plain.kind,
        message: plain.message,
        latencyMs: Math.round(performance.now() - started),
      };
    } finally {
      await session.close();
    }
  };

  return {
    list: (): Router[] => routers.list(),

    get: (id: number): Router => shown(id),

    create: (input: CreateRouter, ctx: Ctx): Router => {
      const r = write(() => {
        nameFree(input.name);
        const now = clock.now();
        const created = routers.insert({
          name: input.name,
          host: input.host,
          port: input.port ?? null,
          tls: input.tls ?? 'off',
          apiUser: input.apiUser,
          passwordBox: access.seal(input.password),
          pollIntervalSec: input.pollIntervalSec ?? DEFAULT_POLL_INTERVAL_SEC,
          enabled: true,
          notes: input.notes ?? '',
          createdAt: now,
          updatedAt: now,
        });
        deps.health.put(initialHealth(created.id, now));
        recorder.record({
          event: 'router.created',
          params: { by: ctx.actor.username, name: created.name, address: address(created) },
          ctx,
          target: target(created),
          routerId: created.id,
          details: { after: { ...view(created), password: REDACTED } },
        });
        return created;
      });
      deps.changed(r.id, 'created');
      return shown(r.id);
    },

    update: (input: UpdateRouter, ctx: Ctx): Router => {
      const result = write(() => {
        const before = load(input.id);
        if (input.name !== undefined) nameFree(input.name, before.id);
        const passwordChanged =
          input.password !== undefined && access.passwordOf(before) !== input.password;
        const values: Partial<RouterValues> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.host !== undefined ? { host: input.host } : {}),
          ...(input.port !== undefined ? { port: input.port } : {}),
          ...(input.tls !== undefined ? { tls: input.tls } : {}),
          ...(input.apiUser !== undefined ? { apiUser: input.apiUser } : {}),
          ...(input.pollIntervalSec !== undefined
            ? { pollIntervalSec: input.pollIntervalSec }
            : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
        };
        if (input.password === undefined && !sameAddress(before, { ...before, ...values })) {
          throw retypePassword();
        }
        const d = diffFlat(view(before), view({ ...before, ...values }));
        if (d.changed.length === 0 && !passwordChanged) return { id: before.id, changed: false };
        const after = routers.update(before.id, {
          ...values,
          ...(passwordChanged && input.password !== undefined
            ? { passwordBox: access.seal(input.password) }
            : {}),
          updatedAt: clock.now(),
        });
        const secret = passwordChanged ? { password: REDACTED } : {};
        recorder.record({
          event: 'router.updated',
          params: {
            by: ctx.actor.username,
            name: after.name,
            changes: [d.summary, passwordChanged ? 'API password changed' : '']
              .filter(Boolean)
              .join(', '),
          },
          ctx,
          target: target(after),
          routerId: after.id,
          details: { before: { ...d.before, ...secret }, after: { ...d.after, ...secret } },
        });
        return { id: after.id, changed: true };
      });
      if (result.changed) deps.changed(result.id, 'updated');
      return shown(result.id);
    },

    disable: (id: number, ctx: Ctx): Router => setEnabled(id, false, ctx),
    enable: (id: number, ctx: Ctx): Router => setEnabled(id, true, ctx),

    /** Only a router no client is served by; its queue, health and history go with it. */
    delete: (id: number, ctx: Ctx): null => {
      write(() => {
        const before = load(id);
        const clients = deps.clients.countOnRouter(id);
        if (clients > 0) {
          throw new AppError(
            'conflict',
            `Router "${before.name}" still serves ${String(clients)} client${clients === 1 ? '' : 's'}; move them to another router first, or disable it.`,
          );
        }
        const pending = deps.queue.count({ routerId: id });
        routers.delete(id);
        recorder.record({
          event: 'router.removed',
          params: { by: ctx.actor.username, name: before.name, pending },
          ctx,
          target: target(before),
          routerId: id,
          details: { before: view(before) },
        });
      });
      deps.changed(id, 'removed');
      return null;
    },

    /** Logs in and reads identity, version and board; failures come back in plain words. */
    testConnection: async (input: TestConnection, ctx: Ctx): Promise<TestConnectionResult> => {
      const saved = 'id' in input ? load(input.id) : null;
      const settings: ConnectionSettings = {
        host: input.host ?? saved?.host ?? '',
        port: input.port !== undefined ? input.port : (saved?.port ?? null),
        tls: input.tls ?? saved?.tls ?? 'off',
        apiUser: input.apiUser ?? saved?.apiUser ?? '',
      };
      if (saved && input.password === undefined && !sameAddress(saved, settings)) {
        throw retypePassword();
      }
      const password = input.password ?? (saved ? access.passwordOf(saved) : '');
      const result = await testEndpoint(settings, password);
      recorder.record({
        event: 'router.connection_tested',
        params: {
          by: ctx.actor.username,
          name: saved ? `router "${saved.name}"` : address(settings),
          result: result.ok
            ? `${result.identity}, RouterOS ${result.version}, ${result.board}`
            : result.message,
        },
        outcome: result.ok ? 'success' : 'failure',
        ctx,
        ...(saved ? { target: target(saved), routerId: saved.id } : {}),
        details: { address: address(settings), apiUser: settings.apiUser, result },
      });
      return result;
    },

    health: (input: { id: number; since?: number }): RouterHealthView => {
      const router = shown(input.id);
      const now = clock.now();
      const since = Math.max(input.since ?? now - RECENT_SAMPLES_MS, now - deps.historyMs);
      return { router, samples: deps.health.samples(input.id, since) };
    },

    /** The kept health history over a range, averaged into at most `points` buckets. */
    healthHistory: (input: {
      id: number;
      from: number;
      to: number;
      points: number;
    }): RouterHealthHistory => {
      shown(input.id);
      const { from, to } = input;
      const bucketMs =
        Math.ceil((to - from) / input.points / BUCKET_ROUNDING_MS) * BUCKET_ROUNDING_MS;
      return {
        routerId: input.id,
        from,
        to,
        bucketMs,
        buckets: deps.health.history(input.id, from, to, bucketMs),
        outages: outagesOf(deps.health.outcomeChanges(input.id, from, to)),
        keptSince: deps.health.oldest(input.id),
        keptDays: Math.round(deps.historyMs / 86_400_000),
      };
    },
  };
};

export type RoutersService = ReturnType<typeof createRoutersService>;

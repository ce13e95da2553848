import type {
  Client,
  ClientListOutput,
  ClientListQuery,
  ClientStatus,
  CreateClient,
  RouterName,
  UpdateClient,
} from '../../contract/schemas/clients';
import type { Recorder } from '../activity/recorder';
import { REDACTED } from '../activity/redact';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { diffFlat } from '../shared/diff';
import type { SecretBox } from '../shared/secret-box';
import type { SettingsService } from '../settings/settings.service';
import type { RouterSyncHooks } from '../sync/sync-hooks';
import type { RoutersRepo } from '../routers/routers.repo';
import type { ClientRecord, ClientValues, ClientWithPlan, ClientsRepo } from './clients.repo';
import type { ClientSearch } from './client-search';
import { enforce, type ClientRules } from './client-rules';
import { auditView, SERVICE_PASSWORD_PURPOSE, toClient } from './client-view';

export type Ctx = ServiceContext & { actor: Actor };

export type ClientsDeps = {
  clients: ClientsRepo;
  search: ClientSearch;
  /** Router names for client screens (staff without `routers.read` see them too). */
  routers: Pick<RoutersRepo, 'names'>;
  rules: ClientRules;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  box: SecretBox;
  settings: SettingsService;
  /** Queues the router work a change needs, in the change's own transaction. */
  routerSync?: RouterSyncHooks;
};

/**
 * `active` only while paid up: a client whose time ran out is `expired` whatever was asked, and
 * one who never paid stays `awaiting_payment` (`current`) until their first payment.
 */
export const statusFor = (
  wanted: ClientStatus,
  expiresAt: number,
  now: number,
  current?: ClientStatus,
): ClientStatus => {
  if (wanted !== 'active' || expiresAt > now) return wanted;
  return current === 'awaiting_payment' ? current : 'expired';
};

/** Client records: sign-up, edits, archive and restore, the password vault; all logged. */
export const createClientsService = (deps: ClientsDeps) => {
  const { clients, rules, clock, write, recorder, box } = deps;
  const routerSync = (
    id: number,
    ctx: Ctx,
    change: Parameters<RouterSyncHooks['clientChanged']>[2],
  ) => deps.routerSync?.clientChanged(id, ctx, change);

  const load = (id: number): ClientWithPlan => {
    const c = clients.byId(id);
    if (!c) throw new AppError('not_found', `Client ${String(id)} does not exist.`);
    return c;
  };
  const reload = (id: number): Client => toClient(load(id));
  const target = (c: ClientRecord) => ({
    type: 'client',
    id: c.id,
    label: `${c.accountNo} ${c.fullName}`,
  });
  const who = (c: ClientRecord, ctx: Ctx) => ({
    by: ctx.actor.username,
    account: c.accountNo,
    name: c.fullName,
  });
  const notArchived = (c: ClientRecord) => {
    if (c.status === 'archived') {
      throw new AppError('conflict', `Client ${c.accountNo} is archived; restore it first.`);
    }
  };

  /** Inserts one new client and logs it; shared with the CSV import. Runs inside `write`. */
  const insertLogged = (
    input: CreateClient & { accountNo?: string; expiresAt?: number },
    ctx: Ctx,
  ): ClientRecord => {
    const { plan, problem } = rules.planProblem(input.planId, input.serviceType);
    enforce(problem, 'validation');
    enforce(rules.routerProblem(input.routerId), 'validation');
    enforce(rules.loginProblem(input.serviceLogin), 'conflict');
    enforce(rules.ipProblem(input.staticIp), 'conflict');
    const now = clock.now();
    const expiresAt = input.expiresAt ?? now;
    const values: ClientValues = {
      accountNo: input.accountNo ?? rules.nextAccountNo(deps.settings.get().accountPrefix),
      fullName: input.fullName,
      phone: input.phone,
      email: input.email ?? null,
      address: input.address ?? null,
      gpsLat: input.gps?.lat ?? null,
      gpsLng: input.gps?.lng ?? null,
      serviceType: input.serviceType,
      serviceLogin: input.serviceLogin,
      servicePasswordBox: box.seal(input.servicePassword, SERVICE_PASSWORD_PURPOSE),
      staticIp: input.staticIp ?? null,
      mac: input.mac ?? null,
      planId: input.planId,
      routerId: input.routerId ?? null,
      // No expiry given: a new sign-up, who has not paid yet. An imported expiry in the past
      // is a client who had service before: expired.
      status:
        input.expiresAt === undefined ? 'awaiting_payment' : statusFor('active', expiresAt, now),
      expiresAt,
      notes: input.notes ?? '',
      createdAt: now,
      updatedAt: now,
    };
    const c = clients.insert(values);
    recorder.record({
      event: 'client.created',
      params: { ...who(c, ctx), plan: plan?.name ?? '' },
      ctx,
      target: target(c),
      clientId: c.id,
      details: { after: { ...auditView(c), servicePassword: REDACTED } },
    });
    routerSync(c.id, ctx, { reason: 'client.created' });
    return c;
  };

  return {
    insertLogged,

    list: (input: ClientListQuery): ClientListOutput => deps.search.list(input, clock.now()),

    get: (id: number): Client => reload(id),

    /** Every router by name: the clients filter and the client form pick from these. */
    routerNames: (): RouterName[] => deps.routers.names(),

    create: (input: CreateClient, ctx: Ctx): Client =>
      write(() => reload(insertLogged(input, ctx).id)),

    update: (input: UpdateClient, ctx: Ctx): Client =>
      write(() => {
        const before = load(input.id);
        notArchived(before);
        const serviceType = input.serviceType ?? before.serviceType;
        if (input.planId !== undefined || input.serviceType !== undefined) {
          const { problem } = rules.planProblem(input.planId ?? before.planId, serviceType, {
            allowRetired: input.planId === undefined || input.planId === before.planId,
          });
          enforce(problem, 'validation');
        }
        if (input.routerId !== undefined && input.routerId !== before.routerId) {
          enforce(rules.routerProblem(input.routerId), 'validation');
        }
        if (input.serviceLogin !== undefined) {
          enforce(rules.loginProblem(input.serviceLogin, before.id), 'conflict');
        }
        if (input.staticIp) enforce(rules.ipProblem(input.staticIp, before.id), 'conflict');
        const now = clock.now();
        const passwordChanged =
          input.servicePassword !== undefined &&
          box.open(before.servicePasswordBox, SERVICE_PASSWORD_PURPOSE) !== input.servicePassword;
        const values: Partial<ClientValues> = {
          ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.address !== undefined ? { address: input.address } : {}),
          ...(input.gps !== undefined
            ? { gpsLat: input.gps?.lat ?? null, gpsLng: input.gps?.lng ?? null }
            : {}),
          ...(input.serviceType !== undefined ? { serviceType: input.serviceType } : {}),
          ...(input.serviceLogin !== undefined ? { serviceLogin: input.serviceLogin } : {}),
          ...(passwordChanged && input.servicePassword !== undefined
            ? { servicePasswordBox: box.seal(input.servicePassword, SERVICE_PASSWORD_PURPOSE) }
            : {}),
          ...(input.staticIp !== undefined ? { staticIp: input.staticIp } : {}),
          ...(input.mac !== undefined ? { mac: input.mac } : {}),
          ...(input.planId !== undefined ? { planId: input.planId } : {}),
          ...(input.routerId !== undefined ? { routerId: input.routerId } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...(input.status !== undefined
            ? { status: statusFor(input.status, before.expiresAt, now, before.status) }
            : {}),
        };
        const d = diffFlat(auditView(before), auditView({ ...before, ...values }));
        if (d.changed.length === 0 && !passwordChanged) return toClient(before);
        const after = clients.update(before.id, { ...values, updatedAt: now });
        const summary = [d.summary, passwordChanged ? 'service password changed' : '']
          .filter(Boolean)
          .join(', ');
        recorder.record({
          event: 'client.updated',
          params: { ...who(after, ctx), changes: summary },
          ctx,
          target: target(after),
          clientId: after.id,
          details: {
            before: { ...d.before, ...(passwordChanged ? { servicePassword: REDACTED } : {}) },
            after: { ...d.after, ...(passwordChanged ? { servicePassword: REDACTED } : {}) },
          },
        });
        routerSync(after.id, ctx, {
          reason: 'client.updated',
          fields: [...d.changed, ...(passwordChanged ? ['servicePassword'] : [])],
          before: { routerId: before.routerId, serviceLogin: before.serviceLogin },
        });
        return reload(after.id);
      }),

    /** Hides the client from lists and from money operations; nothing is deleted. */
    archive: (input: { id: number; reason?: string }, ctx: Ctx): Client =>
      write(() => {
        const before = load(input.id);
        notArchived(before);
        const now = clock.now();
        const after = clients.update(before.id, {
          status: 'archived',
          statusBeforeArchive: before.status === 'archived' ? null : before.status,
          archivedAt: now,
          updatedAt: now,
        });
        recorder.record({
          event: 'client.archived',
          params: who(after, ctx),
          ctx,
          target: target(after),
          clientId: after.id,
          details: {
            before: { status: before.status },
            after: { status: 'archived' },
            ...(input.reason ? { reason: input.reason } : {}),
          },
        });
        routerSync(after.id, ctx, { reason: 'client.archived' });
        return reload(after.id);
      }),

    restore: (id: number, ctx: Ctx): Client =>
      write(() => {
        const before = load(id);
        if (before.status !== 'archived') {
          throw new AppError('conflict', `Client ${before.accountNo} is not archived.`);
        }
        enforce(rules.ipProblem(before.staticIp, before.id), 'conflict');
        const now = clock.now();
        const status = statusFor(
          before.statusBeforeArchive ?? 'active',
          before.expiresAt,
          now,
          before.statusBeforeArchive ?? undefined,
        );
        const after = clients.update(id, {
          status,
          statusBeforeArchive: null,
          archivedAt: null,
          updatedAt: now,
        });
        recorder.record({
          event: 'client.restored',
          params: { ...who(after, ctx), status },
          ctx,
          target: target(after),
          clientId: after.id,
          details: { before: { status: 'archived' }, after: { status } },
        });
        routerSync(id, ctx, { reason: 'client.restored' });
        return reload(id);
      }),

    /** Decrypts the service password for one viewer, and logs that they saw it. */
    revealPassword: (id: number, ctx: Ctx): { servicePassword: string } => {
      const c = load(id);
      const servicePassword = box.open(c.servicePasswordBox, SERVICE_PASSWORD_PURPOSE);
      write(() => {
        recorder.record({
          event: 'client.password_revealed',
          params: who(c, ctx),
          ctx,
          target: target(c),
          clientId: c.id,
        });
      });
      return { servicePassword };
    },
  };
};

export type ClientsService = ReturnType<typeof createClientsService>;

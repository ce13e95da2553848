import type { DownloadParsed, Parsed, Out } from '../contract/api';
import type { DownloadName, ProcedureName } from '../contract/channels';
import type { OpenSink } from '../core/activity/activity.service';
import type { Core } from '../core/create-core';
import { AppError } from '../core/shared/app-error';
import type { Actor, ServiceContext } from '../core/shared/context';
import type { CallContext } from './call-context';
import { refuseDemo } from './demo-refusal';
import { NO_SYSTEM_HOOKS, type SystemHooks } from './system-hooks';

export type HandlerContext = ServiceContext & { call: CallContext };

type Handlers = {
  [K in ProcedureName]: (input: Parsed<K>, ctx: HandlerContext) => Promise<Out<K>> | Out<K>;
};

/** The dispatcher admits only signed-in callers to non-public procedures; this narrows the type. */
const signedIn = (ctx: HandlerContext): ServiceContext & { actor: Actor } => {
  if (!ctx.actor) throw new AppError('unauthenticated', 'Please sign in.');
  return { ...ctx, actor: ctx.actor };
};

/** One line per procedure: transport-neutral glue from the contract to the core's services. */
export const createHandlers = (core: Core, system: SystemHooks = NO_SYSTEM_HOOKS): Handlers => {
  const { auth, guard, sessions, staff, activity, searches } = core.services;
  const { plans, clients, billing, reports, settings } = core.services;
  const { routers, sync, expiry } = core.services;
  const { jobs, backup, storage } = core.services;
  return {
    'auth.status': (_in, ctx) => ({
      ...auth.status(),
      user: guard.current(ctx.call.sessionToken, ctx),
    }),
    'auth.setup': async (input, ctx) => {
      const { user, token } = await auth.setup(input, ctx);
      ctx.call.setSessionToken(token);
      return user;
    },
    'auth.login': async (input, ctx) => {
      const { user, token } = await auth.login(input, ctx);
      ctx.call.setSessionToken(token);
      return user;
    },
    'auth.logout': (_in, ctx) => {
      auth.logout(signedIn(ctx));
      ctx.call.setSessionToken(null);
      return null;
    },
    'auth.changePassword': async (input, ctx) => {
      await auth.changePassword(input, signedIn(ctx));
      return null;
    },
    'system.demo': () => ({
      active: system.demo(),
      available: system.openDemo !== undefined && auth.status().setupRequired,
      leave: system.leaveDemo !== undefined,
    }),
    'system.storage': () => storage.status(),
    'system.openDemo': async (_in, ctx) => {
      if (!system.openDemo) throw refuseDemo(core, ctx, 'unavailable');
      if (!auth.status().setupRequired) throw refuseDemo(core, ctx, 'accounts_exist');
      await system.openDemo(ctx.call);
      return { opened: true as const };
    },
    'system.leaveDemo': async (_in, ctx) => {
      if (!system.leaveDemo) throw new AppError('unavailable', 'This is not the demo office.');
      await system.leaveDemo(ctx.call);
      return { left: true as const };
    },

    'sessions.listMine': (_in, ctx) => sessions.listMine(signedIn(ctx).actor),
    'sessions.listAll': (_in, ctx) => sessions.listAll(signedIn(ctx).actor),
    'sessions.end': (input, ctx) => {
      sessions.end(input.sessionId, signedIn(ctx));
      return null;
    },

    'staff.list': () => staff.list(),
    'staff.create': (input, ctx) => staff.create(input, signedIn(ctx)),
    'staff.update': (input, ctx) => staff.update(input, signedIn(ctx)),
    'staff.resetPassword': (input, ctx) => staff.resetPassword(input, signedIn(ctx)),
    'staff.unlock': (input, ctx) => staff.unlock(input.id, signedIn(ctx)),

    'activity.search': (input, ctx) => activity.search(input, signedIn(ctx).actor),
    'activity.get': (input, ctx) => activity.get(input, signedIn(ctx).actor),
    'activity.countAfter': (input, ctx) => activity.countAfter(input, signedIn(ctx).actor),
    'activity.histogram': (input, ctx) => activity.histogram(input, signedIn(ctx).actor),
    'activity.facets': (input, ctx) => activity.facets(input, signedIn(ctx).actor),
    'activity.verify': (input, ctx) => activity.verify(input, signedIn(ctx)),
    'activity.archives': () => activity.archives(),
    'activity.archive': (input, ctx) => activity.archive(input, signedIn(ctx)),
    'activity.checkpoints': () => activity.checkpoints(),
    'searches.list': (_in, ctx) => searches.list(signedIn(ctx).actor),
    'searches.save': (input, ctx) => searches.save(signedIn(ctx).actor, input.name, input.filter),
    'searches.delete': (input, ctx) => {
      searches.delete(signedIn(ctx).actor, input.id);
      return null;
    },

    'plans.list': (input) => plans.list(input),
    'plans.get': (input) => plans.get(input.id),
    'plans.create': (input, ctx) => plans.create(input, signedIn(ctx)),
    'plans.update': (input, ctx) => plans.update(input, signedIn(ctx)),
    'plans.retire': (input, ctx) => plans.retire(input.id, signedIn(ctx)),
    'plans.delete': (input, ctx) => plans.remove(input.id, signedIn(ctx)),

    'clients.list': (input) => clients.list(input),
    'clients.get': (input) => clients.get(input.id),
    'clients.create': (input, ctx) => clients.create(input, signedIn(ctx)),
    'clients.update': (input, ctx) => clients.update(input, signedIn(ctx)),
    'clients.archive': (input, ctx) => clients.archive(input, signedIn(ctx)),
    'clients.restore': (input, ctx) => clients.restore(input.id, signedIn(ctx)),
    'clients.revealPassword': (input, ctx) => clients.revealPassword(input.id, signedIn(ctx)),
    'clients.importPreview': (input, ctx) => clients.importPreview(input, signedIn(ctx)),
    'clients.importCommit': (input, ctx) => clients.importCommit(input, signedIn(ctx)),
    // h15-money
    'clients.routers': () => clients.routerNames(),
    'payments.list': (input) => core.services.payments.list(input),

    'billing.ledger': (input) => billing.ledger(input),
    'billing.pay': (input, ctx) => billing.pay(input, signedIn(ctx)),
    'billing.refund': (input, ctx) => billing.refund(input, signedIn(ctx)),
    'billing.adjust': (input, ctx) => billing.adjust(input, signedIn(ctx)),
    'billing.renew': (input, ctx) => billing.renew(input, signedIn(ctx)),
    'billing.void': (input, ctx) => billing.void(input, signedIn(ctx)),
    'billing.correctExpiry': (input, ctx) => billing.correctExpiry(input, signedIn(ctx)),
    'receipts.get': (input) => billing.receipt(input.number),

    'reports.drawer': (input) => reports.drawer(input),
    'reports.income': (input) => reports.income(input),
    'reports.expiring': (input) => reports.expiring(input),
    'reports.dashboard': (input, ctx) => reports.dashboard(input, signedIn(ctx).actor),

    'settings.get': () => settings.get(),
    'settings.update': (input, ctx) => settings.update(input, signedIn(ctx)),

    'routers.list': () => routers.list(),
    'routers.get': (input) => routers.get(input.id),
    'routers.create': (input, ctx) => routers.create(input, signedIn(ctx)),
    'routers.update': (input, ctx) => routers.update(input, signedIn(ctx)),
    'routers.disable': (input, ctx) => routers.disable(input.id, signedIn(ctx)),
    'routers.enable': (input, ctx) => routers.enable(input.id, signedIn(ctx)),
    'routers.delete': (input, ctx) => routers.delete(input.id, signedIn(ctx)),
    'routers.testConnection': (input, ctx) => routers.testConnection(input, signedIn(ctx)),
    'routers.health': (input) => routers.health(input),
    'routers.settings': () => routers.settings(),
    'routers.updateSettings': (input, ctx) => routers.updateSettings(input, signedIn(ctx)),
    'sync.queue': (input) => sync.queue(input),
    'sync.retryNow': (input) => sync.retryNow(input),
    'sync.preview': (input) => sync.preview(input.scope),
    'sync.apply': (input, ctx) => sync.apply(input, signedIn(ctx)),
    'expiry.run': (_in, ctx) => expiry.run(ctx),

    'jobs.list': () => jobs.list(),
    'jobs.runNow': (input, ctx) => jobs.runNow(input, signedIn(ctx)),
    'backup.settings': () => backup.settings(),
    'backup.updateSettings': (input, ctx) => backup.updateSettings(input, signedIn(ctx)),
    'sharing.status': () => core.services.sharing.status(),
    'sharing.update': (input, ctx) => core.services.sharing.update(input, signedIn(ctx)),
    'tasks.list': (_in, ctx) => core.services.tasks.list(signedIn(ctx).actor),
    'tasks.cancel': (input, ctx) => core.services.tasks.cancel(input.taskId, signedIn(ctx)),
    // issue 15 (h15-office)
    'routers.healthHistory': (input) => routers.healthHistory(input),
    'office.profile': () => core.services.office.get(),
    'office.updateProfile': (input, ctx) => core.services.office.update(input, signedIn(ctx)),
    'forwarding.status': () => core.services.forwarding.status(),
    'forwarding.update': (input, ctx) => core.services.forwarding.update(input, signedIn(ctx)),
    'alerts.list': (input) => core.services.alerts.list(input),
    'alerts.acknowledge': (input, ctx) => core.services.alerts.acknowledge(input, signedIn(ctx)),
    'alerts.resolve': (input, ctx) => core.services.alerts.resolve(input, signedIn(ctx)),
    'alerts.rules': () => core.services.alerts.rules(),
    'alerts.updateRules': (input, ctx) => core.services.alerts.updateRules(input, signedIn(ctx)),
    // h16-insights
    'alerts.emails': () => core.services.alerts.emails(),
    'insights.activity': (input, ctx) => core.services.insights.activity(input, signedIn(ctx)),
    'insights.jobs': (input) => core.services.insights.jobs(input),
    'insights.routers': (input) => core.services.insights.routers(input),
  };
};

type DownloadHandlers = {
  [K in DownloadName]: (
    input: DownloadParsed<K>,
    ctx: HandlerContext,
    open: OpenSink,
  ) => Promise<{ rows: number } | null>;
};

/** Calls whose result is a file: one line each, like the handlers above. */
export const createDownloadHandlers = (core: Core): DownloadHandlers => ({
  'activity.export': (input, ctx, open) => core.services.activity.exportTo(input, ctx, open),
  'activity.bundle': (input, ctx, open) => core.services.activity.bundleTo(input, ctx, open),
  'clients.export': (input, ctx, open) =>
    core.services.clients.exportTo(input, signedIn(ctx), open),
  'payments.export': (input, ctx, open) =>
    core.services.payments.exportTo(input, signedIn(ctx), open),
});

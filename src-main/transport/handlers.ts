import type { Parsed, Out } from '../contract/api';
import type { ProcedureName } from '../contract/channels';
import type { Core } from '../core/create-core';
import { AppError } from '../core/shared/app-error';
import type { Actor, ServiceContext } from '../core/shared/context';
import type { CallContext } from './call-context';

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
export const createHandlers = (core: Core): Handlers => {
  const { auth, guard, sessions, staff, activity } = core.services;
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

    'activity.search': (input) => activity.search(input),
    'activity.get': (input) => activity.get(input.id),
    'activity.verify': (_in, ctx) => activity.verify(signedIn(ctx)),
  };
};

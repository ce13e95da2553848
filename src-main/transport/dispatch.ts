import { api, downloads, isDownload, isProcedure, type Access } from '../contract/api';
import type { DownloadName, ProcedureName } from '../contract/channels';
import type { Result } from '../contract/errors';
import type { Core } from '../core/create-core';
import type { Actor, RequestMeta } from '../core/shared/context';
import type { OpenSink } from '../core/activity/activity.service';
import type { CallContext } from './call-context';
import { fail, invalidInput, ok, toFailure } from './errors';
import { createDownloadHandlers, createHandlers, type HandlerContext } from './handlers';
import type { SystemHooks } from './system-hooks';

/**
 * What the HTTP server serves besides calls, and who may have it: the API catalog (GET /api) and
 * the event stream (GET /api/events). Their names are what the session guard and the log see.
 */
export const RESOURCES = {
  'api.catalog': 'session',
  'api.events': 'session',
} as const satisfies Record<string, Access>;
export type ResourceName = keyof typeof RESOURCES;

/**
 * The one path every call takes, whichever transport brought it: known name → session →
 * permission → input validation → handler → Result. Nothing thrown crosses the boundary.
 */
export const createDispatch = (
  core: Core,
  opts: { validateOutput?: boolean; system?: SystemHooks } = {},
) => {
  const handlers = createHandlers(core, opts.system);
  const downloadHandlers = createDownloadHandlers(core);

  /** Session and permission checks; returns the actor (null for public calls). */
  const admit = (
    name: string,
    access: Access,
    meta: RequestMeta,
    call: CallContext,
  ): Actor | null => {
    if (access === 'public') return null;
    const actor = core.services.guard.authenticate(call.sessionToken, meta, name);
    if (access !== 'session') core.services.guard.authorize(actor, access, name, meta);
    return actor;
  };

  const metaOf = (call: CallContext): RequestMeta => ({
    ip: call.ip,
    workstation: call.workstation,
    correlationId: core.correlationId(),
  });

  return {
    /**
     * Admission alone, for a resource served outside a call (or a call whose large body is read
     * only once its caller is admitted): the same session and permission checks (and their
     * refusals, logged alike) as `call`, answered with the actor or the error.
     */
    admit: (name: ResourceName | ProcedureName, call: CallContext): Result<Actor | null> => {
      try {
        const access = isProcedure(name) ? api[name].access : RESOURCES[name];
        return ok(admit(name, access, metaOf(call), call));
      } catch (e) {
        return toFailure(e, core.logger, name);
      }
    },
    call: async (name: string, raw: unknown, call: CallContext): Promise<Result<unknown>> => {
      if (!isProcedure(name)) return fail('not_found', `Unknown procedure "${name}".`);
      const def = api[name];
      try {
        const meta = metaOf(call);
        const actor = admit(name, def.access, meta, call);
        const parsed = def.input.safeParse(raw);
        if (!parsed.success) return invalidInput(parsed.error);
        const ctx: HandlerContext = { ...meta, actor, call };
        const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
        const value = await handler(parsed.data, ctx);
        if (opts.validateOutput) def.output.parse(value);
        return ok(value);
      } catch (e) {
        return toFailure(e, core.logger, name);
      }
    },

    /**
     * A call whose result is a file. `open` is asked for a sink once the input is valid and the
     * export can start (it may return null: cancelled); errors before that come back as a Result.
     */
    download: async (
      name: string,
      raw: unknown,
      call: CallContext,
      open: OpenSink,
    ): Promise<Result<{ rows: number } | null>> => {
      if (!isDownload(name)) return fail('not_found', `Unknown download "${name}".`);
      const def = downloads[name];
      try {
        const meta = metaOf(call);
        const actor = admit(name, def.access, meta, call);
        const parsed = def.input.safeParse(raw);
        if (!parsed.success) return invalidInput(parsed.error);
        const handler = downloadHandlers[name] as (
          input: unknown,
          ctx: HandlerContext,
          open: OpenSink,
        ) => Promise<{ rows: number } | null>;
        return ok(await handler(parsed.data, { ...meta, actor, call }, open));
      } catch (e) {
        return toFailure(e, core.logger, name);
      }
    },
  };
};

export type Dispatch = ReturnType<typeof createDispatch>;
export type { ProcedureName, DownloadName };

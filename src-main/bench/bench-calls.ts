import type { In, Out } from '../contract/api';
import type { ProcedureName } from '../contract/channels';
import type { CallContext } from '../transport/call-context';
import type { Dispatch } from '../transport/dispatch';

/** A caller's context as a workstation on this machine would have it (session kept on sign-in). */
export const callContext = (): CallContext & { sessionToken: string | null } => {
  const ctx: CallContext & { sessionToken: string | null } = {
    sessionToken: null,
    ip: '127.0.0.1',
    workstation: 'bench',
    setSessionToken: (t) => {
      ctx.sessionToken = t;
    },
  };
  return ctx;
};

/** A typed call through the dispatcher; a refusal throws. */
export const caller =
  (dispatch: Dispatch, ctx: CallContext) =>
  async <K extends ProcedureName>(name: K, input: In<K>): Promise<Out<K>> => {
    const r = await dispatch.call(name, input, ctx);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Out<K>;
  };

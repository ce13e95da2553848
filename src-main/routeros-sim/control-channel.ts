import { z } from 'zod';
import type { RouterOsSimulator } from './server/routeros-simulator';

/**
 * The simulator CLI's control channel: one JSON command per line on stdin, one JSON reply per
 * line on stdout (prefixed `control `, so that it never mixes with the banner). It does what
 * happens to a real router from the outside, never what an API client could not do:
 *
 * - `{"cmd":"connect","user":"u","password":"p"}`: a PPPoE client dials in. The router checks the
 *   secret as a PPPoE server would (unknown, wrong password or disabled: refused) and opens an
 *   active session with its dynamic interface and queue.
 * - `{"cmd":"disconnect","user":"u"}`: that client hangs up.
 * - `{"cmd":"down"}`: the API goes away (management link cut): the listeners close and every API
 *   connection drops; the configuration and PPP sessions stay, as on a real router.
 * - `{"cmd":"up"}`: the API listens again on the same port(s).
 *
 * `router` (1-based, default 1) picks one of `--routers N`; `id` is echoed in the reply.
 */
const Base = {
  id: z.union([z.string().max(100), z.number()]).optional(),
  router: z.number().int().min(1).optional(),
};
const Login = z.string().min(1).max(64);
export const ControlCommandSchema = z.discriminatedUnion('cmd', [
  z.strictObject({ ...Base, cmd: z.literal('connect'), user: Login, password: z.string().max(64) }),
  z.strictObject({ ...Base, cmd: z.literal('disconnect'), user: Login }),
  z.strictObject({ ...Base, cmd: z.literal('down') }),
  z.strictObject({ ...Base, cmd: z.literal('up') }),
]);
export type ControlCommand = z.infer<typeof ControlCommandSchema>;

export type ControlReply =
  | { id?: string | number; ok: true; cmd: ControlCommand['cmd'] }
  | { id?: string | number; ok: false; error: string };

const run = async (sim: RouterOsSimulator, c: ControlCommand): Promise<void> => {
  switch (c.cmd) {
    case 'connect': {
      const secret = sim.state.table('/ppp/secret').findBy('name', c.user);
      // The PPPoE server's answers: no such secret and a wrong password look the same.
      if (!secret || secret.values.password !== c.password) {
        throw new Error(`authentication failed for ${c.user}`);
      }
      if (secret.values.disabled === 'true') throw new Error(`secret ${c.user} is disabled`);
      sim.pppConnect(c.user);
      return;
    }
    case 'disconnect':
      sim.pppDisconnect(c.user);
      return;
    case 'down': {
      // Closing a listener settles only once its connections are gone: drop them first.
      const closed = sim.setFaults({ refuse: true });
      sim.disconnectAll();
      await closed;
      return;
    }
    case 'up':
      await sim.setFaults({ refuse: false });
      return;
  }
};

/** Runs one line of the control channel against the simulated routers; never throws. */
export const handleControlLine = async (
  sims: readonly RouterOsSimulator[],
  line: string,
): Promise<ControlReply> => {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = ControlCommandSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues
        .map((i) => `${i.path.join('.') || 'command'}: ${i.message}`)
        .join('; '),
    };
  }
  const c = parsed.data;
  const echo = c.id === undefined ? {} : { id: c.id };
  const sim = sims[(c.router ?? 1) - 1];
  if (!sim) return { ...echo, ok: false, error: `no router ${String(c.router)}` };
  try {
    await run(sim, c);
    return { ...echo, ok: true, cmd: c.cmd };
  } catch (e) {
    return { ...echo, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};

/** Reads commands line by line from `input` and writes replies to `write`, in order. */
export const startControlChannel = (
  sims: readonly RouterOsSimulator[],
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
): void => {
  let buffered = '';
  let chain = Promise.resolve();
  input.setEncoding('utf8');
  input.on('data', (chunk: string) => {
    buffered += chunk;
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line !== '') {
        chain = chain
          .then(async () => {
            write(`control ${JSON.stringify(await handleControlLine(sims, line))}\n`);
          })
          // A closed stdout (the reader went away) must not stop the routers.
          .catch(() => undefined);
      }
      nl = buffered.indexOf('\n');
    }
  });
};

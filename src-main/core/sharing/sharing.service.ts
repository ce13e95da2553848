import type { SharingStatus, UpdateSharing } from '../../contract/schemas/sharing';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import { createSettingsGroup } from '../settings/settings-group';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import type { Logger } from '../shared/logger';
import type { SharingPort } from './sharing-port';

type Stored = { enabled: boolean; port: number };

/** Off until an administrator turns it on; the headless server's default port. */
export const DEFAULT_SHARING: Stored = { enabled: false, port: 5180 };

const KEYS: Record<keyof Stored, string> = { enabled: 'sharing.enabled', port: 'sharing.port' };

export const SHARING_NOT_HERE =
  'Sharing is turned on in the desktop app. This office is served by the headless server, which is shared by starting it with --host (see the README).';

/**
 * "Share this workstation with the office". The setting is kept and logged here, like every other
 * setting; serving is the shell's (a SharingPort), asked after the change has committed (no
 * network I/O inside a transaction). Starts are serialised; a failure is kept and logged.
 */
export const createSharingService = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  logger: Logger;
  systemMeta: () => RequestMeta;
  port?: SharingPort;
}) => {
  const group = createSettingsGroup<Stored>({
    ...deps,
    keys: KEYS,
    defaults: DEFAULT_SHARING,
    event: 'sharing.settings_updated',
    target: { id: 'sharing', label: 'Sharing with the office' },
  });
  let url: string | null = null;
  let problem: string | null = null;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();

  /** The system's own entry, in the same correlation as what caused it. */
  const systemCtx = (cause: RequestMeta) => ({
    ...deps.systemMeta(),
    correlationId: cause.correlationId,
    actor: null,
  });

  const stopServing = async () => {
    if (!deps.port || url === null) return;
    url = null;
    try {
      await deps.port.stop();
    } catch (e) {
      deps.logger.warn('sharing: stop failed', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };

  /** Brings what is served in line with the setting. */
  const apply = (cause: RequestMeta): Promise<void> => {
    queue = queue.then(async () => {
      const port = deps.port;
      if (!port) return;
      await stopServing();
      problem = null;
      const wanted = group.get();
      if (closed || !wanted.enabled) return;
      try {
        url = (await port.start(wanted.port)).url;
        deps.recorder.record({ event: 'sharing.started', params: { url }, ctx: systemCtx(cause) });
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
        deps.recorder.record({
          event: 'sharing.failed',
          params: { port: wanted.port, reason: problem },
          ctx: systemCtx(cause),
        });
      }
    });
    return queue;
  };

  const status = (): SharingStatus => ({
    available: deps.port !== undefined,
    ...group.get(),
    url,
    problem,
  });

  return {
    status,
    update: async (
      input: UpdateSharing,
      ctx: ServiceContext & { actor: Actor },
    ): Promise<SharingStatus> => {
      if (!deps.port) throw new AppError('unavailable', SHARING_NOT_HERE);
      const before = group.get();
      const after = group.update(input, ctx);
      const changed = before.enabled !== after.enabled || before.port !== after.port;
      // "Try again" after a failure (nothing changed) starts it again too.
      if (changed || (after.enabled && url === null)) await apply(ctx);
      return status();
    },
    /** At start: serve again if it was left on. */
    resume: (): Promise<void> =>
      group.get().enabled && deps.port ? apply(deps.systemMeta()) : Promise.resolve(),
    /** Before the core stops: other workstations are disconnected first. */
    stop: (): Promise<void> => {
      closed = true;
      queue = queue.then(stopServing);
      return queue;
    },
  };
};

export type SharingService = ReturnType<typeof createSharingService>;

import type { HealthSample } from '../../contract/schemas/routers';
import type { DemoRefusal } from '../activity/events/system-events';
import { countLogEntries } from '../activity/log-size';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { HealthRepo } from '../health/health.repo';
import type { RequestMeta } from '../shared/context';

/** Health samples written per transaction when a demo router's months of history go in. */
const HEALTH_BATCH = 1_000;

/** Where a first-run screen's request to open the demo office came from. */
const fromOf = (where: RequestMeta): string => where.ip ?? 'this workstation';

/**
 * What the demo office's launcher and seeder ask of a core: the office's own log entries about
 * opening the demo from its first-run screen, the size of a freshly seeded log, and the demo
 * routers' months of health history.
 */
export const createDemoSupport = ({
  sqlite,
  recorder,
  health,
  write,
}: {
  sqlite: Sqlite;
  recorder: Recorder;
  health: HealthRepo;
  write: WriteTransaction;
}) => ({
  /** This office's first-run screen led to the demo office (nothing else in it changes). */
  opened: (where: RequestMeta): void => {
    recorder.record({
      event: 'system.demo_opened',
      params: { from: fromOf(where) },
      ctx: { ...where, actor: null },
    });
  },
  /** The demo office's header led back to the office (in the demo office's own log). */
  left: (where: RequestMeta): void => {
    recorder.record({
      event: 'system.demo_left',
      params: { from: fromOf(where) },
      ctx: { ...where, actor: null },
    });
  },
  /** A request to open the demo office was refused, and why. */
  refused: (where: RequestMeta, reason: DemoRefusal): void => {
    recorder.record({
      event: 'system.demo_refused',
      params: { from: fromOf(where), reason },
      ctx: { ...where, actor: null },
      details: { reason },
    });
  },
  /**
   * A demo router's past health samples (the months before the demo opens), through the health
   * repository in transactions of HEALTH_BATCH, yielding between them.
   */
  healthHistory: async (routerId: number, samples: readonly HealthSample[]): Promise<void> => {
    for (let i = 0; i < samples.length; i += HEALTH_BATCH) {
      write(() => health.importSamples(routerId, samples.slice(i, i + HEALTH_BATCH)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  },
  /** Entries in the activity log: the seeder's summary of what it wrote. */
  logEntries: (): number => countLogEntries(sqlite),
});

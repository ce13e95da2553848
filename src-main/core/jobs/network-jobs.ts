import type { ExpiryRun } from '../../contract/schemas/sync';
import type { NetworkSettings } from '../../contract/schemas/routers';
import type { RequestMeta } from '../shared/context';
import type { NetworkTuning } from '../routers/network-tuning';
import type { PushResult } from '../sync/sync-worker';
import type { JobDefinition } from './job-definition';
import { formatEvery } from './job-log-format';
import { counted } from '../../domain/plural';

const MINUTE = 60_000;

/** Health polls, the router queue, auto-sync and expiry, as jobs for the registry. */
export const networkJobs = (deps: {
  tuning: NetworkTuning;
  settings: () => NetworkSettings;
  pollDue: (signal: AbortSignal) => Promise<number>;
  drainQueue: () => Promise<PushResult[]>;
  autoSync: (opts: {
    fix: boolean;
    meta: RequestMeta;
  }) => Promise<{ routers: number; drifted: number; fixed: number; unreachable: number }>;
  expire: (meta: RequestMeta) => Promise<ExpiryRun>;
}): JobDefinition[] => [
  {
    name: 'routers.health',
    label: 'Router health checks',
    kind: 'tick',
    tickMs: deps.tuning.healthTickMs,
    schedule: () => `${formatEvery(deps.tuning.healthTickMs)} (each router on its own interval)`,
    run: async ({ signal }) => {
      const polled = await deps.pollDue(signal);
      return polled === 0
        ? 'No router was due for a check'
        : `${counted(polled, 'router')} checked`;
    },
  },
  {
    name: 'routers.queue',
    label: 'Router provisioning queue',
    kind: 'tick',
    tickMs: deps.tuning.queueTickMs,
    schedule: () => `${formatEvery(deps.tuning.queueTickMs)}, and at once when work is queued`,
    run: async () => {
      const results = await deps.drainQueue();
      const failed = results.filter((r) => !r.ok).length;
      return results.length === 0
        ? 'nothing due'
        : `${counted(results.length - failed, 'change')} pushed, ${String(failed)} waiting to retry`;
    },
  },
  {
    name: 'routers.auto_sync',
    label: 'Auto-sync',
    kind: 'task',
    tickMs: deps.tuning.jobTickMs,
    intervalMs: () => deps.settings().autoSyncIntervalMin * MINUTE,
    firstRun: 'after_interval',
    schedule: () => `every ${String(deps.settings().autoSyncIntervalMin)} min (network settings)`,
    run: async ({ meta }) => {
      const fix = deps.settings().autoSyncFix;
      const r = await deps.autoSync({ fix, meta });
      return (
        `${counted(r.routers, 'router')} checked (${fix ? 'fix' : 'report only'}): ` +
        `${String(r.drifted)} with drift, ${String(r.fixed)} entries fixed, ` +
        `${String(r.unreachable)} unreachable`
      );
    },
  },
  {
    name: 'clients.expiry',
    label: 'Expiry processing',
    kind: 'task',
    tickMs: deps.tuning.jobTickMs,
    intervalMs: () => deps.settings().expiryIntervalMin * MINUTE,
    schedule: () => `every ${String(deps.settings().expiryIntervalMin)} min (network settings)`,
    run: async ({ meta }) => {
      const r = await deps.expire(meta);
      if (r.expired === 0) return 'no subscription was due to expire';
      return (
        `${counted(r.expired, 'client')} expired: ${String(r.isolated)} isolated, ` +
        `${String(r.queued)} waiting in the queue, ${String(r.noRouter)} without a router`
      );
    },
  },
];

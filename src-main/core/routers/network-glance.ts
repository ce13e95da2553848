import type { QueueGlance, RoutersGlance } from '../../contract/schemas/reports';
import type { HealthRepo, HealthState } from '../health/health.repo';
import type { SyncQueueRepo } from '../sync/sync-queue.repo';

/** What is high on a degraded router, in words. */
const troubleOf = (h: HealthState): string | null => {
  if (h.lastError) return h.lastError;
  const high = [h.cpuHigh ? `CPU ${String(h.cpuLoad)}%` : null];
  high.push(h.memoryHigh ? `memory ${String(h.memoryUsedPct)}%` : null);
  const named = high.filter((x): x is string => x !== null);
  return named.length > 0 ? `High ${named.join(' and ')}` : null;
};

/**
 * The routers and the provisioning queue for the dashboard: a group-by over the routers (a few
 * hundred rows at most), one row for the latest trouble, one aggregate over the queue.
 */
export const createNetworkGlance = (deps: {
  health: Pick<HealthRepo, 'statusCounts' | 'latestTrouble'>;
  queue: Pick<SyncQueueRepo, 'waiting'>;
}) => ({
  routers: (): RoutersGlance => {
    const glance: RoutersGlance = {
      total: 0,
      online: 0,
      offline: 0,
      degraded: 0,
      unknown: 0,
      disabled: 0,
      lastProblem: null,
    };
    for (const row of deps.health.statusCounts()) {
      glance.total += row.n;
      if (!row.enabled) glance.disabled += row.n;
      else glance[row.status ?? 'unknown'] += row.n;
    }
    const trouble = deps.health.latestTrouble();
    if (trouble) {
      glance.lastProblem = {
        routerId: trouble.health.routerId,
        name: trouble.name,
        status: trouble.health.status,
        since: trouble.health.statusSince,
        message: troubleOf(trouble.health),
      };
    }
    return glance;
  },
  queue: (): QueueGlance => deps.queue.waiting(),
});

export type NetworkGlance = ReturnType<typeof createNetworkGlance>;

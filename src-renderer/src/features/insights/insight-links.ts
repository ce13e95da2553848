import type { ActivityType } from '@contract/schemas/activity';
import type { OfficeClock } from '../../lib/office-time';
import {
  EMPTY_VIEW,
  minuteBound,
  viewToParams,
  type ActivityView,
} from '../activity/filter-params';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Entries a staff member makes: what "staff actions" counts. */
export const STAFF_TYPES: ActivityType[] = ['user', 'administrative'];

/** The Activity Log screen showing `view` (its filter lives in the URL). */
export const activityPath = (view: ActivityView): string =>
  `/activity?${viewToParams(view).toString()}`;

/** [from, to] (epoch ms, inclusive) as the log's minute bounds. */
const minutes = (from: number, to: number, clock: OfficeClock) => ({
  from: minuteBound(from, clock),
  to: minuteBound(to, clock),
});

/**
 * One weekday × hour cell: the log for the latest such hour in the range (the log filters by
 * dates, not by hour of the week), with the same entries counted (staff actions or everything,
 * one staff member or all).
 */
export const cellPath = (
  latestHour: number,
  scope: 'staff' | 'all',
  actorId: number | null,
  clock: OfficeClock,
): string =>
  activityPath({
    ...EMPTY_VIEW,
    ...minutes(latestHour, latestHour + HOUR - 1, clock),
    types: scope === 'staff' ? STAFF_TYPES : [],
    actorId,
  });

/** One staff member's actions on one office day (`yyyy-MM-dd`). */
export const staffDayPath = (actorId: number, day: string): string =>
  activityPath({ ...EMPTY_VIEW, from: day, to: day, types: STAFF_TYPES, actorId });

/**
 * A slow run: the log around it (a minute either side). A kept run has its own entry among the
 * scheduled tasks; a tick's slowest run of an hour has none, so the log shows everything that
 * happened meanwhile.
 */
export const slowRunPath = (
  run: { startedAt: number; durationMs: number; exact: boolean },
  clock: OfficeClock,
): string =>
  activityPath({
    ...EMPTY_VIEW,
    ...minutes(run.startedAt - MINUTE, run.startedAt + run.durationMs + MINUTE, clock),
    categories: run.exact ? ['scheduled_task'] : [],
  });

/** What a router link shows: all its entries, its outages, or changes that did not reach it. */
export type RouterLinkKind = 'all' | 'outages' | 'sync_failures';

/** One router's entries over the range read. */
export const routerPath = (
  routerId: number,
  kind: RouterLinkKind,
  range: { from: number; to: number },
  clock: OfficeClock,
): string =>
  activityPath({
    ...EMPTY_VIEW,
    ...minutes(range.from, range.to, clock),
    routerId,
    categories:
      kind === 'outages' ? ['health_check'] : kind === 'sync_failures' ? ['auto_sync'] : [],
    outcome: kind === 'all' ? null : 'failure',
  });

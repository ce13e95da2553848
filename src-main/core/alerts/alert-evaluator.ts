import type { Alert, AlertRuleSettings } from '../../contract/schemas/alerts';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { Logger } from '../shared/logger';
import type { RequestMeta } from '../shared/context';
import { createSettingsRepo } from '../settings/settings.repo';
import { createAlertsRepo } from './alerts.repo';
import { createAlertsBatch, type AlertsBatch } from './alerts.batch';
import {
  evaluateEntry,
  offlineFinding,
  OFFLINE_STATE,
  WATCHED_EVENTS,
  type Finding,
  type LogEntry,
  type RuleContext,
} from './alert-rules';
import { createKnownSourcesRepo } from './known-sources.repo';
import { officeHoursOf } from './office-hours';
import { createRuleStateRepo } from './rule-state.repo';
import { createRuleStateBatch } from './rule-state.batch';

/** The last entry the rules have seen, kept across restarts. */
const CURSOR_KEY = 'alerts.cursor';
/** Entries per transaction: a few milliseconds of the main thread, then the event loop runs. */
const BATCH = 500;
/**
 * How long after a commit the rules look: commits in that time are evaluated together, in one
 * transaction, so that a burst of single-entry commits does not pay one more commit each.
 */
export const EVALUATE_AFTER_MS = 200;
/** Counting windows older than this are dropped (the longest window is one office day). */
const KEEP_WINDOWS_MS = 2 * 24 * 60 * 60_000;

type Row = {
  id: number;
  ts: number;
  event: string;
  outcome: LogEntry['outcome'];
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  target_label: string | null;
  router_id: number | null;
  description: string;
  details: string | null;
};

/**
 * Runs the alert rules over the activity log as entries commit: from a durable cursor, only
 * the entries after it (by primary key, never a scan), in its own transaction after the one that
 * wrote them. Each batch moves the cursor, the rules' state and any alert in one transaction, so
 * an entry is evaluated exactly once whatever stops the app. Raising an alert writes the alert
 * and its `alert.raised` entry together.
 *
 * Cost per entry is what bench:alerts measures against a single-entry commit: a batch reads only
 * the entries some rule watches, keeps the rules' windows and the alerts repeats join in memory
 * (rule-state.batch.ts, alerts.batch.ts) and writes each changed one once, before the cursor.
 */
export const createAlertEvaluator = (deps: {
  sqlite: Sqlite;
  write: WriteTransaction;
  recorder: Recorder;
  logger: Logger;
  systemMeta: () => RequestMeta;
  settings: () => AlertRuleSettings;
  timeZone: () => string;
  money: (minor: number) => string;
  /** Told of each new alert after it committed (the push event, the email). */
  raised: (alert: Alert) => void;
  /** Entries per batch (BATCH unless a test evaluates one entry per transaction). */
  batchSize?: number;
}) => {
  const batchSize = deps.batchSize ?? BATCH;
  const alerts = createAlertsRepo(deps.sqlite);
  const state = createRuleStateRepo(deps.sqlite);
  const sources = createKnownSourcesRepo(deps.sqlite);
  const settingsRepo = createSettingsRepo(deps.sqlite);
  // A page is the next batchSize entries after the cursor: its end is the last of them, or the log's
  // head when fewer follow. Of the page only the entries some rule watches are read.
  const pageEnd = deps.sqlite.prepare<[number, number], { id: number; ts: number }>(
    'SELECT id, ts FROM activity_log WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?',
  );
  const headRow = deps.sqlite.prepare<[], { id: number; ts: number }>(
    'SELECT id, ts FROM activity_log ORDER BY id DESC LIMIT 1',
  );
  const watchedOf = deps.sqlite.prepare<unknown[], Row>(
    `SELECT id, ts, event, outcome, actor_id, actor_name, ip, target_label, router_id, description,
       details FROM activity_log
     WHERE id > ? AND id <= ? AND event IN (${WATCHED_EVENTS.map(() => '?').join(', ')})
     ORDER BY id`,
  );

  // A log that predates the rules is not judged by them: they start at its end.
  let cursor = Number(settingsRepo.get(CURSOR_KEY) ?? Number.NaN);
  if (Number.isNaN(cursor)) {
    cursor = headRow.get()?.id ?? 0;
    settingsRepo.put(CURSOR_KEY, String(cursor), 0);
  }

  /** Raises an alert for the finding, or adds to the one of its key not yet resolved. */
  const apply = (f: Finding, open: AlertsBatch, fresh: Alert[]): void => {
    const unresolved = open.unresolved(f.rule, f.key);
    if (unresolved) {
      open.repeat(f.rule, f.key, unresolved, f.at, f.entryIds);
      return;
    }
    const id = alerts.insert({
      rule: f.rule,
      severity: f.severity,
      groupKey: f.key,
      title: f.title,
      at: f.at,
      entryIds: f.entryIds,
      pivot: f.pivot,
    });
    deps.recorder.record({
      event: 'alert.raised',
      params: { alertId: id, title: f.title, severity: f.severity },
      ctx: { ...deps.systemMeta(), actor: null },
      target: { type: 'alert', id, label: f.title },
      details: { rule: f.rule, entryIds: f.entryIds.slice(0, 20), pivot: f.pivot },
    });
    const made = alerts.get(id);
    if (!made) throw new Error(`alert ${String(id)} vanished in its own transaction`);
    open.raised(f.rule, f.key, made);
    fresh.push(made);
  };

  /** What one batch's rules read: the settings once, the windows from a cache written at its end. */
  const context = (): RuleContext & { flush(): void } => {
    const settings = deps.settings();
    const windows = createRuleStateBatch(state);
    return {
      settings,
      officeHours: officeHoursOf(settings),
      timeZone: deps.timeZone(),
      state: windows,
      sources,
      money: deps.money,
      flush: () => {
        windows.flush();
      },
    };
  };

  const announce = (fresh: Alert[]) => {
    for (const a of fresh) {
      try {
        deps.raised(a);
      } catch (e) {
        deps.logger.warn('could not announce an alert', {
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  };

  /** One batch after the cursor; false when there was nothing new. */
  const step = (): boolean => {
    const fresh: Alert[] = [];
    const moved = deps.write((): { to: number; more: boolean } | null => {
      const full = pageEnd.get(cursor, batchSize - 1);
      const end = full ?? headRow.get();
      if (!end || end.id <= cursor) return null;
      const c = context();
      const open = createAlertsBatch(alerts);
      for (const r of watchedOf.all(cursor, end.id, ...WATCHED_EVENTS)) {
        const entry: LogEntry = {
          id: r.id,
          ts: r.ts,
          event: r.event,
          outcome: r.outcome,
          actorId: r.actor_id,
          actorName: r.actor_name,
          ip: r.ip,
          targetLabel: r.target_label,
          routerId: r.router_id,
          description: r.description,
          details: r.details,
        };
        for (const f of evaluateEntry(entry, c)) apply(f, open, fresh);
      }
      // The batch's windows, its alerts and the cursor commit together (or none of them).
      c.flush();
      open.flush();
      settingsRepo.put(CURSOR_KEY, String(end.id), end.ts);
      return { to: end.id, more: full !== undefined };
    });
    if (!moved) return false;
    // Only once committed: a batch that rolled back is evaluated again from where it began.
    cursor = moved.to;
    announce(fresh);
    return moved.more;
  };

  let started = false;
  let scheduled = false;
  let timer: NodeJS.Timeout | null = null;
  const drain = (): void => {
    while (step()) {
      /* next batch */
    }
  };
  const drainSoon = (afterMs = EVALUATE_AFTER_MS) => {
    if (scheduled || !started) return;
    scheduled = true;
    timer = setTimeout(() => {
      scheduled = false;
      timer = null;
      try {
        // One batch per turn; a long backlog (start-up catch-up) continues on the next.
        if (step()) drainSoon(0);
      } catch (e) {
        deps.logger.error('alert rules could not evaluate new entries', {
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }, afterMs);
  };

  return {
    /** Entries committed: evaluate them after this turn, outside the committing transaction. */
    wake: () => drainSoon(),
    /** Evaluates everything after the cursor now (start-up catch-up; tests). */
    drain,
    /**
     * The rules that depend on time passing rather than on an entry: a router still offline
     * after N minutes. Also drops counting windows too old to matter. Every minute.
     */
    tick: (now: number): void => {
      const fresh: Alert[] = [];
      deps.write(() => {
        const minutes = deps.settings().routerOfflineMinutes;
        const open = createAlertsBatch(alerts);
        for (const w of state.all(OFFLINE_STATE)) {
          if (w.amount === 1 || now - w.windowStart < minutes * 60_000) continue;
          const name = w.data.seen?.[0] ?? w.key;
          apply(offlineFinding(w.key, name, w.windowStart, now, w.data.ids, minutes), open, fresh);
          state.put(OFFLINE_STATE, w.key, { ...w, amount: 1 });
        }
        open.flush();
        state.prune(now - KEEP_WINDOWS_MS, OFFLINE_STATE);
      });
      announce(fresh);
    },
    start: () => {
      started = true;
      drainSoon(0);
    },
    stop: () => {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      scheduled = false;
    },
  };
};

export type AlertEvaluator = ReturnType<typeof createAlertEvaluator>;

import type { ActivityFilter } from '../../contract/schemas/activity';
import type { AlertRule, AlertRuleSettings, AlertSeverity } from '../../contract/schemas/alerts';
import { API_PASSWORD_REFUSED } from '../routers/router-failure';
import type { KnownSourcesRepo } from './known-sources.repo';
import { officeMoment, withinOfficeHours, type OfficeHours } from './office-hours';
import type { RuleStates, RuleWindow } from './rule-state.repo';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A window keeps the ids of this many of its entries (what the alert links to). */
const IDS_CAP = 100;

/** The columns of an activity-log entry the rules look at. */
export type LogEntry = {
  id: number;
  ts: number;
  event: string;
  outcome: 'success' | 'failure';
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  targetLabel: string | null;
  routerId: number | null;
  description: string;
  details: string | null;
};

/** What a rule found: raise an alert for `key`, or add to the one not yet resolved. */
export type Finding = {
  rule: AlertRule;
  severity: AlertSeverity;
  key: string;
  title: string;
  at: number;
  entryIds: number[];
  pivot: ActivityFilter;
};

export type RuleContext = {
  settings: AlertRuleSettings;
  /** The settings' office hours, read once per batch. */
  officeHours: OfficeHours;
  timeZone: string;
  state: RuleStates;
  sources: KnownSourcesRepo;
  /** Minor units in the office currency, as a person reads them. */
  money: (minor: number) => string;
};

type Rule = (e: LogEntry, c: RuleContext) => Finding | null;

/** Only the rules that need an entry's details parse them. */
const detailsOf = (e: LogEntry): Record<string, unknown> => {
  if (e.details === null) return {};
  const v: unknown = JSON.parse(e.details);
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
};
const textIn = (d: Record<string, unknown>, k: string): string =>
  typeof d[k] === 'string' ? d[k] : '';
const numberIn = (d: Record<string, unknown>, k: string): number =>
  typeof d[k] === 'number' ? d[k] : 0;
const plural = (n: number, one: string, many = `${one}s`) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * Counts an entry into the (rule, key) window: a new window when there is none or the last one
 * started more than `windowMs` before. One read and one write of a small row: O(1) per entry.
 */
const bump = (
  c: RuleContext,
  rule: AlertRule,
  key: string,
  e: LogEntry,
  windowMs: number,
  amount = 0,
  seen?: string,
): { before: RuleWindow | null; now: RuleWindow } => {
  const w = c.state.get(rule, key);
  const before = w && e.ts - w.windowStart <= windowMs ? w : null;
  const ids = before ? before.data.ids : [];
  const seenList = before?.data.seen ?? [];
  const now: RuleWindow = {
    windowStart: before ? before.windowStart : e.ts,
    count: (before?.count ?? 0) + 1,
    amount: (before?.amount ?? 0) + amount,
    data: {
      ids: ids.length < IDS_CAP ? [...ids, e.id] : ids,
      ...(seen === undefined
        ? {}
        : { seen: seenList.includes(seen) ? seenList : [...seenList, seen] }),
    },
  };
  c.state.put(rule, key, now);
  return { before, now };
};

/** At the threshold: every entry of the window; past it: this one (it joins the open alert). */
const crossing = (now: RuleWindow, reached: boolean, already: boolean, e: LogEntry) =>
  already ? [e.id] : reached ? now.data.ids : null;

const window = (from: number, e: LogEntry): Pick<ActivityFilter, 'from' | 'to'> => ({
  from,
  to: e.ts,
});

// --- 1. brute force ---------------------------------------------------------------------------
const bruteForce: Rule = (e, c) => {
  const s = c.settings;
  const username = textIn(detailsOf(e), 'username');
  const windowMs = s.bruteForceWindowMinutes * MINUTE;
  const account = bump(c, 'brute_force', `account:${username}`, e, windowMs);
  const address = e.ip ? bump(c, 'brute_force', `address:${e.ip}`, e, windowMs) : null;
  const base = {
    rule: 'brute_force' as const,
    severity: 'high' as const,
    at: e.ts,
  };
  const byAccount = crossing(
    account.now,
    account.now.count === s.bruteForceAccountFailures,
    account.now.count > s.bruteForceAccountFailures,
    e,
  );
  if (byAccount) {
    return {
      ...base,
      key: `account:${username}`,
      title: `Repeated failed sign-ins as "${username}": ${plural(account.now.count, 'failure')} within ${plural(s.bruteForceWindowMinutes, 'minute')}`,
      entryIds: byAccount,
      pivot: {
        ...window(account.now.windowStart, e),
        categories: ['authentication'],
        outcomes: ['failure'],
        text: username,
      },
    };
  }
  if (!address || !e.ip) return null;
  const byAddress = crossing(
    address.now,
    address.now.count === s.bruteForceAddressFailures,
    address.now.count > s.bruteForceAddressFailures,
    e,
  );
  if (!byAddress) return null;
  return {
    ...base,
    key: `address:${e.ip}`,
    title: `Repeated failed sign-ins from ${e.ip}: ${plural(address.now.count, 'failure')} within ${plural(s.bruteForceWindowMinutes, 'minute')}`,
    entryIds: byAddress,
    pivot: {
      ...window(address.now.windowStart, e),
      categories: ['authentication'],
      outcomes: ['failure'],
      ip: e.ip,
    },
  };
};

// --- 2. password spraying ---------------------------------------------------------------------
const passwordSpraying: Rule = (e, c) => {
  if (!e.ip) return null;
  const s = c.settings;
  const username = textIn(detailsOf(e), 'username');
  const { before, now } = bump(
    c,
    'password_spraying',
    `address:${e.ip}`,
    e,
    s.sprayWindowMinutes * MINUTE,
    0,
    username,
  );
  const accounts = now.data.seen?.length ?? 0;
  const had = before?.data.seen?.length ?? 0;
  const ids = crossing(
    now,
    accounts >= s.sprayAccounts && had < s.sprayAccounts,
    had >= s.sprayAccounts,
    e,
  );
  if (!ids) return null;
  return {
    rule: 'password_spraying',
    severity: 'high',
    key: `address:${e.ip}`,
    title: `Failed sign-ins for ${plural(accounts, 'account')} from ${e.ip} within ${plural(s.sprayWindowMinutes, 'minute')} (password spraying)`,
    at: e.ts,
    entryIds: ids,
    pivot: {
      ...window(now.windowStart, e),
      categories: ['authentication'],
      outcomes: ['failure'],
      ip: e.ip,
    },
  };
};

// --- 3. a new source address ------------------------------------------------------------------
const newSource: Rule = (e, c) => {
  if (e.actorId === null || !e.ip) return null;
  const s = c.settings;
  const first = c.sources.firstSeen(e.actorId);
  const last = c.sources.lastSeen(e.actorId, e.ip);
  c.sources.seen(e.actorId, e.ip, e.ts);
  if (first === null || e.ts - first < s.newSourceLearningDays * DAY) return null;
  if (last !== undefined && e.ts - last <= s.newSourceForgetDays * DAY) return null;
  const who = e.actorName ?? `staff #${String(e.actorId)}`;
  return {
    rule: 'new_source',
    severity: 'medium',
    key: `staff:${String(e.actorId)}:${e.ip}`,
    title: `${who} signed in from ${e.ip}, an address not seen for them ${last === undefined ? 'before' : `in ${plural(s.newSourceForgetDays, 'day')}`}`,
    at: e.ts,
    entryIds: [e.id],
    pivot: { ...window(e.ts, e), actorIds: [e.actorId], ip: e.ip },
  };
};

// --- 4. outside office hours ------------------------------------------------------------------
const outsideHours: Rule = (e, c) => {
  if (e.actorId === null || e.outcome !== 'success') return null;
  if (withinOfficeHours(e.ts, c.timeZone, c.officeHours)) return null;
  const { day } = officeMoment(e.ts, c.timeZone);
  const who = e.actorName ?? `staff #${String(e.actorId)}`;
  return {
    rule: 'outside_hours',
    severity: 'medium',
    key: `staff:${String(e.actorId)}:${day}`,
    title: `${who} signed in or moved money outside office hours on ${day}`,
    at: e.ts,
    entryIds: [e.id],
    pivot: { ...window(e.ts, e), actorIds: [e.actorId] },
  };
};

// --- 5. refunds, voids and negative adjustments per staff per day ----------------------------
const moneyAnomaly: Rule = (e, c) => {
  if (e.actorId === null) return null;
  const amount = numberIn(detailsOf(e), 'amount');
  if (e.event === 'balance.adjusted' && amount >= 0) return null;
  const s = c.settings;
  const { day } = officeMoment(e.ts, c.timeZone);
  const key = `staff:${String(e.actorId)}:${day}`;
  // The key holds the office day: the window is that day, however long.
  const { before, now } = bump(c, 'money_anomaly', key, e, Infinity, Math.abs(amount));
  const over = (w: RuleWindow | null) =>
    w !== null && (w.count > s.moneyCountPerDay || w.amount > s.moneyAmountPerDay);
  const ids = crossing(now, over(now), over(before), e);
  if (!ids) return null;
  const who = e.actorName ?? `staff #${String(e.actorId)}`;
  return {
    rule: 'money_anomaly',
    severity: 'high',
    key,
    title: `${who}: ${plural(now.count, 'refund, void or negative adjustment', 'refunds, voids or negative adjustments')} on ${day}, ${c.money(now.amount)} in all`,
    at: e.ts,
    entryIds: ids,
    pivot: { ...window(now.windowStart, e), actorIds: [e.actorId], categories: ['financial'] },
  };
};

// --- 6. mass changes --------------------------------------------------------------------------
const massChange =
  (kind: 'archives' | 'edits'): Rule =>
  (e, c) => {
    if (e.actorId === null) return null;
    const s = c.settings;
    const threshold = kind === 'archives' ? s.massArchives : s.massEdits;
    const key = `${kind}:${String(e.actorId)}`;
    const { now } = bump(c, 'mass_change', key, e, s.massWindowMinutes * MINUTE);
    const ids = crossing(now, now.count === threshold, now.count > threshold, e);
    if (!ids) return null;
    const who = e.actorName ?? `staff #${String(e.actorId)}`;
    return {
      rule: 'mass_change',
      severity: 'medium',
      key,
      title: `${who} ${kind === 'archives' ? 'archived' : 'changed'} ${plural(now.count, 'client')} within ${plural(s.massWindowMinutes, 'minute')}`,
      at: e.ts,
      entryIds: ids,
      pivot: { ...window(now.windowStart, e), actorIds: [e.actorId], categories: ['client'] },
    };
  };

const largeExport: Rule = (e, c) => {
  const rows = numberIn(detailsOf(e), 'rows');
  if (e.actorId === null || rows < c.settings.massExportRows) return null;
  const who = e.actorName ?? `staff #${String(e.actorId)}`;
  return {
    rule: 'mass_change',
    severity: 'medium',
    key: `export:${String(e.actorId)}`,
    title: `${who} exported ${plural(rows, 'row')} (${e.event === 'clients.exported' ? 'clients' : 'activity log'})`,
    at: e.ts,
    entryIds: [e.id],
    pivot: { ...window(e.ts, e), actorIds: [e.actorId] },
  };
};

// --- 7. routers -------------------------------------------------------------------------------
const REFUSED = API_PASSWORD_REFUSED.replace(/\.$/, '');
const routerName = (e: LogEntry) => e.targetLabel ?? `#${String(e.routerId ?? '?')}`;
const routerPivot = (e: LogEntry, from = e.ts): ActivityFilter => ({
  ...window(from, e),
  ...(e.routerId === null ? {} : { routerId: e.routerId }),
});

/** Routers offline right now are kept under this rule state (an open-ended window). */
export const OFFLINE_STATE = 'router_offline';

const passwordRefused = (e: LogEntry): Finding | null =>
  e.description.includes(REFUSED)
    ? {
        rule: 'router_trouble',
        severity: 'high',
        key: `password:${String(e.routerId ?? routerName(e))}`,
        title: `Router "${routerName(e)}" refused the API password`,
        at: e.ts,
        entryIds: [e.id],
        pivot: routerPivot(e),
      }
    : null;

/** A router offline for `minutes` or more (from the tick, or when it comes back). */
export const offlineFinding = (
  routerId: string,
  name: string,
  since: number,
  at: number,
  ids: number[],
  minutes: number,
): Finding => ({
  rule: 'router_trouble',
  severity: 'medium',
  key: `offline:${routerId}`,
  title: `Router "${name}" offline for more than ${plural(minutes, 'minute')}`,
  at,
  entryIds: ids,
  pivot: { from: since, to: at, ...(/^\d+$/.test(routerId) ? { routerId: Number(routerId) } : {}) },
});

const routerOffline: Rule = (e, c) => {
  const key = String(e.routerId ?? routerName(e));
  if (!c.state.get(OFFLINE_STATE, key)) {
    c.state.put(OFFLINE_STATE, key, {
      windowStart: e.ts,
      count: 1,
      amount: 0,
      data: { ids: [e.id], seen: [routerName(e)] },
    });
  }
  return passwordRefused(e);
};

const routerOnline: Rule = (e, c) => {
  const key = String(e.routerId ?? routerName(e));
  const w = c.state.get(OFFLINE_STATE, key);
  if (!w) return null;
  c.state.remove(OFFLINE_STATE, key);
  const minutes = c.settings.routerOfflineMinutes;
  if (e.ts - w.windowStart < minutes * MINUTE) return null;
  // Raised by the tick already (amount 1): this entry joins it.
  const ids = w.amount === 1 ? [e.id] : [...w.data.ids, e.id];
  return offlineFinding(key, routerName(e), w.windowStart, e.ts, ids, minutes);
};

const routerRebooted: Rule = (e) => ({
  rule: 'router_trouble',
  severity: 'medium',
  key: `reboot:${String(e.routerId ?? routerName(e))}`,
  title: `Router "${routerName(e)}" rebooted unexpectedly (its uptime went back)`,
  at: e.ts,
  entryIds: [e.id],
  pivot: routerPivot(e),
});

const syncDrift: Rule = (e) => {
  const routers = detailsOf(e).routers;
  const drifted = Array.isArray(routers)
    ? routers.filter((r: { drift?: unknown[] }) => Array.isArray(r.drift) && r.drift.length > 0)
        .length
    : 0;
  if (drifted === 0) return null;
  return {
    rule: 'router_trouble',
    severity: 'low',
    key: 'drift',
    title: `Auto-sync found routers out of step with the office (${plural(drifted, 'router')})`,
    at: e.ts,
    entryIds: [e.id],
    pivot: { ...window(e.ts, e), categories: ['auto_sync'] },
  };
};

// --- 8. the log itself ------------------------------------------------------------------------
const integrity =
  (key: string, severity: AlertSeverity, title: (e: LogEntry) => string): Rule =>
  (e) => ({
    rule: 'log_integrity',
    severity,
    key,
    title: title(e),
    at: e.ts,
    entryIds: [e.id],
    pivot: { ...window(e.ts, e), outcomes: ['failure'] },
  });

const verification: Rule = (e, c) => {
  if (e.outcome !== 'failure') return null;
  const reason = textIn(detailsOf(e), 'reason');
  return reason.includes('checkpoint')
    ? integrity(
        'checkpoint',
        'critical',
        () => `The activity log does not match its signed checkpoints: ${reason}`,
      )(e, c)
    : integrity(
        'verify',
        'critical',
        () => `The activity log failed verification${reason ? `: ${reason}` : ''}`,
      )(e, c);
};

/** The rules each event code feeds (a lookup per entry; events not here cost nothing more). */
const RULES_BY_EVENT: Record<string, readonly Rule[]> = {
  'auth.login.failed': [bruteForce, passwordSpraying],
  'auth.login.succeeded': [newSource, outsideHours],
  'payment.recorded': [outsideHours],
  'refund.issued': [outsideHours, moneyAnomaly],
  'balance.adjusted': [outsideHours, moneyAnomaly],
  'ledger.voided': [outsideHours, moneyAnomaly],
  'subscription.renewed': [outsideHours],
  'client.archived': [massChange('archives')],
  'client.updated': [massChange('edits')],
  'clients.exported': [largeExport],
  'activity.exported': [largeExport],
  'router.offline': [routerOffline],
  'router.online': [routerOnline],
  'router.rebooted': [routerRebooted],
  'sync.push_failed': [(e) => passwordRefused(e)],
  'sync.auto_run': [syncDrift],
  'activity.verified': [verification],
  'system.clock_changed': [
    integrity('clock', 'high', (e) => `The computer's clock was changed: ${e.description}`),
  ],
  'system.disk_low': [integrity('disk', 'high', (e) => e.description)],
  'forwarding.behind': [integrity('forwarding', 'medium', (e) => e.description)],
};

/** The events any rule looks at: the evaluator reads only these from the log. */
export const WATCHED_EVENTS: readonly string[] = Object.keys(RULES_BY_EVENT);

/** Every finding an entry makes. Alert entries never make one: no alert raises another. */
export const evaluateEntry = (e: LogEntry, c: RuleContext): Finding[] => {
  if (e.event.startsWith('alert')) return [];
  const found: Finding[] = [];
  for (const rule of RULES_BY_EVENT[e.event] ?? []) {
    const f = rule(e, c);
    if (f) found.push(f);
  }
  return found;
};

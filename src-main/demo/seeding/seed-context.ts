import type { In, Out } from '../../contract/api';
import type { ProcedureName } from '../../contract/channels';
import type { Core } from '../../core/create-core';
import type { CallContext } from '../../transport/call-context';
import { createDispatch } from '../../transport/dispatch';
import {
  DEMO_STAFF,
  OFFICE_UTC_OFFSET_MS,
  type DemoPlanKey,
  type DemoStaff,
} from '../demo-catalog';
import { seededRandom, type SeededRandom } from '../../domain/seeded-random';
import type { DemoSims } from '../demo-routers';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** How far back the demo office's history goes: about six months. */
export const DEMO_DAYS = 182;

export type SeedOptions = {
  /** The history ends just before this moment (epoch ms); the live app continues from it. */
  endAt: number;
  /** Moves the clock the seeding core was created with (it never goes back). */
  setClock: (ms: number) => void;
  /** The demo routers' simulators (their API ports in DEMO_ROUTERS order; a power cut). */
  routers: Pick<DemoSims, 'ports' | 'setReachable'>;
  seed?: number;
  clients?: number;
  days?: number;
  /** After each day of the history: which day (1-based), of how many, and the tally so far. */
  onDay?: (day: number, days: number, summary: Readonly<SeedSummary>) => void;
};

export type SeedSummary = {
  clients: number;
  payments: number;
  refunds: number;
  voids: number;
  adjustments: number;
  suspended: number;
  archived: number;
  /** Activity-log entries written. */
  entries: number;
};

export type StaffKey = DemoStaff['key'];
export type Desk = {
  staff: DemoStaff;
  ctx: CallContext & { sessionToken: string | null };
  /** Still on the password the administrator gave them. */
  firstDay: boolean;
};
/**
 * One thing a member of staff does at `at` (signed in around it), or something that happens with
 * nobody at a desk (`who: null`: a router losing power, a stranger trying passwords at night);
 * `seq` keeps the order of things at one moment.
 */
export type Task = { at: number; seq: number } & (
  { who: StaffKey; run: (desk: Desk) => Promise<void> } | { who: null; run: () => Promise<void> }
);

/** The password an administrator gives a new account; each chooses their own at first sign-in. */
export const firstDayPassword = (s: DemoStaff) => `welcome-${s.username}-2026`;

export const staffOf = (key: StaffKey): DemoStaff => {
  const s = DEMO_STAFF.find((x) => x.key === key);
  if (!s) throw new Error(`no demo staff ${key}`);
  return s;
};

/** What the office's day 0 made: the routers' and plans' ids, and the plans' current prices. */
export type OfficeIds = {
  routerIds: number[];
  planIds: Map<DemoPlanKey, number>;
  prices: Map<DemoPlanKey, number>;
};

/**
 * What every scenario step shares: the seeded random stream (one, drawn in the order the steps
 * run, so the same seed makes the same office), the office calendar on the seeding clock, the
 * staff's desks, the plan of tasks still to play, and the tally.
 */
export type SeedContext = {
  core: Core;
  rng: SeededRandom;
  /** The simulated routers (a power cut at one of them). */
  routers: SeedOptions['routers'];
  days: number;
  clientTarget: number;
  /** Nothing is scheduled from here on, so the seeded clock stays behind the real one. */
  endAt: number;
  onDay: NonNullable<SeedOptions['onDay']>;
  now(): number;
  /** Moves the seeding clock forward to `ms` (never back). */
  setClock(ms: number): void;
  /** `hour:minute` in the office on `day` (0 = the first day of the history). */
  officeTime(day: number, hour: number, minute?: number): number;
  dayOf(ms: number): number;
  /** A moment in office hours on `day` (08:30–17:30 in Nairobi). */
  duringDay(day: number): number;
  deskOf(key: StaffKey): Desk;
  /** A call through the app's dispatcher from `desk`; a failure stops the seeding. */
  call<K extends ProcedureName>(desk: Desk, name: K, input: In<K>): Promise<Out<K>>;
  /** A call that may be refused (a wrong password): the dispatcher's answer, as it is. */
  attempt<K extends ProcedureName>(ctx: CallContext, name: K, input: In<K>): Promise<boolean>;
  /** The queue worker's pass, as the app runs it right after a change that queued router work. */
  push(): Promise<void>;
  /** Plans `run` for `who` at `at`, unless that is past the end of the history. */
  schedule(at: number, who: StaffKey, run: (desk: Desk) => Promise<void>): void;
  /** Plans something that happens with nobody at a desk, unless past the end of the history. */
  happen(at: number, run: () => Promise<void>): void;
  /** Takes the tasks planned before `before`, in time order, off the plan. */
  takeTasksBefore(before: number): Task[];
  summary: SeedSummary;
};

export const createSeedContext = (core: Core, opts: SeedOptions): SeedContext => {
  const rng = seededRandom(opts.seed ?? 2026);
  const days = opts.days ?? DEMO_DAYS;
  const dispatch = createDispatch(core);
  const endAt = opts.endAt - 30 * MINUTE;
  // Midnight in the office, `days` days ago.
  const today = Math.floor((opts.endAt + OFFICE_UTC_OFFSET_MS) / DAY) * DAY - OFFICE_UTC_OFFSET_MS;
  const firstDay = today - (days - 1) * DAY;
  let now = firstDay;
  const officeTime = (day: number, hour: number, minute = 0) =>
    firstDay + day * DAY + hour * HOUR + minute * MINUTE;

  const desks = new Map<StaffKey, Desk>(
    DEMO_STAFF.map((staff) => {
      const ctx: Desk['ctx'] = {
        sessionToken: null,
        ip: staff.ip,
        workstation: staff.workstation,
        setSessionToken: (token) => {
          ctx.sessionToken = token;
        },
      };
      return [staff.key, { staff, ctx, firstDay: staff.key !== 'admin' }];
    }),
  );
  let tasks: Task[] = [];
  let seq = 0;

  return {
    core,
    rng,
    routers: opts.routers,
    days,
    onDay: opts.onDay ?? (() => undefined),
    clientTarget: opts.clients ?? 300,
    endAt,
    now: () => now,
    setClock: (ms) => {
      now = Math.max(now, ms);
      opts.setClock(now);
    },
    officeTime,
    dayOf: (ms) => Math.floor((ms - firstDay) / DAY),
    duringDay: (day) => officeTime(day, 8, 30) + rng.int(9 * 60) * MINUTE,
    deskOf: (key) => {
      const d = desks.get(key);
      if (!d) throw new Error(`no desk for ${key}`);
      return d;
    },
    call: async (desk, name, input) => {
      const r = await dispatch.call(name, input, desk.ctx);
      if (!r.ok) {
        throw new Error(
          `Demo seeding: ${name} by ${desk.staff.username} failed (${r.error.code}): ${r.error.message}`,
        );
      }
      return r.value as Out<typeof name>;
    },
    attempt: async (ctx, name, input) => (await dispatch.call(name, input, ctx)).ok,
    push: async () => {
      if (core.services.sync.pending() > 0) await core.services.sync.drain();
    },
    schedule: (at, who, run) => {
      if (at < endAt) tasks.push({ at, who, seq: (seq += 1), run });
    },
    happen: (at, run) => {
      if (at < endAt) tasks.push({ at, who: null, seq: (seq += 1), run });
    },
    takeTasksBefore: (before) => {
      const taken = tasks.filter((t) => t.at < before).sort((a, b) => a.at - b.at || a.seq - b.seq);
      tasks = tasks.filter((t) => t.at >= before);
      return taken;
    },
    summary: {
      clients: 0,
      payments: 0,
      refunds: 0,
      voids: 0,
      adjustments: 0,
      suspended: 0,
      archived: 0,
      entries: 0,
    },
  };
};

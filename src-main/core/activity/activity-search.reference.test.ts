import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  type ActivityEntry,
  type ActivityFilter,
} from '../../contract/schemas/activity';
import { permissionsOf } from '../../domain/permissions';
import { seededRandom } from '../../domain/seeded-random';
import type { Actor, ServiceContext } from '../shared/context';
import { newCorrelationId } from '../shared/ids';
import {
  createTestCore,
  logEntries,
  signInAdmin,
  unwrap,
  type TestClient,
  type TestCore,
} from '../test-support/test-core';
import { eventCatalog } from './event-catalog';

/**
 * Brute force: the search engine (FTS5, id ranges, keyset pages) against a plain JavaScript
 * filter over every row, for many random filters. The reference knows only what the filter
 * means, not how the engine answers it.
 */

// Seeded, so that a failure can be replayed.
const SEED = 20_300_115;
const { next: random, chance, pick } = seededRandom(SEED);
const some = <T>(list: readonly T[], max: number): T[] => {
  const n = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: n }, () => pick(list)))];
};

const ENTRIES = 2_000;
const FILTERS = 160;

const NAMES = ['alice', 'bob', 'josé', 'ACC-0001', 'M-Pesa', 'wanjiru', 'o_brien', 'signal'];
const IPS = [
  '10.0.0.1',
  '10.0.0.15',
  '10.0.1.7',
  '10.0.3.255',
  '10.0.4.9',
  '10.0.5.200',
  '10.0.7.255',
  '10.0.8.1',
  '10.1.0.1',
  '10.10.0.1',
  '100.64.0.1',
  '192.168.1.30',
  '192.168.1.31',
  '192.168.1.32',
  '192.168.1.63',
  '192.168.1.64',
  '172.16.0.1',
  '172.31.255.254',
  '2001:db8::7',
  'fe80::1',
  // IPv6 addresses whose first group reads like an IPv4 octet: never matched by IPv4 filters.
  '10::1',
  '64:ff9b::a00:1',
];
/**
 * Correlation ids as the app makes them (time first): one per short run of entries, as one action
 * and what it caused. Filled while recording; the last one is never used by any entry.
 */
const CORRELATIONS: string[] = [];
const ACTOR_IDS = [1, 2, 3, 4, 5, 6];

const actor = (staffId: number): Actor => ({
  staffId,
  username: `staff${String(staffId)}`,
  displayName: pick(NAMES),
  role: 'cashier',
  permissions: permissionsOf('cashier'),
  sessionId: 's',
});

type Recorder = TestCore['core']['recorder'];
type Extra = { clientId?: number; routerId?: number };

/** One random entry of a random event, with random parameters, actor, address and links. */
const recordRandom = (recorder: Recorder, now: number): void => {
  if (CORRELATIONS.length === 0 || chance(0.2)) CORRELATIONS.push(newCorrelationId(now));
  const ctx: ServiceContext = {
    actor: chance(0.15) ? null : actor(pick(ACTOR_IDS)),
    ip: chance(0.05) ? null : pick(IPS),
    workstation: chance(0.5) ? 'Till 1' : null,
    correlationId: CORRELATIONS[CORRELATIONS.length - 1] ?? '',
  };
  const extra: Extra = {
    ...(chance(0.3) ? { clientId: 1 + Math.floor(random() * 5) } : {}),
    ...(chance(0.2) ? { routerId: 1 + Math.floor(random() * 3) } : {}),
  };
  const username = pick(NAMES);
  const by = pick(NAMES);
  const writers: (() => void)[] = [
    () => recorder.record({ event: 'auth.login.succeeded', params: { username }, ctx, ...extra }),
    () =>
      recorder.record({
        event: 'auth.login.failed',
        params: {
          username,
          reason: pick(['unknown_user', 'wrong_password', 'locked', 'disabled'] as const),
        },
        ctx,
        ...extra,
      }),
    () =>
      recorder.record({
        event: 'auth.account.locked',
        params: { username, failures: 5, lockSeconds: 30 },
        ctx,
      }),
    () => recorder.record({ event: 'auth.logout', params: { username }, ctx, ...extra }),
    () =>
      recorder.record({
        event: 'auth.session.expired',
        params: { username, reason: pick(['idle', 'lifetime'] as const) },
        ctx,
      }),
    () =>
      recorder.record({
        event: 'auth.session.ended',
        params: { username, endedBy: by },
        ctx,
        ...extra,
      }),
    () => recorder.record({ event: 'auth.password.changed', params: { username }, ctx }),
    () => recorder.record({ event: 'auth.password.change_failed', params: { username }, ctx }),
    () =>
      recorder.record({
        event: 'auth.permission.denied',
        params: { username, procedure: 'staff.list', permission: 'staff.manage' },
        ctx,
        ...extra,
      }),
    () =>
      recorder.record({
        event: 'staff.created',
        params: { by, username, role: 'cashier' },
        ctx,
        target: { type: 'staff', id: 3, label: username },
      }),
    () =>
      recorder.record({
        event: 'staff.updated',
        params: { by, username, changes: 'role cashier → viewer' },
        ctx,
      }),
    () => recorder.record({ event: 'staff.password_reset', params: { by, username }, ctx }),
    () =>
      recorder.record({
        event: 'activity.exported',
        params: { by, format: 'csv', rows: 3 },
        ctx,
        ...extra,
      }),
    () => {
      const ok = chance(0.5);
      recorder.record({
        event: 'activity.verified',
        params: { by, checked: 10, ok, firstBadId: ok ? null : 4 },
        outcome: ok ? 'success' : 'failure',
        ctx,
      });
    },
    () => recorder.record({ event: 'system.started', params: { version: '1', mode: 'test' }, ctx }),
  ];
  pick(writers)();
};

// ---- the reference ---------------------------------------------------------------------------

/** How the FTS index splits and folds text: letters, digits and '_' make words; case and accents do not count. */
const words = (s: string): string[] =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);

/** Every typed word must appear (its parts adjacent); the last one may be a prefix while typing. */
const textMatches = (description: string, text: string): boolean => {
  const typed = text.split(/\s+/).filter((w) => words(w).length > 0);
  if (typed.length === 0) return true;
  const have = words(description);
  const typing = !/\s$/.test(text);
  return typed.every((w, i) => {
    const parts = words(w);
    const lastPart = parts[parts.length - 1] ?? '';
    const prefix = typing && i === typed.length - 1 && lastPart.length >= 3;
    return have.some((_, start) =>
      parts.every((p, j) => {
        const word = have[start + j];
        if (word === undefined) return false;
        return prefix && j === parts.length - 1 ? word.startsWith(p) : word === p;
      }),
    );
  });
};

const ipMatches = (ip: string | null, filter: string): boolean => {
  if (ip === null) return false;
  const list = new BlockList();
  const cidr = /^(.+)\/(\d+)$/.exec(filter);
  if (cidr) {
    list.addSubnet(cidr[1] ?? '', Number(cidr[2]), 'ipv4');
    return isIPv4(ip) && list.check(ip, 'ipv4');
  }
  if (isIPv6(filter)) {
    list.addAddress(filter, 'ipv6');
    return isIPv6(ip) && list.check(ip, 'ipv6');
  }
  if (isIPv4(filter)) return ip === filter;
  // A dotted prefix of whole octets: "10.0." and "10.0" both mean 10.0.0.0/16.
  const octets = filter.replace(/\.$/, '').split('.');
  list.addSubnet([...octets, '0', '0', '0'].slice(0, 4).join('.'), octets.length * 8, 'ipv4');
  return isIPv4(ip) && list.check(ip, 'ipv4');
};

const matches = (e: ActivityEntry, f: ActivityFilter): boolean =>
  (f.text === undefined || textMatches(e.description, f.text)) &&
  (f.from === undefined || e.ts >= f.from) &&
  (f.to === undefined || e.ts <= f.to) &&
  (f.types === undefined || f.types.includes(e.type)) &&
  (f.categories === undefined || f.categories.includes(e.category)) &&
  (f.outcomes === undefined || f.outcomes.includes(e.outcome)) &&
  (f.events === undefined || f.events.includes(e.event)) &&
  (f.actorIds === undefined || (e.actor !== null && f.actorIds.includes(e.actor.id))) &&
  (f.ip === undefined || ipMatches(e.ip, f.ip)) &&
  (f.clientId === undefined || e.clientId === f.clientId) &&
  (f.routerId === undefined || e.routerId === f.routerId) &&
  (f.correlationId === undefined || e.correlationId === f.correlationId);

// ---- random filters --------------------------------------------------------------------------

const TEXTS = [
  'signed',
  'sign',
  'SIGNED IN',
  'signed ',
  'alice',
  'ali',
  'al',
  'josé',
  'jose',
  'JOSE ',
  'ACC-0001',
  'acc',
  'm-pesa',
  'pesa',
  'locked',
  'wrong password',
  'failed sign',
  'no such',
  '"no such user"',
  'o_brien',
  'wanji',
  'exported',
  'denied staff.list',
  'session of',
  'expired idle',
  'role cashier',
  'nothing-matches-this',
];
const IP_FILTERS = [
  ...IPS,
  '2001:DB8:0::7',
  '10',
  '10.',
  '10.0',
  '10.0.',
  '10.1',
  '10.1.',
  '10.0.0',
  '10.0.0.',
  '192.168.1',
  '172',
  '100.64',
  '64',
  '64.0.0.0/8',
  '10::1',
  '10.0.4.0/22',
  '10.0.0.0/22',
  '10.0.6.0/23',
  '192.168.1.32/27',
  '192.168.1.0/27',
  '192.168.1.0/26',
  '172.16.0.0/12',
  '100.64.0.0/10',
  '10.0.0.0/8',
  '10.0.0.0/16',
  '10.0.0.0/24',
  '10.0.0.0/31',
  '10.0.0.1/32',
];
const EVENTS = [...Object.keys(eventCatalog), 'auth.not_an_event'];

const randomFilter = (timestamps: readonly number[]): ActivityFilter => {
  const f: ActivityFilter = {};
  const someTs = () => pick(timestamps) + pick([-1, 0, 0, 0, 1, 60_000]);
  if (chance(0.3)) f.text = pick(TEXTS);
  if (chance(0.25)) f.from = someTs();
  if (chance(0.25)) f.to = someTs();
  if (chance(0.2)) f.types = some(ACTIVITY_TYPES, 2);
  if (chance(0.2)) f.categories = some(ACTIVITY_CATEGORIES, 3);
  if (chance(0.2)) f.outcomes = some(ACTIVITY_OUTCOMES, 1);
  if (chance(0.2)) f.events = some(EVENTS, 4);
  if (chance(0.2)) f.actorIds = some([...ACTOR_IDS, 99], 3);
  if (chance(0.35)) f.ip = pick(IP_FILTERS);
  if (chance(0.1)) f.clientId = 1 + Math.floor(random() * 6);
  if (chance(0.1)) f.routerId = 1 + Math.floor(random() * 4);
  if (chance(0.1)) f.correlationId = pick(CORRELATIONS);
  return f;
};

/** Every page of a search, following the keyset cursor; checks each page's shape on the way. */
const searchAll = async (admin: TestClient, filter: ActivityFilter, limit: number) => {
  const ids: number[] = [];
  let cursor: number | undefined;
  let total: { count: number; capped: boolean } | undefined;
  for (let page = 0; page <= ENTRIES + 1; page++) {
    const r = unwrap(
      await admin.call('activity.search', {
        filter,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      }),
    );
    total ??= r.total;
    expect(r.total).toEqual(total);
    expect(r.entries.length).toBeLessThanOrEqual(limit);
    ids.push(...r.entries.map((e) => e.id));
    if (r.nextCursor === null) return { ids, total };
    expect(r.entries).toHaveLength(limit);
    expect(r.nextCursor).toBe(r.entries.at(-1)?.id);
    cursor = r.nextCursor;
  }
  throw new Error('the cursor never ended');
};

describe('activity.search against a brute-force reference', () => {
  let tc: TestCore;
  let admin: TestClient;
  let all: ActivityEntry[];

  beforeAll(async () => {
    // The test core sets no time budget on text counts: they are exact however loaded the machine.
    tc = createTestCore();
    // One transaction per entry, as the app writes them (a transaction's entries share one time);
    // without fsyncs, which this test is not about.
    tc.core.sqlite.pragma('synchronous = OFF');
    for (let i = 0; i < ENTRIES; i++) {
      // Bursts in the same millisecond, gaps of minutes to days, and a clock set back now and then.
      tc.clock.advance(pick([0, 0, 1, 999, 60_000, 3_600_000, 86_400_000, -7_200_000]));
      tc.core.write(() => recordRandom(tc.core.recorder, tc.core.recorder.changeTime()));
    }
    tc.core.sqlite.pragma('synchronous = FULL');
    // One index segment, as the upkeep timer's merges leave it (2 000 commits left 2 000).
    tc.core.sqlite.exec("INSERT INTO activity_fts(activity_fts) VALUES('optimize')");
    tc.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    CORRELATIONS.push(newCorrelationId(tc.core.recorder.changeTime())); // matches nothing
    admin = await signInAdmin(tc);
    all = logEntries(tc.core);
  });
  afterAll(async () => {
    await tc.close();
  });

  it('holds a varied log', () => {
    expect(all.length).toBeGreaterThan(ENTRIES);
    const distinct = (f: (e: ActivityEntry) => unknown) => new Set(all.map(f)).size;
    expect(distinct((e) => e.event)).toBeGreaterThan(12);
    // + null, the host's (System entries) and the admin's (sign-in)
    expect(distinct((e) => e.ip)).toBe(IPS.length + 3);
    expect(distinct((e) => e.ts)).toBeLessThan(all.length); // ties exist
    // Timestamps never go backwards along the ids, although the clock did.
    expect(all.every((e, i) => i === 0 || e.ts >= (all[i - 1]?.ts ?? 0))).toBe(true);
  });

  it('returns exactly the reference rows, newest first, for every random filter', async () => {
    let nonEmpty = 0;
    const timestamps = all.map((e) => e.ts);
    for (let i = 0; i < FILTERS; i++) {
      const filter = randomFilter(timestamps);
      const expected = all
        .filter((e) => matches(e, filter))
        .map((e) => e.id)
        .reverse();
      const limit = expected.length < 40 ? pick([1, 3, 7]) : pick([50, 100, 500]);
      const actual = await searchAll(admin, filter, limit);
      const label = `filter #${String(i)} ${JSON.stringify(filter)} (seed ${String(SEED)})`;
      expect(actual.ids, label).toEqual(expected);
      expect(actual.total, label).toEqual({ count: expected.length, capped: false });
      if (expected.length > 0) nonEmpty++;
    }
    // The random filters must exercise both outcomes, not only empty results.
    expect(nonEmpty).toBeGreaterThan(FILTERS / 3);
    expect(nonEmpty).toBeLessThan(FILTERS);
  });

  it('counts exactly the reference rows in every histogram bucket, by type', async () => {
    const timestamps = all.map((e) => e.ts);
    let counted = 0;
    const filters = [
      ...Array.from({ length: FILTERS / 4 }, () => randomFilter(timestamps)),
      ...TEXTS.map((text) => ({ text })),
      ...IP_FILTERS.slice(0, 5).map((ip) => ({ ip })),
    ];
    for (const [i, filter] of filters.entries()) {
      const h = unwrap(await admin.call('activity.histogram', { filter }));
      const label = `histogram #${String(i)} ${JSON.stringify(filter)} (seed ${String(SEED)})`;
      expect(h.exact, label).toBe(true);
      for (const b of h.buckets) {
        const end = Math.min(b.start + h.bucketMs - 1, h.to);
        for (const type of ACTIVITY_TYPES) {
          const expected = all.filter(
            (e) =>
              e.type === type &&
              e.ts >= Math.max(b.start, h.from) &&
              e.ts <= end &&
              matches(e, filter),
          ).length;
          expect(b[type], `${label} ${type} @${String(b.start)}`).toBe(expected);
          counted += expected;
        }
      }
    }
    expect(counted).toBeGreaterThan(100);
  });

  it('counts facets exactly as the reference, each dimension ignoring its own filter', async () => {
    const timestamps = all.map((e) => e.ts);
    const filters: ActivityFilter[] = [
      ...TEXTS.map((text) => ({ text })),
      ...Array.from({ length: FILTERS / 4 }, () => randomFilter(timestamps)),
    ];
    const tally = (f: ActivityFilter, key: (e: ActivityEntry) => string | number | null) => {
      const m = new Map<string, number>();
      for (const e of all) {
        const k = key(e);
        if (k !== null && matches(e, f)) m.set(String(k), (m.get(String(k)) ?? 0) + 1);
      }
      return m;
    };
    const asMap = (l: { value?: string; id?: number; count: number }[]) =>
      new Map(l.map((x) => [String(x.value ?? x.id), x.count]));
    for (const filter of filters) {
      const got = unwrap(await admin.call('activity.facets', { filter }));
      const label = JSON.stringify(filter);
      expect(got.exact, label).toBe(true);
      expect(asMap(got.types), label).toEqual(
        tally({ ...filter, types: undefined }, (e) => e.type),
      );
      expect(asMap(got.categories), label).toEqual(
        tally({ ...filter, categories: undefined }, (e) => e.category),
      );
      expect(asMap(got.outcomes), label).toEqual(
        tally({ ...filter, outcomes: undefined }, (e) => e.outcome),
      );
      if (filter.text) {
        expect(asMap(got.actors), label).toEqual(
          tally({ ...filter, actorIds: undefined }, (e) => e.actor?.id ?? null),
        );
      }
    }
  });

  it('agrees with the reference on each kind of filter alone', async () => {
    const single: ActivityFilter[] = [
      ...TEXTS.map((text) => ({ text })),
      ...IP_FILTERS.map((ip) => ({ ip })),
      ...EVENTS.map((event) => ({ events: [event] })),
      ...ACTIVITY_TYPES.map((t) => ({ types: [t] })),
      ...ACTIVITY_CATEGORIES.map((c) => ({ categories: [c] })),
      ...ACTIVITY_OUTCOMES.map((o) => ({ outcomes: [o] })),
      ...ACTOR_IDS.map((id) => ({ actorIds: [id] })),
      ...CORRELATIONS.slice(0, 20).map((correlationId) => ({ correlationId })),
      { correlationId: CORRELATIONS.at(-1) ?? '' },
      { clientId: 2 },
      { routerId: 3 },
      { from: all[100]?.ts ?? 0 },
      { to: all[100]?.ts ?? 0 },
      { from: all[500]?.ts ?? 0, to: all[500]?.ts ?? 0 },
      { from: (all.at(-1)?.ts ?? 0) + 1 },
      { to: (all[0]?.ts ?? 0) - 1 },
    ];
    for (const filter of single) {
      const expected = all
        .filter((e) => matches(e, filter))
        .map((e) => e.id)
        .reverse();
      const actual = await searchAll(admin, filter, 500);
      expect(actual.ids, JSON.stringify(filter)).toEqual(expected);
    }
  });
});

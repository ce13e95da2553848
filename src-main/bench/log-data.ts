import { createChainAppender } from '../core/activity/chain-appender';
import type { ChainedRow } from '../core/activity/hash-chain';
import type { Sqlite } from '../core/db/open-database';
import { seededRandom, type SeededRandom } from '../domain/seeded-random';

/**
 * Realistic activity-log rows for benchmarks: every category, many event codes with skewed
 * weights, 80–150 character descriptions with staff names, account numbers, router names, IPv4
 * addresses, M-Pesa codes and amounts, spread over a time span.
 */
const FIRST = [
  'Achieng',
  'Wanjiru',
  'Otieno',
  'Kamau',
  'Njeri',
  'Mwangi',
  'Atieno',
  'Kiprop',
  'Chebet',
  'Mutua',
  'Wairimu',
  'Odhiambo',
  'Nyambura',
  'Kibet',
  'Akinyi',
  'Omondi',
];
const LAST = [
  'Ouma',
  'Kariuki',
  'Wekesa',
  'Njoroge',
  'Mbugua',
  'Kiptoo',
  'Onyango',
  'Maina',
  'Juma',
  'Barasa',
  'Chege',
  'Kilonzo',
  'Odera',
  'Mwende',
];
const TOWNS = [
  'kisumu',
  'nakuru',
  'eldoret',
  'thika',
  'machakos',
  'kericho',
  'nyeri',
  'kakamega',
  'bungoma',
  'kitale',
];
const PLANS = ['Home 5M', 'Home 10M', 'Biz 20M', 'Night 3M', 'Student 2M', 'Fibre 50M'];
const METHODS = ['cash', 'M-Pesa', 'bank', 'Airtel Money'];

export type Staff = { id: number; name: string; ip: string; workstation: string };
export const STAFF: Staff[] = Array.from({ length: 15 }, (_, i) => ({
  id: i + 1,
  name: `${FIRST[i % FIRST.length] ?? 'Staff'} ${LAST[(i * 5) % LAST.length] ?? 'Member'}`,
  ip: `192.168.10.${String(20 + i)}`,
  workstation: `OFFICE-PC-${String(i + 1).padStart(2, '0')}`,
}));
export const ROUTERS = Array.from(
  { length: 300 },
  (_, i) =>
    `RTR-${(TOWNS[i % TOWNS.length] ?? 'x').toUpperCase()}-${String(Math.floor(i / 10) + 1).padStart(2, '0')}`,
);
export const account = (n: number) => `ACC-${String(n).padStart(6, '0')}`;
const HOST_IP = '192.168.10.2';

type Gen = (r: SeededRandom, s: Staff) => Omit<ChainedRow, 'id' | 'ts' | 'correlationId'>;

const base = (
  type: ChainedRow['type'],
  category: string,
  event: string,
  outcome: string,
  s: Staff | null,
  description: string,
  extra: Partial<ChainedRow> = {},
): Omit<ChainedRow, 'id' | 'ts' | 'correlationId'> => ({
  type,
  category,
  event,
  outcome,
  actorId: s?.id ?? null,
  actorName: s?.name ?? null,
  ip: s?.ip ?? HOST_IP,
  workstation: s?.workstation ?? 'ISPDESK-SERVER',
  description,
  targetType: null,
  targetId: null,
  targetLabel: null,
  clientId: null,
  routerId: null,
  details: null,
  ...extra,
});

const client = (r: SeededRandom) => {
  const n = r.int(20_000) + 1;
  return { n, acc: account(n), name: `${r.pick(FIRST)} ${r.pick(LAST)}`, town: r.pick(TOWNS) };
};
const router = (r: SeededRandom) => {
  const i = r.int(ROUTERS.length);
  return { id: i + 1, name: ROUTERS[i] ?? 'RTR' };
};
const mpesa = (r: SeededRandom) =>
  Array.from({ length: 10 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[r.int(34)]).join('');
const money = (r: SeededRandom) => (r.int(40) + 10) * 100;

const GENERATORS: [number, Gen][] = [
  [
    18,
    (r, s) => {
      const c = client(r);
      const amount = money(r);
      return base(
        'user',
        'financial',
        'billing.payment.received',
        'success',
        s,
        `${s.name} received ${r.pick(METHODS)} payment of KES ${String(amount)} from ${c.name} (${c.acc}), receipt R-${String(r.int(900000) + 100000)} ref ${mpesa(r)}`,
        {
          clientId: c.n,
          targetType: 'client',
          targetId: String(c.n),
          targetLabel: c.acc,
          details: `{"amount":${String(amount * 100)},"method":"mpesa"}`,
        },
      );
    },
  ],
  [
    14,
    (r) => {
      const c = client(r);
      const rt = router(r);
      return base(
        'system',
        'auto_sync',
        'sync.secret.pushed',
        'success',
        null,
        `Auto-sync pushed PPPoE secret ${c.acc.toLowerCase()} with profile ${r.pick(PLANS)} to router ${rt.name} at 10.${String(rt.id % 250)}.0.1`,
        { clientId: c.n, routerId: rt.id },
      );
    },
  ],
  [
    12,
    (r) => {
      const c = client(r);
      return base(
        'system',
        'expiry',
        'expiry.client.expired',
        'success',
        null,
        `Subscription of ${c.name} (${c.acc}) in ${c.town} expired; client moved to the isolation profile and the session was kicked`,
        { clientId: c.n },
      );
    },
  ],
  [
    10,
    (r, s) => {
      const c = client(r);
      return base(
        'user',
        'financial',
        'billing.renewal',
        'success',
        s,
        `${s.name} renewed ${c.acc} (${c.name}) on plan ${r.pick(PLANS)} for 30 days; new expiry in ${c.town} zone`,
        { clientId: c.n },
      );
    },
  ],
  [
    8,
    (r) => {
      const rt = router(r);
      const ok = r.next() < 0.8;
      return base(
        'system',
        'health_check',
        ok ? 'health.router.online' : 'health.router.offline',
        ok ? 'success' : 'failure',
        null,
        ok
          ? `Router ${rt.name} back online after ${String(r.int(50) + 2)} minutes of downtime; uptime reset, CPU ${String(r.int(60))}%`
          : `Router ${rt.name} did not respond to the health check: connection timed out after 10 s on port 8728`,
        { routerId: rt.id },
      );
    },
  ],
  [
    6,
    (r, s) => {
      const c = client(r);
      return base(
        'administrative',
        'client',
        'client.updated',
        'success',
        s,
        `${s.name} changed client ${c.acc} (${c.name}): phone, address in ${c.town} and static IP 10.${String(r.int(250))}.${String(r.int(250))}.${String(r.int(250))}`,
        {
          clientId: c.n,
          details: '{"before":{"phone":"0712000000"},"after":{"phone":"0722000000"}}',
        },
      );
    },
  ],
  [
    5,
    (r, s) => {
      const ok = r.next() < 0.85;
      return base(
        'user',
        'authentication',
        ok ? 'auth.login.succeeded' : 'auth.login.failed',
        ok ? 'success' : 'failure',
        ok ? s : null,
        ok
          ? `${s.name} signed in from workstation ${s.workstation} at the front office`
          : `Failed sign-in as "${s.name.split(' ')[0]?.toLowerCase() ?? 'x'}": wrong password from the front office workstation`,
        { ip: s.ip },
      );
    },
  ],
  [
    5,
    (r) => {
      const rt = router(r);
      return base(
        'system',
        'scheduled_task',
        'task.backup.completed',
        'success',
        null,
        `Scheduled task completed: nightly backup of ${String(r.int(90) + 10)} MB and configuration export of router ${rt.name}`,
      );
    },
  ],
  [
    4,
    (r, s) => {
      const c = client(r);
      return base(
        'administrative',
        'network',
        'plan.changed',
        'success',
        s,
        `${s.name} moved client ${c.acc} from plan ${r.pick(PLANS)} to plan ${r.pick(PLANS)}; queue limit updated on the router`,
        { clientId: c.n },
      );
    },
  ],
  [
    3,
    (r, s) => {
      const c = client(r);
      return base(
        'user',
        'financial',
        'billing.refund',
        'success',
        s,
        `${s.name} refunded KES ${String(money(r))} to ${c.name} (${c.acc}) for a duplicate M-Pesa payment ${mpesa(r)}`,
        { clientId: c.n },
      );
    },
  ],
  [
    2,
    (r, s) => {
      const c = client(r);
      return base(
        'administrative',
        'client',
        'client.created',
        'success',
        s,
        `${s.name} created client ${c.acc} ${c.name} in ${c.town} on plan ${r.pick(PLANS)} with PPPoE login ${c.acc.toLowerCase()}`,
        { clientId: c.n },
      );
    },
  ],
  [
    1,
    (r, s) => {
      return base(
        'administrative',
        'staff',
        'staff.updated',
        'success',
        s,
        `${s.name} changed staff account "${r.pick(FIRST).toLowerCase()}": role cashier → technician after the branch reorganisation`,
      );
    },
  ],
  [
    1,
    (r, s) =>
      base(
        'user',
        'audit',
        'activity.exported',
        'success',
        s,
        `${s.name} exported ${String(r.int(5000) + 100)} activity entries as CSV for the monthly audit of the ${r.pick(TOWNS)} branch`,
      ),
  ],
  [
    1,
    (r) =>
      base(
        'system',
        'system',
        'system.started',
        'success',
        null,
        `ISP Desk 0.1.0 started (headless) on ISPDESK-SERVER after a restart; ${String(r.int(300))} routers scheduled for polling`,
      ),
  ],
  [
    1,
    (r, s) => {
      const rt = router(r);
      return base(
        'administrative',
        'network',
        'router.updated',
        'success',
        s,
        `${s.name} changed router ${rt.name}: API port 8729 with API-SSL, poll interval 60 s, address 10.${String(rt.id % 250)}.0.1`,
        { routerId: rt.id },
      );
    },
  ],
];

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TOTAL_WEIGHT = GENERATORS.reduce((a, [w]) => a + w, 0);

/** `count` rows with timestamps spread evenly (with jitter) over [from, to]. */
export function* generateRows(r: SeededRandom, count: number, from: number, to: number) {
  const step = (to - from) / count;
  for (let i = 0; i < count; i++) {
    let w = r.int(TOTAL_WEIGHT);
    let gen = GENERATORS[0]?.[1];
    for (const [weight, g] of GENERATORS) {
      if (w < weight) {
        gen = g;
        break;
      }
      w -= weight;
    }
    if (!gen) throw new Error('no generator');
    const row = gen(r, r.pick(STAFF));
    yield {
      ...row,
      ts: Math.floor(from + i * step + r.next() * step),
      correlationId:
        Math.floor((from + i * step) / 1000).toString(36) +
        Array.from({ length: 7 }, () => ID_CHARS[r.int(64)] ?? 'x').join(''),
    };
  }
}

type GeneratedRow = ReturnType<typeof generateRows> extends Generator<infer T> ? T : never;

/**
 * Appends `rows` generated entries spread over [from, to] through the app's chain appender (the
 * bulk path: 10,000 per transaction, hash chain and rollups kept). `onProgress` hears every
 * 500,000. Returns the seconds it took.
 */
export const appendGeneratedEntries = (
  sqlite: Sqlite,
  opts: {
    rows: number;
    seed: number;
    from: number;
    to: number;
    onProgress?: (done: number, perSecond: number) => void;
  },
): number => {
  const appender = createChainAppender(sqlite);
  const batch: GeneratedRow[] = [];
  const t0 = performance.now();
  const flush = () => {
    sqlite.transaction(() => appender.appendBatch(batch)).immediate();
    batch.length = 0;
  };
  let done = 0;
  for (const row of generateRows(seededRandom(opts.seed), opts.rows, opts.from, opts.to)) {
    batch.push(row);
    if (batch.length === 10_000) {
      flush();
      done += 10_000;
      if (done % 500_000 === 0) opts.onProgress?.(done, done / ((performance.now() - t0) / 1000));
    }
  }
  if (batch.length > 0) flush();
  return (performance.now() - t0) / 1000;
};

import { randomBytes } from 'node:crypto';
import type { Sqlite } from '../core/db/open-database';
import { createSecretBox } from '../core/shared/secret-box';
import { seededRandom } from '../domain/seeded-random';

const DAY = 86_400_000;

const FIRST = [
  'Amina',
  'Brian',
  'Wanjiru',
  'Otieno',
  'Grace',
  'Kevin',
  'Faith',
  'Juma',
  'Mercy',
  'Peter',
  'Aisha',
  'John',
  'Halima',
  'David',
  'Njeri',
  'Samuel',
  'Zawadi',
  'Moses',
  'Esther',
  'Ali',
  'Mary',
  'Joseph',
  'Neema',
  'Daniel',
  'Rehema',
  'Paul',
  'Achieng',
  'James',
  'Wambui',
  'Hassan',
];
const LAST = [
  'Kamau',
  'Odhiambo',
  'Mwangi',
  'Kiprop',
  'Wekesa',
  'Njoroge',
  'Ochieng',
  'Mutua',
  'Chebet',
  'Omondi',
  'Said',
  'Kariuki',
  'Maina',
  'Nyambura',
  'Barasa',
  'Koech',
  'Atieno',
  'Mohamed',
  'Kiptoo',
  'Wafula',
  'Muthoni',
  'Rotich',
  'Onyango',
  'Akinyi',
  'Kimani',
  'Juma',
  'Macharia',
  'Owino',
  'Cherono',
  'Nduta',
];
const STATUSES = [
  ['active', 0.7],
  ['expired', 0.2],
  ['suspended', 0.05],
  ['disabled', 0.03],
  ['archived', 0.02],
] as const;
const PLANS = 12;
const ROUTERS = 8;

/**
 * Inserts `count` generated clients (names, phones, e-mails, logins, static IPs, statuses,
 * expiry dates, 30% with a payment and a charge) with 12 plans, in batches of 10,000 through
 * the app's schema and triggers, as a bulk import would. `staffId` is the staff member the ledger
 * entries name. Returns the seconds it took.
 */
export const insertClients = (
  sqlite: Sqlite,
  opts: { count: number; seed: number; now: number; staffId: number },
): number => {
  const { count: CLIENTS, now: NOW } = opts;
  const r = seededRandom(opts.seed);
  const box = createSecretBox(randomBytes(32));
  const plan = sqlite.prepare(
    `INSERT INTO plans (name, service_type, rate_down_kbps, rate_up_kbps, price, validity_unit,
       validity_count, router_profile, expiry_action, isolation_profile, created_at, updated_at)
     VALUES (?, 'pppoe', ?, ?, ?, 'months', 1, ?, 'isolate', 'expired', ?, ?)`,
  );
  for (let p = 1; p <= PLANS; p++) {
    plan.run(
      `Plan ${String(p)}`,
      p * 2_000,
      p * 1_000,
      p * 1_000,
      `profile-${String(p)}`,
      NOW,
      NOW,
    );
  }
  const insert = sqlite.prepare(
    `INSERT INTO clients (account_no, full_name, phone, email, service_type, service_login,
       service_password_box, static_ip, plan_id, router_id, status, status_before_archive,
       expires_at, notes, created_at, updated_at, archived_at)
     VALUES (?, ?, ?, ?, 'pppoe', ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
  );
  const ledger = sqlite.prepare(
    `INSERT INTO ledger_entries (client_id, kind, amount, method, staff_id, staff_name, created_at, correlation_id)
     VALUES (?, ?, ?, ?, ?, 'Bench', ?, 'bench')`,
  );
  const pickStatus = () => {
    let x = r.next();
    for (const [s, p] of STATUSES) {
      if ((x -= p) < 0) return s;
    }
    return 'active';
  };
  const sealed = box.seal('bench-password', 'client.service_password');
  const t0 = performance.now();
  const BATCH = 10_000;
  for (let start = 0; start < CLIENTS; start += BATCH) {
    sqlite
      .transaction(() => {
        for (let i = start; i < Math.min(CLIENTS, start + BATCH); i++) {
          const n = i + 1;
          const status = pickStatus();
          const expires = status === 'active' ? NOW + r.int(31 * DAY) : NOW - r.int(200 * DAY) - 1;
          const created = NOW - 900 * DAY + Math.floor((n / CLIENTS) * 890 * DAY);
          const name = `${r.pick(FIRST)} ${r.pick(LAST)}${r.next() < 0.3 ? ` ${r.pick(LAST)}` : ''}`;
          const { lastInsertRowid } = insert.run(
            `AC${String(n).padStart(6, '0')}`,
            name,
            r.next() < 0.5
              ? `07${String(r.int(100)).padStart(2, '0')} ${String(r.int(1000)).padStart(3, '0')} ${String(r.int(1000)).padStart(3, '0')}`
              : `+254 7${String(r.int(100)).padStart(2, '0')} ${String(r.int(1_000_000)).padStart(6, '0')}`,
            r.next() < 0.4
              ? `${name.split(' ')[0]?.toLowerCase() ?? 'x'}${String(n)}@mail.test`
              : null,
            `user${String(n)}`,
            sealed,
            r.next() < 0.15
              ? `10.${String(n >> 16)}.${String((n >> 8) & 255)}.${String(n & 255)}`
              : null,
            1 + r.int(PLANS),
            r.next() < 0.9 ? 1 + r.int(ROUTERS) : null,
            status,
            status === 'archived' ? 'expired' : null,
            expires,
            created,
            created,
            status === 'archived' ? NOW - r.int(100 * DAY) : null,
          );
          if (r.next() < 0.3) {
            const id = Number(lastInsertRowid);
            ledger.run(id, 'payment', 1_000 * (1 + r.int(20)), 'cash', opts.staffId, created);
            ledger.run(id, 'charge', -1_000 * (1 + r.int(20)), null, opts.staffId, created);
          }
        }
      })
      .immediate();
  }
  return (performance.now() - t0) / 1000;
};

// npm run bench:clients -- --clients N [--runs R] [--dir DIR | --reuse DIR [--build-only]] [--seed S]
// Builds a fresh database of N clients through the app's schema, migrations and triggers (a
// bulk insert path, as an import would), then measures the client list the way the UI calls
// it (a page plus the capped count): sorts, filters, deep keyset pages and searches, each
// run R times after a warm-up. Prints p50/p95 per query; the target is p95 ≤ 50 ms.
// `--reuse DIR` keeps the database in DIR: built there on the first run, measured as it is on the
// next ones (same --clients and --seed expected; pending migrations apply on open).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../core/db/open-database';
import { createClientSearch } from '../core/clients/client-search';
import { createClientCounts } from '../core/reports/client-counts';
import { createClientsRepo } from '../core/clients/clients.repo';
import type { ClientListQuery } from '../contract/schemas/clients';
import { insertClients } from './client-data';
import { fmt, percentile, timeRuns } from './stats';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const CLIENTS = Number(arg('clients') ?? 100_000);
const RUNS = Number(arg('runs') ?? 30);
const SEED = Number(arg('seed') ?? 7);
const TARGET_MS = 50;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1, 9);
const migrationsFolder = resolve(__dirname, '..', '..', 'migrations');
const reuse = arg('reuse');
const ownDir = arg('dir') === undefined && reuse === undefined;
const dir = reuse ?? arg('dir') ?? mkdtempSync(join(tmpdir(), 'ispdesk-bench-clients-'));
const log = (s: string) => process.stdout.write(`${s}\n`);

const build = () => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ispdesk.db');
  rmSync(file, { force: true });
  const db = openDatabase({ file, migrationsFolder });
  const { sqlite } = db;
  const staff = sqlite
    .prepare(
      `INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at, password_changed_at)
       VALUES ('bench', 'Bench', 'administrator', 'x', ?, ?, ?) RETURNING id`,
    )
    .get(NOW, NOW, NOW) as { id: number };
  const seconds = insertClients(sqlite, {
    count: CLIENTS,
    seed: SEED,
    now: NOW,
    staffId: staff.id,
  });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { seconds, mb: statSync(file).size / 1_048_576, file };
};

const measure = async (file: string) => {
  const db = openDatabase({ file, migrationsFolder });
  const search = createClientSearch(db.sqlite);
  const counts = createClientCounts(createClientsRepo(db.orm));
  const deepCursor = (q: ClientListQuery, pages: number) => {
    let cursor: string | undefined;
    for (let i = 0; i < pages; i++) {
      cursor = search.page({ ...q, ...(cursor ? { cursor } : {}) }, NOW).nextCursor ?? undefined;
    }
    return cursor;
  };
  const byName = { sort: { by: 'name', dir: 'asc' } } as const;
  const cases: [string, ClientListQuery][] = [
    ['first page, by name', byName],
    ['first page, by name desc', { sort: { by: 'name', dir: 'desc' } }],
    ['page 101, by name (keyset)', { ...byName, cursor: deepCursor(byName, 100) }],
    ['by account', { sort: { by: 'account', dir: 'asc' } }],
    ['by expiry', { sort: { by: 'expiresAt', dir: 'asc' } }],
    ['by balance desc', { sort: { by: 'balance', dir: 'desc' } }],
    ['newest first', { sort: { by: 'createdAt', dir: 'desc' } }],
    ['status active, by name', { filter: { statuses: ['active'] }, ...byName }],
    ['status suspended, by name', { filter: { statuses: ['suspended'] }, ...byName }],
    [
      'status expired+suspended, by expiry',
      { filter: { statuses: ['expired', 'suspended'] }, sort: { by: 'expiresAt', dir: 'desc' } },
    ],
    ['archived, by name', { filter: { statuses: ['archived'] }, ...byName }],
    ['plan, by name', { filter: { planId: 3 }, ...byName }],
    [
      'router + active, by balance',
      { filter: { routerId: 5, statuses: ['active'] }, sort: { by: 'balance', dir: 'asc' } },
    ],
    [
      'plan + router + active, by name',
      { filter: { planId: 4, routerId: 2, statuses: ['active'] }, ...byName },
    ],
    [
      'expires within 7 days, by expiry',
      { filter: { expiresWithinDays: 7 }, sort: { by: 'expiresAt', dir: 'asc' } },
    ],
    [
      'expires within 3 days + plan, by name',
      { filter: { expiresWithinDays: 3, planId: 5 }, ...byName },
    ],
    ['search "wan" (common name part)', { filter: { search: 'wan' }, ...byName }],
    ['search "kamau" (surname)', { filter: { search: 'kamau' }, ...byName }],
    ['search "wanjiru kamau" (full name)', { filter: { search: 'wanjiru kamau' }, ...byName }],
    ['search "AC012345" (account)', { filter: { search: 'AC012345' }, ...byName }],
    ['search "0712" (phone prefix, common)', { filter: { search: '0712' }, ...byName }],
    ['search "712 345" (phone part)', { filter: { search: '712345' }, ...byName }],
    ['search "user4242" (login)', { filter: { search: 'user4242' }, ...byName }],
    ['search "10.1.2" (IP part)', { filter: { search: '10.1.2' }, ...byName }],
    ['search "a" (one letter)', { filter: { search: 'a' }, ...byName }],
    ['search "ke" (two letters)', { filter: { search: 'ke' }, ...byName }],
    [
      'search "mar" + active, by balance',
      { filter: { search: 'mar', statuses: ['active'] }, sort: { by: 'balance', dir: 'desc' } },
    ],
    [
      'search "ke" + plan, by balance',
      { filter: { search: 'ke', planId: 2 }, sort: { by: 'balance', dir: 'asc' } },
    ],
    [
      'search "a", by expiry desc',
      { filter: { search: 'a' }, sort: { by: 'expiresAt', dir: 'desc' } },
    ],
    [
      'search "kamau", page 3 (keyset)',
      {
        filter: { search: 'kamau' },
        ...byName,
        cursor: deepCursor({ filter: { search: 'kamau' }, ...byName }, 2),
      },
    ],
    ['expires within 7 days, by name', { filter: { expiresWithinDays: 7 }, ...byName }],
    [
      'search "mail.test" (email), by expiry',
      { filter: { search: 'mail.test' }, sort: { by: 'expiresAt', dir: 'asc' } },
    ],
  ];
  const rows: { name: string; p50: number; p95: number; items: number; total: string }[] = [];
  for (const [name, q] of cases) {
    const out = search.list(q, NOW);
    const t = await timeRuns(RUNS, () => search.list(q, NOW));
    rows.push({
      name,
      p50: percentile(t, 50),
      p95: percentile(t, 95),
      items: out.items.length,
      total: `${String(out.total.count)}${out.total.capped ? '+' : ''}`,
    });
  }
  const soon = NOW + 7 * DAY;
  const c = await timeRuns(RUNS, () => counts.count(NOW, soon));
  rows.push({
    name: 'dashboard counts',
    p50: percentile(c, 50),
    p95: percentile(c, 95),
    items: 6,
    total: '-',
  });
  db.close();
  return rows;
};

const main = async () => {
  const kept = join(dir, 'ispdesk.db');
  let file = kept;
  if (reuse !== undefined && existsSync(kept)) {
    log(`Reusing ${kept} (${(statSync(kept).size / 1_048_576).toFixed(1)} MiB)`);
  } else {
    log(`Building ${CLIENTS.toLocaleString('en-US')} clients in ${dir} …`);
    const built = build();
    file = built.file;
    log(
      `  ${fmt(built.seconds * 1000)} ms (${String(Math.round(CLIENTS / built.seconds))} clients/s), ${built.mb.toFixed(1)} MiB`,
    );
  }
  if (process.argv.includes('--build-only')) return;
  const rows = await measure(file);
  const w = Math.max(...rows.map((r) => r.name.length));
  log('');
  log(
    `${'query (page of 50 + capped count)'.padEnd(w)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}  ${'rows'.padStart(5)}  ${'total'.padStart(7)}`,
  );
  log('-'.repeat(w + 36));
  for (const r of rows) {
    const flag = r.p95 > TARGET_MS ? '  > target' : '';
    log(
      `${r.name.padEnd(w)}  ${fmt(r.p50).padStart(8)}  ${fmt(r.p95).padStart(8)}  ${String(r.items).padStart(5)}  ${r.total.padStart(7)}${flag}`,
    );
  }
  const worst = Math.max(...rows.map((r) => r.p95));
  log('');
  log(
    `${String(RUNS)} runs each after a warm-up; worst p95 ${fmt(worst)} ms (target ≤ ${String(TARGET_MS)} ms): ${worst <= TARGET_MS ? 'met' : 'NOT met'}`,
  );
  if (ownDir) rmSync(dir, { recursive: true, force: true });
};

void main();

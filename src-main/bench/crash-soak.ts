// npm run soak:crash -- [--rounds N] [--streams S] [--clients C] [--seed S] [--data DIR] [--built]
// Kills the real headless server with SIGKILL while S concurrent streams take payments over
// HTTP, N times. After each restart it checks: PRAGMA integrity_check, `log verify`, every
// acknowledged payment present (with its receipt), every ledger row paired with its activity
// entry and the reverse, receipts gapless, each client's balance equal to its ledger sum.
// One line per round, then a summary; exit 1 if any check failed. Not part of `npm test`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom } from '../domain/seeded-random';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(arg('rounds') ?? 10);
const STREAMS = Number(arg('streams') ?? 8);
const CLIENTS = Number(arg('clients') ?? 24);
const SEED = Number(arg('seed') ?? 11);
/** Run out/main/headless.js (after `npx electron-vite build`) instead of the source via tsx. */
const BUILT = process.argv.includes('--built');
const ROOT = resolve(__dirname, '..', '..');
const keepDir = arg('data');
const dataDir = keepDir ?? mkdtempSync(join(tmpdir(), 'ispdesk-soak-'));
const random = seededRandom(SEED);
const say = (line: string) => process.stdout.write(`${line}\n`);

const entry = (name: 'headless' | 'cli') =>
  BUILT
    ? [join(ROOT, 'out', 'main', `${name}.js`)]
    : ['--import', 'tsx', join(ROOT, 'src-main', name, 'main.ts')];

type Server = { child: ChildProcess; base: string; exited: Promise<void> };

const startServer = async (): Promise<Server> => {
  const child = spawn(process.execPath, [...entry('headless'), '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const base = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/\S+?)\/? /.exec(output);
      if (match?.[1]) ok(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => fail(new Error(`the server exited while starting:\n${output}`)));
  });
  return { child, base, exited };
};

/** One HTTP client with the admin's session. */
const apiClient = (base: string) => {
  let cookie = '';
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const res = await fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: {
        'X-ISPDesk': '1',
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    const body = (await res.json()) as
      { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error.code}: ${body.error.message}`);
    return body.value;
  };
  return { call };
};

const ADMIN = {
  username: 'soak',
  displayName: 'Soak Runner',
  password: `Soak-${randomBytes(12).toString('base64url')}`,
};

type Acknowledged = { entryId: number; receipt: number; clientId: number; amount: number };

const setUpOffice = async (api: ReturnType<typeof apiClient>): Promise<number[]> => {
  await api.call('auth.setup', ADMIN);
  const plan = await api.call<{ id: number }>('plans.create', {
    name: 'Soak 10M',
    serviceType: 'pppoe',
    rateDownKbps: 10_000,
    rateUpKbps: 5_000,
    price: 2_500,
    validity: { unit: 'months', count: 1 },
    routerProfile: 'soak-10m',
    expiryAction: 'isolate',
    isolationProfile: 'expired',
  });
  const ids: number[] = [];
  for (let i = 1; i <= CLIENTS; i++) {
    const client = await api.call<{ id: number }>('clients.create', {
      fullName: `Soak Client ${String(i)}`,
      phone: `+254 700 ${String(100_000 + i)}`,
      serviceType: 'pppoe',
      serviceLogin: `soak${String(i)}`,
      servicePassword: `soak-${String(i)}-secret`,
      planId: plan.id,
    });
    ids.push(client.id);
  }
  return ids;
};

/** S streams paying until the server dies; returns what the server acknowledged. */
const payUntilKilled = async (
  api: ReturnType<typeof apiClient>,
  clients: number[],
  server: Server,
  killAfterMs: number,
): Promise<Acknowledged[]> => {
  const acknowledged: Acknowledged[] = [];
  const state = { dead: false };
  void server.exited.then(() => (state.dead = true));
  const stream = async (s: number) => {
    for (let n = 0; !state.dead; n++) {
      const clientId = random.pick(clients);
      const amount = 100 + random.int(4_900);
      try {
        const paid = await api.call<{ entry: { id: number }; receipt: { number: number } | null }>(
          'billing.pay',
          {
            clientId,
            amount,
            method: 'cash',
            reference: `s${String(s)}-${String(n)}`,
            renew: false,
          },
        );
        acknowledged.push({
          entryId: paid.entry.id,
          receipt: paid.receipt?.number ?? -1,
          clientId,
          amount,
        });
      } catch {
        // The server died with this request in flight (it may or may not have been kept); any
        // other refusal also ends this stream until the kill.
        await server.exited;
      }
    }
  };
  const timer = setTimeout(() => server.child.kill('SIGKILL'), killAfterMs);
  await Promise.all(Array.from({ length: STREAMS }, (_, s) => stream(s)));
  clearTimeout(timer);
  return acknowledged;
};

type Check = { name: string; ok: boolean; detail: string };

/** The checks, on the database the restarted server has recovered (read-only connection). */
const check = (all: Acknowledged[], kills: number): Check[] => {
  const db = new Database(join(dataDir, 'ispdesk.db'), { readonly: true });
  try {
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const integrity = db.pragma('integrity_check', { simple: true });
    const byId = db.prepare<
      [number],
      { amount: number; client_id: number; receipt: number | null }
    >(
      `SELECT l.amount, l.client_id, r.number AS receipt
         FROM ledger_entries l LEFT JOIN receipts r ON r.entry_id = l.id WHERE l.id = ?`,
    );
    const lost = all.filter((a) => {
      const row = byId.get(a.entryId);
      return (
        !row || row.amount !== a.amount || row.client_id !== a.clientId || row.receipt !== a.receipt
      );
    });
    const unpaired = count(
      `SELECT
         (SELECT count(*) FROM ledger_entries l WHERE l.kind = 'payment' AND NOT EXISTS (
            SELECT 1 FROM activity_log a WHERE a.event = 'payment.recorded'
              AND json_extract(a.details, '$.entryId') = l.id AND a.correlation_id = l.correlation_id))
       + (SELECT count(*) FROM activity_log a WHERE a.event = 'payment.recorded' AND NOT EXISTS (
            SELECT 1 FROM ledger_entries l WHERE l.id = json_extract(a.details, '$.entryId')))
       AS n`,
    );
    const receipts = db
      .prepare<[], { n: number; lo: number | null; hi: number | null }>(
        'SELECT count(*) AS n, min(number) AS lo, max(number) AS hi FROM receipts',
      )
      .get() ?? { n: 0, lo: null, hi: null };
    const gapless = receipts.n === 0 || (receipts.lo === 1 && receipts.hi === receipts.n);
    const offBalance = count(
      `SELECT count(*) AS n FROM clients c
        WHERE c.balance != (SELECT coalesce(sum(amount), 0) FROM ledger_entries l WHERE l.client_id = c.id)`,
    );
    const payments = count("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'payment'");
    const takeovers = count(
      "SELECT count(*) AS n FROM activity_log WHERE event = 'system.lock_recovered'",
    );
    const verify = spawnSync(
      process.execPath,
      [...entry('cli'), 'log', 'verify', '--data', dataDir],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    return [
      { name: 'integrity_check', ok: integrity === 'ok', detail: String(integrity) },
      {
        name: 'log verify',
        ok: verify.status === 0,
        detail:
          verify.status === 0
            ? `ok (${/(\d+) entries/.exec(verify.stdout)?.[1] ?? '?'} entries)`
            : ((verify.stdout || verify.stderr).trim().split('\n')[0] ?? ''),
      },
      { name: 'acknowledged kept', ok: lost.length === 0, detail: `${String(lost.length)} lost` },
      { name: 'ledger↔log', ok: unpaired === 0, detail: `${String(unpaired)} unpaired` },
      {
        name: 'receipts',
        ok: gapless,
        detail: `${String(receipts.n)} (${String(receipts.lo)}–${String(receipts.hi)})`,
      },
      { name: 'balances', ok: offBalance === 0, detail: `${String(offBalance)} off` },
      { name: 'lock takeovers logged', ok: takeovers === kills, detail: String(takeovers) },
      { name: 'payments kept', ok: true, detail: String(payments) },
    ];
  } finally {
    db.close();
  }
};

const main = async () => {
  say(
    `crash soak: ${String(ROUNDS)} rounds, ${String(STREAMS)} payment streams, ` +
      `${String(CLIENTS)} clients, data folder ${dataDir}`,
  );
  let server = await startServer();
  let api = apiClient(server.base);
  const clients = await setUpOffice(api);
  const acknowledged: Acknowledged[] = [];
  let failedRounds = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const killAfter = 500 + random.int(2_500);
    const got = await payUntilKilled(api, clients, server, killAfter);
    acknowledged.push(...got);
    const lockLeft = existsSync(join(dataDir, 'ispdesk.lock'));
    const started = Date.now();
    server = await startServer();
    const restartMs = Date.now() - started;
    api = apiClient(server.base);
    await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const checks = check(acknowledged, round);
    const bad = checks.filter((c) => !c.ok);
    if (bad.length > 0) failedRounds++;
    say(
      `round ${String(round)}: killed after ${(killAfter / 1000).toFixed(1)} s with ` +
        `${String(got.length)} payments acknowledged; ${lockLeft ? 'stale lock taken over, ' : ''}` +
        `restarted in ${(restartMs / 1000).toFixed(1)} s; ` +
        checks.map((c) => `${c.name} ${c.ok ? '' : 'FAILED: '}${c.detail}`).join(', '),
    );
  }
  server.child.kill('SIGTERM');
  await server.exited;
  say(
    `summary: ${String(ROUNDS)} kills, ${String(acknowledged.length)} acknowledged payments, ` +
      (failedRounds === 0
        ? 'every check passed in every round'
        : `${String(failedRounds)} rounds FAILED a check`),
  );
  if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  return failedRounds === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`crash soak failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

// npm run bench:auth -- [--flood 200] [--seconds 10] [--streams 1000] [--writes 50]
// Two measures of the headless server under abuse, on loopback addresses (127.0.0.x stand for
// workstations), with the app's real parts: HTTP server, dispatcher, SQLite, hashing threads.
//  1. Sign-in flood (issue 10, finding 2): one address keeps --flood bad sign-ins in flight for
//     --seconds (each answered one is sent again at once, Retry-After ignored), at the default
//     (OWASP) scrypt cost. Meanwhile another address signs in correctly, one after the other, and a
//     third loads `GET /`. Targets: sign-in ≤ 2 s, `GET /` ≤ 200 ms.
//  2. Event streams (finding 4): --streams `GET /api/events` streams open (5 per session, 20 per
//     address, the server's caps), then --writes logged changes (`plans.create`) one after the
//     other: their latency against the same writes with no stream open.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import * as hooks from 'node:perf_hooks';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AuthPolicy } from '../core/auth/auth-policy';
import { createCore, type Core } from '../core/create-core';
import { planInput } from '../core/test-support/plan-input';
import { fixedCoreHost } from '../transport/core-host';
import { createHttpServer } from '../headless/http-server';
import { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_SESSION } from '../headless/event-stream';
import { fmt, percentile } from './stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FLOOD = arg('flood', 200);
const SECONDS = arg('seconds', 10);
const STREAMS = arg('streams', 1000);
const WRITES = arg('writes', 50);
const SIGN_IN_TARGET_MS = 2_000;
const PAGE_TARGET_MS = 200;
const migrationsFolder = resolve(__dirname, '..', '..', 'migrations');
const hasher = {
  workerFile: resolve(__dirname, '..', 'core', 'test-support', 'ts-worker.cjs'),
  argv: [resolve(__dirname, '..', 'core', 'auth', 'hash-worker.ts')],
};
const log = (s: string) => process.stdout.write(`${s}\n`);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  password: 'correct horse battery staple',
};

type Reply = { status: number; body: string; cookie: string; ms: number };

/** One request on its own connection from a loopback address; ends when the answer has. */
const call = (
  port: number,
  opts: { method?: string; path: string; from: string; cookie?: string; body?: unknown },
): Promise<Reply> =>
  new Promise((done, fail) => {
    const t = performance.now();
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: opts.from,
        agent: false,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'X-ISPDesk': '1' }),
          ...(opts.cookie ? { Cookie: opts.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookie: ([res.headers['set-cookie']].flat()[0] ?? '').split(';')[0] ?? '',
            ms: performance.now() - t,
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });

const post = (port: number, name: string, body: unknown, from: string, cookie?: string) =>
  call(port, { method: 'POST', path: `/api/${name}`, body, from, ...(cookie ? { cookie } : {}) });

/** A core on a fresh folder behind the real HTTP server; the renderer is a small page. */
const serve = async (dir: string, authPolicy: Partial<AuthPolicy>) => {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), `<!doctype html>${'<p>ISP Desk</p>'.repeat(500)}`);
  const core: Core = createCore({
    dataDir: join(dir, 'data'),
    migrationsFolder,
    mode: 'test',
    version: 'bench',
    logger: quiet,
    background: false,
    authPolicy,
    passwordHasher: hasher,
  });
  const server = createHttpServer({ host: fixedCoreHost(core), rendererDir });
  const { port } = await server.listen(0, '127.0.0.1');
  const admin = await post(port, 'auth.setup', ADMIN, '127.0.0.9');
  if (admin.status !== 200) throw new Error(`setup failed: ${admin.body}`);
  return {
    core,
    port,
    adminCookie: admin.cookie,
    close: async () => {
      await server.close();
      await core.stop();
    },
  };
};

const summary = (ms: number[], target: number) =>
  `p50 ${fmt(percentile(ms, 50))} ms, max ${fmt(Math.max(...ms))} ms (target ≤ ${String(target)} ms, ` +
  `${ms.every((m) => m <= target) ? 'met' : 'NOT met'})`;

const signInFlood = async (dir: string) => {
  const s = await serve(dir, {}); // the default policy: OWASP scrypt, as the app runs
  const victim = {
    username: 'cashier1',
    displayName: 'Cash Ier',
    role: 'cashier',
    password: 'Cashier-Pa55word!',
  };
  const made = await post(s.port, 'staff.create', victim, '127.0.0.9', s.adminCookie);
  if (made.status !== 200) throw new Error(`staff.create failed: ${made.body}`);

  // The attacker is another process, as it would be: its own CPU for sending is not ours.
  const attacker = fork(__filename, ['--attack', String(s.port), victim.username], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((ready) => attacker.once('message', () => ready())); // flooding now
  const report = new Promise<{ sent: number; counts: [number, number][] }>((done) =>
    attacker.once('message', (m) => done(m as { sent: number; counts: [number, number][] })),
  );
  const loopBefore = hooks.performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + SECONDS * 1000;
  const signIns: number[] = [];
  const pages: number[] = [];
  const colleague = async () => {
    while (performance.now() < until) {
      const r = await post(
        s.port,
        'auth.login',
        { username: ADMIN.username, password: ADMIN.password },
        '127.0.0.3',
      );
      if (r.status !== 200) throw new Error(`the correct sign-in failed: ${r.body}`);
      signIns.push(r.ms);
    }
  };
  const browser = async () => {
    while (performance.now() < until) {
      const r = await call(s.port, { path: '/', from: '127.0.0.4' });
      if (r.status !== 200) throw new Error(`GET / answered ${String(r.status)}`);
      pages.push(r.ms);
    }
  };
  await Promise.all([colleague(), browser()]);
  const busy = hooks.performance.eventLoopUtilization(loopBefore).utilization;
  const cpu = process.cpuUsage(cpuBefore);
  attacker.send('stop');
  const { sent, counts } = await report;
  await s.close();

  log(
    `Sign-in flood: ${String(FLOOD)} bad sign-ins in flight from one address for ${String(SECONDS)} s`,
  );
  log(
    `  attacker: ${String(sent)} sent; ${counts.map(([k, v]) => `${String(v)} × HTTP ${String(k)}`).join(', ')}` +
      ` (${fmt((new Map(counts).get(401) ?? 0) / SECONDS)} passwords checked/s; HTTP 0: connection cut at accept)`,
  );
  log(
    `  correct sign-in from another address (${String(signIns.length)}): ${summary(signIns, SIGN_IN_TARGET_MS)}`,
  );
  log(
    `  server's main thread busy ${fmt(busy * 100)} % of the time (event-loop utilisation); ` +
      `server process CPU ${fmt((cpu.user + cpu.system) / 1000 / SECONDS / 10)} % of one core`,
  );
  log(`  GET / from a third address (${String(pages.length)}): ${summary(pages, PAGE_TARGET_MS)}`);
};

/** Opens one event stream; resolves once it is connected (or refused). */
const openStream = (port: number, cookie: string, from: string): Promise<IncomingMessage> =>
  new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        localAddress: from,
        agent: false,
        headers: { Cookie: cookie },
      },
      (res) => {
        if (res.statusCode !== 200)
          fail(new Error(`GET /api/events answered ${String(res.statusCode)}`));
        res.once('data', () => done(res));
      },
    );
    req.on('error', fail);
    req.end();
  });

const eventStreams = async (dir: string) => {
  // Cheap hashing here: the sessions are the setup, not the measure.
  const s = await serve(dir, { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const writes = async (label: string) => {
    const ms: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const plan = planInput({ name: `${label} ${String(i)}` });
      const r = await post(s.port, 'plans.create', plan, '127.0.0.9', s.adminCookie);
      if (r.status !== 200) throw new Error(`plans.create failed: ${r.body}`);
      ms.push(r.ms);
    }
    return ms;
  };
  const before = await writes('Before');
  const streams: IncomingMessage[] = [];
  const perAddress = MAX_STREAMS_PER_ADDRESS;
  while (streams.length < STREAMS) {
    const n = streams.length;
    const from = `127.0.${String(10 + Math.floor(n / perAddress / 250))}.${String(1 + (Math.floor(n / perAddress) % 250))}`;
    const login = await post(
      s.port,
      'auth.login',
      { username: ADMIN.username, password: ADMIN.password },
      from,
    );
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.body}`);
    for (let i = 0; i < MAX_STREAMS_PER_SESSION && streams.length < STREAMS; i++) {
      streams.push(await openStream(s.port, login.cookie, from));
      if (streams.length % perAddress === 0) break;
    }
  }
  const during = await writes('During');
  // One live-tail notice to every stream, as the core sends after a commit: its cost on the
  // main thread (one session check per session, one write per stream).
  const fanOut: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const t = performance.now();
    s.core.events.emit('activity.recorded', {
      lastId: i + 1,
      count: 1,
      categories: { client: { lastId: i + 1, count: 1 } },
    });
    fanOut.push(performance.now() - t);
    await new Promise<void>((next) => setImmediate(next));
  }
  for (const res of streams) res.destroy();
  await s.close();
  log(
    `Event streams: ${String(WRITES)} logged writes (plans.create over HTTP), one after the other`,
  );
  log(
    `  no stream open:              p50 ${fmt(percentile(before, 50))} ms, p99 ${fmt(percentile(before, 99))} ms`,
  );
  log(
    `  ${String(streams.length).padStart(5)} streams open (${String(MAX_STREAMS_PER_SESSION)}/session): p50 ${fmt(percentile(during, 50))} ms, p99 ${fmt(percentile(during, 99))} ms`,
  );
  log(
    `  one notice to all ${String(streams.length)} streams (${String(streams.length / MAX_STREAMS_PER_SESSION)} sessions): p50 ${fmt(percentile(fanOut, 50))} ms, max ${fmt(Math.max(...fanOut))} ms`,
  );
};

/** The attacking process: --flood sign-ins in flight until told to stop; reports its counts. */
const attack = async (port: number, username: string) => {
  const counts = new Map<number, number>();
  let running = true;
  let sent = 0;
  process.once('message', () => (running = false));
  const one = async () => {
    while (running) {
      sent += 1;
      // A connection cut as it was accepted (too many open from this address) counts as 0.
      const status = await post(
        port,
        'auth.login',
        { username, password: `guess ${String(sent)}` },
        '127.0.0.2',
      ).then(
        (r) => r.status,
        () => 0,
      );
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  };
  const flood = Array.from({ length: FLOOD }, one);
  process.send?.('flooding');
  await Promise.all(flood);
  process.send?.({ sent, counts: [...counts] }, () => process.exit(0));
};

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ispdesk-bench-auth-'));
  try {
    await signInFlood(join(dir, 'flood'));
    await eventStreams(join(dir, 'streams'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const attackAt = process.argv.indexOf('--attack');
(attackAt > 0
  ? attack(Number(process.argv[attackAt + 1]), process.argv[attackAt + 2] ?? '')
  : main()
).catch((e: unknown) => {
  process.stderr.write(
    `bench:auth failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});

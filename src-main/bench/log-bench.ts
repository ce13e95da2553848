// npm run bench:log -- --rows N [--json FILE] [--dir DIR [--reuse]] [--seed S]
// Builds a fresh activity log of N realistic entries through the app's schema and chain appender,
// then measures ingest, size, cold open, searches, counts, histogram, facets, the LIKE-scan
// baseline, event-loop blocking and single-entry commits. Prints a table; --json writes figures.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase, type Sqlite } from '../core/db/open-database';
import { createChainAppender } from '../core/activity/chain-appender';
import { createActivitySearch } from '../core/activity/activity-search';
import { createActivityStats } from '../core/activity/activity-stats';
import { createRecorder } from '../core/activity/recorder';
import { createReaderPool } from '../core/activity/reader/reader-pool';
import { createWriteUpkeep } from '../core/db/write-upkeep';
import { consoleLogger } from '../core/shared/logger';
import type { ActivityFilter } from '../contract/schemas/activity';
import { seededRandom } from '../domain/seeded-random';
import { account, generateRows, ROUTERS, STAFF } from './log-data';
import { fmt, percentile, timeRuns, timeRunsAsync } from './stats';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('rows') ?? 1_000_000);
const JSON_OUT = arg('json');
const SEED = Number(arg('seed') ?? 42);
const RUNS = 15;
const migrationsFolder = resolve(__dirname, '..', '..', 'migrations');
const dir = arg('dir') ?? mkdtempSync(join(tmpdir(), 'ispdesk-bench-log-'));
const file = join(dir, 'ispdesk.db');
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);
const FROM = NOW - 730 * DAY;

const log = (s: string) => process.stdout.write(`${s}\n`);

const ingest = () => {
  if (existsSync(file)) rmSync(file);
  const db = openDatabase({ file, migrationsFolder });
  // The bulk load may use a bigger page cache than the app's 64 MiB: the indexes stay in memory.
  db.sqlite.pragma('cache_size = -1048576');
  const appender = createChainAppender(db.sqlite);
  const r = seededRandom(SEED);
  const batch: ReturnType<typeof generateRows> extends Generator<infer T> ? T[] : never = [];
  const t0 = performance.now();
  const flush = () => {
    db.sqlite.transaction(() => appender.appendBatch(batch)).immediate();
    batch.length = 0;
  };
  let done = 0;
  for (const row of generateRows(r, ROWS, FROM, NOW)) {
    batch.push(row);
    if (batch.length === 10_000) {
      flush();
      done += 10_000;
      if (done % 500_000 === 0)
        log(
          `  … ${String(done)} rows, ${String(Math.round(done / ((performance.now() - t0) / 1000)))} rows/s`,
        );
    }
  }
  if (batch.length > 0) flush();
  const seconds = (performance.now() - t0) / 1000;
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { rowsPerSec: ROWS / seconds, bytesPerRow: statSync(file).size / ROWS };
};

const coldOpen = () => {
  let dropped = false;
  try {
    execSync('sync && echo 3 > /proc/sys/vm/drop_caches', { stdio: 'ignore' });
    dropped = true;
  } catch {
    // Not permitted here: the figure is then a warm-cache open.
  }
  const t = performance.now();
  const db = openDatabase({ file, migrationsFolder });
  createActivitySearch(db.sqlite).search({ text: 'payment' });
  const ms = performance.now() - t;
  return { db, ms, dropped };
};

/** The reader threads the app uses, run from source through tsx. */
const startReader = () =>
  createReaderPool({
    workerFile: resolve(__dirname, '..', 'core', 'test-support', 'ts-worker.cjs'),
    argv: [resolve(__dirname, '..', 'core', 'activity', 'reader', 'reader-worker.ts')],
    data: { file, archivesDir: join(dir, 'archives') },
    now: () => NOW,
    logger: consoleLogger,
  });

/** A LIKE '%…%' search with the filter's other conditions as column tests: page and count. */
const likeScan = (sqlite: Sqlite, f: ActivityFilter, text: string) => {
  const where = ['description LIKE ?'];
  const params: (string | number)[] = [`%${text}%`];
  const oneOf = (column: string, values: readonly string[] | undefined) => {
    if (!values) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  oneOf('type', f.types);
  oneOf('category', f.categories);
  if (f.from !== undefined) where.push(`ts >= ${String(f.from)}`);
  if (f.to !== undefined) where.push(`ts <= ${String(f.to)}`);
  const sql = where.join(' AND ');
  const page = sqlite.prepare(`SELECT * FROM activity_log WHERE ${sql} ORDER BY id DESC LIMIT 100`);
  const count = sqlite.prepare(`SELECT count(*) FROM activity_log WHERE ${sql}`);
  return () => {
    page.all(...params);
    count.get(...params);
  };
};

const main = async () => {
  // --reuse: measure a database an earlier run built with --dir (no ingest figure then).
  const reuse = process.argv.includes('--reuse') && existsSync(file);
  log(reuse ? `Reusing ${file}` : `Building ${String(ROWS)} entries in ${file} …`);
  const built = reuse ? { rowsPerSec: NaN, bytesPerRow: statSync(file).size / ROWS } : ingest();
  log(
    `Ingest: ${String(Math.round(built.rowsPerSec))} rows/s, ${built.bytesPerRow.toFixed(0)} bytes per entry`,
  );

  const cold = coldOpen();
  const { db } = cold;
  const search = createActivitySearch(db.sqlite);
  const stats = createActivityStats({ sqlite: db.sqlite, planner: search.planner, now: () => NOW });
  const last30 = { from: NOW - 30 * DAY, to: NOW };
  // The cursor 10 000 entries deep, found once by paging.
  const depthCursor = (() => {
    let cursor: number | undefined;
    for (let i = 0; i < 20; i++)
      cursor = search.page({}, { cursor, limit: 500 }).nextCursor ?? undefined;
    return cursor;
  })();

  const rareAccount = account(4217);
  const queries: { name: string; filter: ActivityFilter; cursor?: number; like?: string }[] = [
    { name: 'common word "payment"', filter: { text: 'payment ' }, like: 'payment' },
    { name: `rare token "${rareAccount}"`, filter: { text: `${rareAccount} ` }, like: rareAccount },
    {
      name: 'phrase "did not respond"',
      filter: { text: '"did not respond"' },
      like: 'did not respond',
    },
    { name: 'prefix "kisu" (as typed)', filter: { text: 'kisu' }, like: 'kisu' },
    {
      name: 'word + 30 days + type',
      filter: { text: 'renewed ', types: ['user'], ...last30 },
      like: 'renewed',
    },
    {
      name: 'common word + rare filter (all time)',
      filter: { text: 'payment ', categories: ['staff'] },
      like: 'payment',
    },
    { name: 'IP exact', filter: { ip: STAFF[3]?.ip ?? '192.168.10.23' } },
    { name: 'IP /24', filter: { ip: '192.168.10.0/24' } },
    { name: 'one staff member', filter: { actorIds: [5] } },
    { name: 'router pivot', filter: { routerId: 17 } },
    { name: 'page at depth 10,000 (keyset)', filter: {}, cursor: depthCursor },
  ];

  const results: { name: string; p50Ms: number; p95Ms: number; likeScanP50Ms?: number }[] = [];
  const worst: { name: string; ms: number } = { name: '', ms: 0 };
  const track = (name: string, t: number[]) => {
    const m = Math.max(...t);
    if (m > worst.ms) Object.assign(worst, { name, ms: m });
  };
  for (const q of queries) {
    const t = await timeRuns(RUNS, () => search.page(q.filter, { cursor: q.cursor }));
    track(q.name, t);
    results.push({
      name: `newest-100: ${q.name}`,
      p50Ms: percentile(t, 50),
      p95Ms: percentile(t, 95),
    });
  }
  const more = [
    { name: 'capped count "payment" (10,000 cap)', fn: () => search.count({ text: 'payment ' }) },
    { name: 'capped count, all entries', fn: () => search.count({}) },
    { name: 'histogram, 30 days', fn: () => stats.histogram(last30) },
    { name: 'facets, 30 days', fn: () => stats.facets(last30) },
    {
      name: 'histogram, 30 days + type',
      fn: () => stats.histogram({ ...last30, types: ['system'] }),
    },
    { name: 'facets, all time', fn: () => stats.facets({}) },
    {
      name: 'histogram, 30 days, text "payment"',
      fn: () => stats.histogram({ ...last30, text: 'payment ' }),
    },
  ];
  for (const m of more) {
    const t = await timeRuns(RUNS, m.fn);
    track(m.name, t);
    results.push({ name: m.name, p50Ms: percentile(t, 50), p95Ms: percentile(t, 95) });
  }

  // The same text searches as the app runs them (activity.search: the newest 100 and a capped
  // count), against what PHP billing systems do: LIKE '%…%' with the same filters as plain
  // column tests, newest 100 plus a count for the pager. The ratio compares the two.
  for (const q of queries.filter((x) => x.like)) {
    const t = await timeRuns(RUNS, () => search.search(q.filter));
    const like = likeScan(db.sqlite, q.filter, q.like ?? '');
    const tl = await timeRuns(3, like);
    results.push({
      name: `search (page + count): ${q.name}`,
      p50Ms: percentile(t, 50),
      p95Ms: percentile(t, 95),
      likeScanP50Ms: percentile(tl, 50),
    });
  }
  {
    // The typed prefix when the index has just changed: its word list is read again.
    const t = await timeRuns(RUNS, () => createActivitySearch(db.sqlite).page({ text: 'kisu' }));
    results.push({
      name: 'newest-100: prefix "kisu", word list not cached',
      p50Ms: percentile(t, 50),
      p95Ms: percentile(t, 95),
    });
  }

  // The app's path: every query above as the Activity Log screen calls it (activity.search with
  // its capped count, histogram, facets), on the reader threads. The main thread only waits, so
  // this is where its event loop is watched.
  const reader = startReader();
  await reader.read('get', { id: 1 }); // thread start-up is not a search
  const appCalls: { name: string; call: () => Promise<unknown> }[] = [
    ...queries.map((q) => ({
      name: `search: ${q.name}`,
      call: () =>
        reader.read('search', {
          filter: q.filter,
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        }),
    })),
    ...[{}, last30, { ...last30, text: 'payment ' }, { text: 'payment ' }].flatMap((filter) => [
      {
        name: `histogram ${JSON.stringify(filter)}`,
        call: () => reader.read('histogram', { filter }),
      },
      { name: `facets ${JSON.stringify(filter)}`, call: () => reader.read('facets', { filter }) },
    ]),
  ];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const appTimes: number[] = [];
  for (const c of appCalls) appTimes.push(...(await timeRunsAsync(5, c.call)));
  // And all of them at once, as several screens and workstations would.
  await Promise.all(appCalls.map((c) => c.call()));
  loop.disable();
  const maxBlockMs = loop.max / 1e6;
  await reader.close();

  // Live path: one entry per transaction through the recorder, synchronous=FULL.
  const recorder = createRecorder({
    sqlite: db.sqlite,
    clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
    host: { ip: '192.168.10.2', name: 'bench' },
    onCommitted: () => undefined,
  });
  // As in the app: no WAL checkpoint and no index merge inside commits; the upkeep timer (every
  // 5 s in the app) does them between calls: here every 100 commits, timed on its own.
  const upkeep = createWriteUpkeep(db.sqlite);
  upkeep.hold();
  const commits: number[] = [];
  const walCheckpoints: number[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i % 100 === 99) {
      const t = performance.now();
      upkeep.tick();
      walCheckpoints.push(performance.now() - t);
    }
    const t = performance.now();
    recorder.record({
      event: 'activity.exported',
      params: { by: 'bench', format: 'csv', rows: i },
      ctx: {
        ip: '192.168.10.21',
        workstation: 'bench',
        correlationId: `c${String(i)}`,
        actor: null,
      },
    });
    commits.push(performance.now() - t);
  }
  db.close();

  log('');
  log(
    `entries                 ${String(ROWS)}  (seed ${String(SEED)}, ${ROUTERS.length} routers, ${STAFF.length} staff)`,
  );
  log(`ingest                  ${String(Math.round(built.rowsPerSec))} entries/s`);
  log(`size                    ${built.bytesPerRow.toFixed(0)} bytes per entry`);
  log(
    `cold open + search      ${fmt(cold.ms)} ms${cold.dropped ? ' (page cache dropped)' : ' (page cache NOT dropped)'}`,
  );
  log(
    `commit, FULL            p50 ${fmt(percentile(commits, 50))} ms, p99 ${fmt(percentile(commits, 99))} ms`,
  );
  log(
    `upkeep tick (timer)     p50 ${fmt(percentile(walCheckpoints, 50))} ms, max ${fmt(Math.max(...walCheckpoints))} ms (WAL checkpoint + one index merge step)`,
  );
  log(
    `max event-loop block    ${fmt(maxBlockMs)} ms while the screen's calls ran on the reader threads (${String(appCalls.length)} calls × 5, then all at once; call p50 ${fmt(percentile(appTimes, 50))} ms, p95 ${fmt(percentile(appTimes, 95))} ms)`,
  );
  log(
    `slowest single query    ${fmt(worst.ms)} ms (${worst.name}; measured on the calling thread below)`,
  );
  log('');
  log(
    `${'query'.padEnd(60)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'LIKE p50'.padStart(10)} ${'ratio'.padStart(8)}`,
  );
  for (const r of results) {
    const ratio = r.likeScanP50Ms ? `${Math.round(r.likeScanP50Ms / r.p50Ms)}×` : '';
    log(
      `${r.name.padEnd(60)} ${fmt(r.p50Ms).padStart(8)} ${fmt(r.p95Ms).padStart(8)} ${(r.likeScanP50Ms ? fmt(r.likeScanP50Ms) : '').padStart(10)} ${ratio.padStart(8)}`,
    );
  }
  if (JSON_OUT) {
    writeFileSync(
      JSON_OUT,
      JSON.stringify(
        {
          rows: ROWS,
          ingestRowsPerSec: Math.round(built.rowsPerSec),
          bytesPerRow: Math.round(built.bytesPerRow),
          coldOpenFirstSearchMs: cold.ms,
          pageCacheDropped: cold.dropped,
          commitP50Ms: percentile(commits, 50),
          commitP99Ms: percentile(commits, 99),
          upkeepTickMaxMs: Math.max(...walCheckpoints),
          appCallP95Ms: percentile(appTimes, 95),
          maxEventLoopBlockMs: maxBlockMs,
          queries: results,
        },
        null,
        2,
      ),
    );
    log(`\nwrote ${JSON_OUT}`);
  }
  if (!arg('dir')) rmSync(dir, { recursive: true, force: true });
};

void main();

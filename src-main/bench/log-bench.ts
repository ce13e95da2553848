// npm run bench:log -- --rows N [--json FILE] [--dir DIR] [--seed S]
// Builds a fresh activity log of N realistic entries through the app's schema and chain appender,
// then measures ingest, size, cold open, searches, counts, histogram, facets, the LIKE-scan
// baseline, event-loop blocking and single-entry commits. Prints a table; --json writes figures.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../core/db/open-database';
import { createChainAppender } from '../core/activity/activity-insert';
import { createActivitySearch } from '../core/activity/activity-search';
import { createActivityStats } from '../core/activity/activity-stats';
import { createRecorder } from '../core/activity/recorder';
import type { ActivityFilter } from '../contract/schemas/activity';
import { seededRandom } from './random';
import { account, generateRows, ROUTERS, STAFF } from './log-data';
import { fmt, percentile, timeRuns } from './stats';

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

const main = async () => {
  log(`Building ${String(ROWS)} entries in ${file} …`);
  const built = ingest();
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

  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
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
  loop.disable();
  const maxBlockMs = loop.max / 1e6;

  // What PHP billing systems do: LIKE '%…%' over the table, with a count for the pager.
  for (const q of queries.filter((x) => x.like)) {
    const like = `%${q.like ?? ''}%`;
    const page = db.sqlite.prepare(
      'SELECT * FROM activity_log WHERE description LIKE ? ORDER BY id DESC LIMIT 100',
    );
    const count = db.sqlite.prepare('SELECT count(*) FROM activity_log WHERE description LIKE ?');
    const t = await timeRuns(3, () => {
      page.all(like);
      count.get(like);
    });
    const r = results.find((x) => x.name === `newest-100: ${q.name}`);
    if (r) r.likeScanP50Ms = percentile(t, 50);
  }
  // The same text searches as the app runs them, page plus capped count, for the ratio.
  for (const q of queries.filter((x) => x.like)) {
    const t = await timeRuns(RUNS, () => search.search(q.filter));
    results.push({
      name: `page + count: ${q.name}`,
      p50Ms: percentile(t, 50),
      p95Ms: percentile(t, 95),
    });
  }

  // Live path: one entry per transaction through the recorder, synchronous=FULL.
  const recorder = createRecorder({
    sqlite: db.sqlite,
    clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
    host: { ip: '192.168.10.2', name: 'bench' },
    onCommitted: () => undefined,
  });
  // As in the app: no checkpoint inside commits; the maintenance timer runs it (timed below).
  db.sqlite.pragma('wal_autocheckpoint = 0');
  const commits: number[] = [];
  const walCheckpoints: number[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i % 500 === 499) {
      const t = performance.now();
      db.sqlite.pragma('wal_checkpoint(PASSIVE)');
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
  log(`WAL checkpoint (timer)  max ${fmt(Math.max(...walCheckpoints))} ms per 500 commits`);
  log(
    `max event-loop block    ${fmt(maxBlockMs)} ms (during the query runs; slowest timed call ${fmt(worst.ms)} ms: ${worst.name})`,
  );
  log('');
  log(
    `${'query'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'LIKE p50'.padStart(10)} ${'ratio'.padStart(8)}`,
  );
  for (const r of results) {
    const ratio = r.likeScanP50Ms ? `${Math.round(r.likeScanP50Ms / r.p50Ms)}×` : '';
    log(
      `${r.name.padEnd(52)} ${fmt(r.p50Ms).padStart(8)} ${fmt(r.p95Ms).padStart(8)} ${(r.likeScanP50Ms ? fmt(r.likeScanP50Ms) : '').padStart(10)} ${ratio.padStart(8)}`,
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
          walCheckpointMaxMs: Math.max(...walCheckpoints),
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

// npm run bench:forward -- [--entries N] [--json FILE]
// Log forwarding's throughput: N generated entries are in the log before forwarding is turned on
// towards a real rsyslog (Debian's rsyslogd, unprivileged, imtcp on a loopback port); then it
// catches up. Prints entries per second handed to the receiver and written by it (its output
// file holds every id), and the main event loop's longest delay meanwhile.
// Target: forwarding keeps up with 2,000 entries/s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { DATABASE_FILE } from '../core/config';
import { openDatabase } from '../core/db/open-database';
import { silentLogger } from '../core/shared/logger';
import { createRsyslog } from '../core/test-support/rsyslog-receiver';
import { createDispatch } from '../transport/dispatch';
import { caller, callContext } from './bench-calls';
import { appendGeneratedEntries } from './log-data';
import { fmt } from './stats';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '200000' },
    json: { type: 'string' },
  },
});
const ENTRIES = Number(values.entries);
const TARGET_PER_SECOND = 2_000;
const DAY = 86_400_000;
const migrationsFolder = resolve(__dirname, '..', '..', 'migrations');
const log = (s: string) => process.stdout.write(`${s}\n`);

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ispdesk-forward-bench-'));
  const rsyslog = await createRsyslog(mkdtempSync(join(tmpdir(), 'ispdesk-rsyslog-')));
  try {
    log(`${ENTRIES.toLocaleString('en-US')} entries in the log …`);
    const db = openDatabase({ file: join(dir, DATABASE_FILE), migrationsFolder });
    const now = Date.now();
    appendGeneratedEntries(db.sqlite, {
      rows: ENTRIES,
      seed: 5,
      from: now - 30 * DAY,
      to: now - DAY,
    });
    db.close();

    const core = createCore({
      dataDir: dir,
      migrationsFolder,
      mode: 'cli',
      version: 'bench',
      logger: silentLogger,
      host: { ip: '127.0.0.1', name: 'bench' },
      background: false,
    });
    core.start();
    const call = caller(createDispatch(core), callContext());
    await call('auth.setup', {
      username: 'admin',
      displayName: 'Bench Admin',
      password: 'forward bench pass 2026',
    });
    await rsyslog.start();

    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const t0 = performance.now();
    await call('forwarding.update', { enabled: true, host: '127.0.0.1', port: rsyslog.port });
    let sentAt = 0;
    let receivedAt = 0;
    let total = 0;
    for (;;) {
      const status = await call('forwarding.status', undefined);
      total = status.sentUpTo + status.behindEntries;
      if (sentAt === 0 && status.behindEntries === 0) sentAt = performance.now();
      if (sentAt > 0 && rsyslog.lines().length >= total) {
        receivedAt = performance.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    loop.disable();
    const sentPerSecond = total / ((sentAt - t0) / 1000);
    const receivedPerSecond = total / ((receivedAt - t0) / 1000);
    const loopMaxMs = loop.max / 1e6;
    log(`forwarding caught up on ${total.toLocaleString('en-US')} entries:`);
    log(`  handed to rsyslog  ${fmt(sentPerSecond)} entries/s`);
    log(`  written by rsyslog ${fmt(receivedPerSecond)} entries/s`);
    log(`  main event loop max delay ${fmt(loopMaxMs)} ms`);
    log(
      `  target ≥ ${String(TARGET_PER_SECOND)} entries/s: ${receivedPerSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`,
    );
    if (values.json) {
      writeFileSync(
        values.json,
        JSON.stringify({ entries: total, sentPerSecond, receivedPerSecond, loopMaxMs }, null, 2),
      );
    }
    await core.stop();
  } finally {
    await rsyslog.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

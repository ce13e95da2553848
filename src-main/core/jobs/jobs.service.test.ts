import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';
import {
  createTestCore,
  entriesOf,
  failure,
  logEntries,
  SECOND,
  signInAdmin,
  tempDirForTest,
  testCore,
  unwrap,
} from '../test-support/test-core';

const DAY = 86_400_000;

describe('jobs over the contract', () => {
  it('lists every background job; admins run one now, technicians and viewers only read', async () => {
    const o = await officeCore();
    const jobs = unwrap(await o.viewer.call('jobs.list', undefined));
    expect(jobs.map((j) => [j.name, j.kind])).toEqual([
      ['sessions.sweep', 'tick'],
      ['db.upkeep', 'tick'],
      ['activity.checkpoint', 'task'],
      ['activity.maintenance', 'task'],
      ['db.backup', 'task'],
      ['system.disk_space', 'tick'],
      ['routers.health', 'tick'],
      ['routers.queue', 'tick'],
      ['routers.auto_sync', 'task'],
      ['clients.expiry', 'task'],
    ]);
    expect(jobs.find((j) => j.name === 'clients.expiry')).toMatchObject({
      label: 'Expiry processing',
      schedule: 'every 5 min (network settings)',
      enabled: true,
      running: false,
      lastRun: null,
      // Background jobs are not scheduled in this test core.
      nextRunAt: null,
    });
    unwrap(await o.tech.call('jobs.list', undefined));
    failure(await o.cashier.call('jobs.list', undefined), 'forbidden');
    failure(await o.tech.call('jobs.runNow', { name: 'db.backup' }), 'forbidden');
    const unknown = failure(await o.admin.raw('jobs.runNow', { name: 'nope' }), 'validation');
    expect(unknown.message).toContain('Unknown job');
  });

  it('says how large the WAL file is in the upkeep entry', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const first = unwrap(await admin.call('jobs.runNow', { name: 'db.upkeep' }));
    expect(first.lastRun?.summary).toMatch(
      /^\d+ pages copied into the database file(; search index segments merged)?; WAL file [\d.]+ (B|kB|MB)$/,
    );
  });

  it('runs the backup now: the file is written, and the run is logged with the admin as the actor', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const job = unwrap(await admin.call('jobs.runNow', { name: 'db.backup' }));
    expect(job.lastRun).toMatchObject({
      outcome: 'success',
      trigger: 'staff',
      actor: 'Ada Admin',
      error: null,
    });
    expect(job.lastRun?.summary).toMatch(
      /^Backup ispdesk-20300115-090000\.db written \([\d.]+ kB\), 1 kept$/,
    );
    expect(existsSync(join(tc.dataDir, 'backups', 'ispdesk-20300115-090000.db'))).toBe(true);
    const [entry] = entriesOf(tc.core, 'job.run_by_staff');
    expect(entry).toMatchObject({
      type: 'user',
      category: 'scheduled_task',
      outcome: 'success',
      actor: { name: 'Ada Admin' },
      target: { type: 'job', id: 'db.backup', label: 'Database backup' },
    });
    expect(entry?.description).toMatch(
      /^admin ran scheduled task "Database backup" now: completed in \d+ ms: Backup ispdesk-/,
    );
  });

  it('logs a failed run in plain words as a failure, and the job shows it', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    writeFileSync(join(tc.dataDir, 'backups'), 'a file where the folder should be');
    const job = unwrap(await admin.call('jobs.runNow', { name: 'db.backup' }));
    expect(job).toMatchObject({
      consecutiveFailures: 1,
      lastRun: { outcome: 'failure', summary: null },
    });
    expect(job.lastRun?.error).toMatch(/EEXIST|ENOTDIR/);
    expect(entriesOf(tc.core, 'job.run_by_staff')[0]).toMatchObject({ outcome: 'failure' });
  });

  it('shares the correlation id of an expiry run with everything it expired', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin, { graceDays: 0, validity: { unit: 'days', count: 30 } });
    const client = await makeClient(o.admin, plan.id);
    unwrap(await o.admin.call('billing.renew', { clientId: client.id, periods: 1 }));
    o.tc.clock.advance(31 * DAY);
    const job = unwrap(await o.admin.call('jobs.runNow', { name: 'clients.expiry' }));
    expect(job.lastRun?.summary).toBe(
      '1 client expired: 0 isolated, 0 waiting in the queue, 1 without a router',
    );
    const [task] = entriesOf(o.core, 'job.run_by_staff');
    const [expired] = entriesOf(o.core, 'subscription.expired');
    expect(task?.correlationId).toBeTruthy();
    expect(expired?.correlationId).toBe(task?.correlationId);
    expect(entriesOf(o.core, 'expiry.run_completed')[0]?.correlationId).toBe(task?.correlationId);
  });

  it('keeps the last run across a restart', async () => {
    const dataDir = tempDirForTest();
    const first = createTestCore({ dataDir });
    const admin = await signInAdmin(first);
    unwrap(await admin.call('jobs.runNow', { name: 'activity.maintenance' }));
    await first.close();

    const again = testCore({ dataDir });
    const client = again.client();
    unwrap(
      await client.call('auth.login', {
        username: 'admin',
        password: 'correct horse battery staple',
      }),
    );
    const job = unwrap(await client.call('jobs.list', undefined)).find(
      (j) => j.name === 'activity.maintenance',
    );
    expect(job?.lastRun).toMatchObject({
      outcome: 'success',
      trigger: 'staff',
      actor: 'Ada Admin',
    });
    expect(job?.lastRun?.summary).toMatch(/^checkpoint signed at entry \d+; search index: /);
    expect(job?.lastSuccessAt).toBe(job?.lastRun?.startedAt);
    expect(logEntries(again.core).some((e) => e.event === 'activity.checkpoint')).toBe(true);
  });

  it('changes backup settings (admin only), logs the change, and refuses bad values without changing anything', async () => {
    const o = await officeCore();
    const before = unwrap(await o.viewer.call('backup.settings', undefined));
    expect(before).toEqual({
      enabled: true,
      intervalHours: 24,
      keep: 7,
      folder: join(o.tc.dataDir, 'backups'),
    });
    failure(await o.tech.call('backup.updateSettings', { keep: 3 }), 'forbidden');
    const bad = failure(await o.admin.call('backup.updateSettings', { keep: 0 }), 'validation');
    expect(bad.message).toContain('Keep at least 1 backup');
    expect(unwrap(await o.admin.call('backup.settings', undefined))).toEqual(before);

    const after = unwrap(await o.admin.call('backup.updateSettings', { keep: 3, enabled: false }));
    expect(after).toMatchObject({ keep: 3, enabled: false, intervalHours: 24 });
    expect(entriesOf(o.core, 'backup.settings_updated')[0]?.description).toBe(
      'admin changed backup settings: Enabled Yes → No, Keep 7 → 3',
    );
    const backupJob = unwrap(await o.admin.call('jobs.list', undefined)).find(
      (j) => j.name === 'db.backup',
    );
    expect(backupJob).toMatchObject({ enabled: false, schedule: 'off' });
  });

  it('schedules every job when the app runs: real jobs log each run as System entries, ticks stay quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const tc = testCore({ background: true });
      const admin = await signInAdmin(tc);
      tc.core.start();
      // Health polls (every 500 ms), the queue (2 s), WAL checkpoints (5 s) and the first
      // expiry check (30 s, plus jitter) all run in this time.
      await vi.advanceTimersByTimeAsync(40 * SECOND);
      const tasks = logEntries(tc.core).filter((e) => e.category === 'scheduled_task');
      expect(tasks.map((e) => [e.event, e.type, e.actor, e.description])).toEqual([
        [
          'job.completed',
          'system',
          null,
          'Scheduled task "Expiry processing" completed in 0 ms: no subscription was due to expire',
        ],
      ]);
      const jobs = unwrap(await admin.call('jobs.list', undefined));
      const health = jobs.find((j) => j.name === 'routers.health');
      expect(health?.lastRun).toMatchObject({
        outcome: 'success',
        summary: 'No router was due for a check',
      });
      expect(health?.nextRunAt).not.toBeNull();
      expect(jobs.find((j) => j.name === 'clients.expiry')?.nextRunAt).toBe(
        (jobs.find((j) => j.name === 'clients.expiry')?.lastRun?.startedAt ?? 0) + 5 * 60_000,
      );
      await tc.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../contract/schemas/system';
import { entriesOf, signInAdmin, testCore, unwrap } from '../test-support/test-core';
import { diskLowThreshold, type DiskSpace } from './disk-space';

const GB = 1_000_000_000;
const GiB = 1024 ** 3;

describe('the free-space watch on the data folder’s disk', () => {
  it('warns below 1 GiB, or 5 % of a small disk', () => {
    expect(diskLowThreshold(500 * GB)).toBe(GiB);
    expect(diskLowThreshold(8 * GB)).toBe(400_000_000);
  });

  it('logs low space once, pushes it to the windows, and logs once when it is enough again', async () => {
    let space: DiskSpace = { freeBytes: 200 * GB, totalBytes: 500 * GB };
    const asked: string[] = [];
    const tc = testCore({
      readDiskSpace: (folder) => {
        asked.push(folder);
        return space;
      },
    });
    const admin = await signInAdmin(tc);
    const pushed: StorageStatus[] = [];
    tc.core.events.on('system.storage', (s) => pushed.push(s));
    const check = async () =>
      unwrap(await admin.call('jobs.runNow', { name: 'system.disk_space' }));

    expect(unwrap(await admin.call('system.storage', undefined))).toBeNull();
    expect((await check()).lastRun?.summary).toBe('200.00 GB free of 500.00 GB');
    expect(asked.at(-1)).toBe(tc.dataDir);
    expect(unwrap(await admin.call('system.storage', undefined))).toMatchObject({ low: false });
    expect(entriesOf(tc.core, 'system.disk_low')).toHaveLength(0);

    space = { freeBytes: 700_000_000, totalBytes: 500 * GB };
    expect((await check()).lastRun?.summary).toBe(
      '700.0 MB free of 500.00 GB: low (the warning shows below 1.07 GB)',
    );
    await check();
    await check();
    const low = entriesOf(tc.core, 'system.disk_low');
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({
      type: 'system',
      category: 'system',
      outcome: 'failure',
      description:
        `Disk space is low: 700.0 MB free of 500.00 GB on the disk holding the data folder ` +
        `${tc.dataDir} (the warning shows below 1.07 GB); when it is full, nothing can be saved`,
    });
    expect(unwrap(await admin.call('system.storage', undefined))).toEqual({
      low: true,
      freeBytes: 700_000_000,
      totalBytes: 500 * GB,
      thresholdBytes: GiB,
      checkedAt: tc.clock.now(),
    });
    expect(pushed.map((s) => s.low)).toEqual([true]);

    space = { freeBytes: 3 * GB, totalBytes: 500 * GB };
    await check();
    await check();
    const recovered = entriesOf(tc.core, 'system.disk_recovered');
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.description).toBe(
      `Disk space is enough again: 3.00 GB free of 500.00 GB on the disk holding the data folder ${tc.dataDir}`,
    );
    expect(pushed.map((s) => s.low)).toEqual([true, false]);
    expect(entriesOf(tc.core, 'system.disk_low')).toHaveLength(1);
  });

  it('checks at start, so a low disk shows at once after a restart', async () => {
    const tc = testCore({
      background: true,
      readDiskSpace: () => ({ freeBytes: 10_000_000, totalBytes: 100 * GB }),
    });
    tc.core.start();
    expect(entriesOf(tc.core, 'system.disk_low')).toHaveLength(1);
    const admin = await signInAdmin(tc);
    expect(unwrap(await admin.call('system.storage', undefined))?.low).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failedLogins, memorySink } from '../test-support/activity-fixtures';
import { signInAdmin, testCore, unwrap, type TestCore } from '../test-support/test-core';

/** The computer's zone for these tests: not the office's, so a machine-zone time would show. */
const MACHINE_ZONE = 'UTC';
let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = MACHINE_ZONE;
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const exportAs = async (tc: TestCore, format: 'csv' | 'ndjson') => {
  const admin = await signInAdmin(tc);
  unwrap(await admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
  failedLogins(tc, 3);
  const sink = memorySink();
  unwrap(
    await tc.dispatch.download(
      'activity.export',
      { filter: { events: ['auth.login.failed'] }, format },
      admin.ctx,
      sink.open,
    ),
  );
  return sink.state;
};

/** `2030-01-15T12:00:00.000+03:00` for a moment three hours ahead of UTC. */
const nairobi = (ms: number) => `${new Date(ms + 3 * 3_600_000).toISOString().slice(0, 23)}+03:00`;

describe('activity export times', () => {
  it('are office time with its offset in CSV, on a computer set to another zone', async () => {
    const tc = testCore();
    const state = await exportAs(tc, 'csv');
    const now = tc.clock.now();
    expect(state.file).toBe(
      `activity-${nairobi(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.csv`,
    );
    const [header, ...rows] = state.chunks.join('').trimEnd().split('\r\n');
    expect(header?.split(',')[1]).toBe('timestamp');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const stamp = row.split(',')[1] ?? '';
      expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+03:00$/);
      expect(stamp).toBe(nairobi(Date.parse(stamp)));
    }
    const stored = tc.core.sqlite
      .prepare<[], { ts: number }>(
        "SELECT ts FROM activity_log WHERE event = 'auth.login.failed' ORDER BY id DESC",
      )
      .all();
    expect(rows.map((r) => r.split(',')[1])).toEqual(stored.map((s) => nairobi(s.ts)));
  });

  it('keep the machine time (ts, epoch ms) beside the office time in NDJSON', async () => {
    const tc = testCore();
    const state = await exportAs(tc, 'ndjson');
    const lines = state.chunks
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { ts: number; timestamp: string });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(typeof line.ts).toBe('number');
      expect(line.timestamp).toBe(nairobi(line.ts));
      expect(line.timestamp.endsWith('+03:00')).toBe(true);
    }
  });
});

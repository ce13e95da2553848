import { describe, expect, it } from 'vitest';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';
import { newCorrelationId } from '../shared/ids';
import {
  createFakeClock,
  entriesOf,
  MINUTE,
  signInAdmin,
  T0,
  tempDirForTest,
  testCore,
  unwrap,
} from '../test-support/test-core';

const DAY = 86_400_000;

describe('the computer clock set back or forward', () => {
  it('stamps a change and its log entry with one reading, logs the jump once, and finds the entry by correlation', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.admin, plan.id);
    const pay = async () =>
      unwrap(
        await o.cashier.call('billing.pay', { clientId: client.id, amount: 500, method: 'cash' }),
      );
    const lastTs = () => entriesOf(o.core, 'payment.recorded').at(-1)?.ts;
    await pay();
    const before = lastTs() ?? 0;

    // Someone turns the clock back 30 days; the app keeps running.
    o.tc.clock.jump(-30 * DAY);
    const read = o.tc.clock.now();
    const paid = await pay();
    const entry = entriesOf(o.core, 'payment.recorded').at(-1);
    if (!entry) throw new Error('no payment entry');
    // The ledger row, the receipt and the log entry: one time, never before the entry before.
    expect(paid.entry.createdAt).toBe(entry.ts);
    expect(paid.receipt?.issuedAt).toBe(entry.ts);
    expect(entry.ts).toBe(before);
    // The entry says what the clock read.
    expect(entry.details).toMatchObject({ clockRead: read });

    const changed = entriesOf(o.core, 'system.clock_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      type: 'system',
      outcome: 'failure',
      details: { before: read + 30 * DAY, after: read },
      description:
        "The computer's clock was turned back by 30d, from 15 Jan 2030 09:00:00 to 16 Dec 2029 " +
        '09:00:00; entries until it catches up carry the time of the entry before, with the ' +
        "clock's reading noted",
    });
    // The entry comes before the change it explains.
    expect(changed[0]?.id).toBeLessThan(entry.id);

    // Its correlation id finds it, whatever the clock did.
    const found = unwrap(
      await o.admin.call('activity.search', {
        filter: { correlationId: entry.correlationId ?? '' },
      }),
    );
    expect(found.entries.map((e) => e.id)).toContain(entry.id);

    // More changes: no second clock entry. The clock catches up: no note any more.
    o.tc.clock.advance(MINUTE);
    await pay();
    expect(entriesOf(o.core, 'system.clock_changed')).toHaveLength(1);
    o.tc.clock.advance(31 * DAY);
    const caughtUp = await pay();
    const last = entriesOf(o.core, 'payment.recorded').at(-1);
    expect(caughtUp.entry.createdAt).toBe(o.tc.clock.now());
    expect(last?.ts).toBe(o.tc.clock.now());
    expect(last?.details).not.toHaveProperty('clockRead');

    // Forward by more than a minute: logged once, with both times.
    o.tc.clock.jump(2 * DAY);
    await pay();
    await pay();
    const forward = entriesOf(o.core, 'system.clock_changed').slice(1);
    expect(forward).toHaveLength(1);
    expect(forward[0]?.description).toMatch(
      /^The computer's clock jumped forward by 2d, from .+ to .+ \(set by hand or by time sync\)$/,
    );
    // Less than a minute (time sync nudging): nothing.
    o.tc.clock.jump(30_000);
    await pay();
    expect(entriesOf(o.core, 'system.clock_changed')).toHaveLength(2);
  });

  it('finds an action’s later entries by correlation after the clock jumped forward past its window', async () => {
    const tc = testCore();
    const correlationId = newCorrelationId(tc.core.recorder.changeTime());
    const ctx = { ip: null, workstation: null, correlationId, actor: null };
    tc.core.write(() =>
      tc.core.recorder.record({
        event: 'system.started',
        params: { version: 't', mode: 'test' },
        ctx,
      }),
    );
    tc.clock.advance(MINUTE);
    tc.clock.jump(20 * DAY); // beyond the 7-day window of a correlation
    // The provisioning retry of the same action, an hour later.
    tc.clock.advance(60 * MINUTE);
    tc.core.write(() =>
      tc.core.recorder.record({ event: 'system.stopped', params: { mode: 'test' }, ctx }),
    );
    const admin = tc.client();
    unwrap(
      await admin.call('auth.setup', {
        username: 'admin',
        displayName: 'Ada Admin',
        password: 'correct horse battery staple',
      }),
    );
    const found = unwrap(await admin.call('activity.search', { filter: { correlationId } }));
    expect(found.entries.map((e) => e.event)).toEqual(['system.stopped', 'system.started']);
  });

  it('finds an action’s entries by correlation when the clock went back between its start and its entries', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    tc.clock.advance(10 * MINUTE);
    // An action starts (its correlation id is minted); before it records anything, the clock is
    // set back an hour.
    const correlationId = newCorrelationId(tc.core.recorder.changeTime());
    tc.clock.jump(-60 * MINUTE);
    const ctx = { ip: null, workstation: null, correlationId, actor: null };
    tc.core.write(() =>
      tc.core.recorder.record({ event: 'system.stopped', params: { mode: 'test' }, ctx }),
    );
    const found = unwrap(await admin.call('activity.search', { filter: { correlationId } }));
    expect(found.entries.map((e) => e.event)).toEqual(['system.stopped']);
  });

  it('logs a clock behind the last entry at start, once, with both times', async () => {
    const dataDir = tempDirForTest();
    const first = testCore({ dataDir });
    first.core.start();
    await first.close();
    // Restarted with the clock 3 days behind (a flat clock battery, say).
    const clock = createFakeClock(T0 - 3 * DAY);
    const second = testCore({ dataDir, clock });
    second.core.start();
    const changed = entriesOf(second.core, 'system.clock_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.details).toMatchObject({ after: T0 - 3 * DAY });
    expect(changed[0]?.description).toMatch(/^The computer's clock was turned back by 3d/);
  });
});

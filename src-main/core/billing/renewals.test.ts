import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { createFakeClock, unwrap } from '../test-support/test-core';
import { dayRange } from '../shared/office-time';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';

// The period rule itself is tested in src-main/domain/renewal-period.test.ts.
const local = (tz: string, ...p: [number, number, number, number?, number?]) =>
  new TZDate(p[0], p[1] - 1, p[2], p[3] ?? 0, p[4] ?? 0, tz).getTime();
const show = (ms: number, tz: string) => new TZDate(ms, tz).toISOString();

describe('renewals', () => {
  it('counts office days from local midnight (a 23-hour day at the DST change)', () => {
    const tz = 'America/New_York';
    expect(dayRange('2024-03-10', tz).to - dayRange('2024-03-10', tz).from).toBe(23 * 3_600_000);
  });

  it('renews through the service in the configured office time zone', async () => {
    const tz = 'America/New_York';
    // The office starts before the dates it renews on (a clock set back would keep the log's time).
    const o = await officeCore({ clock: createFakeClock(local(tz, 2024, 1, 31, 20, 0)) });
    unwrap(await o.admin.call('settings.update', { timeZone: tz }));
    const monthly = await makePlan(o.admin, { price: 1_000 });
    const weekly = await makePlan(o.admin, {
      name: 'Weekly',
      price: 300,
      validity: { unit: 'days', count: 7 },
    });
    o.tc.clock.set(local(tz, 2024, 1, 31, 21, 0)); // Feb 1 02:00 UTC
    const c = await makeClient(o.tech, monthly.id);
    const first = unwrap(await o.cashier.call('billing.renew', { clientId: c.id }));
    expect(show(first.client.expiresAt, tz)).toBe('2024-02-29T21:00:00.000-05:00');
    expect(first.renewal).toMatchObject({ reactivated: true, charged: 1_000 });
    // Renewing early extends from the current expiry, two periods at once.
    const second = unwrap(await o.cashier.call('billing.renew', { clientId: c.id, periods: 2 }));
    expect(second.renewal?.periodStart).toBe(first.client.expiresAt);
    expect(show(second.client.expiresAt, tz)).toBe('2024-04-29T21:00:00.000-04:00');
    expect(second.renewal).toMatchObject({ reactivated: false, charged: 2_000 });
    // A weekly client renewed across the March DST change keeps 21:00 local time.
    o.tc.clock.set(local(tz, 2024, 3, 5, 21, 0));
    const w = await makeClient(o.tech, weekly.id);
    const wk = unwrap(await o.cashier.call('billing.renew', { clientId: w.id }));
    expect(show(wk.client.expiresAt, tz)).toBe('2024-03-12T21:00:00.000-04:00');
  });
});

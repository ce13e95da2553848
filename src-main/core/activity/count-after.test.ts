import { describe, expect, it } from 'vitest';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';
import { logEntries, READER_FROM_SOURCE, unwrap } from '../test-support/test-core';

describe.each([
  ['on the main thread', false],
  ['on reader threads', true],
])('activity.countAfter: what the live tail says is waiting (%s)', (_, threaded) => {
  it('counts only the new entries the whole filter matches, as the role may read them', async () => {
    const o = await officeCore(threaded ? { activityReader: READER_FROM_SOURCE } : {});
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.tech, plan.id);
    const newestShown = Math.max(...logEntries(o.core).map((e) => e.id));

    for (const reference of ['MPESA-NEW1', 'MPESA-NEW2', 'BANK-NEW3']) {
      unwrap(
        await o.cashier.call('billing.pay', {
          clientId: client.id,
          amount: 1_000,
          method: 'mobile_money',
          reference,
        }),
      );
    }
    unwrap(
      await o.tech.call('routers.create', {
        name: 'Tower',
        host: '10.9.0.1',
        apiUser: 'api',
        password: 'pw',
      }),
    );
    const newer = logEntries(o.core).filter((e) => e.id > newestShown);
    const financialNew = newer.filter((e) => e.category === 'financial').length;
    expect(financialNew).toBeGreaterThanOrEqual(3);

    const countAfter = (who: typeof o.admin, filter: object, afterId = newestShown) =>
      who.call('activity.countAfter', { filter, afterId }).then(unwrap);

    // No filter: every new entry; a category: those of it (what a notice could already say).
    expect(await countAfter(o.admin, {})).toEqual({ count: newer.length, capped: false });
    expect(await countAfter(o.admin, { categories: ['financial'] })).toEqual({
      count: financialNew,
      capped: false,
    });
    // Filters a notice cannot judge: an event, a client, a date range that ended before them.
    const payments = newer.filter((e) => e.event === 'payment.recorded').length;
    expect(payments).toBe(3);
    expect((await countAfter(o.admin, { events: ['payment.recorded'] })).count).toBe(payments);
    expect((await countAfter(o.admin, { clientId: client.id })).count).toBe(
      newer.filter((e) => e.clientId === client.id).length,
    );
    expect((await countAfter(o.admin, { to: 1 })).count).toBe(0);
    // Nothing after the newest entry.
    const last = Math.max(...newer.map((e) => e.id));
    expect((await countAfter(o.admin, {}, last)).count).toBe(0);
    // A technician is never told of financial entries, whatever the filter.
    expect((await countAfter(o.tech, {})).count).toBe(newer.length - financialNew);
    expect((await countAfter(o.tech, { events: ['payment.recorded'] })).count).toBe(0);
  });
});

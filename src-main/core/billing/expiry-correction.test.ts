import { describe, expect, it } from 'vitest';
import { dayOf, dayRange } from '../shared/office-time';
import { entriesOf, failure, unwrap } from '../test-support/test-core';
import {
  makeClient,
  makePlan,
  officeCore,
  officeSnapshot,
  type Office,
} from '../test-support/office-fixtures';

const DAY = 86_400_000;

const officeDay = async (o: Office, ms: number) =>
  dayOf(ms, unwrap(await o.admin.call('settings.get', undefined)).timeZone);

describe('expiry correction', () => {
  it('moves an active client back without touching money; expiry processing then expires them', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.tech, plan.id);
    unwrap(
      await o.cashier.call('billing.pay', { clientId: client.id, amount: 2_500, method: 'cash' }),
    );
    const ledgerBefore = o.core.sqlite.prepare('SELECT * FROM ledger_entries').all();
    const yesterday = await officeDay(o, o.tc.clock.now() - DAY);

    const moved = unwrap(
      await o.admin.call('billing.correctExpiry', {
        clientId: client.id,
        expiresOn: yesterday,
        reason: 'Renewed on the wrong account',
      }),
    );
    // Still active: expiry processing decides, with the plan's grace days.
    expect(moved.status).toBe('active');
    const tz = unwrap(await o.admin.call('settings.get', undefined)).timeZone;
    expect(moved.expiresAt).toBe(dayRange(yesterday, tz).to);
    expect(o.core.sqlite.prepare('SELECT * FROM ledger_entries').all()).toEqual(ledgerBefore);
    const [e] = entriesOf(o.core, 'subscription.expiry_corrected');
    expect(e).toMatchObject({
      type: 'user',
      category: 'financial',
      clientId: client.id,
      details: {
        reason: 'Renewed on the wrong account',
        before: { status: 'active' },
        after: { status: 'active', expiresAt: moved.expiresAt },
      },
    });
    expect(e?.description).toContain('Renewed on the wrong account');

    const run = unwrap(await o.admin.call('expiry.run', undefined));
    expect(run).toMatchObject({ expired: 1, noRouter: 1 });
    expect(unwrap(await o.viewer.call('clients.get', { id: client.id })).status).toBe('expired');
  });

  it('activates a client awaiting their first payment when moved to a later day', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.tech, plan.id);
    expect(client.status).toBe('awaiting_payment');
    const moved = unwrap(
      await o.admin.call('billing.correctExpiry', {
        clientId: client.id,
        expiresOn: await officeDay(o, o.tc.clock.now() + 3 * DAY),
        reason: 'Compensation for the outage',
      }),
    );
    expect(moved.status).toBe('active');
    expect(entriesOf(o.core, 'subscription.expiry_corrected')[0]).toMatchObject({
      details: { before: { status: 'awaiting_payment' }, after: { status: 'active' } },
    });
  });

  it('is for administrators only and refuses bad input clearly, changing nothing', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.tech, plan.id);
    const input = { clientId: client.id, expiresOn: '2030-01-31', reason: 'Because' };
    const before = officeSnapshot(o.core, { withLog: false });
    for (const who of [o.cashier, o.tech, o.viewer]) {
      failure(await who.call('billing.correctExpiry', input), 'forbidden');
    }
    const bad = async (over: Record<string, unknown>, message: RegExp) =>
      expect(
        failure(await o.admin.raw('billing.correctExpiry', { ...input, ...over }), 'validation')
          .message,
      ).toMatch(message);
    await bad({ expiresOn: '2030-02-30' }, /expiresOn: No such date/);
    await bad({ expiresOn: 'tomorrow' }, /expiresOn: Date must look like 2025-01-31/);
    await bad({ reason: ' ' }, /reason: A reason is required/);
    failure(await o.admin.call('billing.correctExpiry', { ...input, clientId: 999 }), 'not_found');
    expect(officeSnapshot(o.core, { withLog: false })).toBe(before);
    unwrap(await o.tech.call('clients.archive', { id: client.id }));
    const archived = officeSnapshot(o.core, { withLog: false });
    failure(await o.admin.call('billing.correctExpiry', input), 'conflict');
    expect(officeSnapshot(o.core, { withLog: false })).toBe(archived);
    expect(entriesOf(o.core, 'subscription.expiry_corrected')).toEqual([]);
  });
});

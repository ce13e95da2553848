import { describe, expect, it } from 'vitest';
import { entriesOf, failure, unwrap } from '../test-support/test-core';
import {
  IPS,
  makeClient,
  makePlan,
  officeCore,
  officeSnapshot,
  planInput,
} from '../test-support/office-fixtures';

describe('plans', () => {
  it('creates a plan and logs it as an Administrative network change', async () => {
    const o = await officeCore();
    const plan = unwrap(
      await o.tech.call(
        'plans.create',
        planInput({
          burst: {
            downKbps: 20_000,
            upKbps: 10_000,
            thresholdDownKbps: 8_000,
            thresholdUpKbps: 4_000,
            timeSeconds: 16,
          },
          graceDays: 3,
        }),
      ),
    );
    expect(plan).toMatchObject({
      name: 'Home 10M',
      price: 2_500,
      validity: { unit: 'months', count: 1 },
      burst: { downKbps: 20_000, timeSeconds: 16 },
      graceDays: 3,
      active: true,
      clientCount: 0,
    });
    expect(entriesOf(o.core, 'plan.created')[0]).toMatchObject({
      type: 'administrative',
      category: 'network',
      actor: { id: o.ids.tech, name: 'Tech Staff' },
      ip: IPS.tech,
      target: { type: 'plan', id: String(plan.id), label: 'Home 10M' },
      description: 'tech created plan "Home 10M" at USD 25.00 per month',
      details: { after: { price: 2_500, routerProfile: 'home-10m', validity: '1 month' } },
    });
    expect(unwrap(await o.viewer.call('plans.list', undefined)).map((p) => p.id)).toEqual([
      plan.id,
    ]);
    expect(unwrap(await o.viewer.call('plans.get', { id: plan.id })).name).toBe('Home 10M');
  });

  it('logs only what an update changed, and nothing for an update that changes nothing', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const updated = unwrap(
      await o.tech.call('plans.update', { id: plan.id, price: 3_000, rateDownKbps: 12_000 }),
    );
    expect(updated).toMatchObject({ price: 3_000, rateDownKbps: 12_000, rateUpKbps: 5_000 });
    expect(entriesOf(o.core, 'plan.updated')[0]).toMatchObject({
      description:
        'tech changed plan "Home 10M": Download rate (kbit/s) 10000 → 12000, Price USD 25.00 → USD 30.00',
      details: {
        before: { price: 2_500, rateDownKbps: 10_000 },
        after: { price: 3_000, rateDownKbps: 12_000 },
      },
    });
    const before = officeSnapshot(o.core);
    unwrap(await o.tech.call('plans.update', { id: plan.id, price: 3_000 }));
    expect(officeSnapshot(o.core)).toBe(before);
    failure(
      await o.tech.call('plans.update', { id: plan.id, isolationProfile: null }),
      'validation',
    );
    expect(officeSnapshot(o.core)).toBe(before);
  });

  it('retires a plan in use (clients keep it), and deletes only a plan nothing refers to', async () => {
    const o = await officeCore();
    const used = await makePlan(o.admin);
    const unused = await makePlan(o.admin, { name: 'Trial' });
    const client = await makeClient(o.tech, used.id);
    const before = officeSnapshot(o.core);
    const err = failure(await o.tech.call('plans.delete', { id: used.id }), 'conflict');
    expect(err.message).toContain('retire it instead');
    expect(officeSnapshot(o.core)).toBe(before);

    const retired = unwrap(await o.tech.call('plans.retire', { id: used.id }));
    expect(retired).toMatchObject({ active: false, clientCount: 1 });
    expect(entriesOf(o.core, 'plan.retired')[0]).toMatchObject({
      category: 'network',
      details: { before: { active: true }, after: { active: false } },
    });
    failure(await o.tech.call('plans.retire', { id: used.id }), 'conflict');
    expect(unwrap(await o.viewer.call('plans.list', undefined)).map((p) => p.name)).toEqual([
      'Trial',
    ]);
    expect(unwrap(await o.viewer.call('plans.list', { includeRetired: true }))).toHaveLength(2);
    // Existing clients renew on a retired plan; new clients cannot take it.
    unwrap(await o.cashier.call('billing.renew', { clientId: client.id }));
    failure(await o.tech.call('clients.create', { ...newClient(used.id) }), 'validation');

    unwrap(await o.tech.call('plans.delete', { id: unused.id }));
    expect(entriesOf(o.core, 'plan.deleted')[0]).toMatchObject({
      details: { before: { name: 'Trial' } },
    });
    failure(await o.tech.call('plans.get', { id: unused.id }), 'not_found');
  });

  it('refuses a duplicate name (any letter case) and bad input, writing nothing', async () => {
    const o = await officeCore();
    await makePlan(o.admin);
    const before = officeSnapshot(o.core);
    failure(await o.tech.call('plans.create', planInput({ name: 'HOME 10m' })), 'conflict');
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ price: -100 }, /price: Amount must be greater than zero/],
      [{ price: 25.5 }, /price: .*no fractions/],
      [{ price: '2500' }, /price/],
      [{ name: 'x'.repeat(81) }, /name: Name must be at most 80/],
      [{ rateDownKbps: 0 }, /rateDownKbps/],
      [{ validity: { unit: 'days', count: 0 } }, /validity/],
      [{ validity: { unit: 'weeks', count: 1 } }, /validity/],
      [{ isolationProfile: undefined }, /isolation profile or an address list/],
      [{ routerProfile: 'bad"name' }, /routerProfile/],
      [{ serviceType: 'dsl' }, /serviceType/],
    ];
    for (const [over, message] of bad) {
      const input: Record<string, unknown> = { ...planInput({ name: 'Other' }), ...over };
      const err = failure(await o.tech.raw('plans.create', input), 'validation');
      expect(err.message).toMatch(message);
    }
    expect(officeSnapshot(o.core)).toBe(before);
  });
});

const newClient = (planId: number) => ({
  fullName: 'New Person',
  phone: '0700 000 111',
  serviceType: 'pppoe' as const,
  serviceLogin: 'new.person',
  servicePassword: 'secret-1',
  planId,
});

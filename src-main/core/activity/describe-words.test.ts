import { describe, expect, it } from 'vitest';
import { entriesOf, unwrap } from '../test-support/test-core';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';

/** Descriptions are sentences: method labels, times in the office zone, field words. */
describe('log descriptions in words', () => {
  it('names the payment method and the new expiry in office time; details stay machine values', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.admin, plan.id);
    unwrap(
      await o.cashier.call('billing.pay', {
        clientId: client.id,
        amount: plan.price,
        method: 'mobile_money',
        renew: true,
      }),
    );
    const [paid] = entriesOf(o.core, 'payment.recorded');
    expect(paid?.description).toContain('took a mobile money payment');
    expect(paid?.description).not.toContain('mobile_money');
    expect(paid?.details).toMatchObject({ method: 'mobile_money' });

    const [renewed] = entriesOf(o.core, 'subscription.renewed');
    expect(renewed?.description).toMatch(/now until \d{4}-\d\d-\d\d \d\d:\d\d EAT$/);
    expect(renewed?.description).not.toMatch(/\dT\d/);
  });

  it('says which settings changed as words', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { currencyCode: 'KES' }));
    const [changed] = entriesOf(o.core, 'settings.updated');
    expect(changed?.description).toMatch(/Currency \w+ → KES/);
    expect(changed?.description).not.toContain('currencyCode');
  });
});

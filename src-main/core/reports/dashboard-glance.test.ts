import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient, makePlan } from '../test-support/office-fixtures';
import { addSimRouter, networkOffice, takeOffline } from '../test-support/network-fixtures';
import { HOUR, MINUTE, unwrap } from '../test-support/test-core';

const DAY = 24 * HOUR;

describe('the dashboard at a glance', () => {
  it('an empty office: no first step done, nothing waiting, thirty days of zero income', async () => {
    const o = await networkOffice();
    const { glance } = unwrap(await o.admin.call('reports.dashboard', undefined));
    expect(glance.firstSteps).toEqual({
      profile: false,
      router: false,
      plan: false,
      client: false,
    });
    expect(glance.routers).toMatchObject({ total: 0, online: 0, offline: 0, lastProblem: null });
    expect(glance.queue).toEqual({ waiting: 0, failing: 0 });
    expect(glance.failingJobs).toEqual([]);
    expect(glance.income).toHaveLength(30);
    expect(glance.income?.every((d) => d.net === 0)).toBe(true);
    expect(glance.income?.at(-1)?.day).toBe('2030-01-15');
    expect(glance.income?.[0]?.day).toBe('2029-12-17');
  });

  it('routers by state with the last problem, queued changes, failing jobs, income by day; per role', async () => {
    const o = await networkOffice();
    unwrap(
      await o.admin.call('office.updateProfile', { businessName: 'Kilimani Net', setupDone: true }),
    );
    const up = await addSimRouter(o.tech, { name: 'Tower Up' });
    const down = await addSimRouter(o.tech, { name: 'Tower Down' });
    await o.core.services.health.pollNow();
    const plan = await makePlan(o.admin, { price: 2_500 });
    const client = await makeClient(o.tech, plan.id, { routerId: up.router.id });
    unwrap(
      await o.cashier.call('billing.pay', { clientId: client.id, amount: 2_500, method: 'cash' }),
    );
    o.tc.clock.advance(DAY);
    unwrap(
      await o.cashier.call('billing.pay', { clientId: client.id, amount: 1_000, method: 'cash' }),
    );

    await takeOffline(down.sim);
    for (let i = 0; i < 3; i++) {
      o.tc.clock.advance(MINUTE);
      await o.core.services.health.pollNow();
    }
    // A change for a router that is down waits in the queue and fails.
    await makeClient(o.tech, plan.id, { routerId: down.router.id });
    await o.core.services.sync.drain();
    writeFileSync(join(o.tc.dataDir, 'backups'), 'a file where the folder should be');
    unwrap(await o.admin.call('jobs.runNow', { name: 'db.backup' }));

    const { glance } = unwrap(await o.admin.call('reports.dashboard', undefined));
    expect(glance.firstSteps).toEqual({ profile: true, router: true, plan: true, client: true });
    expect(glance.routers).toMatchObject({ total: 2, online: 1, offline: 1, disabled: 0 });
    expect(glance.routers?.lastProblem).toMatchObject({
      routerId: down.router.id,
      name: 'Tower Down',
      status: 'offline',
      message: expect.stringContaining('refused') as unknown,
    });
    expect(glance.queue?.waiting).toBeGreaterThan(0);
    expect(glance.failingJobs).toEqual([
      expect.objectContaining({
        name: 'db.backup',
        label: 'Database backup',
        consecutiveFailures: 1,
      }),
    ]);
    expect(glance.income?.slice(-2).map((d) => d.net)).toEqual([2_500, 1_000]);

    // A cashier sees the money, not the routers or jobs; a technician the reverse.
    const cashier = unwrap(await o.cashier.call('reports.dashboard', undefined)).glance;
    expect(cashier).toMatchObject({ routers: null, queue: null, failingJobs: null });
    expect(cashier.income).toHaveLength(30);
    expect(cashier.firstSteps.router).toBe(true);
    const tech = unwrap(await o.tech.call('reports.dashboard', undefined)).glance;
    expect(tech.income).toBeNull();
    expect(tech.routers?.total).toBe(2);
  });
});

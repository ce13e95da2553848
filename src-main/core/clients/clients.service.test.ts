import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesOf, failure, lastEntry, unwrap } from '../test-support/test-core';
import { createSecretBox, SECRET_KEY_FILE } from '../shared/secret-box';
import {
  clientInput,
  IPS,
  makeClient,
  makePlan,
  makeRouter,
  officeCore,
  officeSnapshot,
} from '../test-support/office-fixtures';

describe('clients', () => {
  it('signs up a client with a generated account number, awaiting their first payment, and logs it', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const router = await makeRouter(o.admin);
    const c = unwrap(
      await o.tech.call(
        'clients.create',
        clientInput(plan.id, {
          fullName: 'Amina Said',
          email: 'amina@example.com',
          gps: { lat: -1.2921, lng: 36.8219 },
          staticIp: '10.20.0.7',
          mac: 'aa:bb:cc:dd:ee:01',
          routerId: router.id,
          servicePassword: 'TopSecret#1',
        }),
      ),
    );
    expect(c).toMatchObject({
      accountNo: 'AC000001',
      fullName: 'Amina Said',
      status: 'awaiting_payment',
      balance: 0,
      planName: plan.name,
      mac: 'AA:BB:CC:DD:EE:01',
      gps: { lat: -1.2921, lng: 36.8219 },
      routerId: router.id,
      expiresAt: o.tc.clock.now(),
    });
    expect(JSON.stringify(c)).not.toContain('TopSecret');
    const second = await makeClient(o.tech, plan.id);
    expect(second.accountNo).toBe('AC000002');
    const [e] = entriesOf(o.core, 'client.created');
    expect(e).toMatchObject({
      type: 'administrative',
      category: 'client',
      actor: { id: o.ids.tech },
      ip: IPS.tech,
      clientId: c.id,
      target: { type: 'client', id: String(c.id), label: 'AC000001 Amina Said' },
      details: { after: { fullName: 'Amina Said', servicePassword: '[redacted]' } },
    });
    expect(JSON.stringify(entriesOf(o.core, 'client.created'))).not.toContain('TopSecret');
  });

  it('stores the service password sealed with AES-256-GCM under a 0600 key file', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { servicePassword: 'Plain-Text-9' });
    const row = o.core.sqlite
      .prepare('SELECT service_password_box AS box FROM clients WHERE id = ?')
      .get(c.id) as { box: string };
    expect(row.box).not.toContain('Plain-Text-9');
    expect(row.box).toMatch(/^v1\./);
    const keyFile = join(o.tc.dataDir, SECRET_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const box = createSecretBox(readFileSync(keyFile));
    expect(box.open(row.box, 'client.service_password')).toBe('Plain-Text-9');
    expect(() => box.open(row.box, 'router.password')).toThrow();
  });

  it('reveals the password only with the permission, and logs who saw it', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { servicePassword: 'Reveal-Me-1' });
    expect(unwrap(await o.tech.call('clients.revealPassword', { id: c.id }))).toEqual({
      servicePassword: 'Reveal-Me-1',
    });
    expect(lastEntry(o.core)).toMatchObject({
      event: 'client.password_revealed',
      type: 'user',
      category: 'client',
      actor: { id: o.ids.tech },
      clientId: c.id,
    });
    for (const who of [o.cashier, o.viewer]) {
      const before = officeSnapshot(o.core, { withLog: false });
      failure(await who.call('clients.revealPassword', { id: c.id }), 'forbidden');
      expect(officeSnapshot(o.core, { withLog: false })).toBe(before);
      expect(lastEntry(o.core)).toMatchObject({
        event: 'auth.permission.denied',
        details: { procedure: 'clients.revealPassword' },
      });
    }
  });

  it('logs before and after of exactly what an update changed, never the password itself', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const other = await makePlan(o.admin, { name: 'Fast', price: 5_000 });
    const c = await makeClient(o.tech, plan.id, { servicePassword: 'Old-Pass-1' });
    const u = unwrap(
      await o.tech.call('clients.update', {
        id: c.id,
        phone: '0711 222 333',
        planId: other.id,
        servicePassword: 'New-Pass-2',
        status: 'suspended',
      }),
    );
    expect(u).toMatchObject({ phone: '0711 222 333', planName: 'Fast', status: 'suspended' });
    const e = entriesOf(o.core, 'client.updated')[0];
    expect(e?.details).toEqual({
      before: {
        phone: c.phone,
        planId: plan.id,
        status: 'awaiting_payment',
        servicePassword: '[redacted]',
      },
      after: {
        phone: '0711 222 333',
        planId: other.id,
        status: 'suspended',
        servicePassword: '[redacted]',
      },
    });
    expect(e?.description).toContain('service password changed');
    expect(JSON.stringify(e)).not.toMatch(/Old-Pass|New-Pass/);
    expect(unwrap(await o.tech.call('clients.revealPassword', { id: c.id })).servicePassword).toBe(
      'New-Pass-2',
    );
    const before = officeSnapshot(o.core);
    unwrap(
      await o.tech.call('clients.update', {
        id: c.id,
        phone: '0711 222 333',
        servicePassword: 'New-Pass-2',
      }),
    );
    expect(officeSnapshot(o.core)).toBe(before);
  });

  it('archives and restores without deleting anything; an archived client is read-only', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { staticIp: '10.9.9.9' });
    unwrap(await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }));
    const archived = unwrap(await o.tech.call('clients.archive', { id: c.id, reason: 'Moved' }));
    expect(archived).toMatchObject({ status: 'archived', archivedAt: o.tc.clock.now() });
    expect(entriesOf(o.core, 'client.archived')[0]).toMatchObject({
      category: 'client',
      clientId: c.id,
      details: { before: { status: 'active' }, after: { status: 'archived' }, reason: 'Moved' },
    });
    const list = unwrap(await o.viewer.call('clients.list', {}));
    expect(list.items.map((i) => i.id)).not.toContain(c.id);
    failure(await o.tech.call('clients.update', { id: c.id, notes: 'x' }), 'conflict');
    failure(await o.tech.call('clients.archive', { id: c.id }), 'conflict');
    // While archived, its static IP is free for someone else; restoring then conflicts.
    const taker = await makeClient(o.tech, plan.id, { staticIp: '10.9.9.9' });
    failure(await o.tech.call('clients.restore', { id: c.id }), 'conflict');
    unwrap(await o.tech.call('clients.update', { id: taker.id, staticIp: null }));
    const restored = unwrap(await o.tech.call('clients.restore', { id: c.id }));
    expect(restored).toMatchObject({ status: 'active', archivedAt: null, balance: 0 });
    expect(entriesOf(o.core, 'client.restored')[0]).toMatchObject({
      details: { before: { status: 'archived' }, after: { status: 'active' } },
    });
    failure(await o.tech.call('clients.restore', { id: c.id }), 'conflict');
    const ledger = unwrap(await o.viewer.call('billing.ledger', { clientId: c.id }));
    expect(ledger.entries).toHaveLength(2);
  });

  it('refuses duplicate logins (any case), taken IPs, unknown or mismatched plans, writing nothing', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const hotspot = await makePlan(o.admin, { name: 'Hotspot day', serviceType: 'hotspot' });
    await makeClient(o.tech, plan.id, { serviceLogin: 'jane.doe', staticIp: '10.1.1.1' });
    const before = officeSnapshot(o.core);
    const dup = failure(
      await o.tech.call('clients.create', clientInput(plan.id, { serviceLogin: 'JANE.DOE' })),
      'conflict',
    );
    expect(dup.message).toBe(
      'serviceLogin: The service login "JANE.DOE" is already used by another client',
    );
    failure(
      await o.tech.call('clients.create', clientInput(plan.id, { staticIp: '10.1.1.1' })),
      'conflict',
    );
    const unknown = failure(await o.tech.call('clients.create', clientInput(999)), 'validation');
    expect(unknown.message).toBe('planId: Plan 999 does not exist');
    failure(await o.tech.call('clients.create', clientInput(hotspot.id)), 'validation');
    expect(officeSnapshot(o.core)).toBe(before);
  });

  it('refuses a router that does not exist on sign-up, edit and import, writing and queuing nothing', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const router = await makeRouter(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id });
    const queued = () =>
      (o.core.sqlite.prepare('SELECT count(*) AS n FROM sync_queue').get() as { n: number }).n;
    const before = officeSnapshot(o.core, { withLog: false });
    const queueBefore = queued();

    const create = failure(
      await o.tech.call('clients.create', clientInput(plan.id, { routerId: 999 })),
      'validation',
    );
    expect(create.message).toBe('routerId: Router 999 does not exist');
    const update = failure(
      await o.tech.call('clients.update', { id: c.id, routerId: 998 }),
      'validation',
    );
    expect(update.message).toBe('routerId: Router 998 does not exist');
    const csv = [
      'full_name,phone,service_type,login,password,plan,router_id',
      `Nobody,0700 000 999,pppoe,nobody,pw-secret-1,${String(plan.id)},997`,
    ].join('\n');
    const preview = unwrap(await o.tech.call('clients.importPreview', { csv }));
    expect(JSON.stringify(preview)).toContain('routerId: Router 997 does not exist');
    failure(await o.tech.call('clients.importCommit', { csv }), 'validation');

    // Nothing but the preview's own log entry.
    expect(officeSnapshot(o.core, { withLog: false })).toBe(before);
    expect(lastEntry(o.core)?.event).toBe('clients.import_checked');
    expect(queued()).toBe(queueBefore);
    // Moving to a router that exists, or to none, still works.
    expect(unwrap(await o.tech.call('clients.update', { id: c.id, routerId: null })).routerId).toBe(
      null,
    );
  });

  it.each([
    ['oversized name', { fullName: 'n'.repeat(121) }, /fullName: Full name must be at most 120/],
    ['empty name', { fullName: '   ' }, /fullName: Full name is required/],
    ['name as a number', { fullName: 42 }, /fullName: Full name must be text/],
    ['bad phone', { phone: 'call me' }, /phone: Phone may contain/],
    ['bad email', { email: 'not-an-email' }, /email: Email address is not valid/],
    ['bad IP', { staticIp: '10.0.0.300' }, /staticIp: Static IP must be an IPv4 address/],
    ['bad MAC', { mac: 'aa-bb' }, /mac: MAC must look like/],
    ['login with spaces', { serviceLogin: 'john doe' }, /serviceLogin: /],
    ['oversized notes', { notes: 'x'.repeat(2001) }, /notes: Notes must be at most 2000/],
    ['plan id as text', { planId: 'one' }, /planId/],
    ['negative plan id', { planId: -1 }, /planId/],
    ['extra field', { balance: 500 }, /balance/],
  ])('refuses %s with a clear message, writing nothing', async (_l, over, message) => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const before = officeSnapshot(o.core);
    const err = failure(
      await o.tech.raw('clients.create', { ...clientInput(plan.id), ...over }),
      'validation',
    );
    expect(err.message).toMatch(message);
    expect(officeSnapshot(o.core)).toBe(before);
  });
});

import { chunkText } from '../test-support/activity-fixtures';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../contract/schemas/clients';
import type { ExportSink } from '../activity/activity.service';
import { entriesOf, failure, unwrap, type TestClient } from '../test-support/test-core';
import {
  makeClient,
  makePlan,
  makeRouter,
  officeCore,
  type Office,
} from '../test-support/office-fixtures';

const exportCsv = async (o: Office, who: TestClient, input: unknown) => {
  let text = '';
  const result = await o.tc.dispatch.download('clients.export', input, who.ctx, () => {
    const sink: ExportSink = {
      write: (chunk) => {
        text += chunkText(chunk);
        return Promise.resolve();
      },
      end: () => Promise.resolve(),
      abort: () => {},
    };
    return Promise.resolve(sink);
  });
  return { result, text };
};

const allClients = async (who: TestClient): Promise<Client[]> => {
  const list = unwrap(await who.call('clients.list', { sort: { by: 'account', dir: 'asc' } }));
  return Promise.all(
    list.items.map(async (i) => unwrap(await who.call('clients.get', { id: i.id }))),
  );
};

/** What an import can carry over: everything but ids, balance (the ledger's) and timestamps. */
const portable = (c: Client) => ({
  accountNo: c.accountNo,
  fullName: c.fullName,
  phone: c.phone,
  email: c.email,
  address: c.address,
  gps: c.gps,
  serviceType: c.serviceType,
  serviceLogin: c.serviceLogin,
  staticIp: c.staticIp,
  mac: c.mac,
  planName: c.planName,
  routerName: c.routerName,
  status: c.status,
  expiresAt: c.expiresAt,
  notes: c.notes,
});

const passwords = async (who: TestClient, cs: Client[]) =>
  Promise.all(
    cs.map(
      async (c) => unwrap(await who.call('clients.revealPassword', { id: c.id })).servicePassword,
    ),
  );

describe('client export → import round trip', () => {
  it('moves every client to another office with passwords, router by name and state, for those allowed to reveal passwords', async () => {
    const a = await officeCore();
    unwrap(await a.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
    const plan = await makePlan(a.admin, { name: 'Home 10M', price: 2_500 });
    const tower = await makeRouter(a.tech, 'Kibera Tower');
    const paid = await makeClient(a.tech, plan.id, {
      fullName: 'Amina "Mama Mboga" Otieno',
      email: 'amina@example.com',
      address: 'Kibera, Line Saba\nHouse 12',
      gps: { lat: -1.3133, lng: 36.7876 },
      staticIp: '10.20.0.7',
      mac: 'AA:BB:CC:DD:EE:01',
      routerId: tower.id,
      servicePassword: 'p@ss,word"1',
      notes: '=SUM(1)',
    });
    unwrap(
      await a.cashier.call('billing.pay', { clientId: paid.id, amount: 2_500, method: 'cash' }),
    );
    await makeClient(a.tech, plan.id, { fullName: 'Brian Kamau', servicePassword: 'Br1an!' });

    // Passwords only for those allowed to reveal them, and the log says they went out.
    failure((await exportCsv(a, a.viewer, { withPasswords: true })).result, 'forbidden');
    expect(entriesOf(a.core, 'clients.exported')).toHaveLength(0);
    const file = await exportCsv(a, a.tech, { withPasswords: true });
    expect(unwrap(file.result)).toEqual({ rows: 2 });
    expect(file.text.split('\n')[0]).toContain(',router,');
    expect(entriesOf(a.core, 'clients.exported')[0]?.description).toContain(
      'with their service passwords',
    );

    const b = await officeCore();
    unwrap(await b.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
    await makePlan(b.admin, { name: 'Home 10M', price: 2_500 });
    await makeRouter(b.tech, 'KIBERA TOWER');
    const preview = unwrap(await b.tech.call('clients.importPreview', { csv: file.text }));
    expect(preview).toMatchObject({ rows: 2, accepted: 2, rejected: [] });
    unwrap(await b.tech.call('clients.importCommit', { csv: file.text }));

    const before = await allClients(a.tech);
    const after = await allClients(b.tech);
    expect(after.map(portable)).toEqual(
      before.map((c) => ({ ...portable(c), routerName: c.routerName?.toUpperCase() ?? null })),
    );
    expect(after.map((c) => c.status)).toEqual(['active', 'awaiting_payment']);
    expect(await passwords(b.admin, after)).toEqual(await passwords(a.admin, before));
  });

  it('without passwords, says what is missing instead of importing half a client', async () => {
    const a = await officeCore();
    const plan = await makePlan(a.admin);
    await makeClient(a.tech, plan.id);
    const file = await exportCsv(a, a.viewer, {});
    expect(file.text).not.toContain('password');
    const b = await officeCore();
    await makePlan(b.admin);
    failure(await b.tech.call('clients.importPreview', { csv: file.text }), 'validation');
  });
});

describe('CSV import: the router by name or id', () => {
  it('accepts a router name in any case, or its id, and names the router it cannot find', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin, { name: 'Home 10M' });
    const tower = await makeRouter(o.tech, 'Kibera Tower');
    const csv = [
      'full_name,phone,service_type,login,password,plan,router',
      'By Name,0700 000 001,pppoe,byname,pw1,Home 10M,kibera tower',
      `By Id,0700 000 002,pppoe,byid,pw2,Home 10M,${String(tower.id)}`,
      'No Router,0700 000 003,pppoe,norouter,pw3,Home 10M,',
      'Unknown,0700 000 004,pppoe,unknown,pw4,Home 10M,Mathare Mast',
    ].join('\n');
    const preview = unwrap(await o.tech.call('clients.importPreview', { csv }));
    expect(preview.rejected).toEqual([{ line: 5, errors: ['routerId: No router "Mathare Mast"'] }]);
    unwrap(await o.tech.call('clients.importCommit', { csv }));
    const list = unwrap(await o.viewer.call('clients.list', { sort: { by: 'name', dir: 'asc' } }));
    expect(list.items.map((c) => [c.fullName, c.routerId])).toEqual([
      ['By Id', tower.id],
      ['By Name', tower.id],
      ['No Router', null],
    ]);
    // The old header still works.
    const old = unwrap(
      await o.tech.call('clients.importPreview', {
        csv: `full_name,phone,service_type,login,password,plan,router_id\nOld,0700 000 009,pppoe,old,pw9,${String(plan.id)},${String(tower.id)}`,
      }),
    );
    expect(old).toMatchObject({ accepted: 1, rejected: [] });
  });

  it('gives a cashier the routers by name through the clients procedures', async () => {
    const o = await officeCore();
    await makeRouter(o.tech, 'Kibera Tower');
    await makeRouter(o.tech, 'athi river');
    failure(await o.cashier.call('routers.list', undefined), 'forbidden');
    const names = unwrap(await o.cashier.call('clients.routers', undefined));
    expect(names.map((r) => r.name)).toEqual(['athi river', 'Kibera Tower']);
  });
});

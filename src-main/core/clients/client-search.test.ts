import { describe, expect, it } from 'vitest';
import type { In, Out } from '../../contract/api';
import type { ClientFilter } from '../../contract/schemas/clients';
import { failure, unwrap, type TestClient } from '../test-support/test-core';
import { makeClient, makePlan, makeRouter, officeCore } from '../test-support/office-fixtures';
import { createClientSearch } from './client-search';

const DAY = 86_400_000;
type Item = Out<'clients.list'>['items'][number];

/** Every page of a listing, following the cursors. */
const allPages = async (who: TestClient, input: In<'clients.list'>): Promise<Item[]> => {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = unwrap(
      await who.call('clients.list', { ...input, ...(cursor ? { cursor } : {}) }),
    );
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('paging never ended');
};

const setup = async () => {
  const o = await officeCore();
  const home = await makePlan(o.admin);
  const biz = await makePlan(o.admin, { name: 'Business', price: 9_000 });
  // Routers 1 and 2.
  await makeRouter(o.admin, 'Tower A');
  await makeRouter(o.admin, 'Tower B');
  const people = [
    {
      fullName: 'Zawadi Mwangi',
      phone: '+254 711 000 001',
      serviceLogin: 'zawadi',
      staticIp: '10.5.0.11',
      routerId: 1,
    },
    { fullName: 'Ali Hassan', phone: '+254 722 000 002', serviceLogin: 'ali.h', routerId: 2 },
    {
      fullName: 'Brenda Achieng',
      phone: '0733-000-003',
      serviceLogin: 'brenda',
      email: 'brenda@mail.test',
    },
    { fullName: 'álvaro Núñez', phone: '0744 000 004', serviceLogin: 'alvaro', routerId: 1 },
    { fullName: 'Ali Baba', phone: '0755 000 005', serviceLogin: 'thief40', staticIp: '10.5.0.12' },
  ];
  const made = [];
  for (const [i, p] of people.entries()) {
    made.push(await makeClient(o.tech, i % 2 === 0 ? home.id : biz.id, p));
  }
  return { o, home, biz, made };
};

describe('client list and search', () => {
  it('finds clients by any part of name, account, phone (with or without punctuation), login or IP', async () => {
    const { o, made } = await setup();
    const names = async (search: string) =>
      unwrap(await o.viewer.call('clients.list', { filter: { search } })).items.map(
        (i) => i.fullName,
      );
    expect(await names('hassan')).toEqual(['Ali Hassan']);
    expect(await names('ali')).toEqual(['Ali Baba', 'Ali Hassan']);
    expect(await names('ALI BABA')).toEqual(['Ali Baba']);
    expect(await names(made[2]?.accountNo ?? '')).toEqual(['Brenda Achieng']);
    expect(await names('000003')).toEqual(['Brenda Achieng']);
    expect(await names('0733000')).toEqual(['Brenda Achieng']);
    expect(await names('254711')).toEqual(['Zawadi Mwangi']);
    expect(await names('thief')).toEqual(['Ali Baba']);
    expect(await names('10.5.0.1')).toEqual(['Ali Baba', 'Zawadi Mwangi']);
    expect(await names('mail.test')).toEqual(['Brenda Achieng']);
    expect(await names('alvaro nunez')).toEqual(['álvaro Núñez']);
    expect(await names('"quote')).toEqual([]);
    // One or two letters: the start of the name.
    expect(await names('al')).toEqual(['Ali Baba', 'Ali Hassan']);
    expect(await names('z')).toEqual(['Zawadi Mwangi']);
    expect(await names('ali b')).toEqual(['Ali Baba']);
  });

  it('filters by status, plan, router and "expires within N days"', async () => {
    const { o, biz, made } = await setup();
    const [zawadi, ali, brenda] = made;
    if (!zawadi || !ali || !brenda) throw new Error('setup');
    unwrap(await o.cashier.call('billing.renew', { clientId: zawadi.id }));
    o.tc.clock.advance(20 * DAY);
    unwrap(await o.cashier.call('billing.renew', { clientId: ali.id }));
    unwrap(await o.tech.call('clients.update', { id: brenda.id, status: 'suspended' }));
    const ids = async (filter: In<'clients.list'>['filter']) =>
      unwrap(await o.viewer.call('clients.list', { filter }))
        .items.map((i) => i.id)
        .sort();
    expect(await ids({ statuses: ['active'] })).toEqual([zawadi.id, ali.id].sort());
    expect(await ids({ statuses: ['suspended', 'active'] })).toEqual(
      [zawadi.id, ali.id, brenda.id].sort(),
    );
    expect(await ids({ planId: biz.id })).toEqual([made[1]?.id, made[3]?.id].sort());
    expect(await ids({ routerId: 1 })).toEqual([made[0]?.id, made[3]?.id].sort());
    expect(await ids({ routerId: 1, statuses: ['active'] })).toEqual([zawadi.id]);
    expect(await ids({ expiresWithinDays: 14 })).toEqual([zawadi.id]);
    expect(await ids({ expiresWithinDays: 60 })).toEqual([zawadi.id, ali.id].sort());
    const report = unwrap(await o.viewer.call('reports.expiring', { days: 14 }));
    expect(report.clients.map((c) => c.id)).toEqual([zawadi.id]);
    expect(report.total).toEqual({ count: 1, capped: false });
  });

  it('pages every sort in both directions with keyset cursors, no row twice or missing', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const made: number[] = [];
    for (let i = 0; i < 23; i++) {
      // Repeated names and balances make ties that only the id breaks.
      const c = await makeClient(o.tech, plan.id, { fullName: `Person ${String(i % 5)}` });
      made.push(c.id);
      if (i % 3 === 0) {
        const amount = 100 * ((i % 4) + 1);
        unwrap(
          await o.cashier.call('billing.pay', {
            clientId: c.id,
            amount,
            method: 'cash',
            renew: false,
          }),
        );
      }
      o.tc.clock.advance(1_000);
    }
    for (const by of ['name', 'account', 'expiresAt', 'balance', 'createdAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const items = await allPages(o.viewer, { sort: { by, dir }, limit: 4 });
        expect(items.map((i) => i.id).sort((a, b) => a - b)).toEqual(made);
        const key = (i: Item) =>
          by === 'name'
            ? i.fullName.toLowerCase()
            : by === 'account'
              ? i.accountNo
              : by === 'expiresAt'
                ? i.expiresAt
                : by === 'balance'
                  ? i.balance
                  : i.id;
        const sorted = [...items].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const c = x < y ? -1 : x > y ? 1 : a.id - b.id;
          return dir === 'asc' ? c : -c;
        });
        expect(items.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
      }
    }
    const first = unwrap(await o.viewer.call('clients.list', { limit: 5 }));
    expect(first.total).toEqual({ count: 23, capped: false });
    failure(
      await o.viewer.call('clients.list', {
        cursor: first.nextCursor ?? '',
        sort: { by: 'balance', dir: 'asc' },
      }),
      'validation',
    );
    failure(await o.viewer.call('clients.list', { cursor: 'garbage' }), 'validation');
  });

  it('gives the same pages whichever plan it takes (collect, walk the index, probe the text index)', async () => {
    const { o, home, made } = await setup();
    unwrap(await o.cashier.call('billing.renew', { clientId: made[0]?.id ?? 0 }));
    unwrap(await o.cashier.call('billing.renew', { clientId: made[3]?.id ?? 0 }));
    unwrap(await o.tech.call('clients.archive', { id: made[4]?.id ?? 0 }));
    const now = o.tc.clock.now();
    const sparse = createClientSearch(o.core.sqlite, { plan: 'sparse' });
    const others = [
      createClientSearch(o.core.sqlite, { plan: 'walk' }),
      createClientSearch(o.core.sqlite, { plan: 'probe' }),
      createClientSearch(o.core.sqlite),
    ];
    const filters: ClientFilter[] = [
      {},
      { search: 'ali' },
      // Accents and non-ASCII case: the text index matches where LIKE does not.
      { search: 'alvaro nunez' },
      { search: 'ÁLVARO' },
      { search: 'a' },
      { search: 'ali b' },
      { statuses: ['active', 'expired'] },
      { statuses: ['active', 'archived', 'suspended'], search: 'ali' },
      { statuses: ['archived'] },
      { planId: home.id },
      { routerId: 1, statuses: ['active'] },
      { expiresWithinDays: 40 },
      { expiresWithinDays: 40, search: 'zawadi' },
    ];
    for (const filter of filters) {
      for (const by of ['name', 'account', 'expiresAt', 'balance', 'createdAt'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const walk = (s: typeof sparse) => {
            const ids: number[] = [];
            let cursor: string | undefined;
            for (;;) {
              const p = s.page(
                { filter, sort: { by, dir }, limit: 2, ...(cursor ? { cursor } : {}) },
                now,
              );
              ids.push(...p.items.map((i) => i.id));
              if (!p.nextCursor) return ids;
              cursor = p.nextCursor;
            }
          };
          for (const other of others) {
            expect(walk(other), JSON.stringify({ filter, by, dir })).toEqual(walk(sparse));
          }
        }
      }
      for (const other of others)
        expect(other.count(filter, now)).toEqual(sparse.count(filter, now));
    }
  });
});

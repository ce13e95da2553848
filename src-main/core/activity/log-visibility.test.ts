import { chunkText } from '../test-support/activity-fixtures';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../contract/schemas/activity';
import { makeClient, makePlan, officeCore, type Office } from '../test-support/office-fixtures';
import type { ExportSink } from './activity.service';
import {
  failure,
  logEntries,
  READER_FROM_SOURCE,
  unwrap,
  type TestClient,
} from '../test-support/test-core';

/** An office with payments (financial) and a router (network) in its log. */
const officeWithMoney = async (threaded: boolean) => {
  const o = await officeCore(threaded ? { activityReader: READER_FROM_SOURCE } : {});
  const plan = await makePlan(o.admin);
  const client = await makeClient(o.tech, plan.id);
  for (const reference of ['MPESA-QX1', 'MPESA-QX2']) {
    unwrap(
      await o.cashier.call('billing.pay', {
        clientId: client.id,
        amount: 2_500,
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
  return o;
};

const exported = async (o: Office, who: TestClient, filter: object): Promise<string> => {
  let text = '';
  const sink: ExportSink = {
    write: (chunk) => {
      text += chunkText(chunk);
      return Promise.resolve();
    },
    end: () => Promise.resolve(),
    abort: () => undefined,
  };
  unwrap(
    await o.tc.dispatch.download('activity.export', { filter, format: 'ndjson' }, who.ctx, () =>
      Promise.resolve(sink),
    ),
  );
  return text;
};

const categoriesOf = (entries: ActivityEntry[]) => new Set(entries.map((e) => e.category));

describe.each([
  ['on the main thread', false],
  ['on reader threads', true],
])('activity log visibility by role (%s)', (_, threaded) => {
  it('keeps financial entries from technicians everywhere the log is read', async () => {
    const o = await officeWithMoney(threaded);
    const all = logEntries(o.core);
    const financial = all.filter((e) => e.category === 'financial');
    expect(financial.length).toBeGreaterThanOrEqual(2);
    const hiddenId = financial[0]?.id ?? 0;

    // Search: nothing financial, however it is asked for.
    for (const filter of [
      {},
      { categories: ['financial' as const] },
      { text: 'MPESA' },
      { events: ['payment.recorded'] },
      { clientId: financial[0]?.clientId ?? 0 },
    ]) {
      const page = unwrap(await o.tech.call('activity.search', { filter, limit: 500 }));
      expect(categoriesOf(page.entries).has('financial'), JSON.stringify(filter)).toBe(false);
      expect(JSON.stringify(page)).not.toContain('MPESA-QX');
    }
    const none = unwrap(
      await o.tech.call('activity.search', { filter: { categories: ['financial'] } }),
    );
    expect(none.total).toEqual({ count: 0, capped: false });
    const techAll = unwrap(await o.tech.call('activity.search', { filter: {}, limit: 500 }));
    const adminAll = unwrap(await o.admin.call('activity.search', { filter: {}, limit: 500 }));
    expect(adminAll.total.count - techAll.total.count).toBe(
      logEntries(o.core).filter((e) => e.category === 'financial').length,
    );

    // Histogram and facets, from the rollups and from text searches.
    for (const filter of [{}, { text: 'MPESA' }, { categories: ['financial' as const] }]) {
      const facets = unwrap(await o.tech.call('activity.facets', { filter }));
      expect(facets.categories.map((c) => c.value)).not.toContain('financial');
      const histogram = unwrap(await o.tech.call('activity.histogram', { filter }));
      const counted = histogram.buckets.reduce(
        (n, b) => n + (b.system ?? 0) + (b.user ?? 0) + (b.administrative ?? 0),
        0,
      );
      const visible = unwrap(await o.tech.call('activity.search', { filter, limit: 500 }));
      expect(counted).toBe(visible.total.count);
    }
    const adminFacets = unwrap(await o.admin.call('activity.facets', { filter: {} }));
    expect(adminFacets.categories.map((c) => c.value)).toContain('financial');

    // A single entry (a pivot): answered as if it did not exist.
    const hidden = failure(await o.tech.call('activity.get', { id: hiddenId }), 'not_found');
    const missing = failure(await o.tech.call('activity.get', { id: 999_999 }), 'not_found');
    expect(hidden.message).toBe(`Activity entry ${String(hiddenId)} does not exist.`);
    expect(missing.message).toBe('Activity entry 999999 does not exist.');
    expect(unwrap(await o.admin.call('activity.get', { id: hiddenId })).category).toBe('financial');

    // The dashboard's recent activity.
    const dashboard = unwrap(await o.tech.call('reports.dashboard', undefined));
    expect(categoriesOf(dashboard.recentActivity).has('financial')).toBe(false);
  });

  it('keeps router entries from cashiers, shows viewers everything, and exports what one may read', async () => {
    const o = await officeWithMoney(threaded);
    const cashier = unwrap(await o.cashier.call('activity.search', { filter: {}, limit: 500 }));
    expect(categoriesOf(cashier.entries).has('network')).toBe(false);
    expect(categoriesOf(cashier.entries).has('financial')).toBe(true);
    const viewer = unwrap(await o.viewer.call('activity.search', { filter: {}, limit: 500 }));
    expect(viewer.total.count).toBe(logEntries(o.core).length);

    // Exports: only administrators and viewers may export today, and they read everything;
    // the export applies the same rule to any role (here a technician's session, in the core).
    const viewerFile = await exported(o, o.viewer, { categories: ['financial'] });
    expect(viewerFile).toContain('"category":"financial"');
    const meta = { ip: '10.0.0.7', workstation: null, correlationId: 'test' };
    const tech = o.core.services.guard.authenticate(o.tech.ctx.sessionToken, meta, 'test');
    let techFile = '';
    await o.core.services.activity.exportTo(
      { filter: {}, format: 'ndjson' },
      { ...meta, actor: tech },
      () =>
        Promise.resolve({
          write: (chunk: string) => {
            techFile += chunk;
            return Promise.resolve();
          },
          end: () => Promise.resolve(),
          abort: () => undefined,
        }),
    );
    expect(techFile).toContain('"category":"network"');
    expect(techFile).not.toContain('"category":"financial"');
    // Verification checks the whole chain, hidden entries included, and reveals none.
    const entries = logEntries(o.core).length;
    const verified = unwrap(await o.viewer.call('activity.verify', undefined));
    expect(verified).toEqual({ ok: true, checked: entries, firstBadId: null, reason: null });
  });
});

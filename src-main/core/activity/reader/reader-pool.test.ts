import { describe, expect, it } from 'vitest';
import {
  failure,
  READER_FROM_SOURCE,
  signInAdmin,
  testCore,
  unwrap,
} from '../../test-support/test-core';

describe('activity reads on reader threads', () => {
  it('answers searches, stats and entries as the main thread does, errors as data', async () => {
    const threaded = testCore({ activityReader: READER_FROM_SOURCE });
    const plain = testCore();
    const results = [];
    for (const tc of [threaded, plain]) {
      const admin = await signInAdmin(tc);
      unwrap(
        await admin.call('staff.create', {
          username: 'wanjiru',
          displayName: 'Wanjiru Kamau',
          role: 'cashier',
          password: 'Temp-Pa55word!',
        }),
      );
      const filter = { text: 'wanjiru ' };
      const page = unwrap(await admin.call('activity.search', { filter }));
      const entry = unwrap(await admin.call('activity.get', { id: page.entries[0]?.id ?? 0 }));
      const facets = unwrap(await admin.call('activity.facets', { filter: {} }));
      const histogram = unwrap(await admin.call('activity.histogram', { filter }));
      // Correlation ids and hashes differ between the two cores; what was found must not.
      results.push({
        ids: page.entries.map((e) => e.id),
        descriptions: page.entries.map((e) => e.description),
        entry: { id: entry.id, event: entry.event, description: entry.description },
        facets,
        histogram,
      });

      expect(
        failure(await admin.call('activity.search', { filter: { ip: '10.0.0.300' } }), 'validation')
          .message,
      ).toMatch(/IP filter/);
      expect(
        failure(await admin.call('activity.get', { id: 999_999 }), 'not_found').message,
      ).toMatch(/999999 does not exist/);
    }
    const [fromThread, fromMain] = results;
    expect(fromThread?.ids.length).toBeGreaterThan(0);
    expect(fromThread).toEqual(fromMain);
  });

  it('sees entries committed on the main thread right away', async () => {
    const tc = testCore({ activityReader: READER_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    const search = () => admin.call('activity.search', { filter: { ip: '10.9.8.7' } });
    expect(unwrap(await search()).entries).toEqual([]);
    const stranger = tc.client({ ip: '10.9.8.7' });
    failure(
      await stranger.call('auth.login', { username: 'admin', password: 'wrong' }),
      'invalid_credentials',
    );
    const found = unwrap(await search()).entries;
    expect(found.map((e) => e.event)).toEqual(['auth.login.failed']);
  });
});

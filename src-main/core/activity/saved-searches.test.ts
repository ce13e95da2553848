import { describe, expect, it } from 'vitest';
import { addStaff, failure, signInAdmin, testCore, unwrap } from '../test-support/test-core';

describe('saved searches', () => {
  it('belong to one staff member, replace by name, and cannot be removed by another', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: viewer } = await addStaff(tc, admin, 'vera', 'viewer');

    const first = unwrap(
      await admin.call('searches.save', {
        name: 'Failed logins',
        filter: { outcomes: ['failure'] },
      }),
    );
    unwrap(
      await admin.call('searches.save', {
        name: 'Failed logins',
        filter: { outcomes: ['failure'], categories: ['authentication'] },
      }),
    );
    const mine = unwrap(await admin.call('searches.list', undefined));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.filter).toEqual({ outcomes: ['failure'], categories: ['authentication'] });

    expect(unwrap(await viewer.call('searches.list', undefined))).toEqual([]);
    failure(await viewer.call('searches.delete', { id: first.id }), 'not_found');
    failure(await admin.call('searches.save', { name: '  ', filter: {} }), 'validation');
    unwrap(await admin.call('searches.delete', { id: first.id }));
    expect(unwrap(await admin.call('searches.list', undefined))).toEqual([]);
  });
});

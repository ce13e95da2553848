import { describe, expect, it } from 'vitest';
import {
  EMPTY_CLIENT_VIEW,
  clientViewFromParams,
  clientViewToParams,
  nextSort,
  toClientFilter,
} from './client-list-params';
import type { ClientListView } from './client-list-params';

const FULL: ClientListView = {
  search: 'amina',
  statuses: ['active', 'expired'],
  planId: 3,
  routerId: 2,
  expiresWithinDays: 7,
  sort: { by: 'expiresAt', dir: 'desc' },
};

describe('client list URL state', () => {
  it('round-trips every field and keeps defaults out of the URL', () => {
    const query = clientViewToParams(FULL).toString();
    expect(query).toBe('q=amina&status=active%2Cexpired&plan=3&router=2&within=7&sort=-expiresAt');
    expect(clientViewFromParams(new URLSearchParams(query))).toEqual(FULL);
    expect(clientViewToParams(EMPTY_CLIENT_VIEW).toString()).toBe('');
  });

  it('drops what is not valid', () => {
    const view = clientViewFromParams(
      new URLSearchParams('status=active,bogus&plan=-1&router=x&within=999&sort=password'),
    );
    expect(view).toEqual({ ...EMPTY_CLIENT_VIEW, statuses: ['active'] });
  });

  it('becomes the contract filter the server searches with', () => {
    expect(toClientFilter(FULL)).toEqual({
      search: 'amina',
      statuses: ['active', 'expired'],
      planId: 3,
      routerId: 2,
      expiresWithinDays: 7,
    });
    expect(toClientFilter({ ...EMPTY_CLIENT_VIEW, search: '   ' })).toEqual({});
  });

  it('sorts a new column ascending and flips the same one', () => {
    expect(nextSort({ by: 'name', dir: 'asc' }, 'balance')).toEqual({ by: 'balance', dir: 'asc' });
    expect(nextSort({ by: 'balance', dir: 'asc' }, 'balance')).toEqual({
      by: 'balance',
      dir: 'desc',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  EMPTY_VIEW,
  QUICK_RANGES,
  localDayEnd,
  localDayStart,
  toApiFilter,
  viewFromParams,
  viewToParams,
} from './filter-params';
import type { ActivityView } from './filter-params';

const FULL: ActivityView = {
  text: 'router reboot',
  range: null,
  from: '2025-01-01',
  to: '2025-01-31',
  types: ['user', 'administrative'],
  categories: ['network', 'auto_sync'],
  outcome: 'failure',
  ip: '10.0.0.0/24',
  actorId: 7,
  correlationId: 'req-1',
};

describe('activity filter ↔ URL parameters', () => {
  it('round-trips every field through the query string', () => {
    const query = viewToParams(FULL).toString();
    expect(viewFromParams(new URLSearchParams(query))).toEqual(FULL);
  });

  it('writes nothing for an empty filter and reads an empty query as no filter', () => {
    expect(viewToParams(EMPTY_VIEW).toString()).toBe('');
    expect(viewFromParams(new URLSearchParams())).toEqual(EMPTY_VIEW);
  });

  it('keeps unrelated parameters such as the open entry', () => {
    const params = viewToParams({ ...EMPTY_VIEW, ip: '10.0.' }, new URLSearchParams('entry=5&q=x'));
    expect(params.get('entry')).toBe('5');
    expect(params.get('q')).toBeNull();
    expect(params.get('ip')).toBe('10.0.');
  });

  it('drops values a hand-edited or stale bookmark may contain', () => {
    const view = viewFromParams(
      new URLSearchParams(
        'type=user,bogus,user&category=nope&outcome=maybe&staff=-3&from=2025-02-30&to=soon&range=1y',
      ),
    );
    expect(view).toEqual({ ...EMPTY_VIEW, types: ['user'] });
  });

  it('lets a quick range win over picked dates', () => {
    const view = viewFromParams(new URLSearchParams('range=7d&from=2025-01-01&to=2025-01-02'));
    expect(view.range).toBe('7d');
    expect(view.from).toBeNull();
    expect(view.to).toBeNull();
  });
});

describe('toApiFilter', () => {
  it('maps picked days to whole local days', () => {
    const filter = toApiFilter(FULL, Date.now());
    expect(filter).toEqual({
      text: 'router reboot',
      from: new Date(2025, 0, 1).getTime(),
      to: new Date(2025, 1, 1).getTime() - 1,
      types: ['user', 'administrative'],
      categories: ['network', 'auto_sync'],
      outcomes: ['failure'],
      ip: '10.0.0.0/24',
      actorIds: [7],
      correlationId: 'req-1',
    });
    expect(localDayEnd('2025-01-31') - localDayStart('2025-01-31')).toBe(24 * 60 * 60 * 1000 - 1);
  });

  it('measures quick ranges back from the given instant', () => {
    const now = Date.UTC(2025, 5, 10, 12);
    expect(toApiFilter({ ...EMPTY_VIEW, range: '24h' }, now)).toEqual({
      from: now - QUICK_RANGES['24h'].ms,
    });
  });

  it('leaves out blank text and IP', () => {
    expect(toApiFilter({ ...EMPTY_VIEW, text: '   ', ip: ' ' }, 0)).toEqual({});
  });
});

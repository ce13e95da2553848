import { describe, expect, it } from 'vitest';
import {
  EMPTY_VIEW,
  QUICK_RANGES,
  boundEnd,
  boundStart,
  isMinuteBound,
  localDayEnd,
  localDayStart,
  toApiFilter,
  viewFromApiFilter,
  viewFromParams,
  viewToParams,
  zoomView,
} from './filter-params';
import type { ActivityView } from './filter-params';
import { officeClock } from '../../lib/office-time';

/** Office time in Nairobi (UTC+3), whatever zone the test process runs in. */
const CLOCK = officeClock('Africa/Nairobi');

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
  clientId: 42,
  routerId: 3,
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
        'type=user,bogus,user&category=nope&outcome=maybe&staff=-3&from=2025-02-30&to=soon&range=1y' +
          '&client=0&router=1.5',
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
  it('maps picked days to whole office days', () => {
    const filter = toApiFilter(FULL, Date.now(), CLOCK);
    expect(filter).toEqual({
      text: 'router reboot',
      from: CLOCK.at(2025, 1, 1),
      to: CLOCK.at(2025, 2, 1) - 1,
      types: ['user', 'administrative'],
      categories: ['network', 'auto_sync'],
      outcomes: ['failure'],
      ip: '10.0.0.0/24',
      actorIds: [7],
      clientId: 42,
      routerId: 3,
      correlationId: 'req-1',
    });
    expect(localDayEnd('2025-01-31', CLOCK) - localDayStart('2025-01-31', CLOCK)).toBe(
      24 * 60 * 60 * 1000 - 1,
    );
  });

  it('measures quick ranges back from the given instant', () => {
    const now = Date.UTC(2025, 5, 10, 12);
    expect(toApiFilter({ ...EMPTY_VIEW, range: '24h' }, now, CLOCK)).toEqual({
      from: now - QUICK_RANGES['24h'].ms,
    });
  });

  it('leaves out blank text and IP', () => {
    expect(toApiFilter({ ...EMPTY_VIEW, text: '   ', ip: ' ' }, 0, CLOCK)).toEqual({});
  });
});

describe('pivot parameters', () => {
  it('carries client, router and correlation in the URL under those names', () => {
    const params = viewToParams({ ...EMPTY_VIEW, clientId: 42, routerId: 3, correlationId: 'c-1' });
    expect(params.get('client')).toBe('42');
    expect(params.get('router')).toBe('3');
    expect(params.get('correlation')).toBe('c-1');
  });
});

/** Any fixed moment: a zoomed range is absolute, so the time now must not matter. */
const NOW = CLOCK.at(2025, 6, 1, 9, 30);

describe('zoomed time ranges', () => {
  it('keeps a zoomed range to the minute in the URL, inclusive of the last minute', () => {
    const from = CLOCK.at(2025, 1, 15, 10, 0);
    const to = CLOCK.at(2025, 1, 15, 12, 59) + 59_999;
    const view = zoomView({ ...EMPTY_VIEW, range: '7d' }, from, to, CLOCK);
    expect(view).toMatchObject({ range: null, from: '2025-01-15T10:00', to: '2025-01-15T12:59' });

    const back = viewFromParams(new URLSearchParams(viewToParams(view).toString()));
    expect(back.from).toBe('2025-01-15T10:00');
    expect(toApiFilter(back, NOW, CLOCK)).toEqual({ from, to });
  });

  it('keeps its time when a zoom starts or ends at midnight', () => {
    const from = localDayStart('2025-03-01', CLOCK);
    const to = localDayEnd('2025-03-02', CLOCK);
    const view = zoomView(EMPTY_VIEW, from, to, CLOCK);
    expect(view).toMatchObject({ from: '2025-03-01T00:00', to: '2025-03-02T23:59' });
    expect(isMinuteBound(view.from) && isMinuteBound(view.to)).toBe(true);
    expect(toApiFilter(view, NOW, CLOCK)).toEqual({ from, to });
  });

  it('reads picked days and minutes in the office zone, not the machine zone', () => {
    expect(
      toApiFilter({ ...EMPTY_VIEW, from: '2025-03-01', to: '2025-03-01' }, NOW, CLOCK),
    ).toEqual({
      from: Date.UTC(2025, 1, 28, 21, 0),
      to: Date.UTC(2025, 2, 1, 21, 0) - 1,
    });
    expect(
      zoomView(EMPTY_VIEW, Date.UTC(2025, 0, 15, 7, 0), Date.UTC(2025, 0, 15, 8, 0), CLOCK),
    ).toMatchObject({ from: '2025-01-15T10:00', to: '2025-01-15T11:00' });
  });

  it('rejects impossible minutes', () => {
    expect(boundStart('2025-01-15T24:00', CLOCK)).toBeNaN();
    expect(boundEnd('2025-02-30T10:00', CLOCK)).toBeNaN();
    expect(viewFromParams(new URLSearchParams('from=2025-01-15T10:60')).from).toBeNull();
  });
});

describe('viewFromApiFilter (saved searches)', () => {
  it('gives back the view a filter was made from', () => {
    const filter = toApiFilter(FULL, Date.now(), CLOCK);
    expect(viewFromApiFilter(filter, CLOCK)).toEqual(FULL);
  });

  it('turns a saved relative range into the fixed times it covered', () => {
    const now = CLOCK.at(2025, 6, 10, 12, 30);
    const filter = toApiFilter({ ...EMPTY_VIEW, range: '24h' }, now, CLOCK);
    expect(viewFromApiFilter(filter, CLOCK)).toEqual({ ...EMPTY_VIEW, from: '2025-06-09T12:30' });
  });

  it('keeps one outcome and drops a filter on both', () => {
    expect(viewFromApiFilter({ outcomes: ['success', 'failure'] }, CLOCK).outcome).toBeNull();
    expect(viewFromApiFilter({ outcomes: ['failure'] }, CLOCK).outcome).toBe('failure');
  });
});

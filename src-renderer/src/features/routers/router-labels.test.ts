import { describe, expect, it } from 'vitest';
import { ROUTER_STATUSES } from '@contract/schemas/routers';
import { formatPct, formatUptime, routerBadge, STATUS_LABELS } from './router-labels';
import { sparklineSegments } from './sparkline';

describe('router status badge', () => {
  it('maps every status to its label and colour', () => {
    expect(ROUTER_STATUSES.map((status) => routerBadge({ status, enabled: true }))).toEqual([
      { label: 'Unknown', color: 'gray' },
      { label: 'Online', color: 'teal' },
      { label: 'Offline', color: 'red' },
      { label: 'Degraded', color: 'yellow' },
    ]);
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...ROUTER_STATUSES].sort());
  });

  it('shows a disabled router as Disabled, whatever its last status', () => {
    expect(routerBadge({ status: 'online', enabled: false })).toEqual({
      label: 'Disabled',
      color: 'gray',
    });
  });
});

describe('router numbers', () => {
  it('formats uptime and percentages', () => {
    expect(formatUptime(null)).toBe('—');
    expect(formatUptime(45)).toBe('45s');
    expect(formatUptime(125)).toBe('2m');
    expect(formatUptime(7_500)).toBe('2h 5m');
    expect(formatUptime(90_061)).toBe('1d 1h');
    expect(formatPct(null)).toBe('—');
    expect(formatPct(37)).toBe('37%');
  });
});

describe('sparkline', () => {
  it('scales percentages to the box, top is 100%', () => {
    expect(sparklineSegments([0, 50, 100], 100, 10)).toEqual(['0.0,10.0 50.0,5.0 100.0,0.0']);
  });

  it('splits the line at failed polls and clamps out-of-range values', () => {
    expect(sparklineSegments([10, null, 150, -5], 30, 10)).toEqual([
      '0.0,9.0',
      '20.0,0.0 30.0,10.0',
    ]);
  });

  it('draws a single sample as a flat line', () => {
    expect(sparklineSegments([50], 100, 10)).toEqual(['0,5.0 100.0,5.0']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  fmtBuildTime,
  fmtDate,
  fmtDuration,
  fmtId,
  networkOf,
  parseDuration,
  parsePrefix,
  parseRatePair,
  fmtIpv4,
} from './format';

describe('formats', () => {
  it('formats durations like the API (zero units left out)', () => {
    expect(fmtDuration(0)).toBe('0s');
    expect(fmtDuration(((4 * 24 + 15) * 3600 + 20 * 60 + 38) * 1000)).toBe('4d15h20m38s');
    expect(fmtDuration((((7 + 2) * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toBe('1w2d3h4m5s');
    expect(fmtDuration(3_600_000)).toBe('1h');
  });

  it('parses durations in the accepted input forms', () => {
    expect(parseDuration('1d2h')).toBe(26 * 3_600_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('01:02:03')).toBe(3_723_000);
    expect(parseDuration('1d02:03:04')).toBe(93_784_000);
    expect(parseDuration('2x')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  it('formats dates by version', () => {
    const t = Date.UTC(2024, 1, 5, 13, 47, 44);
    expect(fmtDate(t, 'legacy')).toBe('feb/05/2024 13:47:44');
    expect(fmtDate(t, 'iso')).toBe('2024-02-05 13:47:44');
    expect(fmtBuildTime(Date.UTC(2015, 1, 11, 13, 24, 13), 'legacy')).toBe('Feb/11/2015 13:24:13');
  });

  it('normalises rates to bits and prefixes to networks', () => {
    expect(parseRatePair('25M')).toEqual([25_000_000, 25_000_000]);
    expect(parseRatePair('300M/150M')).toEqual([300_000_000, 150_000_000]);
    expect(parseRatePair('1.5k/2G')).toEqual([1500, 2_000_000_000]);
    expect(parseRatePair('fast')).toBeNull();
    const p = parsePrefix('203.0.113.77/24');
    expect(p && fmtIpv4(networkOf(p[0], p[1]))).toBe('203.0.113.0');
  });

  it('formats ids as * plus upper-case hex', () => {
    expect(fmtId(0xfffffffe)).toBe('*FFFFFFFE');
    expect(fmtId(0xc2a)).toBe('*C2A');
  });
});

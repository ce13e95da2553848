import { describe, expect, it } from 'vitest';
import { activityEntry } from '../../test-utils/fixtures';
import { findFailure, stepEntry } from './entry-navigation';

const outcomes = ['success', 'failure', 'success', 'success', 'failure', 'success'] as const;
// Newest first: ids 6, 5, 4, 3, 2, 1; failures are 5 and 2.
const entries = outcomes.map((outcome, i) => activityEntry(6 - i, { outcome }));

describe('stepEntry (j / k)', () => {
  it('moves down (older) and up (newer), stopping at the ends', () => {
    expect(stepEntry(entries, 4, 'next')).toBe(3);
    expect(stepEntry(entries, 4, 'previous')).toBe(5);
    expect(stepEntry(entries, 1, 'next')).toBeNull();
    expect(stepEntry(entries, 6, 'previous')).toBeNull();
  });

  it('starts at the top going down and at the bottom going up when nothing is selected', () => {
    expect(stepEntry(entries, null, 'next')).toBe(6);
    expect(stepEntry(entries, null, 'previous')).toBe(1);
    expect(stepEntry(entries, 99, 'next')).toBe(6);
    expect(stepEntry([], null, 'next')).toBeNull();
  });
});

describe('findFailure (n / N)', () => {
  it('finds the nearest failure below or above the selection', () => {
    expect(findFailure(entries, null, 'next')).toBe(5);
    expect(findFailure(entries, 5, 'next')).toBe(2);
    expect(findFailure(entries, 2, 'next')).toBeNull();
    expect(findFailure(entries, 3, 'previous')).toBe(5);
    expect(findFailure(entries, 5, 'previous')).toBeNull();
    expect(findFailure(entries, null, 'previous')).toBe(2);
  });
});

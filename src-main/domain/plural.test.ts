import { describe, expect, it } from 'vitest';
import { counted, noun, per, pluralOf } from './plural';

describe('plural words', () => {
  it('makes the regular and irregular plurals', () => {
    expect(pluralOf('entry')).toBe('entries');
    expect(pluralOf('day')).toBe('days');
    expect(pluralOf('address')).toBe('addresses');
    expect(pluralOf('sample')).toBe('samples');
    expect(pluralOf('person')).toBe('people');
  });

  it('counts with the right noun, grouped digits and zero as plural', () => {
    expect(counted(1, 'entry')).toBe('1 entry');
    expect(counted(6, 'entry')).toBe('6 entries');
    expect(counted(0, 'client')).toBe('0 clients');
    expect(counted(1204, 'sample')).toBe('1,204 samples');
    expect(noun(2, 'row', 'rows skipped')).toBe('rows skipped');
  });

  it('says "per month" for one period and "per 3 months" for more', () => {
    expect(per(1, 'month')).toBe('per month');
    expect(per(3, 'month')).toBe('per 3 months');
    expect(per(30, 'day')).toBe('per 30 days');
  });
});

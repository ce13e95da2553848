import { describe, expect, it } from 'vitest';
import { matchesQuery } from './query-stack';

const ether = { '.id': '*1', name: 'ether1', type: 'ether', mtu: '1500', comment: 'wan' };
const vlan = { '.id': '*2', name: 'vlan10', type: 'vlan', mtu: '1496' };
const bridge = { '.id': '*3', name: 'bridge', type: 'bridge', mtu: '1500', comment: '' };
const rows = [ether, vlan, bridge];
const names = (q: string[]): string[] => rows.filter((r) => matchesQuery(q, r)).map((r) => r.name);

describe('matchesQuery', () => {
  it('matches everything with no query', () => {
    expect(names([])).toEqual(['ether1', 'vlan10', 'bridge']);
  });

  it('tests presence, absence and equality (both spellings)', () => {
    expect(names(['?comment'])).toEqual(['ether1', 'bridge']);
    expect(names(['?-comment'])).toEqual(['vlan10']);
    expect(names(['?-comment='])).toEqual(['vlan10']);
    expect(names(['?type=ether'])).toEqual(['ether1']);
    expect(names(['?=type=vlan'])).toEqual(['vlan10']);
    expect(names(['?.id=*3'])).toEqual(['bridge']);
  });

  it('compares numbers numerically and strings lexically', () => {
    expect(names(['?<mtu=1500'])).toEqual(['vlan10']);
    expect(names(['?>mtu=1499'])).toEqual(['ether1', 'bridge']);
    expect(names(['?>name=c'])).toEqual(['ether1', 'vlan10']);
  });

  it('reads ?>name= as "has a non-empty value"', () => {
    expect(names(['?>comment='])).toEqual(['ether1']);
  });

  it('combines consecutive words as AND', () => {
    expect(names(['?type=ether', '?mtu=1500'])).toEqual(['ether1']);
    expect(names(['?type=bridge', '?mtu=1496'])).toEqual([]);
  });

  it('runs the documented stack operations', () => {
    // API page: ether OR vlan, and NOT (ether OR vlan).
    expect(names(['?type=ether', '?type=vlan', '?#|'])).toEqual(['ether1', 'vlan10']);
    expect(names(['?type=ether', '?type=vlan', '?#|!'])).toEqual(['bridge']);
    expect(names(['?type=ether', '?#!'])).toEqual(['vlan10', 'bridge']);
    expect(names(['?type=ether', '?mtu=1500', '?#&'])).toEqual(['ether1']);
    // routeros-client orWhereNot: a OR NOT b.
    expect(names(['?type=vlan', '?mtu=1500', '?#!', '?#|'])).toEqual(['vlan10']);
  });

  it('copies values by index and replaces the stack with a trailing index', () => {
    // push(type=ether), push(mtu=1500); "1" at the end keeps only type=ether.
    expect(names(['?type=ether', '?mtu=1500', '?#1'])).toEqual(['ether1']);
    // "0." copies the top (mtu=1500) and the "." after an index is a no-op; "&" ANDs the copies.
    expect(names(['?mtu=1500', '?#0.&'])).toEqual(['ether1', 'bridge']);
    // A lone "." copies the top; "!" negates the copy, leaving one false and one true.
    expect(names(['?type=ether', '?#.!'])).toEqual([]);
    // Indexes past the bottom read the unlimited supply of true.
    expect(names(['?type=vlan', '?#5'])).toEqual(['ether1', 'vlan10', 'bridge']);
  });

  it('normalises query values through the given hook', () => {
    const row = { disabled: 'false' };
    const norm = (_n: string, v: string): string => (v === 'no' ? 'false' : v);
    expect(matchesQuery(['?disabled=no'], row, norm)).toBe(true);
    expect(matchesQuery(['?disabled=no'], row)).toBe(false);
  });
});

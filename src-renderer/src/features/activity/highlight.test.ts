import { describe, expect, it } from 'vitest';
import { searchTerms, splitHighlights, termsPattern } from './highlight';

const marked = (text: string, search: string) =>
  splitHighlights(text, searchTerms(search))
    .filter((s) => s.match)
    .map((s) => s.text);

describe('searchTerms', () => {
  it('keeps words and quoted phrases, once each, and drops terms without letters or digits', () => {
    expect(searchTerms('router  "failed login" ( * router "" -')).toEqual([
      'router',
      'failed login',
    ]);
  });
});

describe('splitHighlights', () => {
  it('splits into plain and matched segments that join back to the text', () => {
    const text = 'Router Core-1 rebooted by router admin';
    const segments = splitHighlights(text, ['router']);
    expect(segments).toEqual([
      { text: 'Router', match: true },
      { text: ' Core-1 rebooted by ', match: false },
      { text: 'router', match: true },
      { text: ' admin', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('matches at the start of words, so a prefix being typed is marked but not word middles', () => {
    expect(marked('Rebooted router; prerouting rules kept', 'rout')).toEqual(['rout']);
  });

  it('takes regex characters literally', () => {
    expect(marked('Address 10.0.0.1 and 10x0y0z1', '10.0.0.1')).toEqual(['10.0.0.1']);
    expect(marked('Paid $5.00 (cash) for ACC-0001', '$5.00 (cash) ACC-0001')).toEqual([
      '$5.00',
      '(cash)',
      'ACC-0001',
    ]);
    expect(marked('a+b*c? [x] {y} | back\\slash ^up', 'a+b*c? [x] {y} back\\slash ^up')).toEqual([
      'a+b*c?',
      '[x]',
      '{y}',
      'back\\slash',
      '^up',
    ]);
    expect(() => termsPattern(['(', '[', 'a)('])).not.toThrow();
  });

  it('marks a quoted phrase across any spacing, preferring the longest match', () => {
    expect(marked('Failed   login for ada; failed again', '"failed login" failed')).toEqual([
      'Failed   login',
      'failed',
    ]);
  });

  it('leaves markup-like text as text and returns nothing to mark without terms', () => {
    expect(marked('<b>bold</b> & <script>', '<b>bold</b>')).toEqual(['<b>bold</b>']);
    expect(splitHighlights('<i>x</i>', [])).toEqual([{ text: '<i>x</i>', match: false }]);
    expect(splitHighlights('', ['x'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCommandSentence, replyWords } from './command-sentence';

describe('parseCommandSentence', () => {
  it('splits attributes at the second = only and keeps empty values', () => {
    const s = parseCommandSentence([
      '/ppp/secret/add',
      '=name=a=b',
      '=comment=',
      '=follow',
      '=.proplist=.id,name',
      '?name=x',
      '?#|',
      '.tag=9',
    ]);
    expect(s.command).toBe('/ppp/secret/add');
    expect([...s.attributes]).toEqual([
      ['name', 'a=b'],
      ['comment', ''],
      ['follow', ''],
      ['.proplist', '.id,name'],
    ]);
    expect(s.queries).toEqual(['?name=x', '?#|']);
    expect(s.tag).toBe('9');
  });

  it('uses the last of several tags and treats an empty tag as untagged', () => {
    expect(parseCommandSentence(['/x', '.tag=a', '.tag=b']).tag).toBe('b');
    expect(parseCommandSentence(['/x', '.tag=a', '.tag=b']).tagCount).toBe(2);
    expect(parseCommandSentence(['/x', '.tag=']).tag).toBeUndefined();
  });
});

describe('replyWords', () => {
  it('puts the tag second by default, last on request, and nowhere when untagged', () => {
    const attrs = [['ret', '*1C']] as const;
    expect(replyWords('!done', attrs, '5', 'second')).toEqual(['!done', '.tag=5', '=ret=*1C']);
    expect(replyWords('!done', attrs, '5', 'last')).toEqual(['!done', '=ret=*1C', '.tag=5']);
    expect(replyWords('!done', attrs, undefined, 'second')).toEqual(['!done', '=ret=*1C']);
  });
});

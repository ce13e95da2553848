import { describe, expect, it } from 'vitest';
import { firstUnencodable, isAscii, isWin1252 } from './win1252-text';

describe('wire text', () => {
  it('accepts what node-routeros can encode as Windows-1252 and nothing else', () => {
    expect(isWin1252('Müller € café – “ok”')).toBe(true);
    expect(isWin1252('\u0080')).toBe(false); // C1 control: not a win1252 character
    expect(firstUnencodable('Иван')).toBe('И');
    expect(firstUnencodable('plain')).toBeUndefined();
  });

  it('allows only printable ASCII in credentials', () => {
    expect(isAscii('admin-1')).toBe(true);
    expect(isAscii('pässwörd')).toBe(false);
    expect(isAscii('tab\there')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { legacyLoginResponse } from './legacy-login';

describe('legacyLoginResponse', () => {
  it('matches the go-routeros proto_test.go vector', () => {
    expect(legacyLoginResponse('passTest', 'abc123')).toBe('0021277bff9ac7caf06aa608e46616d47f');
  });

  it('matches the librouteros unit-test vector', () => {
    expect(legacyLoginResponse('test', '259e0bc05acd6f46926dc2f809ed1bba')).toBe(
      '00c7fd865183a43a772dde231f6d0bff13',
    );
  });
});
